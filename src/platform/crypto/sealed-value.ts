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
