import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher, newKeyRing, type FieldCipher } from '../../src/platform/crypto/index.js';
import { openStore, runSql, type Store } from '../../src/platform/store/index.js';
import { findInRawDatabase } from './raw-database.js';
import { openTestStore, type TestStore } from './store.js';

let cipher: FieldCipher;

async function createTables(store: Store): Promise<void> {
  await runSql(store.db, 'create schema raw_scan');
  await runSql(store.db, 'create table raw_scan.plain (id int primary key, note text, data jsonb, tags text[], blob bytea)');
  await runSql(store.db, 'create table public.sealed (id int primary key, name_sealed text)');
}

async function plantSealed(store: Store, id: number, value: string): Promise<void> {
  await runSql(store.db, 'insert into public.sealed values ($1, $2)', [id, cipher.seal(value, `sealed.name:${id}`)]);
}

beforeAll(async () => {
  cipher = await createFieldCipher(newKeyRing());
});

describe('findInRawDatabase', () => {
  let test: TestStore;
  beforeAll(async () => {
    test = await openTestStore();
    await createTables(test.store);
  });
  afterAll(() => test.drop());

  it('finds a value stored in clear, in any schema, whatever the column type or case', async () => {
    const { store } = test;
    await runSql(store.db, `insert into raw_scan.plain (id, note) values (1, 'Called by Zéphyrine Quintal today')`);
    await runSql(store.db, 'insert into raw_scan.plain (id, data, tags) values (2, $1::text::jsonb, $2)', [
      JSON.stringify({ caller: { name: 'Octave Brunelle' } }),
      ['x', 'Octave Brunelle'],
    ]);
    await runSql(store.db, 'insert into raw_scan.plain (id, blob) values (3, convert_to($1, $2))', ['Isaure Vanmeer', 'UTF8']);
    expect(await findInRawDatabase(store, 'zéphyrine quintal')).toEqual(['raw_scan.plain.note']);
    expect(await findInRawDatabase(store, 'Octave Brunelle')).toEqual(['raw_scan.plain.data', 'raw_scan.plain.tags']);
    expect(await findInRawDatabase(store, 'Isaure Vanmeer')).toEqual(['raw_scan.plain.blob']);
  });

  it('does not find a sealed value', async () => {
    await plantSealed(test.store, 1, 'Philomène Cardot');
    expect(await findInRawDatabase(test.store, 'Philomène Cardot')).toEqual([]);
  });
});

describe('findInRawDatabase on an embedded database on disk', () => {
  let dataDir: string;
  let store: Store;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'vigie-raw-'));
    store = await openStore({ dataDir });
    await createTables(store);
  });
  afterAll(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("also finds a value in clear in the database's files", async () => {
    await runSql(store.db, `insert into raw_scan.plain (id, note) values (1, 'Anatole Frémicourt')`);
    const found = await findInRawDatabase(store, 'Anatole Frémicourt', { dataDir });
    expect(found[0]).toBe('raw_scan.plain.note');
    expect(found.filter((place) => place.startsWith('file:')).length).toBeGreaterThan(0);
  });

  it('finds a sealed value nowhere, neither in the tables nor in the files', async () => {
    await plantSealed(store, 1, 'Séraphin Dulong');
    expect(await findInRawDatabase(store, 'Séraphin Dulong', { dataDir })).toEqual([]);
  });
});
