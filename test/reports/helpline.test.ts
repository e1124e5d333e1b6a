import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type StaffSession } from '../support/app.js';
import { auditEntries, count, intakeFootprint, jobsNamed, sampleReport, startIntake, type Intake } from './support.js';

let intake: Intake;
let operator: StaffSession;
let otherOperator: StaffSession;
let analyst: StaffSession;

beforeAll(async () => {
  intake = await startIntake();
  operator = await signInAs(intake.t, ['intake_operator']);
  otherOperator = await signInAs(intake.t, ['intake_operator']);
  analyst = await signInAs(intake.t, ['analyst']);
}, 120_000);
afterAll(() => intake?.close());

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function callBody(call: Record<string, unknown> = {}, report = sampleReport({ reporter: { role: 'child' } })) {
  return {
    call: {
      callerType: 'child',
      startedAt: minutesAgo(20),
      endedAt: minutesAgo(8),
      adviceGiven: 'Conseil : ne plus répondre, garder les messages, en parler à un adulte de confiance.',
      immediateReferrals: ['child_protection', 'police'],
      referralNote: 'Cellule départementale alertée, agent Exemple.',
      ...call,
    },
    report,
  };
}

const post = (body: unknown, who: StaffSession = operator, headers: Record<string, string> = {}) =>
  intake.t.vigie.app.inject({
    method: 'POST',
    url: '/api/helpline/calls',
    headers: { ...who.headers, ...headers },
    payload: body as object,
  });
const get = (url: string, who: StaffSession) => intake.t.vigie.app.inject({ method: 'GET', url, headers: who.headers });

describe('recording a call', () => {
  it('stores the report on the helpline channel, with its call, its audit entry and its job, and answers 201', async () => {
    const body = callBody();
    const response = await post(body);
    expect(response.statusCode, response.body).toBe(201);
    const receipt = response.json();
    expect(Object.keys(receipt).sort()).toEqual(['receivedAt', 'reportId']);

    const detail = await get(`/api/reports/${receipt.reportId}`, analyst);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      channel: 'helpline',
      call: {
        callerType: 'child',
        durationSeconds: 12 * 60,
        immediateReferrals: ['child_protection', 'police'],
        recordedBy: operator.userId,
      },
    });
    expect(detail.body).not.toContain('Cellule départementale');
    expect(detail.body).not.toContain('garder les messages');

    const personal = await get(`/api/reports/${receipt.reportId}/personal-data`, analyst);
    expect(personal.statusCode).toBe(200);
    expect(personal.json().report).toEqual({
      format: 'vigie.report/1',
      id: receipt.reportId,
      channel: 'helpline',
      receivedAt: receipt.receivedAt,
      ...body.report,
    });
    expect(personal.json().call).toEqual({ ...body.call, recordedBy: operator.userId });

    const [entry] = (await auditEntries(intake.t.vigie.store, 'report.receive')).filter((e) => e.subject_id === receipt.reportId);
    expect(entry).toMatchObject({
      actor_type: 'user',
      detail: { channel: 'helpline', callerType: 'child', referrals: ['child_protection', 'police'] },
    });
    const jobs = await jobsNamed(intake.t.vigie.store, 'report.cross-match');
    expect(jobs.some((job) => (job.data as { reportIds: string[] }).reportIds.includes(receipt.reportId))).toBe(true);
  });

  it('seals the advice and the referral note: neither is in the database in clear', async () => {
    const advice = 'Conseil planté Xylophorème';
    const note = 'Note plantée Quadrivalve';
    const { reportId } = (await post(callBody({ adviceGiven: advice, referralNote: note }))).json();
    const { rows } = await sql<{
      row: string;
    }>`select row_to_json(c)::text as row from report_calls c where report_id = ${reportId}`.execute(intake.t.vigie.store.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).not.toContain('Xylophorème');
    expect(rows[0]!.row).not.toContain('Quadrivalve');
  });

  it('records a call without advice, referral or narrative', async () => {
    const response = await post({
      call: { callerType: 'other', startedAt: minutesAgo(3), endedAt: minutesAgo(1) },
      report: { category: 'other' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const detail = await get(`/api/reports/${response.json().reportId}`, analyst);
    expect(detail.json().call).toMatchObject({ callerType: 'other', durationSeconds: 120, immediateReferrals: [] });
  });

  it.each([
    ['an end before the start', { startedAt: minutesAgo(5), endedAt: minutesAgo(6) }, '#/call/endedAt'],
    ['a start in the future', { startedAt: new Date(Date.now() + 3_600_000).toISOString(), endedAt: minutesAgo(1) }, '#/call/startedAt'],
    ['an end in the future', { startedAt: minutesAgo(5), endedAt: new Date(Date.now() + 3_600_000).toISOString() }, '#/call/endedAt'],
    ['a call of thirteen hours', { startedAt: minutesAgo(14 * 60), endedAt: minutesAgo(60) }, '#/call/endedAt'],
    ['an unknown caller type', { callerType: 'journalist' }, '#/call/callerType'],
    ['a referral twice', { immediateReferrals: ['police', 'police'] }, '#/call/immediateReferrals'],
    ['advice over its cap', { adviceGiven: 'a'.repeat(5001) }, '#/call/adviceGiven'],
  ])('refuses %s, naming the field, and stores nothing', async (_name, call, pointer) => {
    const before = await intakeFootprint(intake.t.vigie.store);
    const response = await post(callBody(call));
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    expect(await intakeFootprint(intake.t.vigie.store)).toEqual(before);
    expect(await count(intake.t.vigie.store, 'report_calls')).toBe(await count(intake.t.vigie.store, 'reports', sql`channel = 'helpline'`));
  });

  it('checks the report as any other, its problems under /report', async () => {
    const response = await post(callBody({}, sampleReport({ places: [{ country: 'FR', subdivision: 'DE-BY' }] })));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ pointer: '#/report/places/0/subdivision' })]);
  });
});

