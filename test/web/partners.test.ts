import sodium from 'libsodium-wrappers';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyIdOf } from '../../src/exchange/index.js';
import { signInAs, type StaffSession } from '../support/app.js';
import { chromiumMissing, ensureWebBuilt, expectAccessible, launchChromium, screenshot, watchedPage, type Watched } from './browser.js';
import { auditCount, startListeningVigie, type ListeningVigie } from './server.js';

/**
 * The partner deployments page in a real Chromium, as an administrator: this deployment's
 * public key as the server publishes it, a registration refused field by field (a key that
 * is not one, an address that is not https), then accepted and listed. axe-core on each
 * screen, in French, then in English.
 */
let vigie: ListeningVigie;
let browser: Browser;
let context: BrowserContext;
let admin: StaffSession;
let watched: Watched;
let partnerKey: string;

beforeAll(async () => {
  if (chromiumMissing) return;
  ensureWebBuilt();
  vigie = await startListeningVigie();
  admin = await signInAs(vigie.t, ['administrator']);
  await vigie.t.vigie.identity.createOrganisation(
    { actorType: 'system', actorId: null },
    { name: 'Meldestelle (Beispiel)', kind: 'hotline', country: 'DE' },
  );
  await sodium.ready;
  partnerKey = Buffer.from(sodium.crypto_sign_keypair().publicKey).toString('base64');
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'fr-FR' });
  await context.addCookies([{ name: 'vigie_session', value: admin.cookie.split('=')[1]!, url: vigie.baseUrl }]);
  watched = await watchedPage(context, vigie.baseUrl);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await vigie?.close();
});

/** The ids of the inputs the page marks as refused. */
async function refusedInputs(page: Page): Promise<(string | null)[]> {
  const inputs = page.locator('.field.has-error input');
  const count = await inputs.count();
  return Promise.all(Array.from({ length: count }, (_, i) => inputs.nth(i).getAttribute('id')));
}

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name, exact: true, level: 1 }).waitFor();
}

async function checkScreen(page: Page, name: string): Promise<void> {
  await expectAccessible(page, `console, ${name}`);
  expect(await page.locator('body').innerText(), `${name}: a message key without its words`).not.toMatch(/\b(partners|nav|common)\.[a-z]/);
  await screenshot(page, `partners-${name}`);
}

describe.skipIf(chromiumMissing)('the partner deployments page', { timeout: 120_000 }, () => {
  it('is reached from the navigation and shows the key the server publishes', async () => {
    const { page } = watched;
    await page.goto(`${vigie.baseUrl}/console/`);
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Déploiements partenaires' }).click();
    await heading(page, 'Déploiements partenaires');
    const published = (await (await fetch(`${vigie.baseUrl}/api/exchange/key`)).json()) as { keyId: string; publicKey: string };
    await expect.poll(() => page.locator('.partner-key code').allTextContents()).toEqual([published.keyId, published.publicKey]);
    await page.getByText('Aucun déploiement partenaire n’est encore inscrit.').waitFor();
    await checkScreen(page, 'empty-fr');
  });

  it('places the server’s refusals beside each field, then registers the partner', async () => {
    const { page } = watched;
    await page.getByLabel('Nom', { exact: true }).fill('Vigie Meldestelle');
    await page.getByLabel('Adresse de son Vigie').fill('http://vigie.meldestelle.example.org');
    await page.getByLabel('Clé publique (Ed25519, base64)').fill('pas-une-cle');
    await page.getByLabel('Hotline').selectOption({ label: 'Meldestelle (Beispiel) (DE)' });
    await page.getByRole('button', { name: 'Inscrire' }).click();
    await expect.poll(() => refusedInputs(page)).toEqual(['partner-publicKey']);
    await checkScreen(page, 'refused-key-fr');

    await page.getByLabel('Clé publique (Ed25519, base64)').fill(partnerKey);
    await page.getByRole('button', { name: 'Inscrire' }).click();
    await expect.poll(() => refusedInputs(page)).toEqual(['partner-baseUrl']);

    await page.getByLabel('Adresse de son Vigie').fill('https://vigie.meldestelle.example.org/');
    await page.getByRole('button', { name: 'Inscrire' }).click();
    await page.getByRole('status').filter({ hasText: 'Partenaire Vigie Meldestelle inscrit.' }).waitFor();
    const row = page.getByRole('row', { name: /Vigie Meldestelle/ });
    await expect
      .poll(() => row.getByRole('cell').allTextContents())
      .toEqual([
        'Vigie Meldestelle',
        'Meldestelle (Beispiel)',
        'DE',
        'https://vigie.meldestelle.example.org',
        keyIdOf(Buffer.from(partnerKey, 'base64')),
        '0',
        '0',
        '0',
      ]);
    await checkScreen(page, 'registered-fr');
    expect(await auditCount(vigie.t, 'exchange.partner-register')).toBe(1);
    expect(watched.problems).toEqual([]);
    expect(watched.outside).toEqual([]);
  });

  it('speaks English too', async () => {
    const english = await browser.newContext({ locale: 'en-GB' });
    await english.addCookies([{ name: 'vigie_session', value: admin.cookie.split('=')[1]!, url: vigie.baseUrl }]);
    const { page } = await watchedPage(english, vigie.baseUrl);
    await page.goto(`${vigie.baseUrl}/console/partners`);
    await heading(page, 'Partner deployments');
    await page.getByRole('row', { name: /Vigie Meldestelle/ }).waitFor();
    await checkScreen(page, 'registered-en');
    await english.close();
  });
});
