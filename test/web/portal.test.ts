import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type StaffSession } from '../support/app.js';
import { chromiumMissing, ensureWebBuilt, expectAccessible, launchChromium, screenshot, watchedPage, type Watched } from './browser.js';
import { startListeningVigie, type ListeningVigie } from './server.js';

/**
 * The public portal in a real Chromium, in French and in English: a report sent step by
 * step (the page solving the proof of work), found by an analyst through the API with its
 * content, then followed and completed with its receipt code. axe-core checks every screen.
 */
let vigie: ListeningVigie;
let browser: Browser;
let analyst: StaffSession;

beforeAll(async () => {
  if (chromiumMissing) return;
  ensureWebBuilt();
  vigie = await startListeningVigie();
  analyst = await signInAs(vigie.t, ['analyst']);
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await vigie?.close();
});

async function staff(url: string) {
  const response = await vigie.t.vigie.app.inject({ method: 'GET', url, headers: analyst.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The analyst's view of the newest web report, personal data included. */
async function newestWebReport() {
  const { reports } = await staff('/api/reports?channel=web&limit=1');
  return staff(`/api/reports/${reports[0].id}/personal-data`);
}

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name, exact: true }).waitFor();
}

async function openPortal(locale: string): Promise<Watched> {
  const context = await browser.newContext({ locale });
  const watched = await watchedPage(context, vigie.baseUrl);
  await watched.page.goto(`${vigie.baseUrl}/`);
  return watched;
}

async function expectClean({ page, problems, outside }: Watched): Promise<void> {
  expect(problems, 'console errors and CSP violations').toEqual([]);
  expect(outside, 'requests outside the server under test').toEqual([]);
  expect(await page.context().cookies(), 'the portal sets no cookie').toEqual([]);
}

