import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash } from './chain-hash.js';

const fields = {
  seq: '1',
  at: '2026-11-22T10:00:00.000Z',
  actorType: 'system',
  actorId: null,
  organisationId: null,
  action: 'test.event',
  subjectType: null,
  subjectId: null,
  requestId: null,
  detail: { b: [1, { d: true, c: null }], a: 'é' },
} as const;

describe('chain hash', () => {
  it('writes JSON with keys sorted at every level', () => {
    expect(canonicalJson({ b: [1, { d: true, c: null }], a: 'é' })).toBe('{"a":"é","b":[1,{"c":null,"d":true}]}');
  });

  it('does not depend on key order, and depends on every field and on the previous hash', () => {
    const hash = chainHash('0'.repeat(64), fields);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash('0'.repeat(64), { ...fields, detail: { a: 'é', b: [1, { c: null, d: true }] } })).toBe(hash);
    expect(chainHash('0'.repeat(64), { ...fields, seq: '2' })).not.toBe(hash);
    expect(chainHash('0'.repeat(64), { ...fields, at: '2026-11-22T10:00:00.001Z' })).not.toBe(hash);
    expect(chainHash('0'.repeat(64), { ...fields, actorId: 'u-1' })).not.toBe(hash);
    expect(chainHash('1'.repeat(64), fields)).not.toBe(hash);
  });
});
