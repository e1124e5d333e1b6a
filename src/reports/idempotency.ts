import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { Problem } from '../platform/http/index.js';
import type { Sealer } from './ports.js';
import type { ReportTables } from './tables.js';

/**
 * Idempotency keys of submissions, scoped to their owner: a partner's organisation, or the
 * staff member who records a call. The first request with a key claims it, in the
 * transaction that writes its reports, with the answer it will give; a retry with the same
 * key and the same request gets that answer again, and a different request with the same
 * key a 409. Two requests racing with one key are serialised by the primary key: the second
 * waits for the first to commit, then sees it. Claims expire (expiry.ts).
 */

/** JSON with object members sorted, so that the member order of a retry does not matter. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A keyed hash of the route and the body: a plain hash of a short body (one phone number)
 * could be reversed by trying every value, a keyed one cannot without the index key.
 */
export function requestFingerprint(sealer: Sealer, route: string, body: unknown): string {
  const digest = createHash('sha256')
    .update(`${route}\n${canonicalJson(body)}`)
    .digest('hex');
  return sealer.blindIndex(digest, 'reports.idempotency');
}

/** Whose keys these are: a partner organisation's, or one staff member's. */
export interface ClaimOwner {
  kind: 'organisation' | 'user';
  id: string;
}

export interface Claim {
  owner: ClaimOwner;
  key: string;
  fingerprint: string;
  response: unknown;
}

export type ClaimOutcome = { claimed: true } | { claimed: false; replay: unknown } | { claimed: false; conflict: Problem };

const claimId = (owner: ClaimOwner, key: string) => `${owner.kind}\u0000${owner.id}\u0000${key}`;

/**
 * Claims the keys of several requests in two statements (a group-committed batch), one
 * outcome per claim, in order: claimed now; or the answer of the request that claimed the
 * key first — earlier, or earlier in this batch — when the request is the same; or a 409
 * when it is not.
 */
export async function claimIdempotencyKeys(trx: Transaction<ReportTables>, claims: readonly Claim[], now: Date): Promise<ClaimOutcome[]> {
  if (claims.length === 0) return [];
  const inserted = await trx
    .insertInto('report_idempotency')
    .values(
      claims.map((claim) => ({
        owner_kind: claim.owner.kind,
        owner_id: claim.owner.id,
        key: claim.key,
        fingerprint: claim.fingerprint,
        response: JSON.stringify(claim.response),
        created_at: now,
      })),
    )
    .onConflict((conflict) => conflict.columns(['owner_kind', 'owner_id', 'key']).doNothing())
    .returning(['owner_kind', 'owner_id', 'key'])
    .execute();
  const claimedNow = new Set(inserted.map((row) => claimId({ kind: row.owner_kind, id: row.owner_id }, row.key)));
  const firstInBatch = new Set<string>();
  const taken = claims.map((claim) => {
    const id = claimId(claim.owner, claim.key);
    const mine = claimedNow.has(id) && !firstInBatch.has(id);
    firstInBatch.add(id);
    return mine;
  });
  const others = claims.filter((_, i) => !taken[i]);
  const existing =
    others.length === 0
      ? []
      : await trx
          .selectFrom('report_idempotency')
          .select(['owner_kind', 'owner_id', 'key', 'fingerprint', 'response'])
          .where((eb) =>
            eb.or(
              others.map((claim) =>
                eb.and([eb('owner_kind', '=', claim.owner.kind), eb('owner_id', '=', claim.owner.id), eb('key', '=', claim.key)]),
              ),
            ),
          )
          .execute();
  const byId = new Map(existing.map((row) => [claimId({ kind: row.owner_kind, id: row.owner_id }, row.key), row]));
  return claims.map((claim, i): ClaimOutcome => {
    if (taken[i]) return { claimed: true };
    const earlier = byId.get(claimId(claim.owner, claim.key));
    if (!earlier) throw new Error('an idempotency claim vanished within its transaction');
    if (earlier.fingerprint !== claim.fingerprint) {
      return {
        claimed: false,
        conflict: new Problem('conflict', {
          detail: 'detail.idempotency-key-reused',
          fields: [{ in: 'header', parameter: 'idempotency-key', code: 'invalid' }],
        }),
      };
    }
    return { claimed: false, replay: earlier.response };
  });
}
