import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVigie, type Vigie } from '../../src/main.js';
import { waitFor } from '../jobs/wait-for.js';
import { testPassword } from '../support/app.js';
import { setUpAgencies, storedReferrals, type Agencies } from '../support/agencies.js';
import { startDnsServer, type DnsServer } from '../support/dns-server.js';
import { rdapNetwork, startRdapServer, type RdapServer } from '../support/rdap-server.js';
import { startSmtpServer, type SmtpServer } from '../support/smtp-server.js';
import { fixtureGeoDir } from '../support/url-analysis.js';
import { chromiumMissing, ensureWebBuilt, expectAccessible, launchChromium, screenshot, watchedPage, type Watched } from './browser.js';
import { startListeningVigie, type ListeningVigie } from './server.js';
import { signInThroughConsole } from './staff-sign-in.js';

/**
 * Issue 7's journey, end to end through the real pages in Debian's Chromium. A member of the
 * public reports a page of pictures on the portal. The page is served by a host on loopback
 * that a DNS server on loopback names `galerie.example.org`, that the geo dataset (the
 * fixture, with 127.0.0.0/8 placed in France for this test) puts at home, and whose abuse
 * contact an RDAP service on loopback gives. Analyst 1 takes it from the queue and assesses
 * it, analyst 2 confirms it; the routing worker refers it to the police and leaves a notice
 * for the host; the police liaison officer accepts the referral on the referrals board; the
 * workers' periodic notice cycle mails the host (real SMTP on loopback); the takedown tracker shows
 * it. Each staff member signs in with the TOTP second factor; the liaison officer's session
 * then expires on the server, and an analyst signs out. Every screen: axe-core and a screenshot.
 */
let geoDir: string;
let dns: DnsServer;
let rdap: RdapServer;
let smtp: SmtpServer;
let host: Server;
let vigie: ListeningVigie;
let worker: Vigie;
let browser: Browser;
let agencies: Agencies;
let pictureUrl = '';
let reportId = '';
const people = {
  analyst1: 'analyste.une@example.org',
  analyst2: 'analyste.deux@example.org',
  liaison: 'officier.liaison@example.org',
};

/** The fixture dataset, with loopback placed in France and in the fixture's French network: the host of this test is "at home". */
async function geoWithLoopbackAtHome(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vigie-journey-geo-'));
  await cp(fixtureGeoDir, dir, { recursive: true });
  const prepend = async (file: string, line: string) => {
    const target = path.join(dir, file);
    await writeFile(target, `${line}\n${await readFile(target, 'utf8')}`);
  };
  await prepend('geo-whois-asn-country@0.0.1-fixture/geo-whois-asn-country-ipv4.csv', '127.0.0.0,127.255.255.255,FR');
  await prepend('asn@0.0.1-fixture/asn-ipv4.csv', '127.0.0.0,127.255.255.255,64496,"Exemple Hébergement, SAS"');
  return dir;
}

