import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../jobs/wait-for.js';
import { contentReport, partnerHeaders, submitReport } from '../support/agencies.js';
import { signInAs, type StaffSession, type TestVigie } from '../support/app.js';
import { parseMail, startSmtpServer, type SmtpServer } from '../support/smtp-server.js';
import { startHostServer, type HostServer } from './support/host-server.js';
import { noticeFor } from '../support/notices.js';
import { createWorkingVigie } from './support/takedown-vigie.js';

/**
 * The Done-means scenario, end to end with the job workers running: a loopback HTTP server
 * plays the host, a loopback SMTP server the abuse desk. The notice is received, received
 * again after the interval (in the same thread), and stops once the host answers 404; the
 * time to removal is recorded for the URL and its host.
 */
const noticeIntervalMs = 3000;
let t: TestVigie;
let smtp: SmtpServer;
let host: HostServer;
let analyst: StaffSession;
let referralId: string;
let url: string;
const served = { gone: false };

beforeAll(async () => {
  smtp = await startSmtpServer();
  host = await startHostServer({
    '/gallery/item-7.jpg': (_request, response) => {
      if (served.gone) response.writeHead(404, { 'content-type': 'text/plain' }).end('removed');
      else response.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(2048, 7));
    },
  });
  t = await createWorkingVigie({
    VIGIE_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    VIGIE_SMTP_STARTTLS: 'never',
    VIGIE_MAIL_FROM: 'Hotline exemple <signalements@example.org>',
    VIGIE_FETCH_ALLOW: '127.0.0.1/32',
    VIGIE_NOTICE_INTERVAL: `${noticeIntervalMs / 1000}s`,
    VIGIE_REMOVAL_CHECK_INTERVAL: '1s',
  });
  analyst = await signInAs(t, ['analyst']);
  url = `http://127.0.0.1:${host.port}/gallery/item-7.jpg`;
  const reportId = await submitReport(t, await partnerHeaders(t), contentReport([url]));
  referralId = await noticeFor(t, reportId, ['abuse@hosting.example.net']);
}, 120_000);

afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await host?.close();
});

const tracker = async () => {
  const response = await t.vigie.app.inject({ method: 'GET', url: '/api/takedowns', headers: analyst.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const noticesReceived = async () =>
  (await Promise.all(smtp.received.map(parseMail))).filter((mail) => mail.headers.get('x-vigie-reference') === referralId);

describe('a notice until removal', () => {
  it('sends the notice to the abuse contact, re-sends it after the interval in the same thread, and stops at 404 with the time to removal', async () => {
    await waitFor('the first notice', async () => (await noticesReceived()).length >= 1, 30_000);
    const [first] = await noticesReceived();
    expect(smtp.received.find((mail) => mail.raw.includes(referralId))!.to).toEqual(['abuse@hosting.example.net']);
    expect(first!.text).toContain(url);
    expect(first!.text).toContain('Nous vous demandons de les retirer');
    expect(first!.text).toContain('Please remove it without delay');
    expect(first!.headers.get('auto-submitted')).toBe('auto-generated');
    expect(first!.references).toBeUndefined();
    expect(
      (await t.vigie.referrals.referralsOf([(await tracker()).notices[0].reportId])).find((r) => r.referralId === referralId)?.status,
    ).toBe('sent');
    // The host was asked before the notice left: the content was served.
    expect(host.requests.length).toBeGreaterThanOrEqual(1);

    await waitFor('the notice re-sent', async () => (await noticesReceived()).length >= 2, 30_000);
    const [, second] = await noticesReceived();
    expect(second!.messageId).not.toBe(first!.messageId);
    expect([second!.references].flat()).toContain(first!.messageId);
    const attempts = await sql<{ number: number; queued_at: Date; mail_state: string }>`
      select number, queued_at, mail_state from notice_attempts where referral_id = ${referralId} order by number`.execute(
      t.testStore.store.db,
    );
    expect(attempts.rows.slice(0, 2).map((row) => row.number)).toEqual([1, 2]);
    expect(new Date(attempts.rows[1]!.queued_at).getTime() - new Date(attempts.rows[0]!.queued_at).getTime()).toBeGreaterThanOrEqual(
      noticeIntervalMs,
    );
    expect(attempts.rows[0]!.mail_state).toBe('sent');

    served.gone = true;
    await waitFor('the removal confirmed', async () => (await tracker()).notices[0].state === 'removed', 30_000);
    const view = await tracker();
    const notice = view.notices.find((n: { referralId: string }) => n.referralId === referralId);
    expect(notice).toMatchObject({ state: 'removed', contactSource: 'rdap', recipients: ['abuse@hosting.example.net'] });
    const [group] = view.hosts;
    expect(group).toMatchObject({ host: '127.0.0.1' });
    expect(group.urls[0]).toMatchObject({ url, state: 'removed', lastStatus: 404, lastOutcome: 'removed' });
    expect(group.urls[0].secondsToRemoval).toBeGreaterThanOrEqual(noticeIntervalMs / 1000 - 1);
    const referral = (await t.vigie.app.inject({ method: 'GET', url: `/api/referrals/${referralId}`, headers: analyst.headers })).json();
    expect(referral.status).toBe('done');
    expect(referral.history.at(-1)).toMatchObject({ status: 'done', outcome: 'content_removed' });

    const stats = (await t.vigie.app.inject({ method: 'GET', url: '/api/takedowns/hosts', headers: analyst.headers })).json();
    expect(stats.hosts).toEqual([
      expect.objectContaining({ host: '127.0.0.1', notices: 1, urls: 1, removed: 1, maxSecondsToRemoval: group.urls[0].secondsToRemoval }),
    ]);

    // Each check kept its outcome, status and hash only; two 404 in a row confirmed the removal.
    const checks = await sql<{ outcome: string; status: number; sha256: string | null }>`
      select c.outcome, c.status, c.sha256 from removal_checks c join notice_urls u on u.id = c.notice_url_id
      where u.referral_id = ${referralId} order by c.checked_at`.execute(t.testStore.store.db);
    expect(checks.rows.slice(-2).map((row) => `${row.outcome}:${row.status}`)).toEqual(['removed:404', 'removed:404']);
    expect(checks.rows[0]).toMatchObject({ outcome: 'online', status: 200 });
    expect(checks.rows[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);

    // Nothing more is sent nor fetched once the removal is confirmed.
    const sent = (await noticesReceived()).length;
    const asked = host.requests.length;
    await new Promise((resolve) => setTimeout(resolve, noticeIntervalMs + 1500));
    expect((await noticesReceived()).length).toBe(sent);
    expect(host.requests.length).toBe(asked);
  }, 90_000);
});
