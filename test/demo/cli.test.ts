import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoReports, demoStaff } from '../../src/demo/index.js';
import { runCli } from '../support/cli.js';
import { offlineUrlAnalysis } from '../support/url-analysis.js';
import { openTestStore, type TestStore } from '../support/store.js';

/** `vigie demo load` as an operator runs it: refused before the setup, then loaded once. */
let dir: string;
let testStore: TestStore | undefined;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-demo-cli-'));
  if (process.env.DATABASE_URL) {
    testStore = await openTestStore();
    await testStore.store.close();
  }
  env = {
    VIGIE_DATA_DIR: dir,
    VIGIE_LOG_LEVEL: 'warn',
    ...offlineUrlAnalysis,
    ...(testStore?.databaseUrl ? { DATABASE_URL: testStore.databaseUrl } : {}),
  };
}, 60_000);
afterAll(async () => {
  await testStore?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('vigie demo load', { timeout: 120_000 }, () => {
  it('refuses before the setup has made a hotline organisation, saying so', async () => {
    const refused = await runCli(['demo', 'load'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The demonstration needs a hotline organisation: complete the setup first');
  });

  it('loads the demonstration into the hotline, prints the accounts and their one password, and refuses a second time', async () => {
    const organisation = await runCli(['org', 'create', '--name', 'Hotline of Exampleland', '--kind', 'hotline', '--country', 'FR'], env);
    expect(organisation.code, organisation.stderr).toBe(0);
    const loaded = await runCli(['demo', 'load'], env);
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(loaded.stdout).toContain(`Demonstration data loaded: ${demoReports.length} reports`);
    for (const person of demoStaff) expect(loaded.stdout).toContain(person.email);
    expect(loaded.stdout).toMatch(/password for each: [A-Za-z0-9_-]{16};/);
    const again = await runCli(['demo', 'load'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('The demonstration data set is already loaded');
  });
});
