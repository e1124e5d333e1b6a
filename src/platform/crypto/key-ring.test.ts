import { describe, expect, it } from 'vitest';
import { KeyRingError, newKeyRing, parseKeyRing, withNewKey } from './key-ring.js';

const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');
const valid = { current: 'k1', keys: { k1: key(1) }, indexKey: key(2) };

function problemOf(value: unknown): string {
  try {
    parseKeyRing(typeof value === 'string' ? value : JSON.stringify(value), 'VIGIE_KEYS');
  } catch (error) {
    expect(error).toBeInstanceOf(KeyRingError);
    return (error as Error).message;
  }
  throw new Error('the ring was accepted');
}

describe('key ring', () => {
  it('accepts a well-formed ring', () => {
    expect(parseKeyRing(JSON.stringify(valid), 'test')).toEqual(valid);
  });

  it('makes fresh rings that parse, with distinct keys', () => {
    const ring = newKeyRing();
    expect(parseKeyRing(JSON.stringify(ring), 'test')).toEqual(ring);
    expect(ring.keys[ring.current]).not.toEqual(ring.indexKey);
  });

  it('adds a current key and keeps the old ones and the index key', () => {
    const ring = newKeyRing();
    const rotated = withNewKey(ring);
    expect(rotated.current).not.toBe(ring.current);
    expect(rotated.keys[ring.current]).toBe(ring.keys[ring.current]);
    expect(rotated.indexKey).toBe(ring.indexKey);
  });

  it.each([
    ['not JSON', '{"current": "k1", ', /not valid JSON/],
    ['not an object', [1, 2], /JSON object/],
    ['no keys', { ...valid, keys: {} }, /"keys" must be a non-empty object/],
    ['a short key', { ...valid, keys: { k1: Buffer.alloc(16).toString('base64') } }, /key "k1" must be 32 bytes/],
    ['a key that is not base64', { ...valid, keys: { k1: '!'.repeat(43) + '=' } }, /key "k1" must be 32 bytes/],
    ['a current key that is missing', { ...valid, current: 'k9' }, /"current" names key "k9"/],
    ['no index key', { current: 'k1', keys: { k1: key(1) } }, /"indexKey" must be 32 bytes/],
    ['an index key equal to a data key', { ...valid, indexKey: key(1) }, /must differ/],
    ['a key id with a dot', { ...valid, current: 'a.b', keys: { 'a.b': key(1) } }, /key id "a.b" must be/],
    ['an unknown field', { ...valid, extra: 1 }, /unknown field\(s\) "extra"/],
  ])('rejects %s with a message naming the problem', (_, ring, message) => {
    expect(problemOf(ring)).toMatch(message);
  });

  it('never prints key material, even when the text is not JSON or a key is misplaced', () => {
    const secret = key(7);
    expect(problemOf(`{"current": "k1", "keys": {"k1": "${secret}"`)).not.toContain(secret);
    expect(problemOf({ ...valid, keys: { [secret]: 'k1' } })).not.toContain(secret);
    expect(problemOf({ ...valid, current: secret })).not.toContain(secret);
  });
});
