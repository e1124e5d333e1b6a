import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/identity/index.js';
import { createVigie, type Vigie } from '../../src/main.js';
import { chromiumMissing, ensureWebBuilt, expectAccessible, launchChromium, screenshot, watchedPage } from '../web/browser.js';
import { startListeningVigie, type ListeningVigie } from '../web/server.js';

/**
 * A living first start, in Chromium: the one-time setup page creates the first administrator,
 * who enrols the second factor and — the embedded database being empty — is offered the
 * demonstration data set; once loaded, a demonstration account signs in to the console, where
 * a banner on every page says the data is invented and the referrals board holds the work
 * routed at intake; an analyst's takedown tracker holds the notices to the invented host,
 * checked by the takedown cycle and waiting for mail (none is configured, as with `npm start`).
 */
let vigie: ListeningVigie;
let worker: Vigie;
let browser: Browser;
let token: string;

beforeAll(async () => {
  if (chromiumMissing) return;
  ensureWebBuilt();
  vigie = await startListeningVigie({
    VIGIE_JOB_POLL_SECONDS: '0.5',
    VIGIE_HOME_COUNTRY: 'FR',
    // The takedown cycle asked every second, so the notices are taken up while the test looks.
    VIGIE_REMOVAL_CHECK_INTERVAL: '2s',
  });
  worker = await createVigie(vigie.t.config, { store: vigie.t.testStore.store, workers: true });
  token = (await vigie.t.vigie.identity.issueSetupToken()) ?? '';
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await vigie?.close();
});

describe.skipIf(chromiumMissing)('the first start with the demonstration data set', { timeout: 150_000 }, () => {
  it('offers the demonstration after the setup, loads it, and the console says on every page that it is invented', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const { page, problems, outside } = await watchedPage(context, vigie.baseUrl);
    await page.goto(`${vigie.baseUrl}/setup#token=${token}`);
    await page.getByLabel('Organisation', { exact: true }).fill('Hotline of Exampleland (demo)');
    await page.getByLabel('Country (ISO code, optional)').fill('FR');
    await page.getByLabel('Your full name').fill('Ada Exemple');
    await page.locator('#create').getByLabel('E-mail').fill('ada.admin@example.org');
    await page.locator('#create').getByLabel('Password (12 characters or more)').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.locator('#signin').getByLabel('E-mail').fill('ada.admin@example.org');
    await page.locator('#signin').getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('#secret').waitFor();
    const secret = (await page.locator('#secret').textContent()) ?? '';
    await page.getByLabel('Six-digit code from your authenticator').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'You are signed in' }).waitFor();

    const embedded = vigie.t.testStore.store.kind === 'pglite';
    if (!embedded) {
      // On PostgreSQL the setup page does not offer it (the command `vigie demo load` does it there).
      expect(await page.locator('#demo').isHidden()).toBe(true);
      return;
    }
    await page.getByRole('heading', { name: 'Try Vigie with demonstration data' }).waitFor();
    await expectAccessible(page, 'setup, demonstration offered');
    await screenshot(page, 'demo-1-setup-offer');
    await page.getByRole('button', { name: 'Load the demonstration data set' }).click();
    await page.getByRole('heading', { name: 'Demonstration data loaded' }).waitFor({ timeout: 90_000 });
    const password = (await page.locator('#demo-password').textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(16);
    const accounts = await page.locator('#demo-accounts li').allTextContents();
    expect(accounts).toHaveLength(6);
    const liaison = accounts.find((line) => line.includes('police_liaison'))!.split(' — ')[0]!;
    await expectAccessible(page, 'setup, demonstration loaded');
    await screenshot(page, 'demo-2-setup-loaded');

    const analyst = accounts.find((line) => line.includes('— analyst'))!.split(' — ')[0]!;
    // A demonstration account's first sign-in: the password answered, the second factor enrolled.
    const signIn = async (email: string) => {
      const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
      await page.goto(`${vigie.baseUrl}/console/`);
      await page.getByLabel('E-mail address').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByTestId('totp-secret').waitFor();
      const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
      await page.getByLabel('Six-digit code').fill(totpCode(secret));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('demo-banner').waitFor();
      return page;
    };

    // The liaison officer of the demonstration's police unit, in the console.
    const console_ = await signIn(liaison);
    expect(await console_.getByTestId('demo-banner').textContent()).toContain('invented data set');
    await console_.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
    await console_.getByRole('heading', { name: 'Referrals', exact: true }).waitFor();
    // The two reports of a child in immediate danger, routed to the police at intake by the workers.
    const rows = console_.locator('#incoming-referrals tbody tr');
    await expect
      .poll(
        async () => {
          await console_.reload();
          await console_.getByRole('heading', { name: 'Referrals', exact: true }).waitFor();
          return rows.count();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(2);
    expect(await console_.getByTestId('demo-banner').isVisible()).toBe(true);
    await expectAccessible(console_, 'console, referrals with the demonstration banner');
    await screenshot(console_, 'demo-3-console-referrals');

    // An analyst's takedown tracker: the notices to the invented host, by host, waiting for mail.
    const tracker = await signIn(analyst);
    await tracker.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Takedowns' }).click();
    await tracker.getByRole('heading', { name: 'Takedown tracker' }).waitFor();
    const hosts = tracker.locator('table.takedowns:not(#takedown-hosts) caption');
    await expect
      .poll(
        async () => {
          await tracker.reload();
          await tracker.getByRole('heading', { name: 'Takedown tracker' }).waitFor();
          return hosts.count();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(3);
    expect((await hosts.allTextContents()).join(' ')).toContain('galerie.demo.example.org');
    expect(await tracker.getByRole('note').textContent()).toContain('VIGIE_SMTP_URL is not set');
    // Each notice says it waits for mail, and the host with a contact set by the hotline shows that contact.
    expect(await tracker.getByText('Waiting for a mail server').count()).toBe(3);
    expect(await tracker.locator('[data-host="images.demo.example.net"]').textContent()).toContain('signalements@images.demo.example.net');
    await expectAccessible(tracker, 'console, takedown tracker with the demonstration notices');
    await screenshot(tracker, 'demo-4-console-takedowns');
    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
  });
});
