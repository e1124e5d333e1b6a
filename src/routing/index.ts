export { createRoutingService, defineRoutingJobs, type RoutingService } from './service.js';
export { routingRoutes, type RoutingRouteOptions } from './routes.js';
export { routingMigrations } from './migrations.js';
export {
  routeJob,
  routeUrgentJob,
  urgentRoutingFollowUp,
  triggers,
  hostingWaits,
  type RouteData,
  type RouteUrgentData,
  type Trigger,
} from './model.js';
export { RuleSet, ruleFormat, publishedRuleSchema, type Rule } from './rule-format.js';
export { frenchDefaultRules } from './default-rules.js';
export type { AssessmentSource, AssessmentFacts, RoutingReports, RoutingUrls, RoutingReferrals } from './ports.js';
