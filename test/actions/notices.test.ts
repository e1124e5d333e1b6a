import type { ServerResponse } from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takedownSettingsFrom } from '../../src/actions/index.js';
import { loadConfig } from '../../src/platform/config/index.js';
import { auditEntries, contentReport, partnerHeaders, submitReport } from '../support/agencies.js';
import { createTestVigie, signInAs, type StaffSession, type TestVigie } from '../support/app.js';
import { startSmtpServer, type SmtpServer } from '../support/smtp-server.js';
import { startHostServer, type HostServer } from './support/host-server.js';
import { noticeFor } from '../support/notices.js';

/**
 * The notice cycle run by hand (no worker in this process, so nothing else runs it): an
 * attempt is made once whatever runs it twice, or after a failure at its commit; an
 * analyst's stop holds the re-sending; a contact configured for a host overrides the RDAP
 * abuse contact; and the routes refuse what they must.
 */
const intervalMs = 2000;
let t: TestVigie;
let smtp: SmtpServer;
let host: HostServer;
let partner: Record<string, string>;
let analyst: StaffSession;
let senior: StaffSession;
let intake: StaffSession;
let supervisor: StaffSession;
const db = () => t.testStore.store.db;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const serve = (_request: unknown, response: ServerResponse) =>
  response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(512, 1));

const attemptsOf = async (referralId: string) =>
  (
    await sql<{
      number: number;
      message_id: string;
    }>`select number, message_id from notice_attempts where referral_id = ${referralId} order by number`.execute(db())
  ).rows;
const mailRowsOf = async (referralId: string) =>
  (await sql<{ key: string }>`select key from mail_outbox where key like ${`notice:${referralId}:%`} order by key`.execute(db())).rows.map(
    (row) => row.key,
  );
const request = (session: StaffSession, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.vigie.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const newNotice = async (path: string, emails = ['abuse@hosting.example.net']) =>
  noticeFor(t, await submitReport(t, partner, contentReport([`http://127.0.0.1:${host.port}${path}`])), emails);

beforeAll(async () => {
  smtp = await startSmtpServer();
  host = await startHostServer({ '/a.png': serve, '/b.png': serve, '/c.png': serve, '/d.png': serve });
  t = await createTestVigie({
    VIGIE_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    VIGIE_SMTP_STARTTLS: 'never',
    VIGIE_MAIL_FROM: 'Hotline exemple <signalements@example.org>',
    VIGIE_FETCH_ALLOW: '127.0.0.1/32',
    VIGIE_NOTICE_INTERVAL: '2s',
    VIGIE_REMOVAL_CHECK_INTERVAL: '1s',
  });
  partner = await partnerHeaders(t);
  analyst = await signInAs(t, ['analyst']);
  senior = await signInAs(t, ['senior_analyst']);
  intake = await signInAs(t, ['intake_operator']);
  supervisor = await signInAs(t, ['supervisor']);
}, 120_000);

afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await host?.close();
});

describe('an attempt happens once', () => {
  it('makes one attempt when two cycles run at once, and none when the cycle runs again (a retry after a crash)', async () => {
    const referralId = await newNotice('/a.png');
    await Promise.all([t.vigie.takedowns.runCycle('job-1'), t.vigie.takedowns.runCycle('job-2')]);
    await t.vigie.takedowns.runCycle('job-1-retried');
    expect((await attemptsOf(referralId)).map((row) => row.number)).toEqual([1]);
    expect(await mailRowsOf(referralId)).toEqual([`notice:${referralId}:1`]);
    const referral = (await request(analyst, 'GET', `/api/referrals/${referralId}`)).json();
    expect(referral.history.map((event: { status: string }) => event.status)).toEqual(['pending', 'sent']);
    expect((await auditEntries(t, 'takedown.notice')).filter((entry) => entry.subject_id === referralId)).toHaveLength(1);
  });

  it('leaves nothing of an attempt whose transaction fails at the end — no mail, no attempt — and makes it once afterwards', async () => {
    const referralId = await newNotice('/b.png');
    await sql`create function refuse_attempt() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`.execute(
      db(),
    );
    await sql`create trigger refuse_attempt before update on notices for each row execute function refuse_attempt()`.execute(db());
    try {
      const outcome = await t.vigie.takedowns.runCycle('job-failing');
      expect(outcome.failed).toBeGreaterThanOrEqual(1);
    } finally {
      await sql`drop trigger refuse_attempt on notices`.execute(db());
      await sql`drop function refuse_attempt()`.execute(db());
    }
    expect(await attemptsOf(referralId)).toEqual([]);
    expect(await mailRowsOf(referralId)).toEqual([]);
    await t.vigie.takedowns.runCycle('job-after');
    expect((await attemptsOf(referralId)).map((row) => row.number)).toEqual([1]);
    expect(await mailRowsOf(referralId)).toEqual([`notice:${referralId}:1`]);
  });
});

