import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferralService } from '../../src/referrals/index.js';
import { createTestVigie, signInAs, type StaffSession, type TestVigie } from '../support/app.js';
import { findInRawDatabase } from '../support/raw-database.js';
import {
  auditEntries,
  mapAddressee,
  partnerHeaders,
  setUpAgencies,
  storedReferrals,
  submitReport,
  urgentReport,
  type Agencies,
} from '../support/agencies.js';

/**
 * Referrals from the receiving organisations' side: what each one's staff see (only theirs,
 * and of each report only what the kind grants), statuses and their history, deadlines,
 * escalation, addressees mapped late. Referrals are made by routing's own code (the intake
 * routing of a child in immediate danger), called directly instead of through a worker.
 */
let t: TestVigie;
let agencies: Agencies;
let partner: Record<string, string>;
let liaison: StaffSession;
let otherLiaison: StaffSession;
let cripWorker: StaffSession;
let analyst: StaffSession;
let senior: StaffSession;
let supervisor: StaffSession;
let reportId: string;

const get = (session: StaffSession, url: string) => t.vigie.app.inject({ method: 'GET', url, headers: session.headers });
const post = (session: StaffSession, url: string, payload: object) =>
  t.vigie.app.inject({ method: 'POST', url, headers: session.headers, payload });
const setStatus = (session: StaffSession, id: string, payload: object) => post(session, `/api/referrals/${id}/status`, payload);

async function referralOf(kind: string, report = reportId): Promise<string> {
  const referral = (await storedReferrals(t, report)).find((row) => row.kind === kind);
  if (!referral) throw new Error(`no ${kind} referral`);
  return referral.id;
}

beforeAll(async () => {
  t = await createTestVigie();
  agencies = await setUpAgencies(t);
  partner = await partnerHeaders(t);
  const otherPolice = (
    await t.vigie.identity.createOrganisation(
      { actorType: 'system', actorId: null },
      { name: 'Autre unité', kind: 'police', country: 'FR' },
    )
  ).id;
  liaison = await signInAs(t, ['police_liaison'], agencies.police);
  otherLiaison = await signInAs(t, ['police_liaison'], otherPolice);
  cripWorker = await signInAs(t, ['child_protection_worker'], agencies.crip);
  analyst = await signInAs(t, ['analyst']);
  senior = await signInAs(t, ['senior_analyst']);
  supervisor = await signInAs(t, ['supervisor']);
  reportId = await submitReport(t, partner, urgentReport());
  await t.vigie.routing.routeAtIntake([reportId], 'test-intake');
}, 120_000);
afterAll(() => t?.close());

