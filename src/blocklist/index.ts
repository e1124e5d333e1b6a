export { createBlocklistService, defineBlocklistJobs, type BlocklistService } from './service.js';
export type { BlocklistDeps } from './context.js';
export { blocklistRoutes, type BlocklistRouteOptions } from './routes.js';
export { blocklistMigrations } from './migrations.js';
export {
  refreshBlocklistJob,
  blocklistAfterAssessmentJob,
  blocklistFormats,
  listedLegalStatuses,
  blocklistSealedColumns,
  type BlocklistFormat,
  type BlocklistSnapshot,
  type BlocklistDiff,
  type BlocklistVersion,
  type ListedUrl,
  type UnlistedUrl,
} from './model.js';
export { desiredList, type DesiredList } from './desired.js';
export type { RefreshOutcome } from './refresh.js';
export type { Download, DownloadRequest } from './download.js';
export type {
  BlocklistSources,
  IllegalReport,
  ReportedUrl,
  Removal,
  Actor,
  AuditRecord,
  AuditWriter,
  JobQueuePort,
  Sealer,
} from './ports.js';
export { blocklistSourcesFrom, type SourceServices } from './sources.js';
