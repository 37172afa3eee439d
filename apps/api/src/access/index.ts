export { AccessModule } from './access.module';
export { AccessService, decideAccess } from './access.service';
export type { EmployeeAccess } from './access.service';
export type { Actor } from './actor';
export { CurrentActor } from './current-actor.decorator';
