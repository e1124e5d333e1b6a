import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type StaffSession } from '../support/app.js';
import { auditEntries, sampleReport, startIntake, type Intake } from './support.js';

let intake: Intake;
let analyst: StaffSession;
let supervisor: StaffSession;
const ids: string[] = [];
const planted = [
  'Zorblatt',
  'Quentinella',
  '+33639980077',
  'needle_user_77',
  'planted.person@example.org',
  '/secret-path-77',
  'Villeneuvette',
];

beforeAll(async () => {
  intake = await startIntake();
  analyst = await signInAs(intake.t, ['analyst']);
  supervisor = await signInAs(intake.t, ['supervisor']);
  const reports = [
    sampleReport({ category: 'child_sexual_abuse_material', places: [{ country: 'BE' }] }),
    sampleReport({ category: 'sextortion', childInImmediateDanger: true }),
    sampleReport({ category: 'sextortion', places: [{ country: 'DE', subdivision: 'DE-BY' }, { country: 'FR' }] }),
    sampleReport({
      category: 'online_grooming',
      narrative: 'Zorblatt a écrit à Quentinella.',
      children: [{ name: 'Quentinella', age: 11 }],
      urls: ['https://social.example.org/secret-path-77'],
      onlineIdentifiers: [
        { platform: 'ExampleNet', username: 'needle_user_77', email: 'planted.person@example.org', phone: '+33639980077' },
      ],
      places: [{ country: 'FR', city: 'Villeneuvette' }],
    }),
    sampleReport({ category: 'other', reporter: { role: 'professional' } }),
  ];
  for (const report of reports) {
    const response = await intake.t.vigie.app.inject({
      method: 'POST',
      url: '/api/partner/reports',
      headers: { ...intake.partner, 'idempotency-key': randomUUID() },
      payload: report,
    });
    ids.push(response.json().reportId);
  }
}, 120_000);
afterAll(() => intake?.close());

const get = (url: string, who: StaffSession = analyst) => intake.t.vigie.app.inject({ method: 'GET', url, headers: who.headers });

describe('staff list', () => {
  it('lists newest first, without any personal value', async () => {
    const response = await get('/api/reports');
    expect(response.statusCode).toBe(200);
    expect(response.json().reports.map((r: { id: string }) => r.id)).toEqual([...ids].reverse());
    for (const needle of planted) expect(response.body).not.toContain(needle);
  });

  it.each([
    ['category=sextortion', [1, 2]],
    ['urgent=true', [1]],
    ['country=FR', [1, 2, 3, 4]],
    ['country=DE', [2]],
    ['channel=partner_api&category=other', [4]],
    ['status=closed', []],
    ['channel=web', []],
  ])('filters by %s', async (query, expected) => {
    const response = await get(`/api/reports?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(
      response
        .json()
        .reports.map((r: { id: string }) => r.id)
        .sort(),
    ).toEqual(expected.map((i) => ids[i]).sort());
  });

  it('filters by reception time', async () => {
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await get(`/api/reports?receivedFrom=${future}`)).json().reports).toEqual([]);
    expect((await get(`/api/reports?receivedTo=${future}`)).json().reports).toHaveLength(5);
  });

  it('pages with a cursor, and refuses a forged one', async () => {
    const seen: string[] = [];
    let url = '/api/reports?limit=2';
    for (let page = 0; page < 5; page += 1) {
      const body = (await get(url)).json();
      seen.push(...body.reports.map((r: { id: string }) => r.id));
      if (!body.next) break;
      url = `/api/reports?limit=2&cursor=${body.next}`;
    }
    expect(seen).toEqual([...ids].reverse());
    const forged = await get('/api/reports?cursor=bm90LWEtY3Vyc29y');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().errors).toEqual([expect.objectContaining({ in: 'query', parameter: 'cursor' })]);
  });
});

describe('staff views of one report', () => {
  it('shows the non-personal view: hosts, hashes, the NCMEC mapping, without personal values', async () => {
    const response = await get(`/api/reports/${ids[3]}`, supervisor);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: ids[3],
      category: 'online_grooming',
      urlHosts: ['social.example.org'],
      ncmec: { incidentTypes: ['Online Enticement of Children for Sexual Acts'], annotations: [] },
      reporter: { role: 'parent_or_relative', anonymous: false, consentToContact: true },
      counts: { urls: 1, media: 2, onlineIdentifiers: 1, children: 1, reportedPersons: 1 },
    });
    expect(response.json().media[0].hashes).toEqual({ md5: '0123456789abcdef0123456789abcdef', sha256: 'ab'.repeat(32) });
    for (const needle of planted) expect(response.body).not.toContain(needle);
    expect((await get(`/api/reports/${randomUUID()}`)).statusCode).toBe(404);
  });

  it('decrypts the personal data for an analyst, and audits the read in the same transaction', async () => {
    const before = (await auditEntries(intake.t.vigie.store, 'report.read-personal')).length;
    const response = await get(`/api/reports/${ids[3]}/personal-data`);
    expect(response.statusCode).toBe(200);
    for (const needle of planted) expect(response.body).toContain(needle);
    const entries = await auditEntries(intake.t.vigie.store, 'report.read-personal');
    expect(entries).toHaveLength(before + 1);
    const entry = entries.find((e) => e.subject_id === ids[3])!;
    expect(entry.actor_type).toBe('user');
    expect(entry.detail).toEqual({ fields: ['narrative', 'reporter_contact', 'children', 'reported_persons', 'places', 'items'] });
    for (const needle of planted) expect(JSON.stringify(entry)).not.toContain(needle);
  });

  it('does not audit a read of a report that does not exist', async () => {
    const before = (await auditEntries(intake.t.vigie.store, 'report.read-personal')).length;
    expect((await get(`/api/reports/${randomUUID()}/personal-data`)).statusCode).toBe(404);
    expect(await auditEntries(intake.t.vigie.store, 'report.read-personal')).toHaveLength(before);
  });

  it('refuses the personal data to roles that do not need it', async () => {
    for (const role of ['supervisor', 'intake_operator', 'statistician', 'administrator', 'police_liaison'] as const) {
      const session = role === 'supervisor' ? supervisor : await signInAs(intake.t, [role]);
      expect((await get(`/api/reports/${ids[3]}/personal-data`, session)).statusCode, role).toBe(403);
    }
  });
});
