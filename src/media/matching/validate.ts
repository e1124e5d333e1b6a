import { PDQ_HASH_BITS, PDQ_HASH_WORDS } from '../pdq/index.js';

export function checkDistance(distance: number): void {
  if (!Number.isInteger(distance) || distance < 0 || distance > PDQ_HASH_BITS) {
    throw new RangeError(`maxDistance must be an integer from 0 to ${PDQ_HASH_BITS}, got ${distance}`);
  }
}

export function checkId(id: number): void {
  if (!Number.isSafeInteger(id)) throw new TypeError(`An entry id must be a safe integer, got ${id}`);
}

export function checkHash(hash: unknown): asserts hash is Uint32Array {
  if (!(hash instanceof Uint32Array) || hash.length !== PDQ_HASH_WORDS) {
    throw new TypeError(`A PDQ hash is a Uint32Array of ${PDQ_HASH_WORDS} words`);
  }
}
