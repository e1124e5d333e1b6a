import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealedColumns } from '../../src/main.js';
import { createFieldCipher, loadKeyRing, rotateKeys } from '../../src/platform/crypto/index.js';
import { waitFor } from '../jobs/wait-for.js';
import { auditEntries, contentReport, storedReferrals, submitReport, type Agencies } from '../support/agencies.js';
import type { StaffSession, TestVigie } from '../support/app.js';
import { assessAndConfirm, baselineImagery } from '../support/assessment.js';
import { startRoutingWorld, urlAnalysisCount, type RoutingWorld } from '../support/routing-world.js';

/**
 * Issue 6, part 3, end to end: reports submitted by a partner, their URLs analysed against a
 * DNS and an RDAP server on loopback, assessed illegal by two analysts through triage's API,
 * routed (a notice to the host for content hosted at home), the list refreshed by a worker;
 * the host's removal recorded on the notice; internet providers download through their keys.
 */
let world: RoutingWorld;
let t: TestVigie;
let agencies: Agencies;
let partner: Record<string, string>;
let isp: { headers: Record<string, string>; keyId: string };
let analysts: [StaffSession, StaffSession];
let senior: StaffSession;
const reports = { home: '', abroad: '', notIllegal: '', sameAsHome: '' };

const canonical = {
  page7: 'https://www.example.org/galerie/7',
  page8: 'https://www.example.org/galerie/8?page=2',
  abroad: 'https://files.example.net/album/1.jpg',
  notIllegal: 'https://www.example.org/vacances/3',
};

const download = (query: string, headers: Record<string, string> = isp.headers) =>
  t.vigie.app.inject({ method: 'GET', url: `/api/blocklist${query}`, headers });

