import { describe, expect, it } from 'vitest';
import { newReceiptCode, normaliseReceiptCode, receiptHash } from './receipt.js';

describe('receipt codes', () => {
  it('are 28 characters of Crockford base32 in groups of four: 140 bits', () => {
    const code = newReceiptCode();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(28 * Math.log2(32)).toBeGreaterThanOrEqual(128);
  });

  it('do not repeat, and use the whole alphabet', () => {
    const codes = Array.from({ length: 2000 }, newReceiptCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(codes.join('').replace(/-/g, '')).size).toBe(32);
  });

  it('are read back however they are typed', () => {
    const code = newReceiptCode();
    const canonical = code.replace(/-/g, '');
    expect(normaliseReceiptCode(code)).toBe(canonical);
    expect(normaliseReceiptCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(canonical);
    expect(normaliseReceiptCode(code.replace(/0/g, 'O').replace(/1/g, 'I'))).toBe(canonical);
    expect(normaliseReceiptCode('too short')).toBeNull();
    expect(normaliseReceiptCode(`${canonical}0`)).toBeNull();
    expect(normaliseReceiptCode(canonical.replace(/.$/, 'U'))).toBeNull();
  });

  it('are stored as a hash that does not show the code', () => {
    const canonical = normaliseReceiptCode(newReceiptCode())!;
    expect(receiptHash(canonical)).toMatch(/^[0-9a-f]{64}$/);
    expect(receiptHash(canonical)).not.toContain(canonical.toLowerCase());
  });
});
