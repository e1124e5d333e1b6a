import type { MediaHashes } from './types.js';

const lengths = { pdq: 64, md5: 32, sha1: 40, sha256: 64 } as const;
const hex = /^[0-9a-fA-F]+$/;

/** A query whose hashes are lower-case hex and whose quality is an integer 0–100. */
export interface NormalisedQuery {
  pdq?: string;
  pdqQuality?: number;
  md5?: string;
  sha1?: string;
  sha256?: string;
}

/**
 * Checks and normalises the queries of `match`; a bad one throws a RangeError naming the
 * query and the field (`queries[3].md5`). The HTTP route validates its body before, so
 * this only guards other callers.
 */
export function normaliseQueries(queries: readonly MediaHashes[]): NormalisedQuery[] {
  return queries.map((query, i) => {
    const out: NormalisedQuery = {};
    for (const kind of ['pdq', 'md5', 'sha1', 'sha256'] as const) {
      const value = query[kind];
      if (value === undefined) continue;
      if (typeof value !== 'string' || value.length !== lengths[kind] || !hex.test(value)) {
        throw new RangeError(`queries[${i}].${kind} must be ${lengths[kind]} hexadecimal digits`);
      }
      out[kind] = value.toLowerCase();
    }
    if (query.pdqQuality !== undefined) {
      if (!Number.isInteger(query.pdqQuality) || query.pdqQuality < 0 || query.pdqQuality > 100) {
        throw new RangeError(`queries[${i}].pdqQuality must be an integer from 0 to 100`);
      }
      out.pdqQuality = query.pdqQuality;
    }
    if (!out.pdq && !out.md5 && !out.sha1 && !out.sha256) throw new RangeError(`queries[${i}] has no hash`);
    return out;
  });
}
