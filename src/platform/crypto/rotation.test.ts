import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../../test/support/store.js';
import { runSql } from '../store/index.js';
import { createFieldCipher, type FieldCipher } from './field-cipher.js';
import { loadKeyRing, type LoadedKeyRing } from './key-file.js';
import { newKeyRing } from './key-ring.js';
import { resealColumns } from './reseal.js';
import { retireUnusedKeys, countValuesByKey } from './retire-keys.js';
import { rotateKeys } from './rotate-keys.js';
import { sealedColumn } from './sealed-columns.js';

let test: TestStore;
let folder: string;

const people = sealedColumn({ table: 'rotation_people', column: 'name_sealed' });
const notes = sealedColumn({
  table: 'rotation_notes',
  column: 'body_sealed',
  idColumn: 'note_id',
  context: (id) => `notes.body:${id}`,
});
const columns = [people, notes];

beforeAll(async () => {
  test = await openTestStore();
  folder = await mkdtemp(path.join(tmpdir(), 'vigie-rotation-'));
  await runSql(test.store.db, 'create table rotation_people (id uuid primary key, name_sealed text)');
  await runSql(test.store.db, 'create table rotation_notes (note_id bigint primary key, body_sealed text not null)');
});

afterAll(async () => {
  await test.drop();
  await rm(folder, { recursive: true, force: true });
});

async function fill(cipher: FieldCipher): Promise<Map<string, string>> {
  const expected = new Map<string, string>();
  for (let i = 0; i < 23; i += 1) {
    const id = randomUUID();
    const name = i % 5 === 0 ? null : `Person ${i}`;
    await runSql(test.store.db, 'insert into rotation_people values ($1, $2)', [id, cipher.sealNullable(name, people.context(id))]);
    if (name) expected.set(`people:${id}`, name);
  }
  for (let id = 1; id <= 17; id += 1) {
    await runSql(test.store.db, 'insert into rotation_notes values ($1, $2)', [id, cipher.seal(`note ${id}`, notes.context(String(id)))]);
    expected.set(`notes:${id}`, `note ${id}`);
  }
  return expected;
}

async function opened(cipher: FieldCipher): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  const { rows: p } = await runSql<{ id: string; v: string | null }>(
    test.store.db,
    'select id::text, name_sealed as v from rotation_people',
  );
  for (const row of p) if (row.v) values.set(`people:${row.id}`, cipher.open(row.v, people.context(row.id)));
  const { rows: n } = await runSql<{ id: string; v: string }>(
    test.store.db,
    'select note_id::text as id, body_sealed as v from rotation_notes',
  );
  for (const row of n) values.set(`notes:${row.id}`, cipher.open(row.v, notes.context(row.id)));
  return values;
}

