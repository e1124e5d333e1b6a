import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../jobs/wait-for.js';
import { contentReport, storedReferrals, submitReport } from '../support/agencies.js';
import { signInAs, type StaffSession } from '../support/app.js';
import { abuseEmail, startAnalystWorld, type AnalystWorld } from './analyst-world.js';
import { chromiumMissing, ensureWebBuilt, expectAccessible, launchChromium, screenshot, watchedPage, type Watched } from './browser.js';
import { auditCount } from './server.js';

/**
 * The analyst's screens in a real Chromium: the queue (filters, claim and release, counts
 * that follow a new report without a reload), the report page (assessment, media blurred
 * until revealed, matches, hosting, cluster, referrals and notices, history, personal data
 * audited), and the assessment and its confirmation by two analysts from the keyboard.
 */
let world: AnalystWorld;
let browser: Browser;
let first: Watched;
let second: Watched;
const contexts: BrowserContext[] = [];

async function signedInPage(who: StaffSession, locale: string): Promise<Watched> {
  const context = await browser.newContext({ locale });
  contexts.push(context);
  await context.addCookies([{ name: 'vigie_session', value: who.cookie.split('=')[1]!, url: world.server.baseUrl }]);
  const watched = await watchedPage(context, world.server.baseUrl);
  // The machine is shared with other test runs: a step may take longer than the default 10 s.
  watched.page.setDefaultTimeout(30_000);
  // The queue polls every ten seconds: the test moves the page's clock instead of waiting.
  await watched.page.clock.install();
  return watched;
}

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name, exact: true, level: 1 }).waitFor();
}

async function triageOf(reportId: string) {
  const response = await world.server.t.vigie.app.inject({
    method: 'GET',
    url: `/api/triage/reports/${reportId}`,
    headers: world.first.headers,
  });
  return response.json();
}

const awaitingCount = (page: Page) => page.getByTestId('queue-counts').locator('[data-stage="awaiting"] .count');
const row = (page: Page, reportId: string) => page.locator(`tr[data-report="${reportId}"]`);

beforeAll(async () => {
  if (chromiumMissing) return;
  ensureWebBuilt();
  world = await startAnalystWorld();
  browser = await launchChromium();
  first = await signedInPage(world.first, 'fr-FR');
  second = await signedInPage(world.second, 'en-GB');
}, 360_000);
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await world?.close();
});

