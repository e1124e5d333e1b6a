import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type StaffSession } from '../support/app.js';
import { auditEntries, count, intakeFootprint, jobsNamed, sampleReport, startIntake, type Intake } from './support.js';

let intake: Intake;
let analyst: StaffSession;

beforeAll(async () => {
  intake = await startIntake();
  analyst = await signInAs(intake.t, ['analyst']);
}, 120_000);
afterAll(() => intake?.close());

const submit = (body: unknown, key: string = randomUUID(), url = '/api/partner/reports') =>
  intake.t.vigie.app.inject({ method: 'POST', url, headers: { ...intake.partner, 'idempotency-key': key }, payload: body as object });

describe('partner API, one report', () => {
  it('stores the report, acknowledges it with its id, and an analyst reads it back whole', async () => {
    const report = sampleReport();
    const response = await submit(report);
    expect(response.statusCode, response.body).toBe(201);
    const receipt = response.json();
    expect(receipt).toMatchObject({ status: 'received' });
    expect(receipt.reportId).toMatch(/^[0-9a-f-]{36}$/);

    const personal = await intake.t.vigie.app.inject({
      method: 'GET',
      url: `/api/reports/${receipt.reportId}/personal-data`,
      headers: analyst.headers,
    });
    expect(personal.statusCode, personal.body).toBe(200);
    expect(personal.json().report).toEqual({
      format: 'vigie.report/1',
      id: receipt.reportId,
      channel: 'partner_api',
      receivedAt: receipt.receivedAt,
      ...report,
    });
    expect(personal.json().additions).toEqual([]);
  });

  it('writes the report, one audit entry per report and its cross-match job in the same transaction', async () => {
    const response = await submit(sampleReport({ category: 'sextortion', childInImmediateDanger: true }));
    const { reportId } = response.json();
    const entries = (await auditEntries(intake.t.vigie.store, 'report.receive')).filter((e) => e.subject_id === reportId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor_type: 'api_key',
      detail: { channel: 'partner_api', category: 'sextortion', urgent: true, urls: 2, media: 2, onlineIdentifiers: 1 },
    });
    const jobs = await jobsNamed(intake.t.vigie.store, 'report.cross-match');
    expect(jobs.some((job) => (job.data as { reportIds: string[] }).reportIds.includes(reportId))).toBe(true);
  });
});

describe('idempotency', () => {
  it('gives the same answer to a retry with the same key and body, and stores one report', async () => {
    const key = randomUUID();
    const before = await count(intake.t.vigie.store, 'reports');
    const first = await submit(sampleReport({ narrative: 'Premier envoi' }), key);
    // The same JSON with its members in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(sampleReport({ narrative: 'Premier envoi' })).reverse());
    const second = await submit(reordered, key);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(await count(intake.t.vigie.store, 'reports')).toBe(before + 1);
  });

  it('answers 409 to the same key with a different body, naming the header, and stores nothing more', async () => {
    const key = randomUUID();
    expect((await submit(sampleReport({ narrative: 'A' }), key)).statusCode).toBe(201);
    const footprint = await intakeFootprint(intake.t.vigie.store);
    const conflict = await submit(sampleReport({ narrative: 'B' }), key);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(conflict.json().errors).toEqual([expect.objectContaining({ in: 'header', parameter: 'idempotency-key' })]);
    // The same key on the batch route is another request too.
    expect((await submit({ reports: [sampleReport({ narrative: 'A' })] }, key, '/api/partner/reports/batch')).statusCode).toBe(409);
    expect(await intakeFootprint(intake.t.vigie.store)).toEqual(footprint);
  });

  it('scopes keys to the partner organisation: another partner may use the same key', async () => {
    const system = { actorType: 'system', actorId: null } as const;
    const other = await intake.t.vigie.identity.createOrganisation(system, { name: 'Hotel chain', kind: 'partner' });
    const { secret } = await intake.t.vigie.identity.createApiKey(system, {
      organisationId: other.id,
      name: 'hotels',
      scopes: ['report.submit'],
    });
    const key = randomUUID();
    const mine = await submit(sampleReport(), key);
    const theirs = await intake.t.vigie.app.inject({
      method: 'POST',
      url: '/api/partner/reports',
      headers: { authorization: `Bearer ${secret}`, 'idempotency-key': key },
      payload: sampleReport({ narrative: 'Autre partenaire' }),
    });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().reportId).not.toBe(mine.json().reportId);
  });
});

describe('partner API, batch', () => {
  it('accepts a batch as a whole, in order, and replays it', async () => {
    const key = randomUUID();
    const body = {
      reports: [sampleReport({ category: 'child_sexual_abuse_material' }), sampleReport({ category: 'other', reporter: undefined })],
    };
    const before = await count(intake.t.vigie.store, 'reports');
    const response = await submit(body, key, '/api/partner/reports/batch');
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().count).toBe(2);
    const ids = response.json().reports.map((r: { reportId: string }) => r.reportId);
    const replay = await submit(body, key, '/api/partner/reports/batch');
    expect(replay.json()).toEqual(response.json());
    expect(await count(intake.t.vigie.store, 'reports')).toBe(before + 2);
    const first = await intake.t.vigie.app.inject({ method: 'GET', url: `/api/reports/${ids[0]}`, headers: analyst.headers });
    expect(first.json().category).toBe('child_sexual_abuse_material');
    const entries = (await auditEntries(intake.t.vigie.store, 'report.receive')).filter((e) => ids.includes(e.subject_id));
    expect(entries.map((e) => (e.detail as { batchSize: number }).batchSize)).toEqual([2, 2]);
  });

  it('refuses the whole batch when one report is invalid, naming it, and stores none of it', async () => {
    const footprint = await intakeFootprint(intake.t.vigie.store);
    const body = { reports: [sampleReport(), sampleReport({ places: [{ country: 'FR', subdivision: 'DE-BY' }] })] };
    const response = await submit(body, randomUUID(), '/api/partner/reports/batch');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ pointer: '#/reports/1/places/0/subdivision', code: 'invalid' })]);
    expect(await intakeFootprint(intake.t.vigie.store)).toEqual(footprint);
  });
});
