export * from './lib/document/count-document';
export * from './lib/packs/built-in-packs';
export * from './lib/proficio-json/framework-schema';
export * from './lib/quality/data-quality';