beforeAll(async () => {
  if (chromiumMissing) return;
  ensureWebBuilt();
  geoDir = await geoWithLoopbackAtHome();
  host = createServer((request, response) => {
    if (request.url === '/album/7/photo-1.jpg') response.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(2048, 7));
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  pictureUrl = `http://galerie.example.org:${(host.address() as AddressInfo).port}/album/7/photo-1.jpg`;
  dns = await startDnsServer({ 'galerie.example.org': { A: ['127.0.0.1'] } });
  rdap = await startRdapServer({
    '127.0.0.1': {
      body: rdapNetwork({
        handle: 'NET-EXEMPLE-1',
        start: '127.0.0.0',
        end: '127.255.255.255',
        name: 'EXEMPLE-HEB',
        country: 'FR',
        abuseEmail: 'abuse@hebergement.example.net',
      }),
    },
  });
  smtp = await startSmtpServer();
  vigie = await startListeningVigie({
    VIGIE_DNS_SERVERS: dns.address,
    VIGIE_DNS_TIMEOUT_MS: '3000',
    VIGIE_RDAP_URL: rdap.url,
    VIGIE_RDAP_TIMEOUT_MS: '20000',
    VIGIE_GEO_DIR: geoDir,
    VIGIE_HOME_COUNTRY: 'FR',
    VIGIE_JOB_POLL_SECONDS: '0.5',
    VIGIE_SMTP_URL: smtp.url,
    VIGIE_SMTP_STARTTLS: 'never',
    VIGIE_MAIL_FROM: 'Hotline exemple <signalements@example.org>',
    VIGIE_FETCH_ALLOW: '127.0.0.1/32',
  });
  // The job workers (URL analysis, routing, mail) in a second process-like instance on the same database.
  worker = await createVigie(vigie.t.config, { store: vigie.t.testStore.store, workers: true });
  agencies = await setUpAgencies(vigie.t);
  const create = (email: string, organisationId: string, roles: ('analyst' | 'police_liaison')[]) =>
    vigie.t.vigie.identity.createUser(
      { actorType: 'system', actorId: null },
      { organisationId, email, name: 'Agent Exemple', roles, password: testPassword },
    );
  await create(people.analyst1, vigie.t.organisationId, ['analyst']);
  await create(people.analyst2, vigie.t.organisationId, ['analyst']);
  await create(people.liaison, agencies.police, ['police_liaison']);
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await vigie?.close();
  await smtp?.close();
  await rdap?.close();
  await dns?.close();
  await new Promise((resolve) => (host ? host.close(resolve) : resolve(undefined)));
  if (geoDir) await rm(geoDir, { recursive: true, force: true });
});

async function newPage(): Promise<Watched> {
  return watchedPage(await browser.newContext({ locale: 'en-GB' }), vigie.baseUrl);
}

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name, exact: true }).waitFor();
}

async function clean(watched: Watched): Promise<void> {
  expect(watched.problems, 'console errors and CSP violations').toEqual([]);
  expect(watched.outside, 'requests outside the server under test').toEqual([]);
}

