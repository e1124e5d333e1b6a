import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncStatusesJob } from '../../src/exchange/index.js';
import { secondVigie, type SecondVigie } from '../banks/support.js';
import { createTestVigie, signInAs, type TestVigie } from '../support/app.js';
import { contentReport, partnerHeaders, storedReferrals, submitReport } from '../support/agencies.js';
import { freePort } from './support.js';

/**
 * The same exchange with the job workers running, as in production: the forwarding job,
 * the status sync and the status delivery are taken from each deployment's queue by a worker
 * (a second Vigie on the same database) instead of being called by the test. The waits are
 * long because a partner slower than 15 s is retried 30 s later, as it would be in production.
 */
const system = { actorType: 'system', actorId: null } as const;
let a: TestVigie;
let b: TestVigie;
let workers: SecondVigie[] = [];
let partnerAtA: string;
let partnerAtB: string;

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 150_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  const [portA, portB] = [await freePort(), await freePort()];
  // Four Vigies share this process and its event loop: one job at a time per queue keeps them answering.
  const quiet = { VIGIE_WORKER_CONCURRENCY: '1' };
  a = await createTestVigie({ ...quiet, VIGIE_EXCHANGE_ALLOW_HTTP: `http://127.0.0.1:${portB}` });
  b = await createTestVigie({ ...quiet, VIGIE_EXCHANGE_ALLOW_HTTP: `http://127.0.0.1:${portA}`, VIGIE_ASSESSMENT_CONFIRMATION: 'off' });
  await a.vigie.app.listen({ host: '127.0.0.1', port: portA });
  await b.vigie.app.listen({ host: '127.0.0.1', port: portB });
  partnerAtA = (await a.vigie.identity.createOrganisation(system, { name: 'Beispiel-Meldestelle', kind: 'hotline', country: 'DE' })).id;
  partnerAtB = (await b.vigie.identity.createOrganisation(system, { name: 'Association (exemple)', kind: 'hotline', country: 'FR' })).id;
  const admin = { actorType: 'system', actorId: null } as const;
  await a.vigie.exchange.registerPartner(admin, {
    name: 'Vigie DE',
    baseUrl: `http://127.0.0.1:${portB}`,
    publicKey: b.vigie.exchange.deploymentKey().publicKey,
    organisationId: partnerAtA,
  });
  await b.vigie.exchange.registerPartner(admin, {
    name: 'Vigie FR',
    baseUrl: `http://127.0.0.1:${portA}`,
    publicKey: a.vigie.exchange.deploymentKey().publicKey,
    organisationId: partnerAtB,
  });
  workers = [await secondVigie(a, { workers: true }), await secondVigie(b, { workers: true })];
}, 180_000);

afterAll(async () => {
  for (const worker of workers) await worker.close();
  await a?.close();
  await b?.close();
});

describe('with the workers running', { timeout: 300_000 }, () => {
  it('forwards the report, brings the acknowledgement and the assessment back', async () => {
    const reportId = await submitReport(a, await partnerHeaders(a), contentReport(['https://images.example.net/worker/1']));
    const planned = await a.vigie.referrals.planReferrals([
      { ruleId: 'hosted-abroad', target: { hostingPartner: 'DE', otherwise: 'interpol_liaison' }, countries: ['DE'], itemIds: [] },
    ]);
    const { created } = await a.vigie.referrals.recordRouting({
      reportId,
      urgent: false,
      trigger: 'assessed',
      ruleVersion: 1,
      firedRules: ['hosted-abroad'],
      referrals: planned,
      jobId: randomUUID(),
      hostingComplete: true,
    });
    const status = async () => (await storedReferrals(a, reportId)).find((row) => row.id === created[0])?.status;
    await until('the referral at A', status, (value) => value === 'received');
    const { rows: imported } = await sql<{ id: string }>`select id from reports where organisation_id = ${partnerAtB}`.execute(
      b.testStore.store.db,
    );
    expect(imported).toHaveLength(1);

    const analyst = await signInAs(b, ['analyst']);
    const at = (url: string, payload?: object) =>
      b.vigie.app.inject({
        method: 'POST',
        url: `/api/triage/reports/${imported[0]!.id}/${url}`,
        headers: analyst.headers,
        ...(payload ? { payload } : {}),
      });
    expect((await at('claim')).statusCode).toBe(200);
    const assessed = await at('assessment', {
      legalStatus: 'baseline',
      category: 'child_sexual_abuse_material',
      ageGroup: 'prepubescent',
      imageryClass: 'A1',
    });
    expect(assessed.statusCode, assessed.body).toBeLessThan(300);
    // What the periodic ask does every minute, asked now.
    await b.testStore.store.db.transaction().execute((trx) => b.vigie.jobs.enqueue(trx, syncStatusesJob, {}));
    await until('the referral at A', status, (value) => value === 'accepted');
  });
});
