import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVigie } from '../../src/main.js';
import { loadConfig } from '../../src/platform/config/index.js';
import { openStore, type AnyDatabase } from '../../src/platform/store/index.js';
import { solvedChallenge } from '../support/challenge.js';
import { startServer, stopServer } from '../support/cli.js';
import { openTestStore, type TestStore } from '../support/store.js';
import { sampleReport } from './support.js';

/**
 * Durability under load (issue 3, "done means"): the real server (`vigie start`) takes a
 * continuous load of partner and public submissions from several clients, is killed with
 * SIGKILL in the middle of it, and started again. Every submission it acknowledged (201)
 * must be in the database, whole: its items, its audit entry, its idempotency claim and its
 * follow-up job, all or nothing; a retry with the same key gives the same report.
 */
let dir: string;
let testStore: TestStore | undefined;
let env: Record<string, string>;
let partnerKey: string;

const partnerClients = 4;
const publicClients = 2;
/** The kill comes once this many submissions have been acknowledged, while all clients keep sending. */
const acknowledgedBeforeKill = { partner: 40, public: 6 };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-kill-'));
  if (process.env.DATABASE_URL) {
    testStore = await openTestStore();
    await testStore.store.close();
  }
  env = {
    VIGIE_DATA_DIR: dir,
    VIGIE_PORT: '0',
    VIGIE_LOG_LEVEL: 'warn',
    VIGIE_REQUESTS_PER_MINUTE: '1000000',
    VIGIE_PUBLIC_SUBMISSIONS_PER_MINUTE: '1000000',
    VIGIE_PUBLIC_LOOKUPS_PER_MINUTE: '1000000',
    VIGIE_CHALLENGE_MAX_NUMBER: '1000',
    ...(testStore?.databaseUrl ? { DATABASE_URL: testStore.databaseUrl } : {}),
  };
  // The partner and its key, made before the server starts (the embedded database serves one process).
  const vigie = await createVigie(loadConfig(env));
  const system = { actorType: 'system', actorId: null } as const;
  const organisation = await vigie.identity.createOrganisation(system, { name: 'Example Platform', kind: 'partner' });
  const { secret } = await vigie.identity.createApiKey(system, {
    organisationId: organisation.id,
    name: 'load',
    scopes: ['report.submit'],
  });
  partnerKey = secret;
  await vigie.close();
}, 120_000);

afterAll(async () => {
  await testStore?.drop();
  await rm(dir, { recursive: true, force: true });
});

interface Acknowledged {
  key: string;
  body: object;
  reportId: string;
}

/** The challenge helper asks through `inject`; here the server is a real one, reached over loopback. */
function over(url: string) {
  return {
    inject: async ({ url: route }: { url: string }) => {
      const response = await fetch(`${url}${route}`);
      const body = await response.text();
      return { statusCode: response.status, body, json: () => JSON.parse(body) as unknown };
    },
  } as unknown as Parameters<typeof solvedChallenge>[0];
}

function partnerBody(client: number, sequence: number) {
  return sampleReport({
    narrative: `Charge ${client}/${sequence}`,
    urls: [`https://load.example.org/${client}/${sequence}`, 'https://load.example.org/shared'],
    onlineIdentifiers: [{ platform: 'ExampleNet', username: `load_${client}_${sequence}` }],
  });
}

