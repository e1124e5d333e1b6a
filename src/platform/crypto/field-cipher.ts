import { randomBytes } from 'node:crypto';
import sodium from 'libsodium-wrappers';
import { computeBlindIndex } from './blind-index.js';
import { decodeKey, ringOnly, validateKeyRing, type KeyRing } from './key-ring.js';
import { formatSealed, formatSealedBytes, parseSealed, parseSealedBytes, SealedValueError } from './sealed-value.js';

/**
 * Seals personal data field by field. The `context` names where the value lives
 * (`users.email:<rowId>`) and is bound to the ciphertext as associated data, so a value
 * copied to another row or column no longer opens.
 */
export interface FieldCipher {
  /** Id of the key new values are sealed under. */
  readonly currentKeyId: string;
  seal(plaintext: string, context: string): string;
  /** Throws a SealedValueError on a wrong context, an altered value or an unknown key. */
  open(sealed: string, context: string): string;
  sealNullable(plaintext: string | null | undefined, context: string): string | null;
  openNullable(sealed: string | null | undefined, context: string): string | null;
  keyIdOf(sealed: string): string;
  /** True when the value is sealed under the current key (false: rotation will re-seal it). */
  isCurrent(sealed: string): boolean;
  /** A keyed hash of the normalised value, for lookups and comparisons without decrypting. */
  blindIndex(value: string, purpose: string): string;
  /**
   * Bytes (a file) sealed the same way, as bytes: `v1.<keyId>.` in ASCII, then the nonce
   * and the ciphertext, for a `bytea` column declared `sealedColumn({ …, type: 'bytes' })`.
   */
  sealBytes(plaintext: Uint8Array, context: string): Uint8Array;
  /** Throws a SealedValueError on a wrong context, an altered value or an unknown key. */
  openBytes(sealed: Uint8Array, context: string): Uint8Array;
  keyIdOfBytes(sealed: Uint8Array): string;
}

const NONCE_BYTES = 24;
const TAG_BYTES = 16;

class SodiumFieldCipher implements FieldCipher {
  readonly currentKeyId: string;
  readonly #keys: ReadonlyMap<string, Uint8Array>;
  readonly #current: Uint8Array;
  readonly #indexKey: Uint8Array;

  constructor(ring: KeyRing) {
    const checked = validateKeyRing(ringOnly(ring), 'the key ring given to the field cipher');
    const keys = new Map<string, Uint8Array>();
    for (const [id, encoded] of Object.entries(checked.keys)) keys.set(id, decodeKey(encoded) as Uint8Array);
    this.#keys = keys;
    this.currentKeyId = checked.current;
    this.#current = keys.get(checked.current) as Uint8Array;
    this.#indexKey = decodeKey(checked.indexKey) as Uint8Array;
  }

  seal(plaintext: string, context: string): string {
    const payload = this.#encrypt(sodium.from_string(plaintext), context);
    return formatSealed(this.currentKeyId, sodium.to_base64(payload, sodium.base64_variants.URLSAFE_NO_PADDING));
  }

  open(sealed: string, context: string): string {
    const { keyId, payload } = parseSealed(sealed);
    let bytes: Uint8Array;
    try {
      bytes = sodium.from_base64(payload, sodium.base64_variants.URLSAFE_NO_PADDING);
    } catch {
      throw new SealedValueError('malformed', `Sealed value under key "${keyId}" is not valid base64url`);
    }
    return sodium.to_string(this.#decrypt(keyId, bytes, context));
  }

  sealBytes(plaintext: Uint8Array, context: string): Uint8Array {
    return formatSealedBytes(this.currentKeyId, this.#encrypt(plaintext, context));
  }

  openBytes(sealed: Uint8Array, context: string): Uint8Array {
    const { keyId, payload } = parseSealedBytes(sealed);
    return this.#decrypt(keyId, payload, context);
  }

  keyIdOfBytes(sealed: Uint8Array): string {
    return parseSealedBytes(sealed).keyId;
  }

  /** nonce ‖ ciphertext under the current key, the context bound as associated data. */
  #encrypt(plaintext: Uint8Array, context: string): Uint8Array {
    // Node's CSPRNG: libsodium's randombytes in WebAssembly costs about 70 µs a call.
    const nonce = new Uint8Array(randomBytes(NONCE_BYTES));
    const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      plaintext,
      sodium.from_string(context),
      null,
      nonce,
      this.#current,
    );
    const payload = new Uint8Array(NONCE_BYTES + ciphertext.length);
    payload.set(nonce);
    payload.set(ciphertext, NONCE_BYTES);
    return payload;
  }

  #decrypt(keyId: string, bytes: Uint8Array, context: string): Uint8Array {
    const key = this.#keys.get(keyId);
    if (!key) throw new SealedValueError('unknown-key', `Value sealed under key "${keyId}", which is not in the key ring`);
    if (bytes.length < NONCE_BYTES + TAG_BYTES) {
      throw new SealedValueError('malformed', `Sealed value under key "${keyId}" is too short`);
    }
    try {
      return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        bytes.subarray(NONCE_BYTES),
        sodium.from_string(context),
        bytes.subarray(0, NONCE_BYTES),
        key,
      );
    } catch {
      throw new SealedValueError(
        'rejected',
        `Sealed value under key "${keyId}" does not open for context "${context}": it belongs elsewhere or was altered`,
      );
    }
  }

  sealNullable(plaintext: string | null | undefined, context: string): string | null {
    return plaintext === null || plaintext === undefined ? null : this.seal(plaintext, context);
  }

  openNullable(sealed: string | null | undefined, context: string): string | null {
    return sealed === null || sealed === undefined ? null : this.open(sealed, context);
  }

  keyIdOf(sealed: string): string {
    return parseSealed(sealed).keyId;
  }

  isCurrent(sealed: string): boolean {
    return this.keyIdOf(sealed) === this.currentKeyId;
  }

  blindIndex(value: string, purpose: string): string {
    return computeBlindIndex(this.#indexKey, value, purpose);
  }
}

/** A cipher over every key of the ring; seals under the ring's current key. */
export async function createFieldCipher(ring: KeyRing): Promise<FieldCipher> {
  await sodium.ready;
  return new SodiumFieldCipher(ring);
}