describe.skipIf(chromiumMissing)('the journey of a report through Vigie', { timeout: 200_000 }, () => {
  const screens: Partial<Record<'analyst1' | 'analyst2' | 'liaison', Watched>> = {};

  it('takes a report on the public portal', async () => {
    const portal = await newPage();
    const { page } = portal;
    await page.goto(`${vigie.baseUrl}/`);
    await heading(page, 'Step 1 of 5: What happened');
    await page.getByLabel('What is it about?').selectOption('child_sexual_abuse_material');
    await page.getByLabel('What happened').fill('A gallery shows sexual pictures of children.');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Web address 1', { exact: true }).fill(pictureUrl);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await heading(page, 'Step 5 of 5: Check and send');
    await expectAccessible(page, 'journey, portal review');
    await screenshot(page, 'journey-01-portal-review');
    await page.getByRole('button', { name: 'Send the report' }).click();
    await page.getByTestId('receipt-code').waitFor({ timeout: 60_000 });
    await expectAccessible(page, 'journey, portal receipt');
    await screenshot(page, 'journey-02-portal-receipt');
    const { rows } = await sql<{ id: string }>`select id from reports where channel = 'web'`.execute(vigie.t.testStore.store.db);
    expect(rows).toHaveLength(1);
    reportId = rows[0]!.id;
    await clean(portal);
  });

  it('shows it in the queue; analyst 1, signed in with the second factor, assesses it', async () => {
    const analyst = (screens.analyst1 = await newPage());
    const { page } = analyst;
    await signInThroughConsole(page, vigie.baseUrl, people.analyst1, 'en');
    await expectAccessible(page, 'journey, console home');
    await screenshot(page, 'journey-03-console-home');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessment queue' }).click();
    await heading(page, 'Assessment queue');
    await page.locator(`[data-report="${reportId}"]`).first().waitFor();
    await expectAccessible(page, 'journey, queue');
    await screenshot(page, 'journey-04-queue');
    await page.getByRole('button', { name: 'Take the next report' }).click();
    await heading(page, 'Assess the report');
    expect(page.url()).toContain(reportId);
    await page.getByRole('radio', { name: 'Illegal everywhere (INTERPOL baseline)' }).check();
    await page.getByRole('radio', { name: /^Prepubescent/ }).check();
    await page.getByRole('radio', { name: /^A1/ }).check();
    await expectAccessible(page, 'journey, assessment');
    await screenshot(page, 'journey-05-assessment');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('status').getByText('Assessment recorded: it now awaits a second analyst.').waitFor();
    await clean(analyst);
  });

  it('has analyst 2 confirm it, and the routing rule refers it to the police with a notice for the host', async () => {
    const analyst = (screens.analyst2 = await newPage());
    const { page } = analyst;
    await signInThroughConsole(page, vigie.baseUrl, people.analyst2, 'en');
    await page.goto(`${vigie.baseUrl}/console/queue`);
    await heading(page, 'Assessment queue');
    await page.getByRole('button', { name: 'Take the next report' }).click();
    await heading(page, 'Confirm an assessment');
    expect(page.url()).toContain(reportId);
    await expectAccessible(page, 'journey, confirmation');
    await screenshot(page, 'journey-06-confirmation');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('status').getByText('Assessment confirmed: it is final.').waitFor();
    await waitFor('the routing worker', async () => (await storedReferrals(vigie.t, reportId)).length === 2, 120_000);
    expect((await storedReferrals(vigie.t, reportId)).map((row) => [row.kind, row.status, row.organisation_id])).toEqual([
      ['notice', expect.stringMatching(/^(pending|sent)$/), null],
      ['police', 'sent', agencies.police],
    ]);
    await clean(analyst);
  });

  it('lets the police liaison officer accept the referral on the referrals board', async () => {
    const liaison = (screens.liaison = await newPage());
    const { page } = liaison;
    await signInThroughConsole(page, vigie.baseUrl, people.liaison, 'en');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
    await heading(page, 'Referrals');
    const rows = page.locator('#incoming-referrals tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/On time.*Police.*Office mineurs \(exemple\).*Sent/);
    await expectAccessible(page, 'journey, referrals board');
    await screenshot(page, 'journey-07-referrals');
    await rows.first().getByRole('link', { name: 'Police' }).click();
    await heading(page, 'Referral — Police');
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('status').getByText('Status recorded: Accepted.').waitFor();
    await expectAccessible(page, 'journey, referral accepted');
    await screenshot(page, 'journey-08-referral-accepted');
    expect((await storedReferrals(vigie.t, reportId)).find((row) => row.kind === 'police')?.status).toBe('accepted');
    await clean(liaison);
  });

  it('sends the notice to the host’s abuse contact, and the takedown tracker shows it', async () => {
    // The workers ask for the notice cycle at least every minute: nothing is run by hand.
    await waitFor('the notice e-mail', () => smtp.received.some((mail) => mail.to.includes('abuse@hebergement.example.net')), 150_000);
    const mail = smtp.received.find((received) => received.to.includes('abuse@hebergement.example.net'))!;
    expect(mail.raw.toString()).toContain('galerie.example.org');
    const { page } = screens.analyst1!;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Takedowns' }).click();
    await heading(page, 'Takedown tracker');
    const group = page.locator('section[data-host="galerie.example.org"]');
    await group.waitFor();
    expect(await group.textContent()).toContain(pictureUrl);
    expect(await group.textContent()).toContain('abuse@hebergement.example.net');
    await expectAccessible(page, 'journey, takedown tracker');
    await screenshot(page, 'journey-09-takedowns');
    await clean(screens.analyst1!);
  });

  it('ends the liaison officer’s session when it has been idle too long on the server, saying why', async () => {
    const { page } = screens.liaison!;
    // An hour and a minute without a request (VIGIE_SESSION_IDLE_MINUTES is 60).
    await sql`update sessions set last_seen_at = now() - interval '61 minutes'
              where user_id = (select id from users where roles @> array['police_liaison']::text[])`.execute(vigie.t.testStore.store.db);
    await page.getByRole('link', { name: 'Back to the referrals' }).click();
    await heading(page, 'Sign in');
    await page.getByText('Your session has ended. Please sign in again.').waitFor();
    await expectAccessible(page, 'journey, session ended');
    await screenshot(page, 'journey-10-session-ended');
  });

  it('signs analyst 2 out: the server forgets the session', async () => {
    const { page } = screens.analyst2!;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in');
    expect(await page.evaluate('fetch("/api/session").then((response) => response.status)')).toBe(401);
    await clean(screens.analyst2!);
  });
});
