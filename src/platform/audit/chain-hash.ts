import { createHash } from 'node:crypto';
import type { AuditRecord, JsonValue } from './entry.js';

/**
 * JSON with object keys sorted at every level and no spaces, so that the same value always
 * gives the same text, whatever the key order jsonb returns it in.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item: JsonValue) => canonicalJson(item)).join(',')}]`;
  const object = value as { readonly [key: string]: JsonValue };
  const members = Object.keys(object)
    .sort()
    .filter((key) => object[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key] as JsonValue)}`);
  return `{${members.join(',')}}`;
}

export type HashedFields = Omit<AuditRecord, 'prevHash' | 'hash'>;

/** sha256(prev_hash ‖ canonical JSON of every field of the entry, seq and at included), hex. */
export function chainHash(prevHash: string, fields: HashedFields): string {
  const content: JsonValue = {
    seq: fields.seq,
    at: fields.at,
    actorType: fields.actorType,
    actorId: fields.actorId,
    organisationId: fields.organisationId,
    action: fields.action,
    subjectType: fields.subjectType,
    subjectId: fields.subjectId,
    requestId: fields.requestId,
    detail: fields.detail,
  };
  return createHash('sha256').update(prevHash).update(canonicalJson(content)).digest('hex');
}
