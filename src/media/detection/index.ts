export { createDetectionService, type DetectionDeps } from './service.js';
export { detectionRoutes, MATCH_FILE_MAX_BYTES, type DetectionRouteOptions } from './routes.js';
export { auditedLookup, type LookupDeps, type LookupActor, type LookupAuditWriter } from './lookup.js';
export type { BankMatch, DetectionService, DetectionStats, MatchKind, MediaHashes, MediaMatchResult, Suppression } from './types.js';