describe('key rotation', () => {
  let before: LoadedKeyRing;
  let after: LoadedKeyRing;
  let expected: Map<string, string>;
  const keyFile = () => path.join(folder, 'keys.json');

  it('re-seals every value of every registered column under a new saved key', async () => {
    before = await loadKeyRing({ keyFile: keyFile() });
    expected = await fill(await createFieldCipher(before));

    const result = await rotateKeys({ db: test.store.db, ring: before, columns, batchSize: 4 });
    after = result.ring;
    expect(result.keyId).not.toBe(before.current);
    expect(result.columns).toEqual([
      { table: 'rotation_people', column: 'name_sealed', resealed: expected.size - 17 },
      { table: 'rotation_notes', column: 'body_sealed', resealed: 17 },
    ]);

    const saved = JSON.parse(await readFile(keyFile(), 'utf8'));
    expect(saved.current).toBe(result.keyId);
    expect(Object.keys(saved.keys).sort()).toEqual([before.current, result.keyId].sort());
    expect(saved.indexKey).toBe(before.indexKey);
  });

  it('leaves no value under the old key, and every value still opens', async () => {
    expect(await countValuesByKey(test.store.db, columns)).toEqual({ [after.current]: expected.size });
    const reloaded = await loadKeyRing({ keyFile: keyFile() });
    expect(await opened(await createFieldCipher(reloaded))).toEqual(expected);
  });

  it('re-seals nothing when nothing is under an old key', async () => {
    const counts = await resealColumns({ db: test.store.db, cipher: await createFieldCipher(after), columns });
    expect(counts.map((c) => c.resealed)).toEqual([0, 0]);
  });

  it('rotates again, then retires the keys no value uses', async () => {
    const again = await rotateKeys({ db: test.store.db, ring: after, columns });
    expect(again.columns.map((c) => c.resealed)).toEqual([expected.size - 17, 17]);
    const quiet = await retireUnusedKeys({ db: test.store.db, ring: again.ring, columns });
    expect(quiet.retired.sort()).toEqual([before.current, after.current].sort());
    after = quiet.ring as LoadedKeyRing;
    expect(Object.keys(after.keys)).toEqual([again.keyId]);
    expect(await opened(await createFieldCipher(await loadKeyRing({ keyFile: keyFile() })))).toEqual(expected);
  });

  it('keeps a key that a value still uses', async () => {
    const cipher = await createFieldCipher(after);
    await runSql(test.store.db, 'insert into rotation_notes values (1000, $1)', [cipher.seal('late', notes.context('1000'))]);
    const rotated = await rotateKeys({ db: test.store.db, ring: after, columns, batchSize: 1000 });
    // A process still on the old ring writes under the old key after the rotation.
    await runSql(test.store.db, 'insert into rotation_notes values (1001, $1)', [cipher.seal('later', notes.context('1001'))]);
    const result = await retireUnusedKeys({ db: test.store.db, ring: rotated.ring, columns });
    expect(result.retired).toEqual([]);
    expect(result.inUse[after.current]).toBe(1);
  });

  it('refuses a ring from VIGIE_KEYS, explaining what the operator must do', async () => {
    const fromEnv = await loadKeyRing({ keyFile: keyFile(), keyRing: JSON.stringify(newKeyRing()) });
    await expect(rotateKeys({ db: test.store.db, ring: fromEnv, columns })).rejects.toThrow(/VIGIE_KEYS/);
    await expect(rotateKeys({ db: test.store.db, ring: fromEnv, keyFile: keyFile(), columns })).rejects.toThrow(
      /Change VIGIE_KEYS yourself/,
    );
    await expect(retireUnusedKeys({ db: test.store.db, ring: fromEnv, columns })).rejects.toThrow(/VIGIE_KEYS/);
  });

  it('refuses to save a ring to a file other than the one it came from', async () => {
    const loaded = await loadKeyRing({ keyFile: keyFile() });
    const other = path.join(folder, 'other.json');
    await expect(rotateKeys({ db: test.store.db, ring: loaded, keyFile: other, columns })).rejects.toThrow(/loaded from/);
  });

  it('stops and names the row when a value cannot be opened', async () => {
    const stranger = await createFieldCipher(newKeyRing());
    await runSql(test.store.db, 'insert into rotation_notes values (2000, $1)', [stranger.seal('x', notes.context('2000'))]);
    const loaded = await loadKeyRing({ keyFile: keyFile() });
    await expect(rotateKeys({ db: test.store.db, ring: loaded, columns })).rejects.toThrow(/rotation_notes\.body_sealed of row 2000/);
  });
});

describe('key rotation of a bytes column', () => {
  const files = sealedColumn({ table: 'rotation_files', column: 'content_sealed', type: 'bytes' });
  const fileOf = (i: number) => new Uint8Array(1000 + i).map((_, j) => (i + j * 7) & 255);

  it('re-seals sealed bytes under the new key, a few rows per transaction, and counts them by key', async () => {
    await runSql(test.store.db, 'create table rotation_files (id uuid primary key, content_sealed bytea)');
    const ring = await loadKeyRing({ keyFile: path.join(folder, 'files-keys.json') });
    const cipher = await createFieldCipher(ring);
    const ids: string[] = [];
    for (let i = 0; i < 19; i += 1) {
      const id = randomUUID();
      ids.push(id);
      await runSql(test.store.db, 'insert into rotation_files values ($1, $2)', [id, cipher.sealBytes(fileOf(i), files.context(id))]);
    }
    await runSql(test.store.db, 'insert into rotation_files values ($1, null)', [randomUUID()]);
    expect(await countValuesByKey(test.store.db, [files])).toEqual({ [ring.current]: 19 });

    const result = await rotateKeys({ db: test.store.db, ring, columns: [files] });
    expect(result.columns).toEqual([{ table: 'rotation_files', column: 'content_sealed', resealed: 19 }]);
    expect(await countValuesByKey(test.store.db, [files])).toEqual({ [result.keyId]: 19 });
    const rotated = await createFieldCipher(result.ring);
    const { rows } = await runSql<{ id: string; v: Uint8Array }>(
      test.store.db,
      'select id::text, content_sealed as v from rotation_files where content_sealed is not null',
    );
    for (const row of rows) {
      expect(rotated.keyIdOfBytes(row.v)).toBe(result.keyId);
      expect(rotated.openBytes(row.v, files.context(row.id))).toEqual(fileOf(ids.indexOf(row.id)));
    }
    const again = await resealColumns({ db: test.store.db, cipher: rotated, columns: [files] });
    expect(again[0]!.resealed).toBe(0);
  });
});
