import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem } from '../../src/platform/http/index.js';
import { auditEntries, count, intakeFootprint, jobsNamed, sampleReport, startIntake, type Intake } from './support.js';

/**
 * Intake requests that arrive together share one transaction (group commit): each is still
 * acknowledged only after that commit, refused alone when it is at fault, and idempotent.
 */
let intake: Intake;

beforeAll(async () => {
  intake = await startIntake();
}, 120_000);
afterAll(() => intake?.close());

const reports = () => intake.t.vigie.reports;
const partner = () => ({
  actor: { actorType: 'api_key' as const, actorId: randomUUID(), organisationId: intake.partnerOrganisationId },
  organisationId: intake.partnerOrganisationId,
  apiKeyId: randomUUID(),
});
const crossMatchIds = async () =>
  (await jobsNamed(intake.t.vigie.store, 'report.cross-match')).map((job) => (job.data as { reportIds: string[] }).reportIds);

describe('group commit of intake', () => {
  it('writes forty submissions of one moment in one transaction, each acknowledged with its own report', async () => {
    const jobsBefore = (await crossMatchIds()).length;
    const receipts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => reports().submitPartnerReport(partner(), randomUUID(), sampleReport({ narrative: `n° ${i}` }))),
    );
    const ids = receipts.map((r) => r.receipt.reportId);
    expect(new Set(ids).size).toBe(40);
    expect(receipts.every((r) => !r.replayed)).toBe(true);
    const jobs = (await crossMatchIds()).slice(jobsBefore);
    expect(jobs).toEqual([ids]);
    const audited = new Set((await auditEntries(intake.t.vigie.store, 'report.receive')).map((e) => e.subject_id));
    expect(ids.every((id) => audited.has(id))).toBe(true);
  });

  it('answers a retry inside the same batch with the first answer, and a different request with the same key with 409', async () => {
    const same = randomUUID();
    const reused = randomUUID();
    const before = await count(intake.t.vigie.store, 'reports');
    const settled = await Promise.allSettled([
      reports().submitPartnerReport(partner(), same, sampleReport({ narrative: 'Same' })),
      reports().submitPartnerReport(partner(), same, sampleReport({ narrative: 'Same' })),
      reports().submitPartnerReport(partner(), reused, sampleReport({ narrative: 'First' })),
      reports().submitPartnerReport(partner(), reused, sampleReport({ narrative: 'Second' })),
    ]);
    const [first, retry, original, conflicting] = settled;
    expect(first.status).toBe('fulfilled');
    expect(retry.status).toBe('fulfilled');
    const value = (s: PromiseSettledResult<unknown>) => (s as PromiseFulfilledResult<{ replayed: boolean; receipt: unknown }>).value;
    expect(value(first).replayed).toBe(false);
    expect(value(retry)).toEqual({ replayed: true, receipt: value(first).receipt });
    expect(original.status).toBe('fulfilled');
    expect(conflicting.status).toBe('rejected');
    const reason = (conflicting as PromiseRejectedResult).reason as Problem;
    expect(reason).toBeInstanceOf(Problem);
    expect(reason.status).toBe(409);
    expect(await count(intake.t.vigie.store, 'reports')).toBe(before + 2);
  });

  it('refuses alone the one submission at fault, and commits the others of its batch', async () => {
    const before = await intakeFootprint(intake.t.vigie.store);
    const unknownUpload = randomUUID();
    const settled = await Promise.allSettled([
      reports().submitPartnerReport(partner(), randomUUID(), sampleReport({ narrative: 'Good 1' })),
      reports().submitPartnerReport(partner(), randomUUID(), sampleReport({ media: [{ uploadId: unknownUpload }] })),
      reports().submitPublicReport({ actorType: 'public', actorId: null }, sampleReport({ narrative: 'Good 2' })),
      reports().submitPartnerBatch(partner(), randomUUID(), { reports: [sampleReport(), sampleReport()] }),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const reason = (settled[1] as PromiseRejectedResult).reason as Problem;
    expect(reason.status).toBe(422);
    const after = await intakeFootprint(intake.t.vigie.store);
    expect(after.reports).toBe(before.reports + 4);
    expect(after.idempotency).toBe(before.idempotency + 2);
  });
});