describe.skipIf(chromiumMissing)("the analyst's screens", { timeout: 120_000 }, () => {
  it('lists the queue by priority, filters it, and follows a new report without a reload', async () => {
    const { page } = first;
    await page.goto(`${world.server.baseUrl}/console/`);
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: "File d'évaluation" }).click();
    await heading(page, "File d'évaluation");
    await expect.poll(() => awaitingCount(page).textContent()).toBe('3');
    const rows = page.locator('table.queue tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(0).getAttribute('data-report')).toBe(world.reports.urgent);
    expect(await rows.nth(0).textContent()).toContain('Enfant en danger');
    expect(await rows.nth(1).getAttribute('data-report')).toBe(world.reports.known);
    expect(await rows.nth(1).textContent()).toContain('Contenu connu');
    await expectAccessible(page, 'analyst, queue');
    await screenshot(page, 'analyst-1-queue');

    await page.getByLabel('Contenu connu reconnu').selectOption('true');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/knownContent=true/);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-report')).toBe(world.reports.known);
    await page.getByLabel('Contenu connu reconnu').selectOption('');
    // Every report came in moments ago: none has waited an hour.
    await page.getByLabel('En attente depuis').selectOption({ label: 'Plus d’une heure' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/waitingHours=1/);
    await page.getByText('Aucun signalement de la file ne correspond à ces filtres.').waitFor();
    expect(await rows.count()).toBe(0);
    await page.getByLabel('En attente depuis').selectOption('');
    await page.getByLabel('Pris par').selectOption('free');
    await page.getByLabel('Étape').selectOption('awaiting');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/holder=free/);
    await expect.poll(() => rows.count()).toBe(3);

    await page.evaluate('window.sameDocument = true');
    const added = await submitReport(world.server.t, world.partner, contentReport(['https://mirror.example.net/x']));
    await page.clock.fastForward(11_000);
    await expect.poll(() => awaitingCount(page).textContent(), { timeout: 10_000 }).toBe('4');
    await expect.poll(() => rows.count()).toBe(4);
    await row(page, added).waitFor();
    expect(await page.evaluate('window.sameDocument === true')).toBe(true);
  });

  it('claims a report from the queue, then releases it', async () => {
    const { page } = first;
    await row(page, world.reports.linked).getByRole('button', { name: 'Prendre' }).click();
    await heading(page, 'Évaluer le signalement');
    expect(page.url()).toContain(`/reports/${world.reports.linked}/assess`);
    const claimed = (await triageOf(world.reports.linked)).claim;
    expect(claimed.claimedBy).toBe(world.first.userId);
    await page.getByRole('button', { name: 'Garder plus longtemps' }).click();
    await expect
      .poll(async () => Date.parse((await triageOf(world.reports.linked)).claim.expiresAt))
      .toBeGreaterThan(Date.parse(claimed.expiresAt));

    await page.goBack();
    await heading(page, "File d'évaluation");
    await page.getByLabel('Pris par').selectOption('');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL((url) => !url.search.includes('holder'));
    await expect.poll(() => row(page, world.reports.linked).textContent()).toContain("Vous, jusqu'à");
    await expect.poll(() => page.getByTestId('queue-counts').textContent()).toMatch(/Pris par moi\s*1/);
    await screenshot(page, 'analyst-2-queue-claimed');
    await row(page, world.reports.linked).getByRole('button', { name: 'Libérer' }).click();
    await page.getByRole('status').getByText('Le signalement est libéré').waitFor();
    await expect.poll(() => row(page, world.reports.linked).textContent()).toContain('Personne : libre');
    expect((await triageOf(world.reports.linked)).claim).toBeNull();
  });

  it('shows everything about a report: media blurred until revealed, hosting, cluster, history; personal data audited', async () => {
    const { page } = first;
    const media = page.waitForResponse((response) => response.url().includes('/media/') && response.url().endsWith('/content'), {
      timeout: 30_000,
    });
    const viewsBefore = await auditCount(world.server.t, 'report.view-media');
    await page.goto(`${world.server.baseUrl}/console/reports/${world.reports.urgent}`, { waitUntil: 'domcontentloaded' });
    await heading(page, 'Signalement');
    expect((await media).headers()['cache-control']).toBe('no-store');
    for (const title of ['Évaluation', 'Médias', 'Hébergement', 'Signalements liés', 'Transmissions et notifications', 'Historique'])
      await page.getByRole('heading', { name: title, exact: true, level: 2 }).waitFor();

    const image = page.getByRole('img', { name: 'Média 1' });
    await image.waitFor();
    await expect.poll(() => page.evaluate("document.querySelector('img.quarantined').naturalWidth")).toBe(300);
    expect(await page.evaluate("getComputedStyle(document.querySelector('img.quarantined')).filter")).toMatch(
      /blur\(24px\) grayscale\(1\)/,
    );
    expect(await auditCount(world.server.t, 'report.view-media')).toBe(viewsBefore + 1);
    await expectAccessible(page, 'analyst, report page');
    await screenshot(page, 'analyst-3-report-blurred');
    const reveal = page.getByRole('button', { name: 'Afficher le média 1 sans flou' });
    await reveal.focus();
    await page.keyboard.press('Enter');
    expect(await reveal.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate("getComputedStyle(document.querySelector('img.quarantined')).filter")).toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate("getComputedStyle(document.querySelector('img.quarantined')).filter")).toMatch(/blur/);

    const hosting = page.getByTestId('hosting');
    await expect.poll(() => hosting.textContent()).toContain('192.0.2.10');
    expect(await hosting.textContent()).toContain(abuseEmail);
    expect(await hosting.textContent()).toContain('EXEMPLE-HEB');
    const cluster = page.getByTestId('cluster');
    await expect.poll(() => cluster.textContent()).toContain(`Signalement ${world.reports.linked.slice(0, 8)}`);
    expect(await cluster.textContent()).toMatch(/la même (adresse web|page)/);

    const readsBefore = await auditCount(world.server.t, 'report.read-personal');
    await page.getByRole('button', { name: 'Afficher les données personnelles' }).click();
    await page.getByTestId('personal-data').waitFor();
    expect(await page.getByTestId('personal-data').textContent()).toContain('Lison Exemplaire');
    expect(await auditCount(world.server.t, 'report.read-personal')).toBe(readsBefore + 1);
    await expect.poll(() => page.getByTestId('history').textContent()).toContain('Données personnelles consultées');
    expect(await page.getByTestId('history').textContent()).toContain('Média en quarantaine consulté (vous)');
    await expectAccessible(page, 'analyst, report page with personal data');
    await screenshot(page, 'analyst-4-report-personal');

    await page.goto(`${world.server.baseUrl}/console/reports/${world.reports.known}`);
    const matches = page.getByRole('table', { name: 'Correspondances du média 1' });
    await matches.waitFor();
    expect(await matches.textContent()).toContain('Liste connue (exemple)');
    expect(await matches.locator('tbody td').nth(1).textContent()).toBe('MD5');
    expect(await matches.locator('tbody td').nth(2).textContent()).toBe('0');
    expect(await matches.textContent()).toContain('Pubère (12–17 ans)');
  });

  it('assesses from the keyboard alone, then moves to the next report', async () => {
    const { page } = first;
    await page.goto(`${world.server.baseUrl}/console/queue`);
    await heading(page, "File d'évaluation");
    await page.getByRole('button', { name: 'Prendre le signalement suivant' }).focus();
    await page.keyboard.press('Enter');
    await heading(page, 'Évaluer le signalement');
    expect(page.url()).toContain(`/reports/${world.reports.urgent}/assess`);
    await expectAccessible(page, 'analyst, assessment form');

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Raccourcis clavier' });
    await help.waitFor();
    expect(await help.textContent()).toContain('Ctrl+Entrée');
    await expectAccessible(page, 'analyst, shortcuts');
    await screenshot(page, 'analyst-5-shortcuts');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    // A key typed the instant the help closes counts: the browser closes the dialog before
    // React hears of it, which once swallowed the analyst's next key.
    await page.keyboard.press('?');
    await help.waitFor();
    await page.evaluate(
      "document.querySelector('dialog').close(); document.dispatchEvent(new KeyboardEvent('keydown', { key: '3', code: 'Digit3', bubbles: true }))",
    );
    await help.waitFor({ state: 'hidden' });
    expect(await page.getByRole('radio', { name: 'Pas illégal' }).isChecked()).toBe(true);
    // And a `?` typed the instant it closes opens it again (it was taken as "already open").
    await page.keyboard.press('?');
    await help.waitFor();
    const reopened = await page.evaluate(`new Promise((resolve) => {
      document.querySelector('dialog').addEventListener('close', () => setTimeout(() => resolve(document.querySelector('dialog').open), 50), { once: true });
      document.querySelector('dialog').close();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: '?', bubbles: true }));
    })`);
    expect(reopened).toBe(true);
    await help.waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    await page.keyboard.press('1');
    await page.keyboard.press('5');
    await page.keyboard.press('a');
    expect(await page.getByRole('radio', { name: 'Illégal partout (socle INTERPOL)' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Prépubère (4–11 ans)' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'A1 — prépubère, acte sexuel' }).isChecked()).toBe(true);
    await screenshot(page, 'analyst-6-assessment');
    await page.keyboard.press('Control+Enter');

    await page.waitForURL(new RegExp(`/reports/${world.reports.known}/assess$`));
    await page.getByRole('status').getByText('Évaluation enregistrée : elle attend maintenant un second analyste.').waitFor();
    const urgent = await triageOf(world.reports.urgent);
    expect(urgent.stage).toBe('confirming');
    expect(urgent.assessments[0]).toMatchObject({
      assessedBy: world.first.userId,
      legalStatus: 'baseline',
      category: 'online_grooming',
      ageGroup: 'prepubescent',
      imageryClass: 'A1',
    });

    await page.getByRole('heading', { name: 'Votre évaluation' }).waitFor();
    await page.keyboard.press('2');
    await page.keyboard.press('6');
    await page.keyboard.press('Shift+KeyB');
    await page.keyboard.press('Control+Enter');
    await page.waitForURL(new RegExp(`/reports/${world.reports.linked}/assess$`));
    expect((await triageOf(world.reports.known)).assessments[0]).toMatchObject({
      legalStatus: 'national',
      ageGroup: 'pubescent',
      imageryClass: 'B2',
    });
    await page.getByRole('button', { name: 'Libérer' }).focus();
    await page.keyboard.press('Enter');
    await heading(page, "File d'évaluation");
    expect((await triageOf(world.reports.linked)).claim).toBeNull();
  });

  it('lets a second analyst confirm one assessment and dispute another from the keyboard', async () => {
    const { page } = second;
    await page.goto(`${world.server.baseUrl}/console/queue`);
    await heading(page, 'Assessment queue');
    await page.getByRole('button', { name: 'Take the next report' }).focus();
    await page.keyboard.press('Enter');
    await heading(page, 'Confirm an assessment');
    expect(page.url()).toContain(`/reports/${world.reports.urgent}/confirm`);
    const firstAssessment = page.getByRole('region', { name: 'The first analyst’s assessment' });
    expect(await firstAssessment.textContent()).toContain('Illegal everywhere (INTERPOL baseline)');
    expect(await firstAssessment.textContent()).toContain('A1 — prepubescent, sex act');
    await expectAccessible(page, 'analyst, confirmation');
    await screenshot(page, 'analyst-7-confirmation');
    await page.keyboard.press('Control+Enter');

    await page.waitForURL(new RegExp(`/reports/${world.reports.known}/confirm$`));
    await page.getByRole('status').getByText('Assessment confirmed: it is final.').waitFor();
    const urgent = await triageOf(world.reports.urgent);
    expect(urgent.stage).toBe('final');
    expect(urgent.final).toMatchObject({ basis: 'confirmed', assessedBy: world.first.userId, confirmedBy: world.second.userId });

    await page.getByRole('button', { name: /^Confirm the assessment/ }).waitFor();
    await page.keyboard.press('d');
    await page.getByRole('checkbox', { name: 'Legal status (1)' }).waitFor();
    await page.keyboard.press('1');
    expect(await page.getByRole('checkbox', { name: 'Legal status (1)' }).isChecked()).toBe(true);
    await expectAccessible(page, 'analyst, disagreement');
    await screenshot(page, 'analyst-8-disagreement');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('status').getByText('Disagreement recorded: a senior analyst will settle it.').waitFor();
    const known = await triageOf(world.reports.known);
    expect(known.stage).toBe('disputed');
    expect(known.assessments[0].review).toMatchObject({ reviewedBy: world.second.userId, decision: 'disagreed', fields: ['legalStatus'] });
    await page.getByRole('button', { name: 'Release' }).click();
    await heading(page, 'Assessment queue');
  });

  it('shows the final assessment, the referrals and the notice to the host on the report page', async () => {
    await waitFor(
      'the routing of the confirmed report',
      async () => (await storedReferrals(world.server.t, world.reports.urgent)).some((referral) => referral.kind === 'notice'),
      60_000,
    );
    const { page } = first;
    await page.goto(`${world.server.baseUrl}/console/reports/${world.reports.urgent}`);
    await heading(page, 'Signalement');
    const assessment = page.getByRole('region', { name: 'Évaluation' });
    await expect.poll(() => assessment.textContent()).toContain(`Confirmée par collègue ${world.second.userId.slice(0, 8)}`);
    expect(await assessment.textContent()).toContain('Définitif');
    await expect.poll(() => page.getByTestId('referrals').textContent()).toContain('Police');
    expect(await page.getByTestId('notices').textContent()).toContain(abuseEmail);
    await expect.poll(() => page.getByTestId('history').textContent()).toContain('Évaluation confirmée');
    await expectAccessible(page, 'analyst, report page after routing');
    await screenshot(page, 'analyst-9-report-routed');

    // On a phone: the page does not scroll sideways (wide tables scroll inside their own box).
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/console/queue', `/console/reports/${world.reports.urgent}`]) {
      await page.goto(`${world.server.baseUrl}${path}`);
      await page.locator('h1').waitFor();
      await page.locator('table').first().waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
    }
    await expectAccessible(page, 'analyst, report page on a phone');
    await screenshot(page, 'analyst-10-report-phone');
    expect(first.problems).toEqual([]);
    expect(second.problems).toEqual([]);
    expect([...first.outside, ...second.outside]).toEqual([]);
  });

  it('lets a supervisor hand a report to an analyst from the keyboard, who finds it theirs, then take it back', async () => {
    const { t } = world.server;
    const supervisor = await signInAs(t, ['supervisor']);
    const boss = await signedInPage(supervisor, 'fr-FR');
    const { page } = boss;
    const reportId = await submitReport(t, world.partner, contentReport(['https://mirror.example.net/assign']));
    const ref = reportId.slice(0, 8);
    const listings = await auditCount(t, 'assessment.assignees');
    await page.goto(`${world.server.baseUrl}/console/queue`);
    await heading(page, "File d'évaluation");
    await row(page, reportId).waitFor();
    // A supervisor watches the queue and hands claims around, but claims nothing.
    expect(await row(page, reportId).getByRole('button', { name: 'Prendre', exact: true }).count()).toBe(0);
    expect(
      await row(page, reportId)
        .getByRole('button', { name: `Reprendre le signalement ${ref}` })
        .count(),
    ).toBe(0);

    const opener = row(page, reportId).getByRole('button', { name: `Attribuer… le signalement ${ref}` });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Attribuer le signalement ${ref}` });
    await dialog.waitFor();
    const choice = dialog.getByLabel('Analyste');
    const option = choice.locator(`option[value="${world.second.userId}"]`);
    await option.waitFor({ state: 'attached' });
    // The analysts by name (identity's sealed names, decrypted for this list); no supervisor among them.
    const name = (await option.textContent()) ?? '';
    expect(name).toMatch(/^Agent \d+$/);
    expect(await choice.locator(`option[value="${supervisor.userId}"]`).count()).toBe(0);
    expect(await auditCount(t, 'assessment.assignees')).toBe(listings + 1);
    // Assigning without a choice says what is missing, beside the choice.
    await dialog.getByRole('button', { name: 'Attribuer', exact: true }).press('Enter');
    await dialog.getByRole('alert').getByText("Choisissez l'analyste qui prend le signalement.").waitFor();
    await choice.focus();
    await choice.selectOption(world.second.userId);
    await expectAccessible(page, 'supervisor, assigning a report');
    await screenshot(page, 'analyst-11-supervisor-assign');
    await dialog.getByRole('button', { name: 'Attribuer', exact: true }).press('Enter');
    await page.getByRole('status').getByText(`Le signalement ${ref} est attribué à ${name}.`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe(`Attribuer… le signalement ${ref}`);
    await expect.poll(() => row(page, reportId).textContent()).toContain(`${name}, jusqu'à`);
    expect((await triageOf(reportId)).claim).toMatchObject({ claimedBy: world.second.userId, purpose: 'assess' });
    await expectAccessible(page, 'supervisor, queue after assigning');
    await screenshot(page, 'analyst-12-supervisor-assigned');

    const theirs = second.page;
    await theirs.goto(`${world.server.baseUrl}/console/queue`);
    await heading(theirs, 'Assessment queue');
    await expect.poll(() => row(theirs, reportId).textContent()).toContain('You, until');
    await row(theirs, reportId).getByRole('link', { name: 'Assess' }).waitFor();

    await row(page, reportId)
      .getByRole('button', { name: `Reprendre le signalement ${ref}` })
      .click();
    await page.getByRole('status').getByText(`Le signalement ${ref} est repris : il est libre dans la file.`).waitFor();
    await expect.poll(() => row(page, reportId).textContent()).toContain('Personne : libre');
    expect((await triageOf(reportId)).claim).toBeNull();
    expect(boss.problems).toEqual([]);
    expect(second.problems).toEqual([]);
    expect(boss.outside).toEqual([]);
  });
});
