export { createExchangeService, type ExchangeService, type ExchangeKeys } from './service.js';
export { exchangeRoutes, type ExchangeRouteOptions } from './routes.js';
export { exchangeMigrations } from './migrations.js';
export { parseAllowedHttpOrigins } from './origins.js';
export { exchangeSealedColumns } from './sealed-columns.js';
export {
  syncStatusesJob,
  forwardJob,
  deliverJob,
  exchangeFormat,
  keyIdOf,
  canonicalBytes,
  keyHeader,
  signatureHeader,
  replayWindowSeconds,
} from './model.js';
export { SharedReport, Message, DeploymentKey, PartnerView } from './contracts.js';
export type { ExchangeDeps } from './context.js';
export { sharedParts } from './shared-report.js';
