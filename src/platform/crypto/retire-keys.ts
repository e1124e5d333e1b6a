import { sql, type Kysely } from 'kysely';
import type { AnyDatabase } from '../store/index.js';
import { keyFileToSave, saveKeyRing, type LoadedKeyRing } from './key-file.js';
import type { KeyRing } from './key-ring.js';
import type { SealedColumn } from './sealed-columns.js';

export interface RetireKeysOptions {
  db: Kysely<AnyDatabase>;
  /** Preferably the ring returned by `loadKeyRing` (see RotateKeysOptions). */
  ring: KeyRing;
  keyFile?: string | undefined;
  columns: readonly SealedColumn[];
}

export interface RetirementResult {
  /** The ring as saved (unchanged when no key could be retired). */
  ring: KeyRing | LoadedKeyRing;
  retired: string[];
  /** Number of stored values under each key id found in the columns. */
  inUse: Record<string, number>;
}

/** How many values of the registered columns are sealed under each key id. */
export async function countValuesByKey(db: Kysely<AnyDatabase>, columns: readonly SealedColumn[]): Promise<Record<string, number>> {
  const inUse: Record<string, number> = {};
  for (const target of columns) {
    const value = sql.ref(target.column);
    // A sealed value starts with `v1.<keyId>.` (in ASCII, for bytes): a key id is at most 64 characters.
    const text = target.type === 'bytes' ? sql`encode(substring(${value} from 1 for 68), 'escape')` : value;
    const { rows } = await sql<{ key_id: string; n: string }>`
      select split_part(${text}, '.', 2) as key_id, count(*)::text as n
      from ${sql.table(target.table)} where ${value} is not null group by 1`.execute(db);
    for (const row of rows) inUse[row.key_id] = (inUse[row.key_id] ?? 0) + Number(row.n);
  }
  return inUse;
}

/**
 * Removes from the ring the old keys that no stored value uses. Run it only after every
 * Vigie process has been restarted with the rotated ring: a process still holding the old
 * ring seals new values under the old current key, which must not disappear.
 */
export async function retireUnusedKeys(options: RetireKeysOptions): Promise<RetirementResult> {
  const keyFile = keyFileToSave(options.ring, options.keyFile, 'retire keys');
  const inUse = await countValuesByKey(options.db, options.columns);
  const { ring } = options;
  const retired = Object.keys(ring.keys).filter((id) => id !== ring.current && !(inUse[id] ?? 0));
  if (retired.length === 0) return { ring, retired, inUse };
  const keys = Object.fromEntries(Object.entries(ring.keys).filter(([id]) => !retired.includes(id)));
  const kept: KeyRing = { current: ring.current, keys, indexKey: ring.indexKey };
  await saveKeyRing(keyFile, kept);
  return { ring: { ...kept, keyFile, origin: 'file', warnings: [] }, retired, inUse };
}
