export { FrameworksModule } from './frameworks.module';
export { BuiltInFrameworksLoader } from './built-in-frameworks.loader';
export { FRAMEWORK_ENTITIES } from './entities/framework.entities';
export { localize, localizeRequired, pickLanguage, rowTexts } from './localize';
export { frameworkRefOf } from './framework-ref';
export type { FrameworkRefColumns } from './framework-ref';