describe('an analyst stops and resumes a notice', () => {
  it('sends nothing and checks nothing while stopped, and re-sends once resumed, each change audited', async () => {
    const referralId = await newNotice('/c.png');
    await t.vigie.takedowns.runCycle('job-c1');
    expect(await attemptsOf(referralId)).toHaveLength(1);
    const stopped = await request(analyst, 'POST', `/api/takedowns/stop/${referralId}`);
    expect([stopped.statusCode, stopped.json()]).toEqual([200, { referralId, state: 'stopped' }]);
    const again = await request(analyst, 'POST', `/api/takedowns/stop/${referralId}`);
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().errors).toEqual([expect.objectContaining({ in: 'path', parameter: 'id' })]);

    const asked = host.requests.filter((seen) => seen.path === '/c.png').length;
    await pause(intervalMs + 600);
    await t.vigie.takedowns.runCycle('job-c2');
    expect(await attemptsOf(referralId)).toHaveLength(1);
    expect(host.requests.filter((seen) => seen.path === '/c.png')).toHaveLength(asked);

    const resumed = await request(analyst, 'POST', `/api/takedowns/resume/${referralId}`);
    expect(resumed.json()).toEqual({ referralId, state: 'active' });
    await t.vigie.takedowns.runCycle('job-c3');
    const attempts = await attemptsOf(referralId);
    expect(attempts.map((row) => row.number)).toEqual([1, 2]);
    expect(host.requests.filter((seen) => seen.path === '/c.png').length).toBeGreaterThan(asked);
    expect((await auditEntries(t, 'takedown.stop')).filter((entry) => entry.subject_id === referralId)).toEqual([
      expect.objectContaining({ actor_id: analyst.userId }),
    ]);
    expect((await auditEntries(t, 'takedown.resume')).filter((entry) => entry.subject_id === referralId)).toHaveLength(1);
  });
});

describe('a contact configured for a host', () => {
  it('receives the notice instead of the RDAP abuse contact', async () => {
    const set = await request(senior, 'PUT', '/api/takedowns/contacts/127.0.0.1', {
      emails: ['takedown@hosting.example.com'],
      language: 'en',
    });
    expect(set.statusCode, set.body).toBe(200);
    const referralId = await newNotice('/d.png');
    await t.vigie.takedowns.runCycle('job-d');
    const view = (await request(analyst, 'GET', '/api/takedowns?host=127.0.0.1')).json();
    expect(view.notices.find((notice: { referralId: string }) => notice.referralId === referralId)).toMatchObject({
      contactSource: 'host',
      recipients: ['takedown@hosting.example.com'],
      attempts: 1,
      lastMailState: 'queued',
    });
    expect((await request(senior, 'GET', '/api/takedowns/contacts')).json().contacts).toEqual([
      expect.objectContaining({ name: '127.0.0.1', emails: ['takedown@hosting.example.com'], language: 'en' }),
    ]);
    expect((await auditEntries(t, 'takedown.contact')).map((entry) => entry.subject_id)).toContain('127.0.0.1');
    expect((await request(senior, 'DELETE', '/api/takedowns/contacts/127.0.0.1')).statusCode).toBe(204);
    expect((await request(senior, 'DELETE', '/api/takedowns/contacts/127.0.0.1')).statusCode).toBe(404);
  });
});

