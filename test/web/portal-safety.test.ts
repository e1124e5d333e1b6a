import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, ensureWebBuilt, expectAccessible, launchChromium, screenshot, watchedPage } from './browser.js';
import { startListeningVigie, type ListeningVigie } from './server.js';

/** What keeps a reporter safe: the quick exit (button, or Escape twice), and a language choice kept only in localStorage. */
let vigie: ListeningVigie;
let browser: Browser;

beforeAll(async () => {
  if (chromiumMissing) return;
  ensureWebBuilt();
  vigie = await startListeningVigie();
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await vigie?.close();
});

async function portalWithNarrative(locale = 'fr-FR'): Promise<Page> {
  const context = await browser.newContext({ locale });
  const { page } = await watchedPage(context, vigie.baseUrl);
  await page.goto(`${vigie.baseUrl}/`);
  await page.getByRole('heading', { name: 'Étape 1 sur 5 : Ce qui s’est passé' }).waitFor();
  await page.keyboard.press('Tab');
  expect(await page.locator(':focus').getAttribute('class')).toBe('quick-exit');
  await page.getByLabel('Ce qui s’est passé').fill('Texte confidentiel qui ne doit pas rester à l’écran');
  return page;
}

async function expectLeft(page: Page): Promise<void> {
  await page.waitForURL(`${vigie.baseUrl}/recettes/`);
  await page.getByRole('heading', { name: 'Crêpes faciles' }).waitFor();
  expect(await page.content()).not.toContain('Texte confidentiel');
  // The portal replaced itself in the history: Back does not return to it.
  await page.goBack();
  expect(page.url()).toBe('about:blank');
}

describe.skipIf(chromiumMissing)('leaving the portal at once', { timeout: 120_000 }, () => {
  it('is the first thing the keyboard reaches, and goes to the neutral page with nothing left behind', async () => {
    const page = await portalWithNarrative();
    await page.getByRole('button', { name: /Quitter vite/ }).focus();
    await page.keyboard.press('Enter');
    await expectLeft(page);
  });

  it('happens on Escape pressed twice, from wherever the focus is', async () => {
    const page = await portalWithNarrative();
    await page.getByLabel('Ce qui s’est passé').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expectLeft(page);
  });

  it('is not set off by a single Escape', async () => {
    const page = await portalWithNarrative();
    await page.keyboard.press('Escape');
    await page.getByLabel('Ce qui s’est passé').fill('encore là');
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('lands on a neutral page that is itself accessible', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const { page } = await watchedPage(context, vigie.baseUrl);
    await page.goto(`${vigie.baseUrl}/recettes/`);
    await page.getByRole('heading', { name: 'Easy pancakes' }).waitFor();
    expect(await page.title()).toBe('Easy recipes');
    await expectAccessible(page, 'neutral page');
    await screenshot(page, 'neutral-page-en');
  });
});

describe.skipIf(chromiumMissing)('the language', { timeout: 120_000 }, () => {
  it('follows the browser, switches on demand, and is remembered in localStorage only', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const { page, problems } = await watchedPage(context, vigie.baseUrl);
    await page.goto(`${vigie.baseUrl}/`);
    await page.getByRole('heading', { name: 'Report the sexual exploitation of a child' }).waitFor();
    expect(await page.title()).toBe('Report the sexual exploitation of a child');

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: "Signaler l'exploitation sexuelle d'un enfant" }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByRole('button', { name: 'Français' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate("localStorage.getItem('vigie.language')")).toBe('fr');

    await page.reload();
    await page.getByRole('heading', { name: "Signaler l'exploitation sexuelle d'un enfant" }).waitFor();
    expect(await context.cookies()).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const { page } = await watchedPage(context, vigie.baseUrl);
    await page.goto(`${vigie.baseUrl}/`);
    await page.getByLabel('Un enfant est en danger immédiat').check();
    await page.getByRole('alert').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await expectAccessible(page, 'portal on a phone (fr)');
    await screenshot(page, 'portal-phone-fr');
  });
});
