import sodium from 'libsodium-wrappers';

/** The form two values must share to match: trimmed, Unicode NFKC, lower-case. */
export function normaliseForIndex(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}

/**
 * A keyed hash of the normalised value, so that an encrypted column can be searched or
 * compared (a login e-mail) without decrypting it. The purpose (`users.email`) is hashed
 * first, so equal values give unrelated indexes in different columns.
 * Expects `sodium.ready` to have resolved.
 */
export function computeBlindIndex(indexKey: Uint8Array, value: string, purpose: string): string {
  if (purpose === '' || purpose.includes('\0')) {
    throw new Error('A blind index purpose must be a non-empty name without NUL characters');
  }
  const message = sodium.from_string(`${purpose}\0${normaliseForIndex(value)}`);
  const hash = sodium.crypto_generichash(32, message, indexKey);
  return sodium.to_base64(hash, sodium.base64_variants.URLSAFE_NO_PADDING);
}
