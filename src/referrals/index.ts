export { createReferralService, defineReferralJobs, type ReferralService } from './service.js';
export { referralRoutes, type ReferralRouteOptions } from './routes.js';
export { referralMigrations } from './migrations.js';
export {
  referralKinds,
  addresseeRoles,
  kindOfRole,
  referralStatuses,
  grants,
  escalateOverdueJob,
  referralSealedContext,
  referralSealedColumns,
  type ReferralKind,
  type AddresseeRole,
  type ReferralStatus,
} from './model.js';
export { defaultServiceLevels, type ServiceLevels, type ServiceLevel } from './service-levels.js';
export type { ReferralIntent, ReferralTarget, PlannedReferral } from './plan.js';
export type { RoutingRun, RoutingOutcome } from './create.js';
export { ReferralOfReport, ClusterView, ReferralView, NoticeAddressee } from './contracts.js';
export type { OrganisationDirectory, ReferralReports, ReportCluster, CreatedReferral, ReferralCreatedHook } from './ports.js';
export type { OpenNotice } from './list.js';
export type { ConfirmedRemoval } from './removals.js';
export { StatusChange } from './contracts.js';
