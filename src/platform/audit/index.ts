export { auditMigrations } from './migrations.js';
export { recordAudit, recordAudits } from './record.js';
export { sealAudit, startAuditSealer, pendingAudit, type AuditSealer } from './seal.js';
export { verifyAudit, type AuditVerification, type AuditProblem, type AuditProblemKind, type VerifyOptions } from './verify.js';
export { readAudit, type AuditQuery } from './read.js';
export { auditRoutes } from './routes.js';
export { GENESIS_HASH, type ActorType, type AuditDetail, type AuditEntry, type AuditRecord, type JsonValue } from './entry.js';
