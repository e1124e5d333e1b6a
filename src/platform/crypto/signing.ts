import sodium from 'libsodium-wrappers';

/** An Ed25519 key pair: the public key is published, the secret key never leaves the process. */
export interface SigningKeyPair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

/**
 * The Ed25519 key pair of a 32-byte seed (libsodium's `crypto_sign_seed_keypair`): a seed
 * derived from the key ring (`deriveSecret`) gives the same pair at every start, so the
 * secret key is never written anywhere.
 */
export async function signingKeyPairOf(seed: Uint8Array): Promise<SigningKeyPair> {
  await sodium.ready;
  if (seed.length !== sodium.crypto_sign_SEEDBYTES) throw new Error('An Ed25519 seed is 32 bytes');
  const pair = sodium.crypto_sign_seed_keypair(seed);
  return { publicKey: pair.publicKey, secretKey: pair.privateKey };
}

/** The detached Ed25519 signature of exactly these bytes. */
export function signDetached(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return sodium.crypto_sign_detached(message, secretKey);
}

/** Whether `signature` is a valid Ed25519 signature of exactly these bytes under `publicKey`; false for malformed input. */
export function verifyDetached(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== sodium.crypto_sign_BYTES || publicKey.length !== sodium.crypto_sign_PUBLICKEYBYTES) return false;
  try {
    return sodium.crypto_sign_verify_detached(signature, message, publicKey);
  } catch {
    return false;
  }
}
