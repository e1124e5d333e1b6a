import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export { ensureWebBuilt } from './build.js';

/** Debian's Chromium (`apt-get install chromium`); another binary can be named by VIGIE_CHROMIUM. */
export const chromiumPath = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumMissing = !existsSync(chromiumPath);

if (chromiumMissing) {
  const message = `Chromium is not installed at ${chromiumPath}: the browser tests cannot run (apt-get install chromium).`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n${'!'.repeat(100)}\n!! SKIPPING THE BROWSER TESTS. ${message}\n${'!'.repeat(100)}\n`);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    // Without the background-networking flags Chromium calls Google's hosts; tests stay on loopback.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Watched {
  page: Page;
  /** Console errors and Content-Security-Policy violations seen so far. */
  problems: string[];
  /** Requests the page made outside the server under test. */
  outside: string[];
}

/** A page that records console errors, CSP violations and any request that leaves the server under test. */
export async function watchedPage(context: BrowserContext, baseUrl: string): Promise<Watched> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  const outside: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:') && url !== 'about:blank') outside.push(url);
  });
  return { page, problems, outside };
}

const axeSource = createRequire(import.meta.url)('axe-core').source as string;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page (WCAG 2.0/2.1 A and AA rules) and fails on any violation. The
 * source is evaluated through the DevTools protocol, which the page's CSP does not block.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.evaluate(axeSource);
  // An expression rather than a function: this file is type-checked without the DOM's types.
  const violations = (await page.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    .then((result) => result.violations)`)) as AxeViolation[];
  const found = violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  expect(found, `axe-core on ${screen}`).toEqual([]);
}

/** A full-page screenshot under test-results/screenshots/, for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve('test-results/screenshots');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
