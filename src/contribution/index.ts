export { createContributionService, type ContributionService } from './service.js';
export type { ContributionDeps, ExportOptions } from './build.js';
export { contributionRoutes, type ContributionRouteOptions } from './routes.js';
export {
  packageFormat,
  contributableBankPurposes,
  type ContributionRecord,
  type ContributionManifest,
  type ContributionPackage,
} from './model.js';
export type { ContributionSources, ClassifiedReport, ReportedMedia, BankSummary, BankEntry, Actor, AuditWriter } from './ports.js';
export { contributionSourcesFrom, type SourceServices as ContributionSourceServices } from './sources.js';
