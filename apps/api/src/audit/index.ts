export { AuditModule } from './audit.module';
export { AuditService } from './audit.service';
export { ANONYMISED_SUBJECT_JOIN, redacted } from './anonymised-audit';
