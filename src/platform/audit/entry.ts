export type ActorType = 'user' | 'api_key' | 'system' | 'public';

export const actorTypes: readonly ActorType[] = ['user', 'api_key', 'system', 'public'];

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export type AuditDetail = { readonly [key: string]: JsonValue };

/**
 * One thing that happened, as the caller describes it.
 *
 * The audit log is kept for years and read by auditors, so it must never hold personal
 * data: `detail` and every other field carry ids, field names, counts and codes (e.g.
 * `{ fields: ['email', 'name'] }` for a read of a user's personal data), never the values
 * themselves (no name, e-mail, phone, address, free text of a report).
 */
export interface AuditEntry {
  actorType: ActorType;
  /** The user or API key id; null for `system` and `public`. */
  actorId?: string | null;
  organisationId?: string | null;
  /** What was done, as `<subject>.<verb>`: `user.create`, `report.read-personal`. */
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  requestId?: string | null;
  detail?: AuditDetail;
}

/** An entry as stored: the caller's fields plus its place and hash in the chain. */
export interface AuditRecord {
  /** Position in the log (a bigint, as text). */
  seq: string;
  /** When it was written: ISO 8601, UTC, to the millisecond. */
  at: string;
  actorType: ActorType;
  actorId: string | null;
  organisationId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  requestId: string | null;
  detail: AuditDetail;
  prevHash: string;
  hash: string;
}

/** The prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);