async function listed(): Promise<{ version: number; urls: { url: string; addedVersion: number; addedAt: string }[] }> {
  const response = await download('?format=json');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const analysed = async (reportId: string) => (await urlAnalysisCount(t, reportId)) > 0;

beforeAll(async () => {
  world = await startRoutingWorld({ 'files.example.net': { A: ['198.51.100.20'] }, 'www.example.org': { A: ['192.0.2.10'] } });
  ({ t, agencies, partner, analysts, senior } = world);
  const provider = await t.vigie.identity.createOrganisation(
    { actorType: 'system', actorId: null },
    { name: 'FAI Exemple', kind: 'partner' },
  );
  const { key, secret } = await t.vigie.identity.createApiKey(
    { actorType: 'system', actorId: null },
    { organisationId: provider.id, name: 'blocklist', scopes: ['blocklist.download'] },
  );
  isp = { headers: { authorization: `Bearer ${secret}` }, keyId: key.id };

  reports.home = await submitReport(
    t,
    partner,
    contentReport(['https://www.example.org/galerie/7', 'https://WWW.example.org/galerie/8?utm_source=mail&page=2#haut']),
  );
  reports.abroad = await submitReport(t, partner, contentReport(['https://files.example.net/album/1.jpg']));
  reports.notIllegal = await submitReport(t, partner, contentReport(['https://www.example.org/vacances/3']));
  reports.sameAsHome = await submitReport(t, partner, contentReport(['https://WWW.example.org:443/galerie/./7#haut']));
  await waitFor('the URL analyses', async () => (await Promise.all(Object.values(reports).map(analysed))).every(Boolean), 180_000);
  for (const id of [reports.home, reports.abroad, reports.sameAsHome]) await assessAndConfirm(t, analysts, id, baselineImagery);
  await assessAndConfirm(t, analysts, reports.notIllegal, {
    legalStatus: 'not_illegal',
    category: 'child_sexual_abuse_material',
    ageGroup: null,
    imageryClass: null,
  });
  await waitFor(
    'the notices',
    async () => (await storedReferrals(t, reports.home)).some((referral) => referral.kind === 'notice'),
    180_000,
  );
}, 480_000);

afterAll(() => world?.close());

let beforeRemoval = 0;

describe('the blocklist follows the URLs’ states', () => {
  it('lists, after the assessments, each URL assessed illegal once in canonical form, sorted, and nothing assessed not illegal', async () => {
    await waitFor('the refresh after the assessments', async () => (await listed()).urls.length === 3, 150_000);
    const list = await listed();
    expect(list.urls.map((entry) => entry.url)).toEqual([canonical.abroad, canonical.page7, canonical.page8]);
    expect(list.urls.every((entry) => entry.addedVersion >= 1 && entry.addedVersion <= list.version)).toBe(true);
    beforeRemoval = list.version;
  }, 180_000);

  it('writes no version when nothing changed (the refresh is idempotent)', async () => {
    const outcome = await t.vigie.blocklist.refresh({ jobId: 'test-idempotence' });
    expect(outcome).toMatchObject({ outcome: 'unchanged', version: beforeRemoval, size: 3 });
  });

  it('takes the URLs off in the next version once their removal is confirmed, and the difference says exactly that', async () => {
    const [notice] = (await storedReferrals(t, reports.home)).filter((referral) => referral.kind === 'notice');
    const status = async (payload: object) => {
      const response = await t.vigie.app.inject({
        method: 'POST',
        url: `/api/referrals/${notice!.id}/status`,
        headers: senior.headers,
        payload,
      });
      expect(response.statusCode, response.body).toBe(200);
    };
    if ((await storedReferrals(t, reports.home)).find((referral) => referral.id === notice!.id)?.status === 'pending') {
      await status({ status: 'sent' });
    }
    await status({ status: 'done', outcome: 'content_removed' });
    const admin = agencies.admin;
    const asked = await t.vigie.app.inject({ method: 'POST', url: '/api/blocklist/refresh', headers: admin.headers });
    expect(asked.statusCode, asked.body).toBe(202);
    await waitFor('the version after the removal', async () => (await listed()).version > beforeRemoval, 90_000);
    const list = await listed();
    expect(list.version).toBe(beforeRemoval + 1);
    // The same page reported again, assessed before the removal, does not keep it listed.
    expect(list.urls.map((entry) => entry.url)).toEqual([canonical.abroad]);

    const diff = await download(`?format=json&since=${beforeRemoval}`);
    expect(diff.statusCode, diff.body).toBe(200);
    expect(diff.json()).toMatchObject({ format: 'vigie-blocklist/1', version: list.version, since: beforeRemoval, added: [] });
    expect(diff.json().removed).toEqual([
      { url: canonical.page7, removedVersion: list.version, removedAt: expect.any(String) },
      { url: canonical.page8, removedVersion: list.version, removedAt: expect.any(String) },
    ]);
    const nothing = await download(`?format=json&since=${list.version}`);
    expect(nothing.json()).toMatchObject({ added: [], removed: [] });
    const everything = await download('?format=json&since=0');
    expect(everything.json().added.map((entry: { url: string }) => entry.url)).toEqual([canonical.abroad]);
    expect(everything.json().removed).toEqual([]);

    const versions = await t.vigie.app.inject({ method: 'GET', url: '/api/blocklist/versions', headers: senior.headers });
    expect(versions.statusCode).toBe(200);
    expect(versions.json().versions[0]).toMatchObject({ version: list.version, size: 1, added: 0, removed: 2 });
  }, 150_000);

  it('lists a removed URL again when a report assessed illegal after the removal names it (the content put back)', async () => {
    const before = (await listed()).version;
    const again = await submitReport(t, partner, contentReport(['https://www.example.org/galerie/7?utm_campaign=x']));
    await waitFor('its URL analysis', () => analysed(again), 150_000);
    await assessAndConfirm(t, analysts, again, baselineImagery);
    await waitFor('the refresh after the new assessment', async () => (await listed()).version > before, 150_000);
    expect((await listed()).urls.map((entry) => entry.url)).toEqual([canonical.abroad, canonical.page7]);
    const diff = (await download(`?format=json&since=${before}`)).json();
    expect(diff.added.map((entry: { url: string }) => entry.url)).toEqual([canonical.page7]);
    expect(diff.removed).toEqual([]);
    // Across both versions the page was listed, taken off and put back: from before the removal, only page 8 went.
    const across = (await download(`?format=json&since=${beforeRemoval}`)).json();
    expect(across.added).toEqual([]);
    expect(across.removed.map((entry: { url: string }) => entry.url)).toEqual([canonical.page8]);
  }, 360_000);
});

describe('downloads', () => {
  it('answers plain text, CSV and JSON that parse to the same list, with the version and a tag', async () => {
    const json = await listed();
    const text = await download('?format=txt');
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.headers['x-blocklist-version']).toBe(String(json.version));
    expect(text.body.split('\n').filter(Boolean)).toEqual(json.urls.map((entry) => entry.url));
    const csv = await download('', { ...isp.headers, accept: 'text/csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = csv.body.split('\r\n').filter(Boolean);
    expect(header).toBe('url,added_at,added_version');
    expect(rows.map((row) => row.split(','))).toEqual(json.urls.map((entry) => [entry.url, entry.addedAt, String(entry.addedVersion)]));
    const diff = await download(`?format=txt&since=${beforeRemoval}`);
    expect(diff.body).toBe(`-${canonical.page8}\n`);
    const diffCsv = await download(`?format=csv&since=${beforeRemoval}`);
    expect(diffCsv.body.split('\r\n')[0]).toBe('change,url,at,version');
    expect(diffCsv.body.split('\r\n')[1]).toMatch(new RegExp(`^remove,${canonical.page8.replace(/[.?]/g, '\\$&')},`));
  });

  it('answers 304 to the tag the provider holds, until the list changes', async () => {
    const first = await download('?format=txt');
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^"blocklist-v\d+-txt"$/);
    const again = await download('?format=txt', { ...isp.headers, 'if-none-match': tag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const otherFormat = await download('?format=json', { ...isp.headers, 'if-none-match': tag });
    expect(otherFormat.statusCode).toBe(200);
  });

  it('audits every download: the key, the version, the format and base, the count', async () => {
    const before = (await auditEntries(t, 'blocklist.download')).length;
    const version = (await download(`?format=csv&since=${beforeRemoval}`)).headers['x-blocklist-version'];
    const entries = await auditEntries(t, 'blocklist.download');
    expect(entries.length).toBe(before + 1);
    expect(entries.filter((entry) => entry.detail.format === 'csv' && entry.detail.since === beforeRemoval).at(-1)).toMatchObject({
      actor_id: isp.keyId,
      subject_id: version,
      detail: { format: 'csv', since: beforeRemoval, notModified: false, urls: 1 },
    });
    expect(entries.some((entry) => entry.detail.notModified === true)).toBe(true);
    // Versions are audited too, and no entry names a URL.
    const versions = await auditEntries(t, 'blocklist.version');
    expect(versions.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify([...entries, ...versions])).not.toContain('example.org');
  });

  it('keeps the URLs sealed in the database', async () => {
    const { rows } = await sql<{ url_sealed: string }>`select url_sealed from blocklist_urls`.execute(t.testStore.store.db);
    expect(rows.length).toBe(3);
    for (const row of rows) expect(row.url_sealed).not.toContain('example');
  });

  it('refuses a key without the blocklist scope (403), staff (403), and no key (401)', async () => {
    expect((await download('', partner)).statusCode).toBe(403);
    expect((await download('', analysts[0].headers)).statusCode).toBe(403);
    expect((await download('', {})).statusCode).toBe(401);
    expect((await t.vigie.app.inject({ method: 'GET', url: '/api/blocklist/versions', headers: isp.headers })).statusCode).toBe(403);
  });

  it('refuses a bad `since` or format with a problem naming the parameter', async () => {
    const version = (await listed()).version;
    for (const query of [`?since=${version + 1}`, '?since=-1', '?since=two', '?format=xml']) {
      const response = await download(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const parameter = query.startsWith('?since') ? 'since' : 'format';
      expect(JSON.stringify(response.json()), query).toContain(parameter);
    }
  });
});

describe('key rotation', () => {
  it('re-seals the listed URLs under the new key (last: the running processes keep the old ring)', async () => {
    const ring = await loadKeyRing({ keyFile: t.config.keyFile });
    const rotated = await rotateKeys({ db: t.vigie.store.db, ring, columns: sealedColumns });
    expect(rotated.columns.find((column) => column.table === 'blocklist_urls')?.resealed).toBe(3);
    const cipher = await createFieldCipher(rotated.ring);
    const { rows } = await sql<{ url_key: string; url_sealed: string; listed: boolean }>`
      select url_key, url_sealed, listed from blocklist_urls where listed`.execute(t.testStore.store.db);
    expect(rows.every((row) => cipher.keyIdOf(row.url_sealed) === rotated.keyId)).toBe(true);
    expect(rows.map((row) => cipher.open(row.url_sealed, `blocklist_urls.url_sealed:${row.url_key}`)).sort()).toEqual([
      canonical.abroad,
      canonical.page7,
    ]);
  });
});
