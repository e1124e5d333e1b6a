import { hexLength, type HashKind } from './model.js';

const hexDigits = /^[0-9a-fA-F]*$/;

/** True when `value` is the hash of that kind in hexadecimal (either case). */
export function isHashHex(kind: HashKind, value: string): boolean {
  return value.length === hexLength[kind] && hexDigits.test(value);
}

/** The raw bytes the database stores for a hash in hexadecimal (PDQ: its 64 digits decoded). */
export function bytesOfHex(hex: string): Uint8Array {
  return Buffer.from(hex, 'hex');
}

/** Lower-case hexadecimal of stored bytes. */
export function hexOfBytes(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
