import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/platform/store/index.js';
import { runCli, startServer, stopServer } from './support/cli.js';
import { openTestStore, type TestStore } from './support/store.js';

let dir: string;
let testStore: TestStore | undefined;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-cli-'));
  if (process.env.DATABASE_URL) {
    testStore = await openTestStore();
    await testStore.store.close();
  }
  env = {
    VIGIE_DATA_DIR: dir,
    VIGIE_PORT: '0',
    VIGIE_LOG_LEVEL: 'warn',
    ...(testStore?.databaseUrl ? { DATABASE_URL: testStore.databaseUrl } : {}),
  };
}, 60_000);

afterAll(async () => {
  await testStore?.drop();
  await rm(dir, { recursive: true, force: true });
});

/** Opens the deployment's database directly, as someone with access to its files would. */
async function rawStore() {
  return openStore({ databaseUrl: env.DATABASE_URL, dataDir: dir });
}

describe('vigie start, then the operator commands', () => {
  it('starts, prints its address and a one-time setup link; what it acknowledged survives a kill', async () => {
    const server = await startServer(env);
    try {
      const token = /setup#token=([A-Za-z0-9_-]+)/.exec(server.output())?.[1];
      expect(token).toBeTruthy();
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      expect((await fetch(`${server.url}/setup`)).headers.get('content-type')).toMatch(/text\/html/);
      const setup = await fetch(`${server.url}/api/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          token,
          organisation: { name: 'Hotline of Exampleland', kind: 'hotline', country: 'FR' },
          email: 'first.admin@example.org',
          name: 'Alex Exemple',
          password: 'a long enough passphrase',
        }),
      });
      expect(setup.status).toBe(201);
    } finally {
      server.child.kill('SIGKILL');
      await new Promise((resolve) => server.child.once('exit', resolve));
    }
    // The administrator acknowledged before the kill is there: no new setup link.
    const again = await startServer(env);
    expect(again.output()).not.toContain('setup#token=');
    expect(await stopServer(again.child)).toBe(0);
  }, 120_000);

  it('creates an organisation and a user, and rotates the encryption keys', async () => {
    const org = await runCli(['org', 'create', '--name', 'Police unit', '--kind', 'police', '--country', 'FR'], env);
    expect(org.code, org.stderr).toBe(0);
    const organisationId = org.stdout.trim();
    // Standard output is the answer alone, whatever the command logged: scripts read it.
    expect(organisationId).toMatch(/^[0-9a-f-]{36}$/);
    const user = await runCli(
      [
        'user',
        'create',
        '--organisation',
        organisationId,
        '--email',
        'liaison@example.org',
        '--name',
        'Sam Exemple',
        '--role',
        'police_liaison',
        '--password-stdin',
      ],
      env,
      'another long passphrase\n',
    );
    expect(user.code, user.stderr).toBe(0);
    const rotated = await runCli(['keys', 'rotate'], env);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toMatch(/New current key/);
    const disabled = await runCli(['user', 'disable', 'liaison@example.org'], env);
    expect(disabled.code, disabled.stderr).toBe(0);
    const list = await runCli(['user', 'list'], env);
    expect(list.stdout).toMatch(/police_liaison\tdisabled/);
    const enabled = await runCli(['user', 'enable', 'liaison@example.org'], env);
    expect(enabled.code, enabled.stderr).toBe(0);
    expect((await runCli(['user', 'list'], env)).stdout).toMatch(/police_liaison\tactive/);
    // A refusal is said in a line, not thrown as a stack.
    const unknown = await runCli(['user', 'enable', '00000000-0000-4000-8000-000000000000'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('vigie: Not found');
  }, 120_000);

  it('verifies the audit log, and names the entry that was altered', async () => {
    const intact = await runCli(['audit', 'verify'], env);
    expect(intact.code, intact.stdout + intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(/audit log intact: \d+ entries/);

    const store = await rawStore();
    try {
      await sql`alter table audit_log disable trigger user`.execute(store.db);
      const victim = await sql<{ seq: string }>`select seq::text as seq from audit_log order by seq limit 1 offset 2`.execute(store.db);
      await sql`update audit_log set action = 'user.nothing-happened' where seq = ${victim.rows[0]!.seq}::bigint`.execute(store.db);
      await sql`alter table audit_log enable trigger user`.execute(store.db);
      const altered = await runCli(['audit', 'verify'], env);
      expect(altered.code).toBe(1);
      expect(altered.stdout).toContain(`entry ${victim.rows[0]!.seq}: altered`);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('stops with a clear message on a bad setting', async () => {
    const bad = await runCli(['migrate'], { ...env, VIGIE_PORT: 'eighty', VIGIE_LOG_LEVEL: 'loud' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('VIGIE_PORT="eighty"');
    expect(bad.stderr).toContain('VIGIE_LOG_LEVEL="loud"');
  });
});
