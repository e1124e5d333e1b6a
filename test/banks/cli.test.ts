import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { openTestStore, type TestStore } from '../support/store.js';
import { randomHex } from './support.js';

let dir: string;
let testStore: TestStore | undefined;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-bank-cli-'));
  if (process.env.DATABASE_URL) {
    testStore = await openTestStore();
    await testStore.store.close();
  }
  env = { VIGIE_DATA_DIR: dir, VIGIE_LOG_LEVEL: 'warn', ...(testStore?.databaseUrl ? { DATABASE_URL: testStore.databaseUrl } : {}) };
}, 60_000);
afterAll(async () => {
  await testStore?.drop();
  await rm(dir, { recursive: true, force: true });
});

const vigie = (...args: string[]) => runCli(args, env);
/** Each command starts a whole Vigie (and, embedded, opens its database): seconds apiece. */
const slow = 180_000;

describe('vigie bank', () => {
  it(
    'creates and lists banks, imports a file (silent progress when not a terminal), shows counts, exports, disables',
    async () => {
      const created = await vigie(
        'bank',
        'create',
        '--name',
        'National list',
        '--purpose',
        'national',
        '--source',
        'Hotline of Exampleland',
      );
      expect(created.code, created.stderr).toBe(0);
      const bankId = created.stdout.trim();
      expect(bankId).toMatch(/^[0-9a-f-]{36}$/);

      const lines = Array.from({ length: 500 }, (_, i) => `${randomHex(64)},${50 + (i % 50)},file-${i}.png`);
      const file = path.join(dir, 'hashes.txt');
      await writeFile(file, `${lines.join('\n')}\n`);
      const imported = await vigie('bank', 'import', 'national list', file, '--format', 'pdq', '--industry-category', 'B2');
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toMatch(/\t500 records: 500 added, 0 updated, 0 disabled, 0 skipped\n$/);
      expect(imported.stderr).toBe('');

      expect((await vigie('bank', 'show', bankId)).stdout).toContain('entries 500, enabled 500, with PDQ 500');
      expect((await vigie('bank', 'list')).stdout).toBe(`${bankId}\tnational\tenabled\tNational list\tHotline of Exampleland\n`);

      const out = path.join(dir, 'export.csv');
      const exported = await vigie('bank', 'export', bankId, '--format', 'csv', '--output', out);
      expect(exported.code, exported.stderr).toBe(0);
      const csv = (await readFile(out, 'utf8')).trim().split('\n');
      expect(csv).toHaveLength(501);
      expect(csv[1]).toBe(
        `${lines[0]!.split(',').slice(0, 2).join(',')},,,,national,B2,pubescent,Hotline of Exampleland,${csv[1]!.split(',')[9]},,true`,
      );

      expect((await vigie('bank', 'disable', 'National list')).code).toBe(0);
      expect((await vigie('bank', 'list')).stdout).toContain('\tdisabled\t');
    },
    slow,
  );

  it(
    'refuses an import with invalid lines, naming each, and imports nothing',
    async () => {
      await vigie('bank', 'create', '--name', 'Partner list', '--purpose', 'partner', '--source', 'Example Platform');
      const file = path.join(dir, 'bad.csv');
      await writeFile(file, `md5,legal_status\n${randomHex(32)},national\nnot-a-hash,illegal\n`);
      const refused = await vigie('bank', 'import', 'Partner list', file, '--format', 'csv');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('line 3, record 2, md5: format\nline 3, record 2, legal_status: choice\n');
      expect(refused.stderr).toContain('nothing was imported');
      expect((await vigie('bank', 'show', 'Partner list')).stdout).toContain('entries 0,');
    },
    slow,
  );

  it(
    'adds, disables and enables one entry',
    async () => {
      await vigie('bank', 'create', '--name', 'Look-alikes', '--purpose', 'false_positive', '--source', 'Hotline of Exampleland');
      const added = await vigie('bank', 'add', 'Look-alikes', '--md5', randomHex(32));
      expect(added.code, added.stderr).toBe(0);
      const entryId = added.stdout.trim();
      expect((await vigie('bank', 'disable-entry', 'Look-alikes', entryId)).code).toBe(0);
      expect((await vigie('bank', 'show', 'Look-alikes')).stdout).toContain('entries 1, enabled 0');
      expect((await vigie('bank', 'enable-entry', 'Look-alikes', entryId)).code).toBe(0);
      const bad = await vigie('bank', 'add', 'Look-alikes', '--pdq', randomHex(64));
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('/pdqQuality: required');
    },
    slow,
  );
});
