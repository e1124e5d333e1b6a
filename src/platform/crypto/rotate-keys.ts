import type { Kysely } from 'kysely';
import type { AnyDatabase } from '../store/index.js';
import { createFieldCipher } from './field-cipher.js';
import { keyFileToSave, saveKeyRing, type LoadedKeyRing } from './key-file.js';
import { withNewKey, type KeyRing } from './key-ring.js';
import { resealColumns, type ColumnCount } from './reseal.js';
import type { SealedColumn } from './sealed-columns.js';

export interface RotateKeysOptions {
  db: Kysely<AnyDatabase>;
  ring: KeyRing;
  /**
   * Preferably the ring returned by `loadKeyRing`, which knows its file. Rotation refuses a ring
   * that came from VIGIE_KEYS, and a file other than the one the ring was loaded from.
   */
  keyFile?: string | undefined;
  columns: readonly SealedColumn[];
  batchSize?: number;
}

export interface RotationResult {
  /** The saved ring; processes still holding the old one must be restarted to open new values. */
  ring: LoadedKeyRing;
  keyId: string;
  columns: ColumnCount[];
}

/**
 * Adds a new data key, makes it current and re-seals every registered column under it.
 * The ring is saved before any value is sealed, so no value can ever be under a key that
 * is not on disk. Old keys stay in the ring (see `retireUnusedKeys`).
 */
export async function rotateKeys(options: RotateKeysOptions): Promise<RotationResult> {
  const keyFile = keyFileToSave(options.ring, options.keyFile, 'rotate the keys');
  const ring = withNewKey(options.ring);
  await saveKeyRing(keyFile, ring);
  const cipher = await createFieldCipher(ring);
  const columns = await resealColumns({
    db: options.db,
    cipher,
    columns: options.columns,
    ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
  });
  return { ring: { ...ring, keyFile, origin: 'file', warnings: [] }, keyId: ring.current, columns };
}
