import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVigie, type Vigie } from '../../src/main.js';
import { loadConfig } from '../../src/platform/config/index.js';
import { waitFor } from '../jobs/wait-for.js';
import { openTestStore, type TestStore } from '../support/store.js';
import { offlineUrlAnalysis } from '../support/url-analysis.js';
import { count, sampleReport } from './support.js';

/** A Vigie whose job workers run, so that the cross-match job really follows each intake. */
let dir: string;
let testStore: TestStore;
let vigie: Vigie;
let partner: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-match-'));
  testStore = await openTestStore();
  const config = loadConfig({ VIGIE_DATA_DIR: dir, VIGIE_LOG_LEVEL: 'silent', VIGIE_JOB_POLL_SECONDS: '0.5', ...offlineUrlAnalysis });
  vigie = await createVigie(config, { store: testStore.store, workers: true });
  const system = { actorType: 'system', actorId: null } as const;
  const organisation = await vigie.identity.createOrganisation(system, { name: 'Platform', kind: 'partner' });
  const { secret } = await vigie.identity.createApiKey(system, { organisationId: organisation.id, name: 'k', scopes: ['report.submit'] });
  partner = { authorization: `Bearer ${secret}` };
}, 120_000);
afterAll(async () => {
  await vigie?.close();
  await testStore?.drop();
  await rm(dir, { recursive: true, force: true });
});

async function submit(report: object): Promise<string> {
  const response = await vigie.app.inject({
    method: 'POST',
    url: '/api/partner/reports',
    headers: { ...partner, 'idempotency-key': randomUUID() },
    payload: report,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().reportId;
}

async function linksOf(id: string): Promise<{ linked: string; kind: string }[]> {
  const { rows } = await sql<{ linked: string; kind: string }>`
    select linked_report_id as linked, kind from report_links where report_id = ${id} order by kind`.execute(vigie.store.db);
  return rows;
}

describe('cross-matching, the job that follows every intake', () => {
  let first: string;
  let second: string;
  let unrelated: string;

  it('links reports that name the same account (whatever its case) or the same media, in both directions', async () => {
    const base = { urls: [], media: [], places: [], reportedPersons: [], reporter: undefined };
    first = await submit(
      sampleReport({
        ...base,
        onlineIdentifiers: [{ platform: 'ExampleGame', username: 'Night_Owl' }],
        media: [{ hashes: { sha256: 'ef'.repeat(32) } }],
      }),
    );
    unrelated = await submit(sampleReport({ ...base, onlineIdentifiers: [{ platform: 'ExampleGame', username: 'day_lark' }] }));
    second = await submit(
      sampleReport({
        ...base,
        media: [{ hashes: { sha256: 'EF'.repeat(32) } }],
        reportedPersons: [{ onlineIdentifiers: [{ platform: 'examplegame', username: '@night_owl' }] }],
      }),
    );
    await waitFor('the links of the second report', async () => (await linksOf(second)).length === 2);
    expect(await linksOf(second)).toEqual([
      { linked: first, kind: 'account' },
      { linked: first, kind: 'sha256' },
    ]);
    expect(await linksOf(first)).toEqual([
      { linked: second, kind: 'account' },
      { linked: second, kind: 'sha256' },
    ]);
    expect(await linksOf(unrelated)).toEqual([]);
  });

  it('shows the links in the staff view', async () => {
    const detail = await vigie.reports.readReport(second);
    expect(detail.links).toEqual([{ reportId: first, kinds: expect.arrayContaining(['account', 'sha256']) }]);
  });

  it('is idempotent: running it again adds nothing', async () => {
    const before = await count(vigie.store, 'report_links');
    expect(await vigie.reports.crossMatch([first, second, unrelated])).toBe(0);
    expect(await count(vigie.store, 'report_links')).toBe(before);
  });

  it('matches URLs and e-mails through their blind indexes, never in clear', async () => {
    const plain = await submit(sampleReport());
    const third = await submit(
      sampleReport({ urls: ['HTTPS://Chat.Example.org:443/room/42'], onlineIdentifiers: [{ email: 'Foxy.Man@Example.org' }] }),
    );
    await waitFor('the links of the third report', async () => (await linksOf(third)).some((link) => link.kind === 'url'));
    await waitFor('the e-mail link', async () => (await linksOf(third)).some((link) => link.kind === 'email'));
    expect(await linksOf(third)).toEqual(
      expect.arrayContaining([
        { linked: plain, kind: 'url' },
        { linked: plain, kind: 'email' },
      ]),
    );
    const { rows } = await sql<{ value: string }>`select value from report_match_keys where kind in ('url', 'email')`.execute(
      vigie.store.db,
    );
    for (const { value } of rows) expect(value).not.toMatch(/example/i);
  });
});
