import sodium from 'libsodium-wrappers';
import { describe, expect, it } from 'vitest';
import { createFieldCipher } from './field-cipher.js';
import { newKeyRing, withNewKey } from './key-ring.js';
import { SealedValueError } from './sealed-value.js';

const ring = newKeyRing();
const context = 'users.email:7f1e';

function reasonOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(SealedValueError);
    return (error as SealedValueError).reason;
  }
  throw new Error('no error');
}

describe('field cipher', () => {
  it('opens what it sealed, including empty and non-Latin text', async () => {
    const cipher = await createFieldCipher(ring);
    for (const value of ['ana@example.org', '', 'Ελένη Οικονόμου — 🧒']) {
      expect(cipher.open(cipher.seal(value, context), context)).toBe(value);
    }
  });

  it('writes v1.<keyId>.<base64url> and reports the key', async () => {
    const cipher = await createFieldCipher(ring);
    const sealed = cipher.seal('ana@example.org', context);
    expect(sealed).toMatch(new RegExp(`^v1\\.${ring.current}\\.[A-Za-z0-9_-]+$`));
    expect(sealed).not.toContain('ana');
    expect(cipher.keyIdOf(sealed)).toBe(ring.current);
    expect(cipher.isCurrent(sealed)).toBe(true);
  });

  it('seals the same value differently each time', async () => {
    const cipher = await createFieldCipher(ring);
    expect(cipher.seal('same', context)).not.toBe(cipher.seal('same', context));
  });

  it('does not open a value under another context (another row or column)', async () => {
    const cipher = await createFieldCipher(ring);
    const sealed = cipher.seal('ana@example.org', context);
    expect(reasonOf(() => cipher.open(sealed, 'users.email:other-row'))).toBe('rejected');
    expect(reasonOf(() => cipher.open(sealed, 'users.name:7f1e'))).toBe('rejected');
  });

  it('detects any change to the stored text', async () => {
    const cipher = await createFieldCipher(ring);
    const sealed = cipher.seal('ana@example.org', context);
    const payload = sodium.from_base64(sealed.split('.')[2] ?? '', sodium.base64_variants.URLSAFE_NO_PADDING);
    for (const at of [0, 30, payload.length - 1]) {
      const altered = payload.slice();
      altered[at] = (altered[at] ?? 0) ^ 1;
      const tampered = `v1.${ring.current}.${sodium.to_base64(altered, sodium.base64_variants.URLSAFE_NO_PADDING)}`;
      expect(reasonOf(() => cipher.open(tampered, context))).toBe('rejected');
    }
    expect(reasonOf(() => cipher.open(sealed.slice(0, -10), context))).toMatch(/rejected|malformed/);
    expect(reasonOf(() => cipher.open('ana@example.org', context))).toBe('malformed');
    expect(reasonOf(() => cipher.open(`v1.${ring.current}.AAAA`, context))).toBe('malformed');
  });

  it('names an unknown key', async () => {
    const cipher = await createFieldCipher(ring);
    const foreign = await createFieldCipher(newKeyRing());
    const sealed = foreign.seal('x', context);
    expect(reasonOf(() => cipher.open(sealed, context))).toBe('unknown-key');
    expect(() => cipher.open(sealed, context)).toThrow(foreign.currentKeyId);
  });

  it('opens values under old keys and seals under the current one after a new key', async () => {
    const before = await createFieldCipher(ring);
    const old = before.seal('kept', context);
    const after = await createFieldCipher(withNewKey(ring));
    expect(after.open(old, context)).toBe('kept');
    expect(after.isCurrent(old)).toBe(false);
    expect(after.isCurrent(after.seal('new', context))).toBe(true);
  });

  it('seals bytes as bytes, bound to their context, under the current key', async () => {
    const cipher = await createFieldCipher(ring);
    const file = new Uint8Array(70_000).map((_, i) => (i * 31) & 255);
    const sealed = cipher.sealBytes(file, context);
    expect(Buffer.from(sealed.subarray(0, 4 + ring.current.length)).toString('ascii')).toBe(`v1.${ring.current}.`);
    expect(sealed.length).toBe(file.length + 4 + ring.current.length + 24 + 16);
    expect(Buffer.from(sealed).includes(Buffer.from(file.subarray(0, 64)))).toBe(false);
    expect(cipher.openBytes(sealed, context)).toEqual(file);
    expect(cipher.keyIdOfBytes(sealed)).toBe(ring.current);
    expect(cipher.openBytes(cipher.sealBytes(new Uint8Array(0), context), context)).toEqual(new Uint8Array(0));
    expect(reasonOf(() => cipher.openBytes(sealed, 'media.content:other-row'))).toBe('rejected');
    const altered = sealed.slice();
    altered[altered.length - 100] = (altered[altered.length - 100] ?? 0) ^ 1;
    expect(reasonOf(() => cipher.openBytes(altered, context))).toBe('rejected');
    expect(reasonOf(() => cipher.openBytes(file, context))).toBe('malformed');
    const foreign = await createFieldCipher(newKeyRing());
    expect(reasonOf(() => cipher.openBytes(foreign.sealBytes(file, context), context))).toBe('unknown-key');
    const rotated = await createFieldCipher(withNewKey(ring));
    expect(rotated.openBytes(sealed, context)).toEqual(file);
  });

  it('passes nulls through', async () => {
    const cipher = await createFieldCipher(ring);
    expect(cipher.sealNullable(null, context)).toBeNull();
    expect(cipher.openNullable(undefined, context)).toBeNull();
    expect(cipher.openNullable(cipher.sealNullable('x', context), context)).toBe('x');
  });

  it('rejects a bad ring', async () => {
    await expect(createFieldCipher({ ...ring, current: 'missing' })).rejects.toThrow(/current/);
  });
});
