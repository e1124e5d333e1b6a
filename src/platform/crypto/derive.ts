import { hkdfSync } from 'node:crypto';
import { decodeKey, type KeyRing } from './key-ring.js';

/**
 * A secret for one purpose (signing proof-of-work challenges…), derived from the ring's
 * index key with HKDF-SHA-256, so that no secret is ever written in the code or needs a
 * file of its own. The index key, unlike the data keys, is kept across rotations, so a
 * derived secret stays the same when `vigie keys rotate` runs. The purpose names the use
 * and its version (`vigie/proof-of-work/v1`): different purposes give unrelated secrets.
 */
export function deriveSecret(ring: KeyRing, purpose: string): Buffer {
  if (!/^[a-z0-9/.-]{3,100}$/.test(purpose)) throw new Error('A derived secret needs a purpose such as "vigie/proof-of-work/v1"');
  const indexKey = decodeKey(ring.indexKey);
  if (!indexKey) throw new Error('The key ring has no valid index key');
  return Buffer.from(hkdfSync('sha256', indexKey, Buffer.from('vigie derived secret'), Buffer.from(purpose), 32));
}
