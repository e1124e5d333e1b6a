import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { openTestStore, type TestStore } from '../support/store.js';

let dir: string;
let testStore: TestStore | undefined;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-hotel-cli-'));
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

describe('vigie hotel', () => {
  it('adds hotels to a chain, lists them, and scopes a key of the chain to one of them', async () => {
    const chain = await runCli(['org', 'create', '--name', 'Hotels of Exampleland', '--kind', 'partner'], env);
    expect(chain.code, chain.stderr).toBe(0);
    const chainId = chain.stdout.trim();
    const key = await runCli(['apikey', 'create', '--organisation', chainId, '--name', 'hotels', '--scope', 'report.submit'], env);
    const keyId = key.stdout.split('\n')[0]!;

    const added: string[] = [];
    for (const [name, city] of [
      ['Hôtel Exemple Centre', 'Lyon'],
      ['Hôtel Exemple Gare', 'Lyon'],
    ]) {
      const hotel = await runCli(
        [
          'hotel',
          'add',
          '--chain',
          chainId,
          '--name',
          name!,
          '--country',
          'FR',
          '--subdivision',
          'FR-69',
          '--city',
          city!,
          '--address',
          '1 rue Exemple',
        ],
        env,
      );
      expect(hotel.code, hotel.stderr).toBe(0);
      added.push(hotel.stdout.trim());
    }
    const list = await runCli(['hotel', 'list', '--chain', chainId], env);
    expect(list.stdout.trim().split('\n')).toEqual([
      `${added[0]}\t${chainId}\tFR\tFR-69\tLyon\tHôtel Exemple Centre`,
      `${added[1]}\t${chainId}\tFR\tFR-69\tLyon\tHôtel Exemple Gare`,
    ]);

    const scoped = await runCli(['hotel', 'scope', keyId, '--hotel', added[1]!], env);
    expect(scoped.code, scoped.stderr).toBe(0);
    expect(scoped.stdout.trim()).toBe(added[1]);
    const all = await runCli(['hotel', 'scope', keyId, '--all'], env);
    expect(all.stdout.trim()).toBe('all hotels of the chain');
  }, 180_000);

  it('explains what it refuses', async () => {
    const country = await runCli(
      [
        'hotel',
        'add',
        '--chain',
        '00000000-0000-4000-8000-000000000000',
        '--name',
        'X',
        '--country',
        'ZZ',
        '--city',
        'X',
        '--address',
        'X',
      ],
      env,
    );
    expect(country.code).toBe(1);
    expect(country.stderr).toContain('ZZ is not an ISO 3166-1 alpha-2 country code');
    const chain = await runCli(
      [
        'hotel',
        'add',
        '--chain',
        '00000000-0000-4000-8000-000000000000',
        '--name',
        'X',
        '--country',
        'FR',
        '--city',
        'X',
        '--address',
        'X',
      ],
      env,
    );
    expect(chain.code).toBe(1);
    expect(chain.stderr).toContain('validation: chainId');
    const neither = await runCli(['hotel', 'scope', '00000000-0000-4000-8000-000000000000'], env);
    expect(neither.code).toBe(1);
    expect(neither.stderr).toContain('give either --all or --hotel');
  }, 120_000);
});
