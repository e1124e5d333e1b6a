import type { Kysely } from 'kysely';
import { createBankReader, type FoundEntry } from '../banks/index.js';
import { fromHex, PDQ_MATCH_DISTANCE, PDQ_MIN_QUALITY } from '../pdq/index.js';
import type { AnyDatabase } from '../../platform/store/index.js';
import { normaliseQueries } from './check-query.js';
import { LivePdqIndex } from './live-index.js';
import { applySuppression } from './suppression.js';
import type { BankMatch, DetectionService, MatchKind, MediaHashes, MediaMatchResult } from './types.js';

export interface DetectionDeps {
  db: Kysely<AnyDatabase>;
  /** Largest Hamming distance of a PDQ match, 0–256; default 31 (VIGIE_MATCH_DISTANCE). */
  maxDistance?: number;
  /**
   * PDQ quality floor, 0–100; default 50 (VIGIE_MATCH_QUALITY_FLOOR): a query or an entry of
   * lower quality is not matched by PDQ (its exact hashes still are).
   */
  qualityFloor?: number;
}

const exactKinds = ['sha256', 'sha1', 'md5'] as const;

function matchOf(entry: FoundEntry, kind: MatchKind, distance: number): BankMatch {
  return {
    bankId: entry.bankId,
    bankName: entry.bankName,
    purpose: entry.purpose,
    entryId: entry.id,
    kind,
    distance,
    classification: entry.classification,
  };
}

function checkSetting(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw new RangeError(`${name} must be an integer from 0 to ${max}`);
  return value;
}

/**
 * Known-content detection against every bank at once: PDQ through one in-memory index of
 * every active entry (loaded on first use, kept current from the banks' change log),
 * MD5, SHA-1 and SHA-256 through the database's indexes, then the false-positive banks'
 * suppression. Every change committed to the banks before a call is seen by that call,
 * whichever process made it.
 */
export function createDetectionService(deps: DetectionDeps): DetectionService {
  const maxDistance = checkSetting('maxDistance', deps.maxDistance ?? PDQ_MATCH_DISTANCE, 256);
  const qualityFloor = checkSetting('qualityFloor', deps.qualityFloor ?? PDQ_MIN_QUALITY, 100);
  const reader = createBankReader(deps.db);
  const live = new LivePdqIndex(reader, qualityFloor);

  async function match(queries: readonly MediaHashes[]): Promise<MediaMatchResult[]> {
    const normalised = normaliseQueries(queries);
    if (normalised.length === 0) return [];
    await live.current();

    const pdqChecked = normalised.map((q) => q.pdq !== undefined && (q.pdqQuality === undefined || q.pdqQuality >= qualityFloor));
    const candidates = new Set<string>();
    const pdqHits = normalised.map((q, i) => {
      if (!pdqChecked[i]) return [];
      return live.query(fromHex(q.pdq!), maxDistance).map(({ id, distance }) => {
        candidates.add(String(id));
        return { id: String(id), distance };
      });
    });
    const wanted = (kind: (typeof exactKinds)[number]) => [...new Set(normalised.flatMap((q) => (q[kind] ? [q[kind]] : [])))];
    const found = await reader.find([...candidates], { md5: wanted('md5'), sha1: wanted('sha1'), sha256: wanted('sha256') });

    const byId = new Map(found.map((entry) => [entry.id, entry]));
    const byHash = new Map<string, FoundEntry[]>();
    for (const entry of found) {
      for (const kind of exactKinds) {
        const value = entry[kind];
        if (value !== null) byHash.set(`${kind}:${value}`, [...(byHash.get(`${kind}:${value}`) ?? []), entry]);
      }
    }
    return normalised.map((query, i) => {
      const hits = new Map<string, BankMatch>();
      for (const kind of exactKinds) {
        const value = query[kind];
        if (value === undefined) continue;
        for (const entry of byHash.get(`${kind}:${value}`) ?? []) if (!hits.has(entry.id)) hits.set(entry.id, matchOf(entry, kind, 0));
      }
      for (const { id, distance } of pdqHits[i]!) {
        const entry = byId.get(id);
        if (entry && !hits.has(id)) hits.set(id, matchOf(entry, 'pdq', distance));
      }
      return applySuppression([...hits.values()], pdqChecked[i]!);
    });
  }

  return {
    maxDistance,
    qualityFloor,
    match,
    refresh: () => live.current(),
    stats: () => ({
      loaded: live.loaded,
      pdqEntries: live.index.size,
      indexBytes: live.index.bytesUsed(),
      version: live.version,
    }),
  };
}
