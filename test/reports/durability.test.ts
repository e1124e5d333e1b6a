import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/platform/audit/index.js';
import { createReportService, type AuditWriter, type JobEnqueuer } from '../../src/reports/index.js';
import { intakeFootprint, sampleReport, startIntake, type Intake } from './support.js';

let intake: Intake;

beforeAll(async () => {
  intake = await startIntake();
}, 120_000);
afterAll(() => intake?.close());

const realAudit: AuditWriter = (trx, actor, record) =>
  recordAudit(trx, { ...actor, organisationId: actor.organisationId ?? null, requestId: actor.requestId ?? null, ...record });

/** The module wired to the test's database, with one of its collaborators failing at the last moment. */
function serviceFailing(part: 'audit' | 'jobs') {
  const { vigie } = intake.t;
  const audit: AuditWriter =
    part === 'audit'
      ? async (trx, actor, record) => {
          await realAudit(trx, actor, record);
          throw new Error('the audit log is unavailable');
        }
      : realAudit;
  const jobs: JobEnqueuer =
    part === 'jobs'
      ? {
          async enqueue(executor, name, data) {
            await vigie.jobs.enqueue(executor, name, data);
            throw new Error('the job queue is unavailable');
          },
        }
      : vigie.jobs;
  return createReportService({ db: vigie.store.db, sealer: vigie.cipher, audit, jobs });
}

function partner() {
  return {
    actor: { actorType: 'api_key' as const, actorId: randomUUID(), organisationId: intake.partnerOrganisationId },
    organisationId: intake.partnerOrganisationId,
    apiKeyId: randomUUID(),
  };
}

describe('a failure before the commit leaves nothing behind', () => {
  it.each(['audit', 'jobs'] as const)('when the %s write fails, no report, item, key, claim, entry or job remains', async (part) => {
    const failing = serviceFailing(part);
    const before = await intakeFootprint(intake.t.vigie.store);
    const key = randomUUID();
    await expect(failing.submitPartnerReport(partner(), key, sampleReport())).rejects.toThrow(/unavailable/);
    await expect(failing.submitPartnerBatch(partner(), randomUUID(), { reports: [sampleReport(), sampleReport()] })).rejects.toThrow(
      /unavailable/,
    );
    await expect(failing.submitPublicReport({ actorType: 'public', actorId: null }, sampleReport())).rejects.toThrow(/unavailable/);
    expect(await intakeFootprint(intake.t.vigie.store)).toEqual(before);

    // The idempotency key was not claimed either: the partner's retry goes through.
    const retry = await intake.t.vigie.reports.submitPartnerReport(partner(), key, sampleReport());
    expect(retry.replayed).toBe(false);
    expect((await intakeFootprint(intake.t.vigie.store)).reports).toBe(before.reports + 1);
  });
});

describe('concurrent retries with one idempotency key', () => {
  const post = (key: string, body: object) =>
    intake.t.vigie.app.inject({
      method: 'POST',
      url: '/api/partner/reports',
      headers: { ...intake.partner, 'idempotency-key': key },
      payload: body,
    });

  it('create one report, and every retry gets its receipt', async () => {
    const before = (await intakeFootprint(intake.t.vigie.store)).reports;
    const key = randomUUID();
    const body = sampleReport({ narrative: 'Envoyé plusieurs fois à la fois' });
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(key, body)));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.json().reportId)).size).toBe(1);
    expect((await intakeFootprint(intake.t.vigie.store)).reports).toBe(before + 1);
  });

  it('with different bodies, accept one and refuse the others with 409', async () => {
    const before = (await intakeFootprint(intake.t.vigie.store)).reports;
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 4 }, (_, i) => post(key, sampleReport({ narrative: `Version ${i}` }))));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
    expect((await intakeFootprint(intake.t.vigie.store)).reports).toBe(before + 1);
  });
});
