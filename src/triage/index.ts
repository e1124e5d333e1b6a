export { createTriageService, triageSettingsFrom, type TriageService } from './service.js';
export type { TriageDeps, TriageSettings } from './context.js';
export { triageRoutes, type TriageRouteOptions } from './routes.js';
export { triageMigrations } from './migrations.js';
export {
  triageSealedColumns,
  legalStatuses,
  imageryClasses,
  disputableFields,
  maxClaimsPerAnalyst,
  type LegalStatus,
  type ImageryClass,
  type ConfirmationRule,
  type PriorityReason,
} from './model.js';
export { FinalAssessment, ReportAssessment, AssessmentView } from './contracts.js';
export type {
  AssessmentFollowUp,
  AssessmentFollowUpData,
  TriageReports,
  StaffDirectory,
  StaffMember,
  Sealer,
  Actor,
  AuditRecord,
  AuditWriter,
  JobEnqueuer,
} from './ports.js';
