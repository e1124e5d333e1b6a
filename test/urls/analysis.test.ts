import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVigie, type Vigie } from '../../src/main.js';
import { createLogger } from '../../src/platform/logging/index.js';
import { waitFor } from '../jobs/wait-for.js';
import { createTestVigie, signInAs, type StaffSession, type TestVigie } from '../support/app.js';
import { startDnsServer, type DnsServer } from '../support/dns-server.js';
import { fixtureGeoDir } from '../support/url-analysis.js';
import { exampleHostNetwork, rdapNetwork, startRdapServer, type RdapServer } from '../support/rdap-server.js';
import { auditEntries, count, reportWithUrls } from './support/reports.js';

/**
 * The analysis job end to end: reports submitted through the partner API, a worker that
 * runs the job against a DNS server and an RDAP service on loopback and the fixture
 * dataset, the hosting in the staff view, the links it adds.
 */
let dns: DnsServer;
let rdap: RdapServer;
let t: TestVigie;
let worker: Vigie;
let partner: Record<string, string>;
let analyst: StaffSession;
const logLines: string[] = [];

beforeAll(async () => {
  dns = await startDnsServer({
    'www.example.org': { A: ['192.0.2.10', '192.0.2.11'], AAAA: ['2001:db8::10'] },
    'cdn.example.org': { A: ['192.0.2.10'] },
    'files.example.net': { A: ['198.51.100.20'] },
    'mirror.example.net': { A: ['203.0.113.200'] },
    'slow.example.org': 'silent',
  });
  rdap = await startRdapServer({
    '192.0.2.10': {
      body: exampleHostNetwork(),
    },
    '2001:db8::10': {
      body: rdapNetwork({
        handle: 'EX6',
        start: '2001:db8::',
        end: '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff',
        name: 'EX6',
        abuseEmail: 'abuse@v6.example.net',
      }),
    },
    // (A 429 would hold back every later query to this one service: rdap.test.ts covers it.)
    '198.51.100.20': { status: 503, body: { errorCode: 503 } },
  });
  t = await createTestVigie({
    VIGIE_DNS_SERVERS: dns.address,
    // Generous: the servers answer from this process, whose event loop the embedded database keeps busy.
    VIGIE_DNS_TIMEOUT_MS: '3000',
    VIGIE_RDAP_URL: rdap.url,
    VIGIE_RDAP_TIMEOUT_MS: '20000',
    VIGIE_GEO_DIR: fixtureGeoDir,
    VIGIE_JOB_POLL_SECONDS: '0.5',
  });
  const logs = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  worker = await createVigie(t.config, { store: t.testStore.store, workers: true, logger: createLogger('info', logs) });
  const system = { actorType: 'system', actorId: null } as const;
  const { secret } = await t.vigie.identity.createApiKey(system, {
    organisationId: t.organisationId,
    name: 'k',
    scopes: ['report.submit'],
  });
  partner = { authorization: `Bearer ${secret}` };
  analyst = await signInAs(t, ['analyst']);
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await t?.close();
  await dns?.close();
  await rdap?.close();
});

