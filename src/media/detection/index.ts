export { createDetectionService, type DetectionDeps } from './service.js';
export type { BankMatch, DetectionService, DetectionStats, MatchKind, MediaHashes, MediaMatchResult, Suppression } from './types.js';
