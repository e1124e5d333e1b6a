import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoMark, demoReports, demoStaff } from '../../src/demo/index.js';
import { totpCode } from '../../src/identity/index.js';
import { createVigie, type Vigie } from '../../src/main.js';
import { waitFor } from '../jobs/wait-for.js';
import { cookieFrom, createTestVigie, signInAs, type StaffSession, type TestVigie } from '../support/app.js';
import { startSmtpServer, type SmtpServer } from '../support/smtp-server.js';

/**
 * The demonstration data set, loaded by an administrator into an empty deployment through the
 * real services, then worked on by the job workers: reports linked into clusters by
 * cross-matching, urgent reports routed at intake, assessed reports routed after the second
 * analyst's confirmation, notices to the invented host taken up by the takedown cycle and
 * sent (a loopback SMTP server plays the abuse desks; the loopback DNS answers nothing, so no
 * check is conclusive and nothing is confirmed removed). Every piece says it is for demonstration.
 */
let t: TestVigie;
let smtp: SmtpServer;
let worker: Vigie;
let admin: StaffSession;
let loaded: { password: string; accounts: { email: string; roles: string[] }[]; reports: number; assessed: number; notices: number };

const db = () => t.testStore.store.db;
const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(db())).rows[0]?.n ?? 0;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestVigie({
    VIGIE_JOB_POLL_SECONDS: '0.5',
    VIGIE_HOME_COUNTRY: 'FR',
    VIGIE_SMTP_URL: smtp.url,
    VIGIE_SMTP_STARTTLS: 'never',
    VIGIE_MAIL_FROM: 'Hotline de démonstration <signalements@demo.example.org>',
    // The takedown cycle asked every second, so the notices leave while the test waits.
    VIGIE_REMOVAL_CHECK_INTERVAL: '2s',
  });
  worker = await createVigie(t.config, { store: t.testStore.store, workers: true });
  admin = await signInAs(t, ['administrator']);
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await t?.close();
  await smtp?.close();
});