async function submit(urls: string[]): Promise<string> {
  const response = await t.vigie.app.inject({
    method: 'POST',
    url: '/api/partner/reports',
    headers: { ...partner, 'idempotency-key': randomUUID() },
    payload: reportWithUrls(urls),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().reportId;
}

const analysed = async (reportId: string) => count(t.testStore.store, 'url_analyses', sql`report_id = ${reportId}`);

async function linksOf(id: string): Promise<Record<string, string[]>> {
  const { rows } = await sql<{ linked: string; kind: string }>`
    select linked_report_id as linked, kind from report_links where report_id = ${id} order by kind`.execute(t.testStore.store.db);
  const out: Record<string, string[]> = {};
  for (const row of rows) out[row.linked] = [...(out[row.linked] ?? []), row.kind];
  return out;
}

async function hosting(id: string) {
  return t.vigie.app.inject({ method: 'GET', url: `/api/reports/${id}/hosting`, headers: analyst.headers });
}

describe('URL analysis, the job that follows an intake with URLs', () => {
  let first: string;
  let second: string;
  let third: string;

  beforeAll(async () => {
    first = await submit([
      'https://WWW.Example.ORG:443/a/./b/%7Euser?utm_source=newsletter&id=7#top',
      'https://files.example.net/x.jpg',
      'https://gone.example.org/p',
      'https://slow.example.org/q',
      'http://203.0.113.200/raw',
    ]);
    // One after the other, so that the later jobs find the first one's RDAP answers in the cache.
    await waitFor('the analysis of the first report', async () => (await analysed(first)) === 5, 30_000);
    second = await submit(['https://www.example.org/a/b/~user?id=7']);
    third = await submit(['http://cdn.example.org/a/b/~user']);
    await waitFor('the analyses', async () => (await analysed(second)) === 1 && (await analysed(third)) === 1, 30_000);
    // Every link: first–second by canonical URL and by domain + path, third with each by domain + path, both ways.
    await waitFor('the links', async () => (await count(t.testStore.store, 'report_links')) === 8, 30_000);
  }, 60_000);

  it('shows staff where each URL is hosted: addresses, country, network, abuse contact', async () => {
    const response = await hosting(first);
    expect(response.statusCode, response.body).toBe(200);
    const { urls, attribution } = response.json();
    expect(attribution.join(' ')).toMatch(/DB-IP/);
    const byHost = Object.fromEntries(urls.map((url: { host: string }) => [url.host, url]));
    expect(Object.keys(byHost).sort()).toEqual([
      '203.0.113.200',
      'files.example.net',
      'gone.example.org',
      'slow.example.org',
      'www.example.org',
    ]);
    expect(byHost['www.example.org']).toMatchObject({
      registrableDomain: 'example.org',
      dns: 'resolved',
      countries: ['FR'],
      errors: [],
      dataset: '@ip-location-db/geo-whois-asn-country@0.0.1-fixture @ip-location-db/asn@0.0.1-fixture',
      addresses: [
        {
          address: '192.0.2.10',
          country: 'FR',
          asn: 64496,
          organisation: 'Exemple Hébergement, SAS',
          rdap: 'found',
          network: { handle: 'NET-192-0-2-0-1', name: 'EXEMPLE-HEB', country: 'FR' },
          abuse: { handle: 'ABUSE-NET-192-0-2-0-1', name: 'Abuse desk', emails: ['abuse@hebergement.example.net'] },
        },
        { address: '192.0.2.11', country: 'FR', asn: 64496, rdap: 'found', abuse: { emails: ['abuse@hebergement.example.net'] } },
        {
          address: '2001:db8::10',
          country: 'FR',
          asn: 64499,
          organisation: 'Example IPv6 Transit',
          abuse: { emails: ['abuse@v6.example.net'] },
        },
      ],
    });
    expect(byHost['files.example.net']).toMatchObject({
      dns: 'resolved',
      countries: ['DE'],
      addresses: [{ address: '198.51.100.20', country: 'DE', asn: 64497, rdap: 'error', abuse: null }],
      errors: [{ stage: 'rdap', code: 'error', address: '198.51.100.20', detail: 'http_503' }],
    });
    expect(byHost['203.0.113.200']).toMatchObject({
      dns: 'ip_literal',
      registrableDomain: '203.0.113.200',
      countries: ['JP'],
      addresses: [{ address: '203.0.113.200', country: 'JP', asn: null, rdap: 'not_found' }],
    });
    expect(byHost['gone.example.org']).toMatchObject({ dns: 'nxdomain', addresses: [], errors: [{ stage: 'dns', code: 'nxdomain' }] });
    expect(byHost['slow.example.org']).toMatchObject({ dns: 'timeout', addresses: [], errors: [{ stage: 'dns', code: 'timeout' }] });
  });

  it('asks RDAP once per network: an address in a network already known comes from the cache', () => {
    expect(rdap.requests.filter((path) => path.includes('192.0.2.'))).toEqual(['/rdap/ip/192.0.2.10']);
  });

  it('links reports whose URLs are written differently but are canonically the same, with that reason', async () => {
    expect(await linksOf(second)).toEqual({ [first]: ['canonical_url', 'domain_path'], [third]: ['domain_path'] });
    expect(await linksOf(first)).toEqual({ [second]: ['canonical_url', 'domain_path'], [third]: ['domain_path'] });
    expect(await linksOf(third)).toEqual({ [first]: ['domain_path'], [second]: ['domain_path'] });
  });

  it('exposes the analyses for routing and clusters, without any URL', async () => {
    const analyses = await worker.urls.urlAnalysesOf([second, third]);
    expect(analyses.map((analysis) => [analysis.reportId, analysis.host, analysis.countries])).toEqual(
      [
        [second, 'www.example.org', ['FR']],
        [third, 'cdn.example.org', ['FR']],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(JSON.stringify(analyses)).not.toMatch(/~user|\/a\/b/);
  });

  it('keeps the canonical URL and the domain + path sealed, matched through blind indexes', async () => {
    const { rows } = await sql<{ item_id: string; canonical_sealed: string; domain_path_sealed: string; canonical_index: string }>`
      select item_id, canonical_sealed, domain_path_sealed, canonical_index from url_analyses where report_id = ${second}`.execute(
      t.testStore.store.db,
    );
    const [row] = rows;
    expect(row!.canonical_sealed).not.toMatch(/example|user/);
    expect(worker.cipher.open(row!.canonical_sealed, `url_analyses.canonical_sealed:${row!.item_id}`)).toBe(
      'https://www.example.org/a/b/~user?id=7',
    );
    expect(worker.cipher.open(row!.domain_path_sealed, `url_analyses.domain_path_sealed:${row!.item_id}`)).toBe('example.org/a/b/~user');
    const keys = await sql<{
      value: string;
    }>`select value from report_match_keys where report_id = ${second} and kind = 'canonical_url'`.execute(t.testStore.store.db);
    expect(keys.rows.map((key) => key.value)).toEqual([row!.canonical_index]);
  });

  it('audits the read of the URLs once per job, with counts and never a URL; logs no URL or host', async () => {
    const entries = await auditEntries(t.testStore.store, 'report.read-urls');
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const entry of entries) {
      expect(entry).toMatchObject({ actor_type: 'system', subject_type: 'job' });
      expect(entry.detail).toEqual({ purpose: 'url-analysis', reports: expect.any(Number), urls: expect.any(Number) });
    }
    expect(entries.map((entry) => (entry.detail as { urls: number }).urls).sort()).toEqual(expect.arrayContaining([1, 1, 5]));
    const logged = logLines.join('');
    expect(logged).toMatch(/URLs analysed/);
    expect(logged).not.toMatch(/example\.(org|net)|203\.0\.113|user/);
  });

  it('is idempotent: analysing again rewrites the analyses and adds no key, link or address twice', async () => {
    const store = t.testStore.store;
    const before = {
      analyses: await count(store, 'url_analyses'),
      addresses: await count(store, 'url_analysis_addresses'),
      keys: await count(store, 'report_match_keys'),
      links: await count(store, 'report_links'),
    };
    const rdapRequests = rdap.requests.length;
    expect(await worker.urls.analyseReports([first, second, third], 'rerun-1')).toEqual({ urls: 7, keysAdded: 0 });
    expect({
      analyses: await count(store, 'url_analyses'),
      addresses: await count(store, 'url_analysis_addresses'),
      keys: await count(store, 'report_match_keys'),
      links: await count(store, 'report_links'),
    }).toEqual(before);
    // Found networks came from the cache; what failed (503, 404) was asked again.
    expect(rdap.requests.slice(rdapRequests).sort()).toEqual(['/rdap/ip/198.51.100.20', '/rdap/ip/203.0.113.200']);
  });

  it('goes with its report when the report is deleted at the end of its retention', async () => {
    const store = t.testStore.store;
    const items = await sql<{ item_id: string }>`select item_id from url_analyses where report_id = ${third}`.execute(store.db);
    expect(items.rows).toHaveLength(1);
    await sql`delete from reports where id = ${third}`.execute(store.db);
    expect(await count(store, 'url_analyses', sql`report_id = ${third}`)).toBe(0);
    expect(await count(store, 'url_analysis_addresses', sql`item_id = ${items.rows[0]!.item_id}`)).toBe(0);
  });

  it('answers 404 for an unknown report, and refuses those who may not read reports', async () => {
    expect((await hosting(randomUUID())).statusCode).toBe(404);
    const administrator = await signInAs(t, ['administrator']);
    const refused = await t.vigie.app.inject({ method: 'GET', url: `/api/reports/${first}/hosting`, headers: administrator.headers });
    expect(refused.statusCode).toBe(403);
  });
});
