import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/identity/index.js';
import { signInAs, testPassword, type StaffSession } from '../support/app.js';
import { chromiumMissing, ensureWebBuilt, expectAccessible, launchChromium, screenshot, watchedPage, type Watched } from './browser.js';
import { auditCount, startListeningVigie, type ListeningVigie } from './server.js';

/**
 * The staff console in a real Chromium: sign-in with the second factor enrolled from the QR
 * page (the test computes the TOTP code), the helpline form filled and sent by keyboard,
 * the reports list and view, the audited personal data, session expiry and sign-out.
 */
let vigie: ListeningVigie;
let browser: Browser;
let analyst: StaffSession;
let context: BrowserContext;
let watched: Watched;
let secret = '';
const operatorEmail = 'operatrice.ligne@example.org';

beforeAll(async () => {
  if (chromiumMissing) return;
  ensureWebBuilt();
  vigie = await startListeningVigie();
  analyst = await signInAs(vigie.t, ['analyst']);
  await vigie.t.vigie.identity.createUser(
    { actorType: 'system', actorId: null },
    {
      organisationId: vigie.t.organisationId,
      email: operatorEmail,
      name: 'Opératrice Exemple',
      roles: ['intake_operator'],
      password: testPassword,
    },
  );
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'fr-FR' });
  watched = await watchedPage(context, vigie.baseUrl);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await vigie?.close();
});

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name, exact: true }).waitFor();
}

/** Signs in again (the second factor already enrolled) and lands on the page that was asked for. */
async function signIn(page: Page, code: () => string, landing: string): Promise<void> {
  await page.getByLabel('Adresse e-mail').fill(operatorEmail);
  await page.getByLabel('Mot de passe').fill(testPassword);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel('Code à six chiffres').fill(code());
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await heading(page, landing);
}