describe('kill -9 during a load of submissions', () => {
  it('keeps every acknowledged report, whole, and answers a retry with the same report', async () => {
    const server = await startServer(env);
    const partner: Acknowledged[] = [];
    const publicCodes: string[] = [];
    const unanswered: { key: string; body: object }[] = [];
    let killed = false;
    let failure: unknown;
    /** A refusal before the kill is a failure of the test; it ends the load at once. */
    const fail = (error: unknown) => {
      failure ??= error;
      killed = true;
    };

    const partnerClient = async (client: number) => {
      for (let sequence = 0; !killed; sequence += 1) {
        const key = randomUUID();
        const body = partnerBody(client, sequence);
        try {
          const response = await fetch(`${server.url}/api/partner/reports`, {
            method: 'POST',
            headers: { authorization: `Bearer ${partnerKey}`, 'idempotency-key': key, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
          const answer = (await response.json()) as { reportId: string };
          if (response.status !== 201) throw new Error(`refused: ${response.status} ${JSON.stringify(answer)}`);
          partner.push({ key, body, reportId: answer.reportId });
        } catch (error) {
          if (killed) unanswered.push({ key, body });
          else fail(error);
        }
      }
    };
    const publicClient = async (client: number) => {
      for (let sequence = 0; !killed; sequence += 1) {
        try {
          const challenge = await solvedChallenge(over(server.url));
          const response = await fetch(`${server.url}/api/public/reports`, {
            method: 'POST',
            headers: { 'x-vigie-challenge': challenge, 'content-type': 'application/json' },
            body: JSON.stringify(sampleReport({ narrative: `Public ${client}/${sequence}`, reporter: undefined })),
          });
          const answer = (await response.json()) as { receiptCode: string };
          if (response.status !== 201) throw new Error(`refused: ${response.status} ${JSON.stringify(answer)}`);
          publicCodes.push(answer.receiptCode);
        } catch (error) {
          if (!killed) fail(error);
        }
      }
    };

    const clients = [
      ...Array.from({ length: partnerClients }, (_, i) => partnerClient(i)),
      ...Array.from({ length: publicClients }, (_, i) => publicClient(i)),
    ];
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    const killer = (async () => {
      while (!killed && (partner.length < acknowledgedBeforeKill.partner || publicCodes.length < acknowledgedBeforeKill.public)) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      killed = true;
      server.child.kill('SIGKILL');
    })();
    await Promise.all([killer, ...clients]);
    await exited;
    expect(failure).toBeUndefined();
    const acknowledged = [...partner];
    const receipts = [...publicCodes];

    // Started again on the same database.
    const again = await startServer(env);
    try {
      // A retry of an acknowledged submission, with its key, is answered with the same report.
      for (const { key, body, reportId } of acknowledged) {
        const retry = await fetch(`${again.url}/api/partner/reports`, {
          method: 'POST',
          headers: { authorization: `Bearer ${partnerKey}`, 'idempotency-key': key, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(retry.status).toBe(201);
        expect(retry.headers.get('idempotent-replayed')).toBe('true');
        expect(((await retry.json()) as { reportId: string }).reportId).toBe(reportId);
      }
      // One sent when the server died either was committed (replayed now) or was not (taken now): never twice.
      for (const { key, body } of unanswered) {
        const retry = await fetch(`${again.url}/api/partner/reports`, {
          method: 'POST',
          headers: { authorization: `Bearer ${partnerKey}`, 'idempotency-key': key, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(retry.status).toBe(201);
      }
      // Every public receipt acknowledged still leads to its report.
      for (const code of receipts) {
        const status = await fetch(`${again.url}/api/public/reports/status`, { headers: { 'receipt-code': code } });
        expect(status.status).toBe(200);
      }
    } finally {
      expect(await stopServer(again.child)).toBe(0);
    }

    const store = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: dir });
    try {
      await expectWhole(store.db, acknowledged, unanswered.length, receipts.length);
    } finally {
      await store.close();
    }
  }, 300_000);
});

async function scalar(db: Kysely<AnyDatabase>, query: ReturnType<typeof sql<{ n: string }>>): Promise<number> {
  const { rows } = await query.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Every acknowledged report is there, and no report anywhere is half-written. */
async function expectWhole(db: Kysely<AnyDatabase>, acknowledged: readonly Acknowledged[], unanswered: number, publicAcknowledged: number) {
  const ids = acknowledged.map((a) => a.reportId);
  expect(await scalar(db, sql`select count(*)::text as n from reports where id = any(${ids}::uuid[])`)).toBe(ids.length);
  const partnerReports = await scalar(db, sql`select count(*)::text as n from reports where channel = 'partner_api'`);
  // Each partner submission made one report, the unanswered ones included, and no more.
  expect(partnerReports).toBe(acknowledged.length + unanswered);
  expect(await scalar(db, sql`select count(*)::text as n from reports where channel = 'web'`)).toBeGreaterThanOrEqual(publicAcknowledged);

  const broken = {
    itemsMissing: sql`select count(*)::text as n from reports r where r.url_count + r.identifier_count + r.media_count <>
      (select count(*) from report_items i where i.report_id = r.id and i.addition_id is null)`,
    keysMissing: sql`select count(*)::text as n from reports r where not exists (select 1 from report_match_keys k where k.report_id = r.id)`,
    auditNotOnce: sql`select count(*)::text as n from reports r where 1 <> (
      select count(*) from (select subject_id, action from audit_log union all select subject_id, action from audit_pending) a
      where a.action = 'report.receive' and a.subject_id = r.id::text)`,
    jobMissing: sql`select count(*)::text as n from reports r where not exists (
      select 1 from jobs.job j where j.name = 'report.cross-match' and j.data->'reportIds' @> jsonb_build_array(r.id::text))`,
    claimMissing: sql`select count(*)::text as n from reports r where r.channel = 'partner_api' and not exists (
      select 1 from report_idempotency c where c.response->>'reportId' = r.id::text)`,
    claimWithoutReport: sql`select count(*)::text as n from report_idempotency c where not exists (
      select 1 from reports r where r.id::text = c.response->>'reportId')`,
    receiptMissing: sql`select count(*)::text as n from reports r where r.channel = 'web' and r.receipt_hash is null`,
  };
  const found: Record<string, number> = {};
  for (const [name, query] of Object.entries(broken)) found[name] = await scalar(db, query as ReturnType<typeof sql<{ n: string }>>);
  expect(found).toEqual(Object.fromEntries(Object.keys(broken).map((name) => [name, 0])));
}
