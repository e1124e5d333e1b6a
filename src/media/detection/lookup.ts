import type { Kysely, Transaction } from 'kysely';
import type { AnyDatabase } from '../../platform/store/index.js';
import type { DetectionService, MediaHashes, MediaMatchResult } from './types.js';

export interface LookupActor {
  actorType: 'user' | 'api_key' | 'system' | 'public';
  actorId: string | null;
  organisationId?: string | null;
  requestId?: string | null;
}

export type LookupAuditWriter = (
  trx: Transaction<AnyDatabase>,
  actor: LookupActor,
  record: { action: string; subjectType: string; subjectId: string; detail?: Record<string, string | number | boolean | null | string[]> },
) => Promise<void>;

export interface LookupDeps {
  db: Kysely<AnyDatabase>;
  detection: DetectionService;
  audit: LookupAuditWriter;
}

/**
 * A lookup for a partner or an analyst, audited before it is answered: how many hashes,
 * whether they came as hashes or as a file, how many matched, and the matched entries' ids
 * (never a hash sent, never an image).
 */
export async function auditedLookup(
  deps: LookupDeps,
  actor: LookupActor,
  queries: readonly MediaHashes[],
  sent: 'hashes' | 'file',
): Promise<MediaMatchResult[]> {
  const results = await deps.detection.match(queries);
  const matched = new Set<string>();
  const suppressed = new Set<string>();
  for (const result of results) {
    for (const match of result.matches) matched.add(match.entryId);
    for (const match of result.suppressed) suppressed.add(match.entryId);
  }
  await deps.db.transaction().execute((trx) =>
    deps.audit(trx, actor, {
      action: 'match.lookup',
      subjectType: 'lookup',
      subjectId: actor.requestId ?? 'cli',
      detail: {
        sent,
        queries: queries.length,
        queriesMatched: results.filter((result) => result.matches.length > 0).length,
        matchedEntries: [...matched],
        suppressedEntries: [...suppressed],
      },
    }),
  );
  return results;
}