describe.skipIf(chromiumMissing)('the public portal', { timeout: 120_000 }, () => {
  let receiptCode = '';
  let french: Watched;

  it('takes a report in French, step by step, with the emergency numbers shown as soon as urgency is ticked', async () => {
    french = await openPortal('fr-FR');
    const { page } = french;
    await heading(page, "Signaler l'exploitation sexuelle d'un enfant");
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await heading(page, 'Étape 1 sur 5 : Ce qui s’est passé');
    await expectAccessible(page, 'portal, step 1 (fr)');
    await screenshot(page, 'portal-1-what-fr');

    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByLabel('Un enfant est en danger immédiat').check();
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toMatch(/119.*Allô Enfance en Danger.*17.*Police secours.*112/s);
    expect(await page.locator('main > *').first().getAttribute('class')).toBe('emergency');
    expect(await page.locator('a[href="tel:119"]').isVisible()).toBe(true);
    await expectAccessible(page, 'portal, emergency numbers (fr)');
    await screenshot(page, 'portal-2-emergency-fr');

    await page.getByLabel("De quoi s'agit-il ?").selectOption('online_grooming');
    await page.getByLabel('Ce qui s’est passé').fill('Un adulte écrit à ma fille sur un jeu en ligne.\nIl lui demande des photos.');
    await page.getByLabel('Quand cela s’est-il passé ?').fill('2026-11-20');
    await page.getByRole('button', { name: 'Suivant' }).click();

    await heading(page, 'Étape 2 sur 5 : Où');
    await page.getByLabel('Adresse web 1', { exact: true }).fill('chat.example.org/room/7');
    await page.getByRole('button', { name: 'Ajouter un lieu' }).click();
    await page.getByLabel('Pays').selectOption('FR');
    await page.getByLabel('Région ou département').fill('69');
    await page.getByLabel('Ville ou village').fill('Lyon');
    await expectAccessible(page, 'portal, step 2 (fr)');
    await page.getByRole('button', { name: 'Suivant' }).click();

    await heading(page, 'Étape 3 sur 5 : Qui');
    await page.getByRole('button', { name: 'Ajouter un enfant' }).click();
    await page.getByLabel('Âge approximatif', { exact: true }).check();
    await page.getByLabel('De (ans)').fill('11');
    await page.getByLabel('À (ans)').fill('13');
    await page.locator('select[id$="-gender"]').first().selectOption('female');
    await page.getByLabel('Nom ou surnom').fill('Renard Gris');
    await page.getByRole('button', { name: 'Ajouter un compte' }).click();
    await page.getByLabel('Service', { exact: true }).fill('ExampleGame');
    await page.getByLabel("Nom d'utilisateur").fill('renard_gris_42');
    await expectAccessible(page, 'portal, step 3 (fr)');
    await screenshot(page, 'portal-3-who-fr');
    await page.getByRole('button', { name: 'Suivant' }).click();

    await heading(page, 'Étape 4 sur 5 : Vous');
    expect(await page.getByLabel("J'accepte d'être contacté au sujet de ce signalement").isChecked()).toBe(false);
    await expectAccessible(page, 'portal, step 4 (fr)');
    await page.getByRole('button', { name: 'Suivant' }).click();

    await heading(page, 'Étape 5 sur 5 : Vérifier et envoyer');
    await expectAccessible(page, 'portal, review (fr)');
    await screenshot(page, 'portal-4-review-fr');
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();

    await heading(page, 'Votre signalement a bien été reçu');
    receiptCode = (await page.getByTestId('receipt-code').textContent()) ?? '';
    expect(receiptCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await page.getByRole('alert').textContent(), 'the numbers stay after an urgent report').toContain('119');
    await expectAccessible(page, 'portal, receipt (fr)');
    await screenshot(page, 'portal-5-receipt-fr');
    await expectClean(french);
  });

  it('gives the analyst the report with everything the reporter typed, anonymous', async () => {
    const { report } = await newestWebReport();
    expect(report).toMatchObject({
      channel: 'web',
      category: 'online_grooming',
      childInImmediateDanger: true,
      occurredAt: '2026-11-20',
      language: 'fr',
      narrative: 'Un adulte écrit à ma fille sur un jeu en ligne.\nIl lui demande des photos.',
      urls: ['https://chat.example.org/room/7'],
      places: [{ country: 'FR', subdivision: 'FR-69', city: 'Lyon' }],
      children: [{ ageRange: { min: 11, max: 13 }, gender: 'female' }],
      reportedPersons: [{ name: 'Renard Gris' }],
      onlineIdentifiers: [{ platform: 'ExampleGame', username: 'renard_gris_42' }],
    });
    expect(report.reporter).toBeUndefined();
  });

  it('shows the status to the holder of the receipt code and takes an addition', async () => {
    const { page } = french;
    await page.getByRole('button', { name: 'Suivre mon signalement' }).click();
    await heading(page, 'Votre code de suivi');
    expect(new URL(page.url()).pathname).toBe('/follow');
    await page.getByLabel('Code de suivi', { exact: true }).fill(receiptCode.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Voir où il en est' }).click();
    await page.getByTestId('report-status').waitFor();
    expect(await page.getByTestId('report-status').textContent()).toBe('Reçu');
    expect(await page.getByTestId('report-additions').textContent()).toBe('0');
    await expectAccessible(page, 'follow, status (fr)');
    await screenshot(page, 'portal-6-follow-fr');

    await page.getByLabel('Ce que vous voulez ajouter').fill('Il a aussi écrit sur une autre messagerie.');
    await page.getByRole('button', { name: 'Ajouter ces informations' }).click();
    await page.getByText('Merci : les informations ont été ajoutées à votre signalement.').waitFor();
    await page.locator('[data-testid="report-additions"]:text-is("1")').waitFor();
    const { additions } = await newestWebReport();
    expect(additions).toEqual([expect.objectContaining({ narrative: 'Il a aussi écrit sur une autre messagerie.' })]);
    await expectClean(french);
  });

  it('says so, next to the field, when no report has the code', async () => {
    const { page } = french;
    await page.getByLabel('Code de suivi', { exact: true }).fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG');
    await page.getByRole('button', { name: 'Voir où il en est' }).click();
    await page.getByText('Aucun signalement ne porte ce code. Vérifiez-le et réessayez.').waitFor();
    expect(await page.getByLabel('Code de suivi', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'follow, unknown code (fr)');
  });

  it('takes a report in English, showing the server’s errors beside their fields, in English', async () => {
    const english = await openPortal('en-GB');
    const { page } = english;
    await heading(page, 'Report the sexual exploitation of a child');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('alert').getByText('Choose what the report is about').waitFor();
    await expectAccessible(page, 'portal, local error (en)');

    await page.getByLabel('What is it about?').selectOption('sextortion');
    await page.getByLabel('What happened').fill('Someone threatens to publish pictures of my nephew.');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Web address 1', { exact: true }).fill('https://social.example.net/u/threat-9');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Add an account' }).click();
    await page.getByLabel('Service', { exact: true }).fill('ExampleChat');
    await page.getByLabel('Phone number').fill('12345');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Who are you? (optional)').selectOption('member_of_public');
    await page.getByLabel('I agree to be contacted about this report').check();
    await page.getByLabel('E-mail address').fill('witness.w4@example.org');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Send the report' }).click();

    // The server refuses the phone number: the page goes back to its step and says why, there.
    await heading(page, 'Step 3 of 5: Who');
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: 'Phone number' }).waitFor();
    expect(await summary.textContent()).toContain('This value does not have the expected format');
    expect(await page.getByLabel('Phone number').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(':focus').getAttribute('class'), 'the summary has the focus').toBe('error-summary');
    await expectAccessible(page, 'portal, server errors (en)');
    await screenshot(page, 'portal-7-errors-en');

    await summary.getByRole('link', { name: 'Phone number' }).click();
    expect(await page.locator(':focus').getAttribute('type')).toBe('tel');
    await page.getByLabel('Phone number').fill('+44 7700 900123');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Send the report' }).click();
    await heading(page, 'Your report has been received');
    await expectAccessible(page, 'portal, receipt (en)');
    await expectClean(english);

    const { report } = await newestWebReport();
    expect(report).toMatchObject({
      category: 'sextortion',
      language: 'en',
      urls: ['https://social.example.net/u/threat-9'],
      onlineIdentifiers: [{ platform: 'ExampleChat', phone: '+447700900123' }],
      reporter: { role: 'member_of_public', contact: { email: 'witness.w4@example.org', language: 'en' }, consentToContact: true },
    });
    expect(report.childInImmediateDanger ?? false).toBe(false);
  });

  it('attaches a picture: uploaded with its own proof of work, named in the report by its upload, hashed by the server', async () => {
    // A generated abstract picture: colour bands, nothing else.
    const bands = Buffer.alloc(96 * 64 * 3);
    for (let i = 0; i < 96 * 64; i += 1) bands.set([(i % 96) * 2, Math.floor(i / 96) * 4, 128], i * 3);
    const png = await sharp(bands, { raw: { width: 96, height: 64, channels: 3 } })
      .png()
      .toBuffer();
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'vigie-web-')), 'capture-conversation.png');
    await writeFile(file, png);

    const watched = await openPortal('fr-FR');
    const { page } = watched;
    await page.getByLabel("De quoi s'agit-il ?").selectOption('sextortion');
    await page.getByLabel("Captures d'écran").setInputFiles(file);
    const attached = page.getByRole('list', { name: 'Images jointes' }).getByRole('listitem');
    await attached.waitFor();
    expect(await attached.textContent()).toMatch(/^capture-conversation\.png \(\d+ Ko\)/);
    await expectAccessible(page, 'portal, picture attached (fr)');
    await screenshot(page, 'portal-8-picture-fr');
    for (let step = 0; step < 4; step += 1) await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await heading(page, 'Votre signalement a bien été reçu');
    await expectClean(watched);

    const { report } = await newestWebReport();
    expect(report.category).toBe('sextortion');
    expect(report.media).toEqual([
      expect.objectContaining({
        hashes: expect.objectContaining({ sha256: createHash('sha256').update(png).digest('hex') }),
        mediaType: 'image/png',
      }),
    ]);
  });
});
