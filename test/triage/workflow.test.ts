import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem } from '../../src/platform/http/index.js';
import { findInRawDatabase } from '../support/raw-database.js';
import { analyst, auditOf, jobsNamed, routingJob, startTriageWorld, type TriageWorld } from './support.js';

let world: TriageWorld;
beforeAll(async () => {
  world = await startTriageWorld();
}, 120_000);
afterAll(() => world?.close());

/** The problem a step fails with: its status, detail and the fields it names. */
async function refusal(step: Promise<unknown>): Promise<{ status: number; detail: string | undefined; fields: string[] }> {
  try {
    await step;
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    const fields = (error.options.fields ?? []).map((field) => (field.in === 'body' ? field.pointer : field.parameter));
    return { status: error.status, detail: error.options.detail, fields };
  }
  throw new Error('the step was expected to fail');
}

const csam = { legalStatus: 'baseline', category: 'child_sexual_abuse_material', ageGroup: 'prepubescent', imageryClass: 'A2' } as const;

async function positionOf(reportId: string) {
  const [position] = await world.reports.assessmentPositionsOf([reportId]);
  return position!;
}

describe('claims', () => {
  it('holds a claim for its time, then lets another analyst take the report (the first can no longer act)', async () => {
    const reportId = await world.submit();
    const first = analyst();
    const second = analyst();
    const { claim } = await world.triage.claimReport(first, reportId);
    expect(claim).toMatchObject({ reportId, claimedBy: first.userId, purpose: 'assess' });
    expect(new Date(claim.expiresAt).getTime() - new Date(claim.claimedAt).getTime()).toBe(30 * 60_000);
    expect(await refusal(world.triage.claimReport(second, reportId))).toEqual({ status: 409, detail: 'detail.claim-held', fields: ['id'] });

    world.clock.now = new Date(world.clock.now.getTime() + 29 * 60_000);
    expect((await refusal(world.triage.claimReport(second, reportId))).detail).toBe('detail.claim-held');
    world.clock.now = new Date(world.clock.now.getTime() + 2 * 60_000);
    const taken = await world.triage.claimReport(second, reportId);
    expect(taken).toMatchObject({ renewed: false, claim: { claimedBy: second.userId } });
    expect(await refusal(world.triage.assessReport(first, reportId, csam))).toEqual({
      status: 409,
      detail: 'detail.claim-required',
      fields: ['id'],
    });
    const claims = (await auditOf(world.store, 'assessment.claim')).filter((entry) => entry.subject_id === reportId);
    expect(claims.map((entry) => [entry.actor_id, entry.detail.expiredClaimOf])).toEqual([
      [first.userId, null],
      [second.userId, first.userId],
    ]);
  });

  it('renews the claim of its holder, keeping when it was first claimed', async () => {
    const reportId = await world.submit();
    const holder = analyst();
    const { claim } = await world.triage.claimReport(holder, reportId);
    world.clock.now = new Date(world.clock.now.getTime() + 10 * 60_000);
    const renewed = await world.triage.claimReport(holder, reportId);
    expect(renewed.renewed).toBe(true);
    expect(renewed.claim.claimedAt).toBe(claim.claimedAt);
    expect(new Date(renewed.claim.expiresAt).getTime()).toBe(world.clock.now.getTime() + 30 * 60_000);
  });

  it('releases a claim for its holder only; the report is then free', async () => {
    const reportId = await world.submit();
    const holder = analyst();
    const other = analyst();
    await world.triage.claimReport(holder, reportId);
    expect((await refusal(world.triage.releaseClaim(other, reportId))).detail).toBe('detail.claim-required');
    await world.triage.releaseClaim(holder, reportId);
    expect((await world.triage.claimReport(other, reportId)).claim.claimedBy).toBe(other.userId);
    expect((await auditOf(world.store, 'assessment.release')).some((entry) => entry.subject_id === reportId)).toBe(true);
  });

  it('moves the report to in_analysis at its first claim, audited by the reports module', async () => {
    const reportId = await world.submit();
    expect((await positionOf(reportId)).status).toBe('received');
    await world.triage.claimReport(analyst(), reportId);
    expect(await positionOf(reportId)).toMatchObject({ stage: 'awaiting', status: 'in_analysis' });
    const moves = (await auditOf(world.store, 'report.status')).filter((entry) => entry.subject_id === reportId);
    expect(moves.map((entry) => entry.detail)).toEqual([{ from: 'received', to: 'in_analysis' }]);
  });

  it('refuses a claim beyond the most one analyst may hold', async () => {
    const hoarder = analyst();
    for (let i = 0; i < 20; i += 1) await world.triage.claimReport(hoarder, await world.submit());
    expect((await refusal(world.triage.claimReport(hoarder, await world.submit()))).detail).toBe('detail.claim-limit');
  });

  it('answers 404 for a report that does not exist', async () => {
    expect((await refusal(world.triage.claimReport(analyst(), crypto.randomUUID()))).status).toBe(404);
  });
});

