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

/** Claims the key; returns null when claimed now, or the answer of the request that claimed it. */
export async function claimIdempotencyKey(trx: Transaction<ReportTables>, claim: Claim, now: Date): Promise<{ replay: unknown } | null> {
  const inserted = await trx
    .insertInto('report_idempotency')
    .values({
      owner_kind: claim.owner.kind,
      owner_id: claim.owner.id,
      key: claim.key,
      fingerprint: claim.fingerprint,
      response: JSON.stringify(claim.response),
      created_at: now,
    })
    .onConflict((conflict) => conflict.columns(['owner_kind', 'owner_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return null;
  const existing = await trx
    .selectFrom('report_idempotency')
    .select(['fingerprint', 'response'])
    .where('owner_kind', '=', claim.owner.kind)
    .where('owner_id', '=', claim.owner.id)
    .where('key', '=', claim.key)
    .executeTakeFirstOrThrow();
  if (existing.fingerprint !== claim.fingerprint) {
    throw new Problem('conflict', {
      detail: 'detail.idempotency-key-reused',
      fields: [{ in: 'header', parameter: 'idempotency-key', code: 'invalid' }],
    });
  }
  return { replay: existing.response };
}
