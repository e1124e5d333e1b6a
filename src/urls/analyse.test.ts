import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsServer } from '../../test/support/dns-server.js';
import { fixtureGeoDir } from '../../test/support/url-analysis.js';
import { analyseUrls, countriesOf } from './analyse.js';
import { createHostResolver } from './dns.js';
import { GeoLocator } from './geo-locator.js';
import { createRdapClient } from './rdap.js';
import { parseBootstrap } from './rdap-bootstrap.js';

let dns: DnsServer;
let scratch: string;
const item = (n: number, url: string) => ({ itemId: `item-${n}`, reportId: 'report-1', url });

beforeAll(async () => {
  dns = await startDnsServer({ 'www.example.org': { A: ['192.0.2.10'], AAAA: ['2001:db8:8000::1'] } });
  scratch = await mkdtemp(path.join(tmpdir(), 'vigie-analyse-'));
});
afterAll(async () => {
  await dns?.close();
  await rm(scratch, { recursive: true, force: true });
});

function tools(geoDir: string) {
  const locator = new GeoLocator({ geoDir });
  return {
    resolve: createHostResolver({ servers: [dns.address], timeoutMs: 2000 }),
    locate: (address: string) => locator.locate(address),
    // Nothing listens there: every query fails at once, as recorded.
    rdap: createRdapClient({
      serviceUrl: 'http://127.0.0.1:1/',
      bootstrap: parseBootstrap({ services: [] }, { services: [] }),
      timeoutMs: 2000,
    }),
  };
}

describe('analysing a list of URLs', () => {
  it('keeps the order of the items, looks each host up once, and records what failed', async () => {
    const results = await analyseUrls(
      [item(1, 'https://www.example.org/a'), item(2, 'ftp://files.example.org/x'), item(3, 'https://WWW.example.org/b?utm_source=x')],
      tools(fixtureGeoDir),
    );
    expect(results.map((result) => result.item.itemId)).toEqual(['item-1', 'item-2', 'item-3']);
    expect(dns.questions.filter((question) => question.endsWith(' www.example.org')).sort()).toEqual([
      'A www.example.org',
      'AAAA www.example.org',
    ]);
    const [first, second, third] = results;
    expect(first!.canonical?.canonical).toBe('https://www.example.org/a');
    expect(first!.addresses.map((address) => [address.address, address.geo.country])).toEqual([
      ['192.0.2.10', 'FR'],
      ['2001:db8:8000::1', 'CA'],
    ]);
    expect(countriesOf(first!)).toEqual(['FR', 'CA']);
    expect(first!.errors).toEqual([
      { stage: 'rdap', code: 'error', address: '192.0.2.10', detail: 'network' },
      { stage: 'rdap', code: 'error', address: '2001:db8:8000::1', detail: 'network' },
    ]);
    expect(second).toMatchObject({ canonical: null, addresses: [], errors: [{ stage: 'url', code: 'unsupported_scheme' }] });
    expect(third!.canonical?.canonical).toBe('https://www.example.org/b');
  });

  it('records a dataset that cannot be read, and still gives the addresses', async () => {
    const broken = path.join(scratch, 'broken');
    await cp(fixtureGeoDir, broken, { recursive: true });
    await appendFile(path.join(broken, 'geo-whois-asn-country@0.0.1-fixture', 'geo-whois-asn-country-ipv4.csv'), 'garbage\n');
    const [result] = await analyseUrls([item(1, 'https://www.example.org/a')], tools(broken));
    expect(result!.addresses.map((address) => address.geo)).toEqual([
      { country: null, asn: null, organisation: null },
      { country: null, asn: null, organisation: null },
    ]);
    expect(result!.errors.filter((error) => error.stage === 'geo')).toEqual([
      { stage: 'geo', code: 'dataset_unavailable', address: '192.0.2.10' },
      { stage: 'geo', code: 'dataset_unavailable', address: '2001:db8:8000::1' },
    ]);
  });
});