describe('the demonstration data set', { timeout: 120_000 }, () => {
  it('is offered while the deployment has received no report, to every staff member’s knowledge', async () => {
    const status = await t.vigie.app.inject({ method: 'GET', url: '/api/demo', headers: admin.headers });
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toEqual({ loaded: false, loadedAt: null, offer: t.testStore.store.kind === 'pglite' });
  });

  it('is loaded by an administrator only', async () => {
    const analyst = await signInAs(t, ['analyst']);
    const refused = await t.vigie.app.inject({ method: 'POST', url: '/api/demo', headers: analyst.headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('loads organisations, staff and reports through the real services, and answers the accounts once', async () => {
    const response = await t.vigie.app.inject({ method: 'POST', url: '/api/demo', headers: admin.headers });
    expect(response.statusCode, response.body).toBe(201);
    loaded = response.json();
    expect(loaded.reports).toBe(demoReports.length);
    expect(loaded.assessed).toBe(demoReports.filter((report) => report.assessment !== 'none').length);
    // The two confirmed reports with URLs at the invented home host: one notice each.
    expect(loaded.notices).toBe(2);
    expect(loaded.accounts.map((account) => account.email)).toEqual(demoStaff.map((person) => person.email));
    expect(loaded.password.length).toBeGreaterThanOrEqual(16);
    const stored = await count(sql<{ n: number }>`select count(*)::int as n from reports`);
    expect(stored).toBe(demoReports.length);
    const status = (await t.vigie.app.inject({ method: 'GET', url: '/api/demo', headers: admin.headers })).json();
    expect(status).toMatchObject({ loaded: true, offer: false });
    expect(Date.parse(status.loadedAt)).not.toBeNaN();
  });

  it('refuses to load twice, naming why', async () => {
    const again = await t.vigie.app.inject({ method: 'POST', url: '/api/demo', headers: { ...admin.headers, 'accept-language': 'en' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('The demonstration data set is already loaded');
  });

  it('marks every organisation, person and report as demonstration data, with example addresses only', async () => {
    const organisations = (await sql<{ name: string }>`select name from organisations`.execute(db())).rows.map((row) => row.name);
    expect(organisations.filter((name) => /démonstration|Demo/.test(name))).toHaveLength(4);
    for (const person of demoStaff) expect(person.email).toMatch(/@demo\.example\.org$/);
    for (const person of demoStaff) expect(person.name).toMatch(/\(démo\)/);
    for (const report of demoReports) {
      expect(report.content.narrative?.startsWith(demoMark)).toBe(true);
      for (const url of report.content.urls ?? []) expect(new URL(url).hostname).toMatch(/\.example\.(org|com|net)$/);
    }
  });

  it('lets a demonstration account sign in with the password answered, and enrol its second factor', async () => {
    const liaison = loaded.accounts.find((account) => account.roles.includes('police_liaison'))!;
    const first = await t.vigie.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: liaison.email, password: loaded.password },
    });
    expect(first.statusCode, first.body).toBe(200);
    const second = await t.vigie.app.inject({
      method: 'POST',
      url: '/api/session/second-factor',
      headers: { cookie: cookieFrom(first.headers['set-cookie']) },
      payload: { code: totpCode(first.json().enrolment.secret) },
    });
    expect(second.statusCode, second.body).toBe(200);
  });

  it('gives the workers real work: clusters from shared identifiers and pictures, urgent reports referred at intake', async () => {
    const urgent = demoReports.filter((report) => report.content.childInImmediateDanger).length;
    const links = () => count(sql<{ n: number }>`select count(*)::int as n from report_links`);
    // The demonstration's own notices are referrals too, made at load: only intake's count here.
    const referred = () => count(sql<{ n: number }>`select count(distinct report_id)::int as n from referrals where kind <> 'notice'`);
    await waitFor('the demonstration’s clusters and referrals', async () => (await links()) >= 4 && (await referred()) >= urgent, 90_000);
    // Grooming reports share a username, sextortion ones an e-mail address, others a page or a picture.
    const reasons = (await sql<{ reason: string }>`select distinct kind as reason from report_links order by 1`.execute(db())).rows.map(
      (row) => row.reason,
    );
    expect(reasons.length).toBeGreaterThanOrEqual(3);
    const kinds = (await sql<{ kind: string }>`select distinct kind from referrals order by kind`.execute(db())).rows.map(
      (row) => row.kind,
    );
    expect(kinds).toEqual(['information_preoccupante', 'notice', 'police']);
    const finals = await count(sql<{ n: number }>`select count(*)::int as n from reports where assessment_stage = 'final'`);
    expect(finals).toBe(demoReports.filter((report) => report.assessment.startsWith('confirmed')).length);
    const confirming = await count(sql<{ n: number }>`select count(*)::int as n from reports where assessment_stage = 'confirming'`);
    expect(confirming).toBe(demoReports.filter((report) => report.assessment === 'awaiting-confirmation').length);
  });

  it('gives the takedown tracker real work: notices taken up by the cycle, sent to the invented abuse desks', async () => {
    const analyst = await signInAs(t, ['analyst']);
    const tracker = async () => {
      const response = await t.vigie.app.inject({ method: 'GET', url: '/api/takedowns', headers: analyst.headers });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as {
        notices: { attempts: number; state: string; recipients: string[]; contactSource: string }[];
        hosts: { host: string; urls: { state: string }[] }[];
        mailNotConfigured: string | null;
      };
    };
    await waitFor('both demonstration notices sent', async () => {
      const { notices } = await tracker();
      return notices.length === 2 && notices.every((notice) => notice.attempts >= 1);
    });
    const seen = await tracker();
    expect(seen.mailNotConfigured).toBeNull();
    expect(seen.hosts.map((group) => group.host).sort()).toEqual([
      'forum.demo.example.com',
      'galerie.demo.example.org',
      'images.demo.example.net',
    ]);
    expect(seen.notices.every((notice) => notice.state === 'active')).toBe(true);
    // The hotline's contact for one host takes the place of the RDAP abuse desk.
    expect(seen.notices.map((notice) => [notice.contactSource, notice.recipients]).sort()).toEqual([
      ['host', ['signalements@images.demo.example.net']],
      ['rdap', ['abuse@hebergeur.demo.example.net']],
    ]);
    await waitFor('the notices delivered', async () => smtp.received.length >= 2);
    expect(smtp.received.flatMap((mail) => mail.to).sort()).toEqual([
      'abuse@hebergeur.demo.example.net',
      'signalements@images.demo.example.net',
    ]);
    const rules = (await sql<{ rule_id: string }>`select distinct rule_id from referrals where kind = 'notice'`.execute(db())).rows;
    expect(rules).toEqual([{ rule_id: 'demonstration-notice' }]);
  });
});
