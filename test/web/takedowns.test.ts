import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPassword } from '../support/app.js';
import { auditEntries, contentReport, partnerHeaders, submitReport } from '../support/agencies.js';
import { startSmtpServer, type SmtpServer } from '../support/smtp-server.js';
import { noticeFor } from '../support/notices.js';
import { chromiumMissing, ensureWebBuilt, expectAccessible, launchChromium, screenshot, watchedPage, type Watched } from './browser.js';
import { startListeningVigie, type ListeningVigie } from './server.js';
import { signInThroughConsole } from './staff-sign-in.js';

/**
 * The takedown tracker in a real Chromium. A loopback host serves one reported picture and
 * answers 404 for another; the notice cycle (run here by hand) sends both notices, and two
 * checks confirm the second removed. An analyst sees the URLs grouped by host, still served
 * first, with the time since the first notice and the re-notices, stops the re-sending of the
 * first (audited) and resumes it — in English and in French, accessible in both.
 */
let vigie: ListeningVigie;
let browser: Browser;
let smtp: SmtpServer;
let host: Server;
let onlineUrl: string;
let removedUrl: string;
let online: string;
let removed: string;
const analystEmail = 'analyste.retraits@example.org';

beforeAll(async () => {
  if (chromiumMissing) return;
  ensureWebBuilt();
  smtp = await startSmtpServer();
  // The host: one picture still served, anything else gone.
  host = createServer((request, response) => {
    if (request.url === '/album/photo-3.jpg') response.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(1024, 3));
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('removed');
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  const port = (host.address() as AddressInfo).port;
  vigie = await startListeningVigie({
    VIGIE_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    VIGIE_SMTP_STARTTLS: 'never',
    VIGIE_MAIL_FROM: 'Hotline exemple <signalements@example.org>',
    VIGIE_FETCH_ALLOW: '127.0.0.1/32',
    VIGIE_REMOVAL_CHECK_INTERVAL: '1s',
  });
  const partner = await partnerHeaders(vigie.t);
  onlineUrl = `http://127.0.0.1:${port}/album/photo-3.jpg`;
  removedUrl = `http://127.0.0.1:${port}/album/photo-9.jpg`;
  online = await noticeFor(vigie.t, await submitReport(vigie.t, partner, contentReport([onlineUrl])), ['abuse@hosting.example.net']);
  removed = await noticeFor(vigie.t, await submitReport(vigie.t, partner, contentReport([removedUrl])), ['abuse@hosting.example.net']);
  await vigie.t.vigie.takedowns.runCycle('test-cycle-1');
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await vigie.t.vigie.takedowns.runCycle('test-cycle-2');
  await vigie.t.vigie.identity.createUser(
    { actorType: 'system', actorId: null },
    { organisationId: vigie.t.organisationId, email: analystEmail, name: 'Analyste Exemple', roles: ['analyst'], password: testPassword },
  );
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await vigie?.close();
  await smtp?.close();
  await new Promise((resolve) => (host ? host.close(resolve) : resolve(undefined)));
});

async function openPage(locale: string): Promise<{ context: BrowserContext; watched: Watched }> {
  const context = await browser.newContext({ locale });
  return { context, watched: await watchedPage(context, vigie.baseUrl) };
}

describe.skipIf(chromiumMissing)('the takedown tracker', { timeout: 120_000 }, () => {
  let analyst: Watched;
  let secret: string;

  it('shows the URLs by host, still served first, with the time since the first notice, re-notices and the removal', async () => {
    analyst = (await openPage('en-GB')).watched;
    const { page } = analyst;
    secret = await signInThroughConsole(page, vigie.baseUrl, analystEmail, 'en');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Takedowns' }).click();
    await page.getByRole('heading', { name: 'Takedown tracker' }).waitFor();
    const group = page.locator('section[data-host="127.0.0.1"]');
    await group.waitFor();
    expect(await group.getByRole('heading', { level: 2 }).textContent()).toContain('1 online, 1 removed, 0 other');
    const rows = group.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).getAttribute('data-referral')).toBe(online);
    expect(await rows.nth(0).textContent()).toContain(onlineUrl);
    expect(await rows.nth(0).textContent()).toMatch(
      /Still online.*Being sent.*abuse@hosting\.example\.net.*under a minute ago.*0.*HTTP 200/,
    );
    expect(await rows.nth(1).getAttribute('data-referral')).toBe(removed);
    expect(await rows.nth(1).textContent()).toMatch(/Removed.*Content removed.*HTTP 404/);
    expect(await rows.nth(1).getByRole('button').count()).toBe(0);
    const stats = page.locator('#takedown-hosts tbody tr');
    expect(await stats.count()).toBe(1);
    expect((await stats.first().textContent())?.replace(/\s+/g, ' ')).toMatch(/127\.0\.0\.1\s*2\s*1/);
    expect(analyst.problems).toEqual([]);
    expect(analyst.outside).toEqual([]);
    await expectAccessible(page, 'console, takedown tracker');
    await screenshot(page, 'takedowns-1-tracker');
  });

  it('stops the re-sending of a notice and resumes it, each audited', async () => {
    const { page } = analyst;
    const row = page.locator(`section[data-host="127.0.0.1"] tr[data-referral="${online}"]`);
    await row.getByRole('button', { name: `Stop re-sending the notice about ${onlineUrl}` }).click();
    await page.getByRole('status').getByText('Re-sending stopped.').waitFor();
    await row.getByRole('button', { name: 'Resume' }).waitFor();
    expect(await row.textContent()).toContain('Stopped');
    await expectAccessible(page, 'console, takedown tracker with a stopped notice');
    await screenshot(page, 'takedowns-2-stopped');
    await row.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('status').getByText('Re-sending resumed.').waitFor();
    await row.getByRole('button', { name: 'Stop re-sending' }).waitFor();
    expect((await auditEntries(vigie.t, 'takedown.stop')).map((entry) => entry.subject_id)).toEqual([online]);
    expect((await auditEntries(vigie.t, 'takedown.resume')).map((entry) => entry.subject_id)).toEqual([online]);
    expect(analyst.problems).toEqual([]);
  });

  it('reads the same in French, filtered by state', async () => {
    const { watched } = await openPage('fr-FR');
    const { page } = watched;
    await signInThroughConsole(page, vigie.baseUrl, analystEmail, 'fr', secret);
    await page.goto(`${vigie.baseUrl}/console/takedowns`);
    await page.getByRole('heading', { name: 'Suivi des retraits' }).waitFor();
    const group = page.locator('section[data-host="127.0.0.1"]');
    await group.waitFor();
    expect(await group.locator('tbody tr').first().textContent()).toMatch(/Toujours en ligne.*En cours d’envoi.*il y a/);
    await page.getByLabel('État de la notification').selectOption('removed');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/state=removed/);
    await page.locator(`tr[data-referral="${online}"]`).waitFor({ state: 'detached' });
    expect(await page.locator('section[data-host="127.0.0.1"] tbody tr').count()).toBe(1);
    expect(await page.locator(`tr[data-referral="${removed}"]`).textContent()).toContain('Retirée');
    await expectAccessible(page, 'console, suivi des retraits');
    await screenshot(page, 'takedowns-3-fr');
    expect(watched.problems).toEqual([]);
  });
});