async function staff(url: string) {
  const response = await vigie.t.vigie.app.inject({ method: 'GET', url, headers: analyst.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe.skipIf(chromiumMissing)('the staff console', { timeout: 120_000 }, () => {
  it('signs in with a password, then enrols the second factor from a QR code', async () => {
    const { page } = watched;
    await page.goto(`${vigie.baseUrl}/console/`);
    await heading(page, 'Connexion');
    await expectAccessible(page, 'console, sign-in');
    await screenshot(page, 'console-1-sign-in');
    await page.getByLabel('Adresse e-mail').fill(operatorEmail);
    await page.getByLabel('Mot de passe').fill(testPassword);
    await page.getByRole('button', { name: 'Continuer' }).click();

    await heading(page, 'Configurer le second facteur');
    const qr = page.getByRole('img', { name: "QR code pour ajouter Vigie à une application d'authentification" });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectAccessible(page, 'console, second-factor enrolment');
    await screenshot(page, 'console-2-enrol');
    await page.getByLabel('Code à six chiffres').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Se connecter' }).click();

    await heading(page, 'Accueil');
    const nav = page.getByRole('navigation', { name: 'Principal' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Enregistrer un appel', 'Signalements']);
    await expectAccessible(page, 'console, home');
  });

  it('records a helpline call typed and sent from the keyboard', async () => {
    const { page } = watched;
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Enregistrer un appel' }).click();
    await heading(page, 'Enregistrer un appel');
    await expectAccessible(page, 'console, helpline form');
    await screenshot(page, 'console-3-helpline');

    const key = (name: string) => page.keyboard.press(name);
    await key('Tab'); // the first caller type
    await key('ArrowDown'); // parent or relative
    await key('Tab');
    await key('Space'); // a child is in immediate danger
    await page.getByRole('alert').getByText('119').waitFor();
    await key('Tab');
    await page.keyboard.type('Un adulte'); // the category, by its first words
    await key('Tab');
    await page.keyboard.type('La mère appelle : un homme écrit à sa fille sur une messagerie.');
    await key('Alt+Shift+KeyU'); // a web address, with the cursor in it
    await page.keyboard.type('https://messagerie.example.org/conversation/314');
    await key('Alt+Shift+KeyC'); // a child
    await key('ArrowDown'); // "known age"
    await key('Tab');
    await page.keyboard.type('12');
    await page.getByLabel('Conseils donnés').focus();
    await page.keyboard.type('Garder les messages, ne pas répondre, porter plainte.');
    await key('Tab');
    await key('Space'); // referred to the police at once
    await key('Control+Enter');

    await heading(page, "L'appel est enregistré");
    await expectAccessible(page, 'console, call recorded');
    await screenshot(page, 'console-4-call-recorded');

    const { reports } = await staff('/api/reports?channel=helpline');
    expect(reports).toHaveLength(1);
    const { report, call } = await staff(`/api/reports/${reports[0].id}/personal-data`);
    expect(report).toMatchObject({
      channel: 'helpline',
      category: 'online_grooming',
      childInImmediateDanger: true,
      narrative: 'La mère appelle : un homme écrit à sa fille sur une messagerie.',
      urls: ['https://messagerie.example.org/conversation/314'],
      children: [{ age: 12 }],
    });
    expect(call).toMatchObject({
      callerType: 'parent_or_relative',
      adviceGiven: 'Garder les messages, ne pas répondre, porter plainte.',
      immediateReferrals: ['police'],
    });
    expect(Date.parse(call.endedAt)).toBeGreaterThanOrEqual(Date.parse(call.startedAt));
  });

  it('lists the reports and shows one, its personal data only on request, audited', async () => {
    const { page } = watched;
    await page.getByRole('link', { name: 'Ouvrir le signalement' }).click();
    await heading(page, 'Signalement');
    expect(await page.locator('dl.details').textContent()).toContain('Parent ou proche');
    await expectAccessible(page, 'console, report view');
    const before = await auditCount(vigie.t, 'report.read-personal');
    await page.getByRole('button', { name: 'Afficher les données personnelles' }).click();
    await page.getByTestId('personal-data').waitFor();
    expect(await page.getByTestId('personal-data').textContent()).toContain('un homme écrit à sa fille');
    expect(await auditCount(vigie.t, 'report.read-personal')).toBe(before + 1);
    await expectAccessible(page, 'console, personal data');
    await screenshot(page, 'console-5-report');

    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Signalements' }).click();
    await heading(page, 'Signalements');
    await page.getByLabel('Canal').selectOption('helpline');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/channel=helpline/);
    const rows = page.locator('table.reports tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Ligne d’écoute');
    await expectAccessible(page, 'console, reports list');
    await screenshot(page, 'console-6-reports');
  });

  it('sends the person back to the sign-in page, saying why, when the session has ended; then signs in again', async () => {
    const { page } = watched;
    await page.getByRole('link', { name: 'Vigie' }).click();
    await heading(page, 'Accueil');
    await context.clearCookies();
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Signalements' }).click();
    await heading(page, 'Connexion');
    await page.getByText('Votre session a pris fin. Veuillez vous reconnecter.').waitFor();
    await expectAccessible(page, 'console, session ended');
    await screenshot(page, 'console-7-session-ended');
    // The next time step: the code used at enrolment cannot be used twice.
    await signIn(page, () => totpCode(secret, Date.now() + 30_000), 'Signalements');
    expect(await page.getByTestId('totp-secret').count()).toBe(0);
  });

  it('signs out: the session is gone on the server too, and the console asks to sign in', async () => {
    const { page } = watched;
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await heading(page, 'Connexion');
    const status = await page.evaluate(async () => (await fetch('/api/session')).status);
    expect(status).toBe(401);
    await page.goto(`${vigie.baseUrl}/console/reports`);
    await heading(page, 'Connexion');
    expect(await page.getByText('Votre session a pris fin').count()).toBe(0);
    expect(watched.problems).toEqual([]);
    expect(watched.outside).toEqual([]);
  });

  it('shows an analyst only what the server allows them', async () => {
    const english = await browser.newContext({ locale: 'en-GB' });
    await english.addCookies([{ name: 'vigie_session', value: analyst.cookie.split('=')[1]!, url: vigie.baseUrl }]);
    const { page } = await watchedPage(english, vigie.baseUrl);
    await page.goto(`${vigie.baseUrl}/console/`);
    await heading(page, 'Home');
    const links = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
    expect(links).toEqual(expect.arrayContaining(['Assessment queue', 'Reports']));
    expect(links).not.toContain('Record a call');
    await page.goto(`${vigie.baseUrl}/console/helpline/new`);
    await heading(page, 'Not available');
    await expectAccessible(page, 'console, not allowed (en)');
  });
});
