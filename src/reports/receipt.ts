import { createHash, randomBytes } from 'node:crypto';

/**
 * The receipt code a public reporter gets once, to see the status of the report and add to
 * it later without identifying themselves: 28 characters of Crockford's base32 (140 random
 * bits), in groups of four. Only its SHA-256 is stored: with that much entropy a plain hash
 * cannot be reversed, and a copy of the database does not yield working codes.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const length = 28;

export function newReceiptCode(): string {
  const bytes = randomBytes(18);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < length; i += 1) code += alphabet[Number((bits >> BigInt(5 * i)) & 31n)];
  return code.match(/.{4}/g)!.join('-');
}

/** Upper case, without separators, with the letters people confuse with digits read as digits. */
export function normaliseReceiptCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === length && [...code].every((c) => alphabet.includes(c)) ? code : null;
}

export function receiptHash(normalised: string): string {
  return createHash('sha256').update(`vigie-receipt:${normalised}`).digest('hex');
}
