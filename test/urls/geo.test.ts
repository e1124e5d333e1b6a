import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geoFactsOf, GeoFileError, GeoLocator, loadGeoDataset, locateGeoSources, type GeoDataset } from '../../src/urls/index.js';
import { fixtureGeoDir } from '../support/url-analysis.js';

let dataset: GeoDataset;
let scratch: string;

beforeAll(async () => {
  dataset = await loadGeoDataset(fixtureGeoDir);
  scratch = await mkdtemp(path.join(tmpdir(), 'vigie-geo-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the offline dataset, from the fixture in the published format', () => {
  it('places each documentation range in its country and network', () => {
    expect(geoFactsOf(dataset, '192.0.2.10')).toEqual({ country: 'FR', asn: 64496, organisation: 'Exemple Hébergement, SAS' });
    expect(geoFactsOf(dataset, '198.51.100.5')).toEqual({ country: 'DE', asn: 64497, organisation: 'Beispiel Rechenzentrum GmbH' });
    expect(geoFactsOf(dataset, '198.51.100.200')).toEqual({ country: 'NL', asn: null, organisation: null });
    expect(geoFactsOf(dataset, '203.0.113.1')).toEqual({ country: 'JP', asn: 64498, organisation: 'Voorbeeld "Cloud" BV' });
    expect(geoFactsOf(dataset, '2001:db8::10')).toEqual({ country: 'FR', asn: 64499, organisation: 'Example IPv6 Transit' });
    expect(geoFactsOf(dataset, '2001:db8:8000::1')).toEqual({ country: 'CA', asn: 64499, organisation: 'Example IPv6 Transit' });
  });

  it('knows the edges of a range, and nothing outside the ranges', () => {
    expect(geoFactsOf(dataset, '192.0.2.0').country).toBe('FR');
    expect(geoFactsOf(dataset, '192.0.2.255').country).toBe('FR');
    expect(geoFactsOf(dataset, '198.51.100.127').country).toBe('DE');
    expect(geoFactsOf(dataset, '198.51.100.128').country).toBe('NL');
    for (const address of ['192.0.1.255', '192.0.3.0', '2001:db9::1', '2001:db7:ffff::1', 'not an address']) {
      expect(geoFactsOf(dataset, address), address).toEqual({ country: null, asn: null, organisation: null });
    }
  });

  it('looks up an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    expect(geoFactsOf(dataset, '::ffff:198.51.100.5').country).toBe('DE');
  });

  it('says where each part comes from', () => {
    expect(dataset.sources.country).toMatchObject({
      packageName: '@ip-location-db/geo-whois-asn-country',
      version: '0.0.1-fixture',
      origin: 'updated',
    });
    expect(dataset.ranges).toBe(10);
  });

  it('falls back to the packages npm installed when the geo directory holds no dataset', async () => {
    const sources = await locateGeoSources(path.join(scratch, 'empty'));
    expect(sources.country).toMatchObject({ packageName: '@ip-location-db/geo-whois-asn-country', origin: 'installed' });
    expect(sources.network).toMatchObject({ packageName: '@ip-location-db/asn', origin: 'installed' });
    expect(sources.network?.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('names the file and line of a broken file', async () => {
    const broken = path.join(scratch, 'broken');
    await cp(fixtureGeoDir, broken, { recursive: true });
    await appendFile(path.join(broken, 'asn@0.0.1-fixture', 'asn-ipv4.csv'), '203.0.113.200,203.0.113.100,64500,Reversed\n');
    await expect(loadGeoDataset(broken)).rejects.toThrow(GeoFileError);
    await expect(loadGeoDataset(broken)).rejects.toThrow(/asn-ipv4\.csv, line 4/);
    await writeFile(path.join(broken, 'asn@0.0.1-fixture', 'asn-ipv4.csv'), '192.0.2.0,192.0.2.255,AS64496,Example\n');
    await expect(loadGeoDataset(broken)).rejects.toThrow(/line 1: not an AS number/);
  });
});

describe('the dataset held by a worker', () => {
  it('is loaded at the first lookup, and again when a new version is installed', async () => {
    const dir = path.join(scratch, 'live');
    await cp(fixtureGeoDir, dir, { recursive: true });
    const locator = new GeoLocator({ geoDir: dir, recheckMilliseconds: 0 });
    expect(await locator.locate('192.0.2.10')).toMatchObject({ country: 'FR' });
    // A new version: another folder, then the manifest names it (as `vigie geo update` does).
    await cp(path.join(dir, 'geo-whois-asn-country@0.0.1-fixture'), path.join(dir, 'geo-whois-asn-country@0.0.2-fixture'), {
      recursive: true,
    });
    const v4 = path.join(dir, 'geo-whois-asn-country@0.0.2-fixture', 'geo-whois-asn-country-ipv4.csv');
    await writeFile(v4, (await readFile(v4, 'utf8')).replace('192.0.2.255,FR', '192.0.2.255,BE'));
    const manifest = JSON.parse(await readFile(path.join(dir, 'current.json'), 'utf8'));
    manifest.country = { ...manifest.country, version: '0.0.2-fixture', directory: 'geo-whois-asn-country@0.0.2-fixture' };
    await writeFile(path.join(dir, 'current.json'), JSON.stringify(manifest));
    expect(await locator.locate('192.0.2.10')).toMatchObject({ country: 'BE', asn: 64496 });
  });

  it('keeps answering from the loaded version when the new one cannot be read', async () => {
    const dir = path.join(scratch, 'kept');
    await cp(fixtureGeoDir, dir, { recursive: true });
    const locator = new GeoLocator({ geoDir: dir, recheckMilliseconds: 0 });
    expect(await locator.locate('203.0.113.1')).toMatchObject({ country: 'JP' });
    const manifest = JSON.parse(await readFile(path.join(dir, 'current.json'), 'utf8'));
    manifest.country = { ...manifest.country, version: '9.9.9', directory: 'geo-whois-asn-country@9.9.9' };
    await writeFile(path.join(dir, 'current.json'), JSON.stringify(manifest));
    expect(await locator.locate('203.0.113.1')).toMatchObject({ country: 'JP' });
  });
});