describe('the tracker', () => {
  it('lists URLs by host with their notice, and audits the URLs it shows', async () => {
    const before = (await auditEntries(t, 'takedown.read-urls')).length;
    const view = (await request(analyst, 'GET', '/api/takedowns')).json();
    expect(view.hosts.map((group: { host: string }) => group.host)).toEqual(['127.0.0.1']);
    expect(view.hosts[0].urls.length).toBe(4);
    expect(view.hosts[0].urls.every((url: { state: string }) => url.state === 'online')).toBe(true);
    expect(view.notices.length).toBe(4);
    const audited = await auditEntries(t, 'takedown.read-urls');
    expect(audited).toHaveLength(before + 1);
    expect(audited.at(-1)!.detail).toEqual({ urls: 4 });
    const stopped = (await request(analyst, 'GET', '/api/takedowns?state=stopped')).json();
    expect(stopped.notices).toEqual([]);
  });

  it('shows a supervisor, who may not open reports’ personal fields, the hosts without the URLs, unaudited', async () => {
    const before = (await auditEntries(t, 'takedown.read-urls')).length;
    const view = (await request(supervisor, 'GET', '/api/takedowns')).json();
    expect(view.hosts[0].urls.map((url: { url: string }) => url.url)).toEqual(['127.0.0.1/…', '127.0.0.1/…', '127.0.0.1/…', '127.0.0.1/…']);
    expect(JSON.stringify(view)).not.toContain('.png');
    expect((await auditEntries(t, 'takedown.read-urls')).length).toBe(before);
    expect((await request(supervisor, 'GET', '/api/takedowns/hosts')).json().hosts[0]).toMatchObject({ host: '127.0.0.1', urls: 4 });
  });
});

describe('refusals', () => {
  it('answers 400 naming each bad field, 404 for an unknown notice, 403 without the action', async () => {
    const badContact = await request(senior, 'PUT', '/api/takedowns/contacts/example.org', { emails: ['not an address'], language: 'de' });
    expect(badContact.statusCode).toBe(400);
    expect(badContact.headers['content-type']).toContain('application/problem+json');
    expect(
      badContact
        .json()
        .errors.map((error: { pointer: string }) => error.pointer)
        .sort(),
    ).toEqual(['#/emails/0', '#/language']);
    const noEmails = await request(senior, 'PUT', '/api/takedowns/contacts/example.org', { emails: [] });
    expect(noEmails.json().errors).toEqual([expect.objectContaining({ pointer: '#/emails' })]);
    const badName = await request(senior, 'PUT', '/api/takedowns/contacts/Bad_Host!', { emails: ['abuse@example.org'] });
    expect([badName.statusCode, badName.json().errors[0]]).toEqual([400, expect.objectContaining({ in: 'path', parameter: 'name' })]);
    const badId = await request(analyst, 'POST', '/api/takedowns/stop/not-a-uuid');
    expect([badId.statusCode, badId.json().errors[0]]).toEqual([400, expect.objectContaining({ in: 'path', parameter: 'id' })]);
    const badState = await request(analyst, 'GET', '/api/takedowns?state=forgotten&limit=0');
    expect(badState.statusCode).toBe(400);
    expect(
      badState
        .json()
        .errors.map((error: { parameter: string }) => error.parameter)
        .sort(),
    ).toEqual(['limit', 'state']);
    expect((await request(analyst, 'POST', '/api/takedowns/stop/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await request(intake, 'GET', '/api/takedowns')).statusCode).toBe(403);
    expect((await request(analyst, 'PUT', '/api/takedowns/contacts/example.org', { emails: ['abuse@example.org'] })).statusCode).toBe(403);
  });

  it('refuses a wrong interval or language at start, naming the variable, and defaults to 24 hours, one hour, French and English', () => {
    expect(takedownSettingsFrom(loadConfig({}))).toEqual({
      noticeIntervalMs: 86_400_000,
      removalCheckIntervalMs: 3_600_000,
      languages: ['fr', 'en'],
    });
    expect(() => loadConfig({ VIGIE_NOTICE_INTERVAL: '24 hours' })).toThrow('VIGIE_NOTICE_INTERVAL');
    expect(() => loadConfig({ VIGIE_NOTICE_INTERVAL: '0s' })).toThrow('VIGIE_NOTICE_INTERVAL');
    expect(() => loadConfig({ VIGIE_REMOVAL_CHECK_INTERVAL: '5w' })).toThrow('VIGIE_REMOVAL_CHECK_INTERVAL');
    expect(() => loadConfig({ VIGIE_NOTICE_LANGUAGES: 'fr,de' })).toThrow('VIGIE_NOTICE_LANGUAGES');
    expect(takedownSettingsFrom(loadConfig({ VIGIE_NOTICE_LANGUAGES: 'en', VIGIE_NOTICE_INTERVAL: '90m' }))).toMatchObject({
      noticeIntervalMs: 5_400_000,
      languages: ['en'],
    });
  });
});
