import { readdirSync, readFileSync, statSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config/index.js';
import { en } from '../web/src/i18n/en.js';
import { enPublic } from '../web/src/i18n/en-public.js';
import { fr } from '../web/src/i18n/fr.js';
import { frPublic } from '../web/src/i18n/fr-public.js';
import { createTestVigie, type TestVigie } from './support/app.js';
import { ensureWebBuilt } from './web/build.js';

/** How Vigie serves its front end and what it tells the portal (no browser needed). */
const emergency = [
  { number: '15', label: { fr: 'SAMU', en: 'Ambulance' } },
  { number: '119', label: { fr: 'Allô Enfance en Danger', en: 'Child protection line' } },
];
let t: TestVigie;

beforeAll(async () => {
  ensureWebBuilt();
  t = await createTestVigie({ VIGIE_EMERGENCY_NUMBERS: JSON.stringify(emergency), VIGIE_QUICK_EXIT_URL: 'https://www.example.org/meteo' });
}, 120_000);
afterAll(() => t?.close());

const get = (url: string) => t.vigie.app.inject({ method: 'GET', url });

describe('the portal settings', () => {
  it('come from the configuration: emergency numbers, quick exit, uploads, and the lists the pages offer', async () => {
    const response = await get('/api/public/portal');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(body).toMatchObject({ emergencyNumbers: emergency, quickExitUrl: 'https://www.example.org/meteo', uploadsAccepted: true });
    expect(body.categories).toContain('online_grooming');
    expect(body.countries).toContain('FR');
    expect(body.countries).toHaveLength(250);
  });

  it('default to France: 119, 17, 112, and a neutral page served by Vigie', () => {
    const config = loadConfig({});
    expect(config.emergencyNumbers.map((entry) => entry.number)).toEqual(['119', '17', '112']);
    expect(config.quickExitUrl).toBe('/recettes/');
  });

  it.each([
    ['VIGIE_EMERGENCY_NUMBERS', 'not json'],
    ['VIGIE_EMERGENCY_NUMBERS', '[]'],
    ['VIGIE_EMERGENCY_NUMBERS', '[{"number":"119"}]'],
    ['VIGIE_EMERGENCY_NUMBERS', '[{"number":"call me","label":{"fr":"a","en":"b"}}]'],
    ['VIGIE_QUICK_EXIT_URL', 'javascript:alert(1)'],
    ['VIGIE_QUICK_EXIT_URL', '//elsewhere.example.net'],
    ['VIGIE_CHALLENGE_MAX_NUMBER', '0'],
  ])('refuse %s=%s at start, naming it', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(variable);
  });
});

describe('the front end', () => {
  /** Read when the test runs, after beforeAll's build: a rebuild renames the hashed files. */
  const portalAsset = () => readdirSync('web/dist/assets').find((name) => name.startsWith('portal-') && name.endsWith('.js'))!;
  /** The scripts a page loads: its entry and what it preloads (every static import). */
  const scriptsOf = (page: string) =>
    [...readFileSync(`web/dist/${page}`, 'utf8').matchAll(/(?:src|href)="\/assets\/([\w-]+\.js)"/g)].map((match) => match[1]!);
  /** The portal's largest script, which every page loads (React and the public strings). */
  const sharedAsset = () =>
    scriptsOf('index.html')
      .map((name) => ({ name, size: statSync(`web/dist/assets/${name}`).size }))
      .sort((a, b) => b.size - a.size)[0]!.name;

  it.each(['/', '/follow', '/console/', '/console/reports/some-id', '/recettes/'])('serves the page %s, never cached', async (url) => {
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toMatch(/<script type="module" crossorigin src="\/assets\/[\w-]+\.js"><\/script>/);
  });

  it('serves the hashed assets for good', async () => {
    const response = await get(`/assets/${portalAsset()}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends the brotli or gzip copy to a browser that accepts it, the same bytes once decoded, and the file itself otherwise', async () => {
    const url = `/assets/${sharedAsset()}`;
    const plain = await get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const original = plain.rawPayload;
    for (const [accepted, encoding, decode] of [
      ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const response = await t.vigie.app.inject({ method: 'GET', url, headers: { 'accept-encoding': accepted } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(String(response.headers.vary)).toMatch(/accept-encoding/i);
      // The shared chunk is the portal's largest download: a quarter or less once compressed.
      expect(response.rawPayload.length).toBeLessThan(original.length / 3);
      expect(decode(response.rawPayload).equals(original)).toBe(true);
    }
    // The copies are not files of their own.
    expect((await get(`${url}.br`)).statusCode).toBe(404);
    const page = await t.vigie.app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'br' } });
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it("keeps the console's strings out of the public pages: a reporter's phone loads the public catalogue only", () => {
    const consoleOnly = ([full, public_]: readonly [Record<string, string>, Record<string, string>]) => {
      const publicText = Object.values(public_).join('\n');
      // Strings written the same once bundled, and not part of a public one.
      return Object.entries(full)
        .filter(([key, text]) => !(key in public_) && /^[A-Za-z][A-Za-z ,.]{24,}$/.test(text) && !publicText.includes(text))
        .map(([, text]) => text);
    };
    const samples = [...consoleOnly([en, enPublic]), ...consoleOnly([fr, frPublic])];
    expect(samples.length).toBeGreaterThan(50);
    const code = (page: string) =>
      scriptsOf(page)
        .map((name) => readFileSync(`web/dist/assets/${name}`, 'utf8'))
        .join('\n');
    const inConsole = code('console/index.html');
    for (const page of ['index.html', 'recettes/index.html']) {
      const publicCode = code(page);
      expect(
        samples.filter((text) => publicCode.includes(text)),
        page,
      ).toEqual([]);
    }
    expect(samples.filter((text) => !inConsole.includes(text))).toEqual([]);
  });

  it('allows its own scripts, styles and worker only: no inline script or style, no other origin', async () => {
    const csp = String((await get('/')).headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it.each([
    '/assets/..%2F..%2Fpackage.json',
    `/assets/${'x'}.js.br`,
    '/assets/..%2Findex.html',
    '/assets/.build-stamp',
    '/assets/missing-0000.js',
    '/console-x',
  ])('answers 404 with a problem to %s', async (url) => {
    const response = await get(url);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
