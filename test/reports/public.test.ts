import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type StaffSession } from '../support/app.js';
import { solvedChallengeHeaders } from '../support/challenge.js';
import { findInRawDatabase } from '../support/raw-database.js';
import { auditEntries, count, inject, sampleReport, startIntake, type Intake } from './support.js';

let intake: Intake;
let analyst: StaffSession;
let receiptCode: string;

beforeAll(async () => {
  intake = await startIntake();
  analyst = await signInAs(intake.t, ['analyst']);
}, 120_000);
afterAll(() => intake?.close());

const solved = () => solvedChallengeHeaders(intake.t.vigie.app);
const status = (code: string) => inject(intake.t, { method: 'GET', url: '/api/public/reports/status', headers: { 'receipt-code': code } });

describe('public reporting', () => {
  it('accepts an anonymous report and gives a receipt code once, never the report id', async () => {
    const { reporter: _reporter, ...anonymous } = sampleReport({ childInImmediateDanger: true });
    const response = await inject(intake.t, { method: 'POST', url: '/api/public/reports', headers: await solved(), payload: anonymous });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['receiptCode', 'receivedAt']);
    expect(body.receiptCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    receiptCode = body.receiptCode;
  });

  it('keeps only a hash of the receipt code', async () => {
    expect(await findInRawDatabase(intake.t.vigie.store, receiptCode)).toEqual([]);
    expect(await findInRawDatabase(intake.t.vigie.store, receiptCode.replace(/-/g, ''))).toEqual([]);
  });

  it('records the report as anonymous, from the web, by the public', async () => {
    const list = await inject(intake.t, { method: 'GET', url: '/api/reports?channel=web', headers: analyst.headers });
    const [summary] = list.json().reports;
    expect(summary).toMatchObject({ channel: 'web', urgent: true, countries: ['FR'] });
    const detail = await inject(intake.t, { method: 'GET', url: `/api/reports/${summary.id}`, headers: analyst.headers });
    expect(detail.json()).toMatchObject({ reporter: { role: null, anonymous: true, consentToContact: false }, submittedBy: null });
    const [entry] = (await auditEntries(intake.t.vigie.store, 'report.receive')).filter((e) => e.subject_id === summary.id);
    expect(entry).toMatchObject({ actor_type: 'public', detail: { channel: 'web', urgent: true } });
  });

  it('shows the status to whoever holds the code, however it is typed', async () => {
    const answer = await status(receiptCode);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ status: 'received', additions: 0 });
    const sloppy = receiptCode.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect((await status(sloppy)).json().status).toBe('received');
  });

  it('answers 404 to an unknown or malformed code, and takes the code only from the header', async () => {
    const unknown = `${receiptCode.slice(0, -1)}${receiptCode.endsWith('0') ? '1' : '0'}`;
    expect((await status(unknown)).statusCode).toBe(404);
    expect((await status('not-a-code')).statusCode).toBe(404);
    const inUrl = await inject(intake.t, { method: 'GET', url: `/api/public/reports/status?receiptCode=${receiptCode}` });
    expect(inUrl.statusCode).toBe(400);
    expect(inUrl.json().errors).toEqual([expect.objectContaining({ in: 'header', parameter: 'receipt-code' })]);
  });

  it('lets the reporter add information with the code, which analysts then read', async () => {
    const addition = {
      receiptCode,
      narrative: 'Il a aussi un autre compte.',
      onlineIdentifiers: [{ platform: 'ExampleChat', username: 'fox_again' }],
    };
    const response = await inject(intake.t, {
      method: 'POST',
      url: '/api/public/reports/additions',
      headers: await solved(),
      payload: addition,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect((await status(receiptCode)).json().additions).toBe(1);
    const list = await inject(intake.t, { method: 'GET', url: '/api/reports?channel=web', headers: analyst.headers });
    const id = list.json().reports[0].id;
    const personal = await inject(intake.t, { method: 'GET', url: `/api/reports/${id}/personal-data`, headers: analyst.headers });
    expect(personal.json().additions).toEqual([
      expect.objectContaining({ narrative: addition.narrative, onlineIdentifiers: addition.onlineIdentifiers }),
    ]);
    const [entry] = (await auditEntries(intake.t.vigie.store, 'report.add-information')).filter((e) => e.subject_id === id);
    expect(entry).toMatchObject({ actor_type: 'public', detail: { narrative: true, onlineIdentifiers: 1 } });
    expect(JSON.stringify(entry)).not.toContain('fox_again');
  });

  it('refuses an addition without a valid code, storing nothing', async () => {
    const before = await count(intake.t.vigie.store, 'report_additions');
    const response = await inject(intake.t, {
      method: 'POST',
      url: '/api/public/reports/additions',
      headers: await solved(),
      payload: { receiptCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG', narrative: 'x' },
    });
    expect(response.statusCode).toBe(404);
    expect(await count(intake.t.vigie.store, 'report_additions')).toBe(before);
  });

  it('limits submissions per address, answering 429 with a problem', async () => {
    const remoteAddress = '192.0.2.77';
    const codes: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const response = await intake.t.vigie.app.inject({ method: 'POST', url: '/api/public/reports', remoteAddress, payload: {} });
      codes.push(response.statusCode);
      if (response.statusCode === 429) expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(codes.slice(0, 10).every((code) => code === 400)).toBe(true);
    expect(codes[10]).toBe(429);
  });
});
