import sodium from 'libsodium-wrappers';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeBlindIndex, normaliseForIndex } from './blind-index.js';

const indexKey = new Uint8Array(32).fill(3);
const otherKey = new Uint8Array(32).fill(4);

beforeAll(async () => {
  await sodium.ready;
});

describe('blind index', () => {
  it('is stable', () => {
    const a = computeBlindIndex(indexKey, 'ana@example.org', 'users.email');
    expect(computeBlindIndex(indexKey, 'ana@example.org', 'users.email')).toBe(a);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('matches values that differ only by case, surrounding spaces or Unicode form', () => {
    const index = (value: string) => computeBlindIndex(indexKey, value, 'users.email');
    expect(index('  Ana@Example.ORG \n')).toBe(index('ana@example.org'));
    // NFKC: a full-width letter and a decomposed accent match their usual forms.
    expect(index('ｚoé')).toBe(index('zoe\u0301'));
    expect(normaliseForIndex(' Ｅ\u0301LODIE ')).toBe('élodie');
    expect(index('ana@example.org')).not.toBe(index('ana@example.com'));
  });

  it('depends on the purpose and on the key', () => {
    const a = computeBlindIndex(indexKey, 'x', 'users.email');
    expect(computeBlindIndex(indexKey, 'x', 'reports.phone')).not.toBe(a);
    expect(computeBlindIndex(otherKey, 'x', 'users.email')).not.toBe(a);
  });

  it('refuses an empty purpose', () => {
    expect(() => computeBlindIndex(indexKey, 'x', '')).toThrow(/purpose/);
  });
});
