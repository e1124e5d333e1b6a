export { createReportService, defineReportJobs, type ReportService, type JobDefiner } from './service.js';
export { reportRoutes, type ReportRouteOptions } from './routes.js';
export { reportMigrations } from './migrations.js';
export {
  reportSealedColumns,
  reportStatuses,
  crossMatchJob,
  detectMediaJob,
  purgeMediaJob,
  priorityOf,
  ageGroups,
  traffickingCategories,
  type AgeGroup,
  type PriorityFacts,
  type ReportStatus,
} from './model.js';
export {
  assessmentStages,
  queueStages,
  type AssessmentStage,
  type QueueStage,
  type AssessmentPosition,
  type AssessmentMove,
} from './assessment-stage.js';
export type { AssessmentQueueQuery, AssessmentQueuePage, QueuedReport, StageCount } from './assessment-queue.js';
export { ReportSummary } from './views.js';
export { grantableParts, type GrantablePart, type GrantReader, type GrantedReport } from './granted.js';
export { linkReasons, type LinkReason } from './match-keys.js';
export type { Cluster } from './views.js';
export type { ClusterOptions } from './clusters.js';
export type { PdqLinkSettings } from './pdq-links.js';
export { expireIdempotencyJob, type ExpireIdempotencyData } from './idempotency-expiry.js';
export { hotelIndicators, hotelIndicatorCodes, type HotelIndicator } from './hotel-indicators.js';
export { callerTypes, referralKinds, type CallerType, type ReferralKind } from './helpline-call.js';
export type { MediaHashes } from './media-hashes.js';
export type { MediaDeps, MediaInspector, KnownContentMatcher, BytesSealer } from './media-ports.js';
export { categories, ncmecMapping, ncmecIncidentTypes, categoryOfNcmec, type Category, type NcmecIncidentType } from './categories.js';
export { countryCodes, isCountryCode } from './countries.js';
export { PersonalView } from './views.js';
export { ReportContent, ReportV1, reportFormat, channels, limits, publishedSchema, type Channel } from './report-v1.js';
export type {
  Sealer,
  Actor,
  AuditRecord,
  AuditWriter,
  AuditBatchWriter,
  JobEnqueuer,
  IntakeFollowUp,
  IntakeFollowUpData,
  PartnerDirectory,
} from './ports.js';
