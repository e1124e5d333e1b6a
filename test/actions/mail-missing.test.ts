import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../jobs/wait-for.js';
import { contentReport, partnerHeaders, submitReport } from '../support/agencies.js';
import { signInAs, type StaffSession, type TestVigie } from '../support/app.js';
import { noticeFor } from '../support/notices.js';
import { startHostServer, type HostServer } from './support/host-server.js';
import { createWorkingVigie } from './support/takedown-vigie.js';

/**
 * A deployment with no mail server (VIGIE_SMTP_URL unset, as `npm start` runs by default):
 * the notice is taken up and its URL checked, but no attempt is recorded, and the tracker
 * says which setting keeps notices from leaving — instead of showing notices that never move.
 */
let t: TestVigie;
let host: HostServer;
let analyst: StaffSession;
let referralId: string;

beforeAll(async () => {
  host = await startHostServer({
    '/album/1.jpg': (_request, response) => response.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(512, 3)),
  });
  t = await createWorkingVigie({ VIGIE_FETCH_ALLOW: '127.0.0.1/32', VIGIE_REMOVAL_CHECK_INTERVAL: '1s' });
  analyst = await signInAs(t, ['analyst']);
  const reportId = await submitReport(t, await partnerHeaders(t), contentReport([`http://127.0.0.1:${host.port}/album/1.jpg`]));
  referralId = await noticeFor(t, reportId, ['abuse@hosting.example.net']);
}, 120_000);

afterAll(async () => {
  await t?.close();
  await host?.close();
});

describe('notices on a deployment without mail', () => {
  it('checks the URL, sends nothing, and the tracker names the missing setting', async () => {
    const tracker = async () => {
      const response = await t.vigie.app.inject({ method: 'GET', url: '/api/takedowns', headers: analyst.headers });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as {
        notices: { referralId: string; state: string; attempts: number; firstNoticedAt: string | null }[];
        hosts: { urls: { state: string; lastCheckedAt: string | null }[] }[];
        mailNotConfigured: string | null;
      };
    };
    await waitFor('the URL checked', async () => (await tracker()).hosts[0]?.urls[0]?.lastCheckedAt != null, 30_000);
    // A few more cycles: still no attempt, the notice still waiting to leave.
    await waitFor('two more checks', async () => host.requests.length >= 3, 30_000);
    const seen = await tracker();
    expect(seen.mailNotConfigured).toBe('VIGIE_SMTP_URL');
    expect(seen.notices).toEqual([expect.objectContaining({ referralId, state: 'active', attempts: 0, firstNoticedAt: null })]);
    expect(seen.hosts[0]!.urls[0]!.state).toBe('online');
  });
});
