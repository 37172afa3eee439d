export { AccessModule } from './access.module';
export { AccessService } from './access.service';
export { accountAccess, hasReports, visibleEmployees } from './access.queries';
export type { AccountAccessRow } from './access.queries';
export type { Actor } from './actor';
export { CurrentActor } from './current-actor.decorator';
export { ACTIONS, permits, POLICY, relationOf, rolesOf } from './policy';
export type { Action, Relation } from './policy';
