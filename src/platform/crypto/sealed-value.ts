import { isKeyId } from './key-ring.js';

/** Why a sealed value could not be opened. Messages name the key id and context, never data. */
export class SealedValueError extends Error {
  constructor(
    readonly reason: 'malformed' | 'unknown-key' | 'rejected',
    message: string,
  ) {
    super(message);
    this.name = 'SealedValueError';
  }
}

const VERSION = 'v1';

export interface SealedParts {
  keyId: string;
  /** base64url (no padding) of nonce ‖ ciphertext. */
  payload: string;
}

/** `v1.<keyId>.<base64url(nonce ‖ ciphertext)>`: the key id travels with each value. */
export function formatSealed(keyId: string, payload: string): string {
  return `${VERSION}.${keyId}.${payload}`;
}

export function parseSealed(sealed: string): SealedParts {
  const parts = sealed.split('.');
  const [version, keyId, payload] = parts;
  if (parts.length !== 3 || version !== VERSION || !keyId || !isKeyId(keyId) || !payload) {
    throw new SealedValueError('malformed', `Not a sealed value (expected "${VERSION}.<keyId>.<data>")`);
  }
  return { keyId, payload };
}

/** The prefix every value sealed under `keyId` starts with (used to find them in SQL). */
export function sealedPrefix(keyId: string): string {
  return `${VERSION}.${keyId}.`;
}

const DOT = 0x2e;
/** Longest prefix of a sealed value: `v1.`, a key id of at most 64 characters, `.`. */
const MAX_PREFIX_BYTES = VERSION.length + 66;

/** `v1.<keyId>.` in ASCII, then nonce ‖ ciphertext: the sealed form of bytes. */
export function formatSealedBytes(keyId: string, payload: Uint8Array): Uint8Array {
  const prefix = Buffer.from(sealedPrefix(keyId), 'ascii');
  const out = new Uint8Array(prefix.length + payload.length);
  out.set(prefix);
  out.set(payload, prefix.length);
  return out;
}

export function parseSealedBytes(sealed: Uint8Array): { keyId: string; payload: Uint8Array } {
  const head = Buffer.from(sealed.buffer, sealed.byteOffset, Math.min(sealed.length, MAX_PREFIX_BYTES));
  const end = head.indexOf(DOT, VERSION.length + 1);
  const keyId = end > 0 ? head.toString('ascii', VERSION.length + 1, end) : '';
  if (head.toString('ascii', 0, VERSION.length + 1) !== `${VERSION}.` || !isKeyId(keyId)) {
    throw new SealedValueError('malformed', `Not sealed bytes (expected "${VERSION}.<keyId>." then the data)`);
  }
  return { keyId, payload: sealed.subarray(end + 1) };
}
