import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geoFactsOf, GeoFileError, GeoLocator, loadGeoDataset, RegistryError, updateGeoDataset } from '../../src/urls/index.js';
import { runCli } from '../support/cli.js';
import { packFolder, sha512Integrity, startNpmRegistry, type NpmRegistry } from './support/npm-registry.js';
import { fixtureGeoDir } from '../support/url-analysis.js';

/**
 * `vigie geo update` against an npm registry on loopback: tests never reach the public
 * registry. The packages are the fixture's files in the published layout.
 */
let registry: NpmRegistry;
let work: string;
let geoDir: string;
const country = '@ip-location-db/geo-whois-asn-country';
const network = '@ip-location-db/asn';

/** A package folder: the fixture's files, a licence, package.json, and a file the update must leave out. */
async function packageFolder(name: string, version: string, from: string, edit?: (file: string, text: string) => string): Promise<string> {
  const folder = path.join(work, `${name.replace('/', '+')}-${version}`);
  await cp(from, folder, { recursive: true });
  for (const file of await readdir(folder)) {
    if (edit) await writeFile(path.join(folder, file), edit(file, await readFile(path.join(folder, file), 'utf8')));
  }
  await writeFile(path.join(folder, 'package.json'), JSON.stringify({ name, version, license: 'CC0-1.0' }));
  await writeFile(path.join(folder, 'LICENSE'), 'Fixture data, invented.\n');
  await writeFile(path.join(folder, 'unrelated-ipv4-num.csv'), '1,2,XX\n');
  return folder;
}

async function publish(name: string, version: string, options: { edit?: (file: string, text: string) => string; integrity?: string } = {}) {
  const from = path.join(fixtureGeoDir, name === country ? 'geo-whois-asn-country@0.0.1-fixture' : 'asn@0.0.1-fixture');
  const tarball = await packFolder(await packageFolder(name, version, from, options.edit));
  registry.publish({ name, version, tarball, ...(options.integrity ? { integrity: options.integrity } : {}) });
}

const manifest = async () => JSON.parse(await readFile(path.join(geoDir, 'current.json'), 'utf8'));
const tarballRequests = () => registry.requests.filter((url) => url.startsWith('/tarballs/')).length;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'vigie-geo-update-'));
  geoDir = path.join(work, 'geo');
  registry = await startNpmRegistry();
  await publish(country, '9.0.0');
  await publish(network, '9.0.0');
});
afterAll(async () => {
  await registry?.close();
  await rm(work, { recursive: true, force: true });
});

