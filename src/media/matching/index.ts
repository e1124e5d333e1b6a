export type { Match, MatchIndex, MatchIndexOptions, MatchIndexStats, QueryPath } from './types.js';
export { createMatchIndex, MAX_ENTRIES } from './match-index.js';
export { MAX_SUBSTRINGS, MIN_SUBSTRINGS } from './layout.js';
