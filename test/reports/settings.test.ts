import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/platform/audit/index.js';
import { loadConfig } from '../../src/platform/config/index.js';
import { askPeriodically } from '../../src/platform/jobs/index.js';
import { createReportService, expireIdempotencyJob, type AuditWriter } from '../../src/reports/index.js';
import { solvedChallengeHeaders } from '../support/challenge.js';
import { count, jobsNamed, sampleReport, startIntake, type Intake } from './support.js';

/** The deployment's settings of the intake: the public routes' rate limits and the expiry of idempotency claims. */
let intake: Intake;

beforeAll(async () => {
  intake = await startIntake({ VIGIE_PUBLIC_SUBMISSIONS_PER_MINUTE: '2', VIGIE_PUBLIC_LOOKUPS_PER_MINUTE: '1' });
}, 120_000);
afterAll(() => intake?.close());

const dayMs = 24 * 60 * 60 * 1000;
const audit: AuditWriter = (trx, actor, record) =>
  recordAudit(trx, { ...actor, organisationId: actor.organisationId ?? null, requestId: actor.requestId ?? null, ...record });

describe('the public rate limits', () => {
  it('are read from the environment, with their defaults', () => {
    expect(loadConfig({})).toMatchObject({ publicSubmissionsPerMinute: 10, publicLookupsPerMinute: 30, idempotencyRetentionDays: 30 });
    expect(() => loadConfig({ VIGIE_PUBLIC_SUBMISSIONS_PER_MINUTE: '0' })).toThrow(/VIGIE_PUBLIC_SUBMISSIONS_PER_MINUTE/);
    expect(() => loadConfig({ VIGIE_IDEMPOTENCY_RETENTION_DAYS: 'forever' })).toThrow(/VIGIE_IDEMPOTENCY_RETENTION_DAYS/);
  });

  it('hold a submitter to VIGIE_PUBLIC_SUBMISSIONS_PER_MINUTE and a reader to VIGIE_PUBLIC_LOOKUPS_PER_MINUTE', async () => {
    const from = '192.0.2.10';
    const submit = async () =>
      intake.t.vigie.app.inject({
        method: 'POST',
        url: '/api/public/reports',
        remoteAddress: from,
        headers: await solvedChallengeHeaders(intake.t.vigie.app),
        payload: sampleReport(),
      });
    const answers = [await submit(), await submit(), await submit()];
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 429]);
    expect(answers[2]!.headers['content-type']).toMatch(/^application\/problem\+json/);
    const code = answers[0]!.json().receiptCode as string;
    const lookup = () =>
      intake.t.vigie.app.inject({
        method: 'GET',
        url: '/api/public/reports/status',
        remoteAddress: '192.0.2.11',
        headers: { 'receipt-code': code },
      });
    expect([(await lookup()).statusCode, (await lookup()).statusCode]).toEqual([200, 429]);
  });
});

describe('the expiry of idempotency claims', () => {
  const partner = () => ({
    actor: { actorType: 'api_key' as const, actorId: randomUUID(), organisationId: intake.partnerOrganisationId },
    organisationId: intake.partnerOrganisationId,
    apiKeyId: randomUUID(),
  });

  it('deletes the claims older than the retention, keeps the others, and deletes nothing more when run again', async () => {
    const { vigie } = intake.t;
    const at = (daysAgo: number) =>
      createReportService({
        db: vigie.store.db,
        sealer: vigie.cipher,
        audit,
        jobs: vigie.jobs,
        now: () => new Date(Date.now() - daysAgo * dayMs),
      });
    const oldKey = randomUUID();
    const recentKey = randomUUID();
    const old = await at(31).submitPartnerReport(partner(), oldKey, sampleReport({ narrative: 'Ancien' }));
    await at(29).submitPartnerReport(partner(), recentKey, sampleReport({ narrative: 'Récent' }));
    const claims = await count(vigie.store, 'report_idempotency');

    expect(await vigie.reports.expireIdempotencyClaims(30)).toBe(1);
    expect(await count(vigie.store, 'report_idempotency')).toBe(claims - 1);
    expect(await vigie.reports.expireIdempotencyClaims(30)).toBe(0);

    // Within the retention a retry is answered from the claim; after it, the retry is a new request.
    const recentRetry = await vigie.reports.submitPartnerReport(partner(), recentKey, sampleReport({ narrative: 'Récent' }));
    expect(recentRetry.replayed).toBe(true);
    const oldRetry = await vigie.reports.submitPartnerReport(partner(), oldKey, sampleReport({ narrative: 'Ancien' }));
    expect(oldRetry.replayed).toBe(false);
    expect(oldRetry.receipt.reportId).not.toBe(old.receipt.reportId);
    // The reports themselves are not touched.
    expect(await count(vigie.store, 'reports', sql`id = ${old.receipt.reportId}`)).toBe(1);
  });

  it('is asked for as one keyed job, however many processes ask', async () => {
    const { vigie } = intake.t;
    // The deployment asked once at start, with its setting; two more processes ask now.
    const errors: unknown[] = [];
    const job = {
      name: expireIdempotencyJob,
      data: { retentionDays: 7 },
      intervalMs: 3_600_000,
      onError: (error: unknown) => errors.push(error),
    };
    const first = askPeriodically(vigie.jobs, vigie.store.db, job);
    const second = askPeriodically(vigie.jobs, vigie.store.db, job);
    await Promise.all([first.firstAsked, second.firstAsked]);
    first.stop();
    second.stop();
    expect(errors).toEqual([]);
    expect((await jobsNamed(vigie.store, expireIdempotencyJob)).map((job) => job.data)).toEqual([{ retentionDays: 30 }]);
  });
});