describe('who sees which referral', () => {
  it('gives the hotline every referral, and each receiving organisation only its own', async () => {
    const kinds = async (session: StaffSession) =>
      ((await get(session, `/api/referrals?reportId=${reportId}`)).json().referrals as { kind: string }[]).map((r) => r.kind).sort();
    expect(await kinds(analyst)).toEqual(['information_preoccupante', 'police']);
    expect(await kinds(liaison)).toEqual(['police']);
    expect(await kinds(cripWorker)).toEqual(['information_preoccupante']);
    expect(await kinds(otherLiaison)).toEqual([]);
  });

  it('answers 404 for a referral addressed to another organisation, as for one that does not exist', async () => {
    const police = await referralOf('police');
    expect((await get(cripWorker, `/api/referrals/${police}`)).statusCode).toBe(404);
    expect((await get(otherLiaison, `/api/referrals/${police}/report`)).statusCode).toBe(404);
    expect((await setStatus(otherLiaison, police, { status: 'received' })).statusCode).toBe(404);
    const own = await get(liaison, `/api/referrals/${police}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      kind: 'police',
      status: 'sent',
      urgent: true,
      organisation: { id: agencies.police },
      rule: { trigger: 'received' },
    });
  });
});

describe('what a referral grants', () => {
  it('shows the police the whole report, the reporter’s contact included, and audits the read under the referral', async () => {
    const police = await referralOf('police');
    const response = await get(liaison, `/api/referrals/${police}/report`);
    expect(response.statusCode, response.body).toBe(200);
    const { report, parts } = response.json();
    expect(parts).toContain('reporterContact');
    expect(report.children[0].name).toBe('Lison Exemplaire');
    expect(report.urls).toEqual(['https://chat.example.org/room/77']);
    expect(report.onlineIdentifiers[0].username).toBe('nightowl_2011');
    expect(report.reporter.contact.email).toBe('alix.temoin@example.org');
    const reads = (await auditEntries(t, 'report.read-personal')).filter((entry) => entry.detail.grantId === police);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actor_id: liaison.userId, subject_id: reportId, detail: { grant: 'referral' } });
  });

  it('shows child protection the child, the places, the persons and the narrative, but neither the content nor the identifiers', async () => {
    const ip = await referralOf('information_preoccupante');
    const response = await get(cripWorker, `/api/referrals/${ip}/report`);
    expect(response.statusCode, response.body).toBe(200);
    const { report } = response.json();
    expect(report.children[0].name).toBe('Lison Exemplaire');
    expect(report.places[0].city).toBe('Paris');
    expect(report.narrative).toMatch(/rendez-vous/);
    expect(report).not.toHaveProperty('urls');
    expect(report).not.toHaveProperty('onlineIdentifiers');
    expect(report).not.toHaveProperty('media');
    const read = (await auditEntries(t, 'report.read-personal')).find((entry) => entry.detail.grantId === ip);
    expect((read?.detail.fields as string[]).sort()).toEqual(['children', 'narrative', 'places', 'reportedPersons', 'reporterContact']);
  });

  it('is not open to the hotline’s staff through this route (they read reports through their own audited view)', async () => {
    expect((await get(analyst, `/api/referrals/${await referralOf('police')}/report`)).statusCode).toBe(403);
  });
});

describe('statuses and their history', () => {
  it('moves received → accepted → done, asks a reason or an outcome where it belongs, refuses a jump back', async () => {
    const police = await referralOf('police');
    expect((await setStatus(liaison, police, { status: 'received' })).json().status).toBe('received');
    const jumped = await setStatus(liaison, police, { status: 'sent' });
    expect(jumped.statusCode).toBe(409);
    expect(jumped.json().errors[0]).toMatchObject({ pointer: '#/status' });
    const noOutcome = await setStatus(liaison, police, { status: 'done' });
    expect([noOutcome.statusCode, noOutcome.json().errors[0].pointer]).toEqual([400, '#/outcome']);
    const strayReason = await setStatus(liaison, police, { status: 'accepted', reason: 'duplicate' });
    expect([strayReason.statusCode, strayReason.json().errors[0].pointer]).toEqual([400, '#/reason']);
    expect(
      (await setStatus(liaison, police, { status: 'accepted', note: 'Enquête ouverte, suspect « nightowl » identifié' })).statusCode,
    ).toBe(200);
    const done = await setStatus(liaison, police, { status: 'done', outcome: 'investigation_opened' });
    expect(done.json().status).toBe('done');
    const detail = (await get(liaison, `/api/referrals/${police}`)).json();
    expect(detail.history.map((event: { event: string; status: string }) => `${event.event}:${event.status}`)).toEqual([
      'created:sent',
      'status:received',
      'status:accepted',
      'status:done',
    ]);
    expect(detail.history[2]).toMatchObject({
      note: 'Enquête ouverte, suspect « nightowl » identifié',
      actor: { type: 'user', id: liaison.userId },
    });
    expect(detail.history[3].outcome).toBe('investigation_opened');
    expect(await auditEntries(t, 'referral.read-notes')).toContainEqual(
      expect.objectContaining({ subject_id: police, actor_id: liaison.userId }),
    );
    expect((await auditEntries(t, 'referral.status')).filter((entry) => entry.subject_id === police)).toHaveLength(3);
  });

  it('keeps a note sealed in the database', async () => {
    expect(await findInRawDatabase(t.testStore.store, 'suspect « nightowl » identifié')).toEqual([]);
  });

  it('withdraws the grant once the organisation rejects the referral, with its reason', async () => {
    const ip = await referralOf('information_preoccupante');
    const rejected = await setStatus(cripWorker, ip, { status: 'rejected', reason: 'not_competent' });
    expect(rejected.json().status).toBe('rejected');
    expect((await get(cripWorker, `/api/referrals/${ip}/report`)).statusCode).toBe(403);
    expect((await setStatus(cripWorker, ip, { status: 'accepted' })).statusCode).toBe(409);
  });

  it('lets a senior analyst record the answer of an organisation outside Vigie', async () => {
    const other = await submitReport(t, partner, urgentReport());
    await t.vigie.routing.routeAtIntake([other], 'test-intake');
    const police = await referralOf('police', other);
    expect((await setStatus(senior, police, { status: 'received' })).json().status).toBe('received');
  });
});

describe('deadlines and escalation', () => {
  it('escalates, once, the referrals whose deadline passed before they reached their status, for supervisors to see', async () => {
    // Referrals made two hours ago by the same code (a clock in the past): the urgent deadline is one hour.
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    const past = createReferralService({
      db: t.testStore.store.db,
      sealer: t.vigie.cipher,
      audit: async () => undefined,
      organisations: t.vigie.identity,
      reports: t.vigie.reports,
      now: () => twoHoursAgo,
    });
    const late = await submitReport(t, partner, urgentReport());
    const planned = await past.planReferrals([
      { ruleId: 'test', target: { role: 'national_police' }, countries: [], itemIds: [] },
      { ruleId: 'test', target: { role: 'child_protection_unit' }, countries: [], itemIds: [] },
    ]);
    await past.recordRouting({
      reportId: late,
      urgent: true,
      trigger: 'received',
      ruleVersion: 1,
      firedRules: ['test'],
      referrals: planned,
      jobId: 'test',
      hostingComplete: true,
    });
    // The CRIP acknowledged in time: an urgent information préoccupante is met once received.
    expect((await setStatus(cripWorker, await referralOf('information_preoccupante', late), { status: 'received' })).statusCode).toBe(200);

    expect(await t.vigie.referrals.escalateOverdue()).toBe(1);
    expect(await t.vigie.referrals.escalateOverdue()).toBe(0);
    const police = await referralOf('police', late);
    const escalations = (await get(supervisor, '/api/referrals/escalations')).json().referrals as { id: string; overdue: boolean }[];
    expect(escalations.map((referral) => referral.id)).toEqual([police]);
    expect(escalations[0]!.overdue).toBe(true);
    expect((await auditEntries(t, 'referral.escalate')).map((entry) => entry.subject_id)).toEqual([police]);
    const history = (await get(analyst, `/api/referrals/${police}`)).json().history as { event: string }[];
    expect(history.map((event) => event.event)).toEqual(['created', 'escalated']);
    // Taken up late, it leaves the supervisors' list but keeps its escalation.
    await setStatus(liaison, police, { status: 'accepted' });
    expect((await get(supervisor, '/api/referrals/escalations')).json().referrals).toEqual([]);
    expect((await get(analyst, `/api/referrals/${police}`)).json().escalatedAt).not.toBeNull();
  });

  it('takes deadlines from the service-level table, which administrators change', async () => {
    const levels = (await get(senior, '/api/referrals/service-levels')).json().levels as { kind: string; urgent: { hours: number } }[];
    expect(levels.find((level) => level.kind === 'police')?.urgent).toEqual({ hours: 1, metAt: 'accepted' });
    const change = (payload: object) =>
      t.vigie.app.inject({ method: 'PUT', url: '/api/referrals/service-levels/police', headers: agencies.admin.headers, payload });
    const inverted = await change({ urgent: { hours: 100, metAt: 'accepted' }, normal: { hours: 10, metAt: 'accepted' } });
    expect([inverted.statusCode, inverted.json().errors[0].pointer]).toEqual([400, '#/urgent/hours']);
    expect((await change({ urgent: { hours: 2, metAt: 'received' }, normal: { hours: 48, metAt: 'accepted' } })).statusCode).toBe(200);
    const next = await submitReport(t, partner, urgentReport());
    const before = Date.now();
    await t.vigie.routing.routeAtIntake([next], 'test-intake');
    const referral = (await get(analyst, `/api/referrals/${await referralOf('police', next)}`)).json();
    expect(referral.deadlineStatus).toBe('received');
    const hours = (Date.parse(referral.deadline) - Date.parse(referral.createdAt)) / 3_600_000;
    expect(hours).toBe(2);
    expect(Date.parse(referral.createdAt)).toBeGreaterThanOrEqual(before - 1000);
  });
});

describe('addressees mapped after referrals were decided', () => {
  it('keeps a referral to an unmapped role unassigned, then assigns and sends it when the role is mapped', async () => {
    const report = await submitReport(t, partner, urgentReport());
    const past = t.vigie.referrals;
    const planned = await past.planReferrals([{ ruleId: 'test', target: { role: 'travel_tourism_office' }, countries: [], itemIds: [] }]);
    expect(planned[0]).toMatchObject({ kind: 'travel_tourism', organisationId: null });
    await past.recordRouting({
      reportId: report,
      urgent: false,
      trigger: 'assessed',
      ruleVersion: 1,
      firedRules: ['test'],
      referrals: planned,
      jobId: 'test',
      hostingComplete: true,
    });
    expect((await storedReferrals(t, report))[0]).toMatchObject({ status: 'unassigned', organisation_id: null });
    expect((await mapAddressee(t, agencies.admin, 'travel_tourism_office', agencies.travelOffice)).assigned).toBe(1);
    const [assigned] = await storedReferrals(t, report);
    expect(assigned).toMatchObject({ status: 'sent', organisation_id: agencies.travelOffice });
    const history = (await get(analyst, `/api/referrals/${assigned!.id}`)).json().history as { event: string }[];
    expect(history.map((event) => event.event)).toEqual(['created', 'assigned']);
  });

  it('finds each hosting country’s hotline by kind and country, and merges the countries without one into one INTERPOL referral', async () => {
    const partnerIntent = (country: string) => ({
      ruleId: 'abroad',
      target: { hostingPartner: country, otherwise: 'interpol_liaison' as const },
      countries: [country],
      itemIds: [],
    });
    const planned = await t.vigie.referrals.planReferrals([partnerIntent('JP'), partnerIntent('DE'), partnerIntent('CA')]);
    expect(planned.map((referral) => [referral.target, referral.kind, referral.organisationId, referral.countries])).toEqual([
      ['role:interpol_liaison', 'interpol', agencies.interpol, ['JP', 'CA']],
      ['partner:DE', 'partner_hotline', agencies.germanHotline, ['DE']],
    ]);
  });

  it('refuses a role mapped to an organisation that does not exist', async () => {
    const response = await t.vigie.app.inject({
      method: 'PUT',
      url: '/api/referrals/addressees/national_police',
      headers: agencies.admin.headers,
      payload: { organisationId: '00000000-0000-4000-8000-000000000000' },
    });
    expect([response.statusCode, response.json().errors[0].pointer]).toEqual([422, '#/organisationId']);
  });

  it('lists each role with its organisation', async () => {
    const { addressees } = (await get(senior, '/api/referrals/addressees')).json();
    expect(addressees.find((entry: { role: string }) => entry.role === 'national_police')).toMatchObject({
      kind: 'police',
      organisation: { id: agencies.police, name: 'Office mineurs (exemple)' },
    });
    expect(addressees.find((entry: { role: string }) => entry.role === 'referral_mechanism').organisation).toBeNull();
  });
});

describe('notices to hosts, for the actions module', () => {
  it('lists open notices, and moves them in the caller’s transaction: pending → sent → done, rolled back with it', async () => {
    const report = await submitReport(t, partner, urgentReport());
    const addressee = {
      key: 'ABUSE-EX',
      handle: 'ABUSE-EX',
      name: 'Abuse desk',
      emails: ['abuse@hebergement.example.net'],
      network: 'EXEMPLE-HEB',
      asn: 64496,
      hosts: ['www.example.org'],
    };
    const planned = await t.vigie.referrals.planReferrals([
      { ruleId: 'test', target: { notice: addressee }, countries: ['FR'], itemIds: [] },
    ]);
    await t.vigie.referrals.recordRouting({
      reportId: report,
      urgent: false,
      trigger: 'assessed',
      ruleVersion: 1,
      firedRules: ['test'],
      referrals: planned,
      jobId: 'test',
      hostingComplete: true,
    });
    const [notice] = (await t.vigie.referrals.openNotices()).filter((open) => open.reportId === report);
    expect(notice).toMatchObject({ status: 'pending', addressee, countries: ['FR'] });
    const system = { actorType: 'system', actorId: null } as const;
    const db = t.testStore.store.db;
    await expect(
      db.transaction().execute(async (trx) => {
        await t.vigie.referrals.changeStatusIn(trx, system, notice!.referralId, { status: 'sent' });
        throw new Error('the mail could not be queued');
      }),
    ).rejects.toThrow(/could not be queued/);
    expect((await storedReferrals(t, report))[0]!.status).toBe('pending');
    await db.transaction().execute((trx) => t.vigie.referrals.changeStatusIn(trx, system, notice!.referralId, { status: 'sent' }));
    await expect(
      db.transaction().execute((trx) => t.vigie.referrals.changeStatusIn(trx, system, notice!.referralId, { status: 'accepted' })),
    ).rejects.toMatchObject({ kind: 'conflict' });
    await db
      .transaction()
      .execute((trx) => t.vigie.referrals.changeStatusIn(trx, system, notice!.referralId, { status: 'done', outcome: 'content_removed' }));
    expect((await t.vigie.referrals.openNotices()).filter((open) => open.reportId === report)).toEqual([]);
    const history = (await get(analyst, `/api/referrals/${notice!.referralId}`)).json().history as {
      status: string;
      actor: { type: string };
    }[];
    expect(history.map((event) => `${event.status}:${event.actor.type}`)).toEqual(['pending:system', 'sent:system', 'done:system']);
  });
});

describe('the list', () => {
  it('pages newest first with a cursor', async () => {
    const first = (await get(analyst, '/api/referrals?limit=2')).json();
    expect(first.referrals).toHaveLength(2);
    const second = (await get(analyst, `/api/referrals?limit=2&cursor=${first.next}`)).json();
    const all = (await get(analyst, '/api/referrals?limit=100')).json().referrals.map((referral: { id: string }) => referral.id);
    expect([...first.referrals, ...second.referrals].map((referral: { id: string }) => referral.id)).toEqual(all.slice(0, 4));
    expect((await get(analyst, '/api/referrals?cursor=bm9wZQ')).statusCode).toBe(400);
  });
});

describe('storage', () => {
  it('writes one referral per report and target, whatever is retried', async () => {
    const before = (await storedReferrals(t, reportId)).length;
    await t.vigie.routing.routeAtIntake([reportId, reportId], 'retry');
    expect(await storedReferrals(t, reportId)).toHaveLength(before);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from referral_events where referral_id in (select id from referrals where report_id = ${reportId}) and event = 'created'`.execute(
      t.testStore.store.db,
    );
    expect(rows[0]!.n).toBe(before);
  });
});