describe('idempotency of calls', () => {
  it('replays a resend with the same key to the same operator, and refuses the key for another call', async () => {
    const key = randomUUID();
    const body = callBody();
    const first = await post(body, operator, { 'idempotency-key': key });
    const again = await post(body, operator, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const conflict = await post(callBody({ callerType: 'professional' }), operator, { 'idempotency-key': key });
    expect(conflict.statusCode).toBe(409);
    // Keys belong to one operator: a colleague's call with the same key is another call.
    const colleague = await post(body, otherOperator, { 'idempotency-key': key });
    expect(colleague.statusCode).toBe(201);
    expect(colleague.json().reportId).not.toBe(first.json().reportId);
  });
});

describe('who reads a call', () => {
  it('lets an operator read the personal data of the calls they recorded, audited, and no other report', async () => {
    const mine = (await post(callBody())).json().reportId as string;
    const theirs = (await post(callBody(), otherOperator)).json().reportId as string;
    const partner = await intake.t.vigie.app.inject({
      method: 'POST',
      url: '/api/partner/reports',
      headers: { ...intake.partner, 'idempotency-key': randomUUID() },
      payload: sampleReport(),
    });
    const own = await get(`/api/reports/${mine}/personal-data`, operator);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().call.recordedBy).toBe(operator.userId);
    const reads = (await auditEntries(intake.t.vigie.store, 'report.read-personal')).filter((e) => e.subject_id === mine);
    expect(reads).toEqual([
      expect.objectContaining({ actor_type: 'user', detail: expect.objectContaining({ fields: expect.arrayContaining(['call']) }) }),
    ]);

    for (const id of [theirs, partner.json().reportId as string]) {
      const refused = await get(`/api/reports/${id}/personal-data`, operator);
      expect(refused.statusCode).toBe(403);
      expect((await auditEntries(intake.t.vigie.store, 'report.read-personal')).filter((e) => e.subject_id === id)).toEqual([]);
    }
    // Without personal data, an operator reads every report, as before.
    expect((await get(`/api/reports/${theirs}`, operator)).statusCode).toBe(200);
    expect((await get(`/api/reports/${theirs}/personal-data`, analyst)).statusCode).toBe(200);
  });

  it('refuses the route to staff who do not take calls and to partners', async () => {
    const supervisor = await signInAs(intake.t, ['supervisor']);
    expect((await post(callBody(), analyst)).statusCode).toBe(403);
    expect((await post(callBody(), supervisor)).statusCode).toBe(403);
    const partner = await intake.t.vigie.app.inject({
      method: 'POST',
      url: '/api/helpline/calls',
      headers: intake.partner,
      payload: callBody(),
    });
    expect(partner.statusCode).toBe(403);
  });
});
