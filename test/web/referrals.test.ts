import { sql } from 'kysely';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPassword } from '../support/app.js';
import {
  auditEntries,
  partnerHeaders,
  setUpAgencies,
  storedReferrals,
  submitReport,
  urgentReport,
  type Agencies,
} from '../support/agencies.js';
import { chromiumMissing, ensureWebBuilt, expectAccessible, launchChromium, screenshot, watchedPage, type Watched } from './browser.js';
import { startListeningVigie, type ListeningVigie } from './server.js';
import { signInThroughConsole } from './staff-sign-in.js';

/**
 * The referrals board in a real Chromium. Routing refers two urgent reports to the police and
 * to child protection; one was made two hours ago, so its one-hour deadline has passed. The
 * police liaison officer sees only their organisation's referrals, the overdue one first and
 * said in words, accepts it then closes it with an outcome, rejects the other with a reason
 * and reads what the referral grants (audited). An analyst sees the outgoing side, read-only.
 */
let vigie: ListeningVigie;
let browser: Browser;
let agencies: Agencies;
let late: string;
let fresh: string;
const liaisonEmail = 'liaison.board@example.org';
const analystEmail = 'analyste.board@example.org';

async function createUser(email: string, organisationId: string, roles: ('police_liaison' | 'analyst')[]) {
  await vigie.t.vigie.identity.createUser(
    { actorType: 'system', actorId: null },
    { organisationId, email, name: 'Agent Exemple', roles, password: testPassword },
  );
}

/** The police referral of a report. */
async function policeReferral(reportId: string): Promise<string> {
  const referral = (await storedReferrals(vigie.t, reportId)).find((row) => row.kind === 'police');
  if (!referral) throw new Error('no police referral');
  return referral.id;
}

beforeAll(async () => {
  if (chromiumMissing) return;
  ensureWebBuilt();
  vigie = await startListeningVigie();
  agencies = await setUpAgencies(vigie.t);
  const partner = await partnerHeaders(vigie.t);
  const first = await submitReport(vigie.t, partner, urgentReport());
  const second = await submitReport(vigie.t, partner, urgentReport({ narrative: 'Un autre rendez-vous donné à une enfant.' }));
  await vigie.t.vigie.routing.routeAtIntake([first, second], 'test-intake');
  late = await policeReferral(first);
  fresh = await policeReferral(second);
  // The first referral was made two hours ago: its one-hour deadline has passed.
  await sql`update referrals set created_at = created_at - interval '2 hours', deadline = deadline - interval '2 hours'
            where id = ${late}`.execute(vigie.t.testStore.store.db);
  await createUser(liaisonEmail, agencies.police, ['police_liaison']);
  await createUser(analystEmail, vigie.t.organisationId, ['analyst']);
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await vigie?.close();
});

async function openPage(locale: string): Promise<{ context: BrowserContext; watched: Watched }> {
  const context = await browser.newContext({ locale });
  return { context, watched: await watchedPage(context, vigie.baseUrl) };
}

const rowOf = (page: Page, id: string) => page.locator(`tr[data-referral="${id}"]`);

