export { AuditModule } from './audit.module';
export { AuditService } from './audit.service';
export type { AuditEntry } from './audit.service';
export { AuditedWrites } from './audited-writes';
export type { AuditedTransaction, AuditRecord, WriteActor } from './audited-writes';
export { ANONYMISED_SUBJECT_JOIN, redacted } from './anonymised-audit';