describe('vigie geo update, against a registry on loopback', () => {
  it('installs the newest versions, verified, into the geo directory, and switches to them', async () => {
    const outcomes = await updateGeoDataset({ geoDir, registry: registry.url });
    expect(outcomes.map((o) => [o.role, o.to, o.status])).toEqual([
      ['country', '9.0.0', 'installed'],
      ['network', '9.0.0', 'installed'],
    ]);
    // Before the update, the packages npm installed with Vigie were in use.
    expect(outcomes[0]!.from).toMatch(/^\d+\.\d+\.\d+/);
    expect(await manifest()).toMatchObject({
      country: {
        packageName: country,
        version: '9.0.0',
        directory: 'geo-whois-asn-country@9.0.0',
        integrity: expect.stringMatching(/^sha512-/),
      },
      network: { packageName: network, version: '9.0.0', directory: 'asn@9.0.0' },
    });
    expect((await readdir(path.join(geoDir, 'asn@9.0.0'))).sort()).toEqual(['LICENSE', 'asn-ipv4.csv', 'asn-ipv6.csv', 'package.json']);
    const dataset = await loadGeoDataset(geoDir);
    expect(geoFactsOf(dataset, '192.0.2.10')).toEqual({ country: 'FR', asn: 64496, organisation: 'Exemple Hébergement, SAS' });
  });

  it('downloads nothing when the registry has nothing newer', async () => {
    const before = tarballRequests();
    const outcomes = await updateGeoDataset({ geoDir, registry: registry.url });
    expect(outcomes.map((o) => o.status)).toEqual(['current', 'current']);
    expect(tarballRequests()).toBe(before);
  });

  it('installs a newer version of one part, removes the old folder, and a running worker switches to it', async () => {
    const locator = new GeoLocator({ geoDir, recheckMilliseconds: 0 });
    expect(await locator.locate('192.0.2.10')).toMatchObject({ country: 'FR' });
    await publish(country, '9.0.1', {
      edit: (file, text) => (file.endsWith('-ipv4.csv') ? text.replace('192.0.2.255,FR', '192.0.2.255,BE') : text),
    });
    const outcomes = await updateGeoDataset({ geoDir, registry: registry.url });
    expect(outcomes.map((o) => o.status)).toEqual(['installed', 'current']);
    expect((await manifest()).country.version).toBe('9.0.1');
    expect((await readdir(geoDir)).sort()).toEqual(['asn@9.0.0', 'current.json', 'geo-whois-asn-country@9.0.1']);
    expect(await locator.locate('192.0.2.10')).toMatchObject({ country: 'BE', asn: 64496 });
  });

  it('refuses a tarball that does not match the integrity hash, and changes nothing', async () => {
    await publish(country, '9.0.2', { integrity: sha512Integrity(Buffer.from('something else')) });
    await expect(updateGeoDataset({ geoDir, registry: registry.url })).rejects.toThrow(RegistryError);
    await expect(updateGeoDataset({ geoDir, registry: registry.url })).rejects.toThrow(/integrity/);
    expect((await manifest()).country.version).toBe('9.0.1');
    expect((await readdir(geoDir)).sort()).toEqual(['asn@9.0.0', 'current.json', 'geo-whois-asn-country@9.0.1']);
  });

  it('refuses a package whose files do not read as a dataset, and changes nothing', async () => {
    await publish(country, '9.0.3', { edit: (file, text) => (file.endsWith('-ipv4.csv') ? `${text}not,an,address\n` : text) });
    await expect(updateGeoDataset({ geoDir, registry: registry.url })).rejects.toThrow(GeoFileError);
    expect((await manifest()).country.version).toBe('9.0.1');
    expect((await readdir(geoDir)).sort()).toEqual(['asn@9.0.0', 'current.json', 'geo-whois-asn-country@9.0.1']);
  });

  it('refuses a sha1-only integrity and an unreachable registry', async () => {
    await publish(country, '9.0.4', { integrity: 'sha1-AAAAAAAAAAAAAAAAAAAAAAAAAAA=' });
    await expect(updateGeoDataset({ geoDir, registry: registry.url })).rejects.toThrow(/integrity/);
    await expect(updateGeoDataset({ geoDir, registry: 'http://127.0.0.1:1', timeoutMs: 2000 })).rejects.toThrow(/could not be reached/);
  });

  it('runs as `vigie geo update`: exit code 0 and what changed, or 1 and why nothing did', async () => {
    const env = { VIGIE_DATA_DIR: path.join(work, 'data'), VIGIE_GEO_DIR: path.join(work, 'cli-geo'), VIGIE_LOG_LEVEL: 'silent' };
    await publish(country, '9.0.5');
    const ok = await runCli(['geo', 'update', '--registry', registry.url], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/country\t@ip-location-db\/geo-whois-asn-country\t.* → 9\.0\.5/);
    const status = await runCli(['geo', 'status'], env);
    expect(status.stdout).toMatch(/country\t@ip-location-db\/geo-whois-asn-country@9\.0\.5\tupdated/);
    expect(status.stdout).toMatch(/ranges\t10\n/);
    await publish(network, '9.0.6', { integrity: sha512Integrity(Buffer.from('tampered')) });
    const refused = await runCli(['geo', 'update'], { ...env, VIGIE_GEO_REGISTRY: registry.url });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not updated: .*integrity/);
  }, 60_000);
});