describe.skipIf(chromiumMissing)('the referrals board', { timeout: 120_000 }, () => {
  let liaison: Watched;

  it('shows the liaison officer their incoming referrals, most urgent first, the deadline in words as well as colour', async () => {
    liaison = (await openPage('en-GB')).watched;
    const { page } = liaison;
    await signInThroughConsole(page, vigie.baseUrl, liaisonEmail, 'en');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
    await page.getByRole('heading', { name: 'Referrals', exact: true }).waitFor();
    const incoming = page.locator('#incoming-referrals');
    await incoming.waitFor();
    const rows = incoming.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).getAttribute('data-referral')).toBe(late);
    expect(await rows.nth(1).getAttribute('data-referral')).toBe(fresh);
    const lateText = (await rows.nth(0).textContent()) ?? '';
    expect(lateText).toContain('Overdue');
    expect(lateText).toMatch(/Overdue by (5\d|6\d) min/);
    expect(lateText).toContain('Child in immediate danger');
    expect(await rows.nth(1).textContent()).toMatch(/Under 4 hours.*Due in (5\d|60) min/);
    expect(await rows.nth(0).locator('[data-urgency]').getAttribute('data-urgency')).toBe('overdue');
    // Colour is not the only signal, but it is there: the overdue band differs from the critical one.
    // Expressions rather than functions: this file is type-checked without the DOM's types.
    const colour = (id: string) =>
      page.evaluate(`getComputedStyle(document.querySelector('tr[data-referral="${id}"] .deadline')).backgroundColor`);
    expect(await colour(late)).toMatch(/^rgb/);
    expect(await colour(late)).not.toBe(await colour(fresh));
    // The liaison officer is not hotline staff: the outgoing side is not theirs.
    expect(await page.getByRole('heading', { name: /Outgoing/ }).count()).toBe(0);
    await expectAccessible(page, 'console, referrals board (liaison)');
    await screenshot(page, 'referrals-1-board');
  });

  it('accepts the overdue referral, then records it done with an outcome; the history keeps each step', async () => {
    const { page } = liaison;
    await rowOf(page, late).getByRole('link', { name: 'Police' }).click();
    await page.getByRole('heading', { name: 'Referral — Police' }).waitFor();
    expect(await page.locator('dl.details').textContent()).toContain('Overdue');
    expect(await page.getByRole('button').allTextContents()).toEqual(expect.arrayContaining(['Acknowledge receipt', 'Accept', 'Reject']));
    await expectAccessible(page, 'console, referral');
    await screenshot(page, 'referrals-2-referral');
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('status').getByText('Status recorded: Accepted.').waitFor();
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Mark as done' }).click();
    await page.getByRole('button', { name: 'Record the outcome' }).click();
    // The outcome is required: the browser keeps the form until one is chosen.
    expect(await page.evaluate("document.getElementById('referral-outcome').validity.valueMissing")).toBe(true);
    await page.getByLabel('Outcome').selectOption('investigation_opened');
    await page.getByLabel('Note (optional, sealed)').fill('Enquête confiée au groupe de Lyon (exemple).');
    await expectAccessible(page, 'console, referral outcome form');
    await page.getByRole('button', { name: 'Record the outcome' }).click();
    await page.getByRole('status').getByText('Status recorded: Done.').waitFor();
    const history = (await page.locator('.referral-history').textContent()) ?? '';
    expect(history).toContain('Accepted');
    expect(history).toContain('Done (Investigation opened)');
    expect(await page.locator('dl.details').textContent()).toContain('Deadline met');

    const stored = (await storedReferrals(vigie.t)).find((row) => row.id === late);
    expect(stored?.status).toBe('done');
    const changes = (await auditEntries(vigie.t, 'referral.status')).filter((entry) => entry.subject_id === late);
    expect(changes.map((entry) => entry.detail.to)).toEqual(['accepted', 'done']);
    expect(changes[1]?.detail).toMatchObject({ outcome: 'investigation_opened', note: true });
  });

  it('reads what the referral grants, audited under it, and rejects the other referral with a reason', async () => {
    const { page } = liaison;
    await page.getByRole('link', { name: 'Back to the referrals' }).click();
    await rowOf(page, fresh).getByRole('link', { name: 'Police' }).click();
    await page.getByRole('heading', { name: 'Referral — Police' }).waitFor();
    const before = (await auditEntries(vigie.t, 'report.read-personal')).filter((entry) => entry.detail.grantId === fresh).length;
    await page.getByRole('button', { name: 'Show the report' }).click();
    await page.getByTestId('granted-report').waitFor();
    expect(await page.getByTestId('granted-report').textContent()).toContain('Un autre rendez-vous');
    const after = (await auditEntries(vigie.t, 'report.read-personal')).filter((entry) => entry.detail.grantId === fresh).length;
    expect(after).toBe(before + 1);

    await page.getByRole('button', { name: 'Reject' }).click();
    await page.getByLabel('Reason for rejecting').selectOption('duplicate');
    await page.getByRole('button', { name: 'Reject the referral' }).click();
    await page.getByRole('status').getByText('Status recorded: Rejected.').waitFor();
    expect(await page.locator('.referral-history').textContent()).toContain('Rejected (Duplicate of another referral)');
    expect(await page.getByRole('heading', { name: 'Answer' }).count()).toBe(0);
    await screenshot(page, 'referrals-3-rejected');
    expect(liaison.problems).toEqual([]);
    expect(liaison.outside).toEqual([]);
  });

  it('shows an analyst, in French, the outgoing referrals without answer buttons', async () => {
    const { watched } = await openPage('fr-FR');
    const { page } = watched;
    await signInThroughConsole(page, vigie.baseUrl, analystEmail, 'fr');
    await page.goto(`${vigie.baseUrl}/console/referrals`);
    await page.getByRole('heading', { name: 'Orientations', exact: true }).waitFor();
    const outgoing = page.locator('#outgoing-referrals tbody tr');
    await outgoing.first().waitFor();
    // Two police referrals and two to child protection.
    expect(await outgoing.count()).toBe(4);
    const text = (await page.locator('#outgoing-referrals').textContent()) ?? '';
    expect(text).toContain('Terminée');
    expect(text).toContain('Refusée');
    expect(text).toContain('Information préoccupante (CRIP)');
    expect(text).toContain('Office mineurs (exemple)');
    expect(await page.locator('#incoming-title').textContent()).toContain('Reçues');
    await expectAccessible(page, 'console, referrals board (analyst)');
    await screenshot(page, 'referrals-4-outgoing-fr');
    await page.locator('#outgoing-referrals').getByRole('link', { name: 'Police' }).first().click();
    await page.getByRole('heading', { name: 'Orientation — Police' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Répondre' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Afficher le signalement' }).count()).toBe(0);
    expect(watched.problems).toEqual([]);
  });
});