describe('the second pair of eyes', () => {
  it('makes an assessment final only when another analyst confirms it, then asks routing once', async () => {
    const reportId = await world.submit();
    const assessor = analyst();
    const confirmer = analyst();
    await world.triage.claimReport(assessor, reportId);
    const assessed = await world.triage.assessReport(assessor, reportId, { ...csam, note: 'Vu sur la page, capture floutée.' });
    expect(assessed).toMatchObject({ stage: 'confirming', final: null, assessment: { state: 'awaiting_confirmation', hasNote: true } });
    expect(await world.triage.finalAssessmentOf(reportId)).toBeNull();
    expect(await jobsNamed(world.store, routingJob)).not.toContainEqual({ reportId, trigger: 'assessed' });

    // The assessor can neither take the confirmation nor give it.
    expect(await refusal(world.triage.claimReport(assessor, reportId))).toEqual({
      status: 403,
      detail: 'detail.own-assessment',
      fields: ['id'],
    });
    expect((await refusal(world.triage.confirmAssessment(assessor, reportId, assessed.assessment.id))).status).toBe(403);
    // A confirmation needs the claim, and names the assessment seen.
    expect((await refusal(world.triage.confirmAssessment(confirmer, reportId, assessed.assessment.id))).detail).toBe(
      'detail.claim-required',
    );
    await world.triage.claimReport(confirmer, reportId);
    expect(await refusal(world.triage.confirmAssessment(confirmer, reportId, crypto.randomUUID()))).toEqual({
      status: 409,
      detail: 'detail.assessment-changed',
      fields: ['/assessmentId'],
    });

    const confirmed = await world.triage.confirmAssessment(confirmer, reportId, assessed.assessment.id);
    expect(confirmed.stage).toBe('final');
    const final = await world.triage.finalAssessmentOf(reportId);
    expect(final).toEqual({
      reportId,
      assessmentId: assessed.assessment.id,
      legalStatus: 'baseline',
      category: 'child_sexual_abuse_material',
      ageGroup: 'prepubescent',
      imageryClass: 'A2',
      assessedBy: assessor.userId,
      confirmedBy: confirmer.userId,
      basis: 'confirmed',
      at: world.clock.now.toISOString(),
    });
    expect(await positionOf(reportId)).toMatchObject({ stage: 'final', status: 'in_analysis' });
    expect((await jobsNamed(world.store, routingJob)).filter((data) => JSON.stringify(data).includes(reportId))).toEqual([
      { reportId, trigger: 'assessed' },
    ]);

    // Nothing more can happen to a final assessment, and routing is not asked again.
    expect((await refusal(world.triage.confirmAssessment(confirmer, reportId, assessed.assessment.id))).detail).toBe(
      'detail.assessment-final',
    );
    expect((await refusal(world.triage.claimReport(analyst(), reportId))).detail).toBe('detail.assessment-final');
    expect((await jobsNamed(world.store, routingJob)).filter((data) => JSON.stringify(data).includes(reportId))).toHaveLength(1);
  });

  it('sends a disputed assessment back to the queue, for a senior analyst who took no part in it', async () => {
    const reportId = await world.submit({ category: 'sextortion' });
    const assessor = analyst(undefined, true);
    const disagreeing = analyst(undefined, true);
    const junior = analyst();
    const deciding = analyst(undefined, true);
    await world.triage.claimReport(assessor, reportId);
    const { assessment } = await world.triage.assessReport(assessor, reportId, {
      legalStatus: 'national',
      category: 'sextortion',
      ageGroup: 'pubescent',
      imageryClass: null,
    });
    await world.triage.claimReport(disagreeing, reportId);
    const disputed = await world.triage.disagreeWithAssessment(disagreeing, reportId, {
      assessmentId: assessment.id,
      fields: ['legalStatus', 'ageGroup'],
      note: 'La personne semble majeure.',
    });
    expect(disputed).toMatchObject({ stage: 'disputed', assessment: { state: 'disputed', review: { decision: 'disagreed' } } });
    const [state] = await world.triage.assessmentsOf([reportId]);
    expect(state).toMatchObject({ stage: 'disputed', claim: null, final: null });
    expect(state!.assessments[0]!.review).toMatchObject({
      reviewedBy: disagreeing.userId,
      fields: ['legalStatus', 'ageGroup'],
      hasNote: true,
    });
    expect(await jobsNamed(world.store, routingJob)).not.toContainEqual({ reportId, trigger: 'assessed' });

    expect((await refusal(world.triage.claimReport(junior, reportId))).detail).toBe('detail.dispute-needs-senior');
    expect((await refusal(world.triage.claimReport(assessor, reportId))).detail).toBe('detail.dispute-needs-third-analyst');
    expect((await refusal(world.triage.claimReport(disagreeing, reportId))).detail).toBe('detail.dispute-needs-third-analyst');
    await world.triage.claimReport(deciding, reportId);
    const settled = await world.triage.assessReport(deciding, reportId, {
      legalStatus: 'not_illegal',
      category: 'sextortion',
      ageGroup: null,
      imageryClass: null,
    });
    expect(settled).toMatchObject({ stage: 'final', assessment: { kind: 'resolution', state: 'final' } });
    expect(await world.triage.finalAssessmentOf(reportId)).toMatchObject({
      legalStatus: 'not_illegal',
      assessedBy: deciding.userId,
      confirmedBy: null,
      basis: 'resolved',
    });
    // Nothing illegal: nothing to act on, the report is closed; routing is still told, once.
    expect(await positionOf(reportId)).toMatchObject({ stage: 'final', status: 'closed' });
    expect((await jobsNamed(world.store, routingJob)).filter((data) => JSON.stringify(data).includes(reportId))).toHaveLength(1);
  });

  it('audits every step with ids and codes, and never a note; the notes are sealed in the database', async () => {
    const reportId = await world.submit();
    const [assessor, confirmer] = [analyst(), analyst()];
    const note = 'Zorblattine sur la capture';
    await world.triage.claimReport(assessor, reportId);
    const { assessment } = await world.triage.assessReport(assessor, reportId, { ...csam, note });
    await world.triage.claimReport(confirmer, reportId);
    await world.triage.confirmAssessment(confirmer, reportId, assessment.id);
    const steps = ['assessment.claim', 'assessment.assess', 'assessment.confirm', 'assessment.final'];
    for (const action of steps) {
      const entries = (await auditOf(world.store, action)).filter((entry) => entry.subject_id === reportId);
      expect(entries.length, action).toBeGreaterThan(0);
    }
    const [assessed] = (await auditOf(world.store, 'assessment.assess')).filter((entry) => entry.subject_id === reportId);
    expect(assessed!.detail).toEqual({
      assessmentId: assessment.id,
      kind: 'assessment',
      legalStatus: 'baseline',
      category: 'child_sexual_abuse_material',
      ageGroup: 'prepubescent',
      imageryClass: 'A2',
      note: true,
      final: false,
    });
    expect(await findInRawDatabase(world.store, note)).toEqual([]);

    const reader = analyst();
    const { notes } = await world.triage.notesOf(reader.actor, reportId);
    expect(notes).toEqual([expect.objectContaining({ source: 'assessment', id: assessment.id, writtenBy: assessor.userId, note })]);
    const reads = (await auditOf(world.store, 'assessment.read-notes')).filter((entry) => entry.subject_id === reportId);
    expect(reads).toEqual([{ subject_id: reportId, actor_id: reader.userId, detail: { notes: 1, ids: [assessment.id] } }]);
  });
});

describe('a deployment that requires no confirmation', () => {
  let unconfirmed: TriageWorld;
  beforeAll(async () => {
    unconfirmed = await startTriageWorld({ confirmation: 'off' });
  }, 120_000);
  afterAll(() => unconfirmed?.close());

  it("makes the claimant's assessment final at once and asks routing once", async () => {
    const reportId = await unconfirmed.submit();
    const assessor = analyst();
    await unconfirmed.triage.claimReport(assessor, reportId);
    const step = await unconfirmed.triage.assessReport(assessor, reportId, csam);
    expect(step).toMatchObject({ stage: 'final', final: { basis: 'unconfirmed', confirmedBy: null, assessedBy: assessor.userId } });
    expect(await jobsNamed(unconfirmed.store, routingJob)).toEqual([{ reportId, trigger: 'assessed' }]);
  });
});
