import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import {
  geoRoles,
  geoSources,
  readCountryTables,
  readNetworkTables,
  type GeoRole,
  type NetworkFacts,
  type RangeTables,
} from './geo-files.js';
import { mappedIPv4, parseIPv4, parseIPv6 } from './ip-address.js';

/**
 * Where each part of the dataset is: the version `vigie geo update` installed in the geo
 * directory (named by its `current.json`), otherwise the package npm installed with Vigie.
 */

const Installed = Type.Object({
  packageName: Type.String(),
  version: Type.String({ minLength: 1, maxLength: 100 }),
  /** A folder of the geo directory, `<base>@<version>`. */
  directory: Type.String({ pattern: '^[a-z0-9-]+@[0-9A-Za-z.+-]+$' }),
  integrity: Type.String(),
  installedAt: Type.String(),
});
export const GeoManifest = Type.Object({ country: Type.Optional(Installed), network: Type.Optional(Installed) });
export type GeoManifest = Static<typeof GeoManifest>;

export const manifestFile = 'current.json';

export interface GeoSourceLocation {
  packageName: string;
  version: string;
  directory: string;
  origin: 'updated' | 'installed';
}

export async function readManifest(geoDir: string): Promise<GeoManifest> {
  let text: string;
  try {
    text = await readFile(path.join(geoDir, manifestFile), 'utf8');
  } catch {
    return {};
  }
  const manifest: unknown = JSON.parse(text);
  if (!Value.Check(GeoManifest, manifest)) throw new Error(`${path.join(geoDir, manifestFile)} is not a geo dataset manifest`);
  return manifest;
}

const require = createRequire(import.meta.url);

async function installedPackage(role: GeoRole): Promise<GeoSourceLocation | null> {
  const { packageName } = geoSources[role];
  try {
    const file = require.resolve(`${packageName}/package.json`);
    const { version } = JSON.parse(await readFile(file, 'utf8')) as { version: string };
    return { packageName, version, directory: path.dirname(file), origin: 'installed' };
  } catch {
    return null;
  }
}

export async function locateGeoSources(geoDir: string): Promise<Record<GeoRole, GeoSourceLocation | null>> {
  const manifest = await readManifest(geoDir);
  const located = {} as Record<GeoRole, GeoSourceLocation | null>;
  for (const role of geoRoles) {
    const entry = manifest[role];
    located[role] = entry
      ? { packageName: entry.packageName, version: entry.version, directory: path.join(geoDir, entry.directory), origin: 'updated' }
      : await installedPackage(role);
  }
  return located;
}

/** What the dataset says of one address; null where it has no range for it. */
export interface GeoFacts {
  country: string | null;
  asn: number | null;
  organisation: string | null;
}

export interface GeoDataset {
  country: RangeTables<string> | null;
  network: RangeTables<NetworkFacts> | null;
  sources: Record<GeoRole, GeoSourceLocation | null>;
  /** Ranges in all, bytes of the range tables, and how long loading took. */
  ranges: number;
  bytes: number;
  loadMilliseconds: number;
}

const sizeOf = (tables: RangeTables<unknown> | null) => (tables ? tables.v4.size + tables.v6.size : 0);
const bytesOf = (tables: RangeTables<unknown> | null) => (tables ? tables.v4.bytes + tables.v6.bytes : 0);

/** Loads both parts; a part that cannot be found is null (its facts stay unknown). */
export async function loadGeoDataset(geoDir: string): Promise<GeoDataset> {
  const started = performance.now();
  const sources = await locateGeoSources(geoDir);
  const [country, network] = await Promise.all([
    sources.country ? readCountryTables(sources.country.directory) : null,
    sources.network ? readNetworkTables(sources.network.directory) : null,
  ]);
  return {
    country,
    network,
    sources,
    ranges: sizeOf(country) + sizeOf(network),
    bytes: bytesOf(country) + bytesOf(network),
    loadMilliseconds: performance.now() - started,
  };
}

function lookupIn<T>(tables: RangeTables<T> | null, address: string): T | null {
  if (!tables) return null;
  const v4 = parseIPv4(address);
  if (v4 !== null) return tables.v4.lookup(v4);
  const v6 = parseIPv6(address);
  if (v6 === null) return null;
  const mapped = mappedIPv4(v6);
  return mapped !== null ? tables.v4.lookup(mapped) : tables.v6.lookup(v6);
}

export function geoFactsOf(dataset: GeoDataset, address: string): GeoFacts {
  const network = lookupIn(dataset.network, address);
  return { country: lookupIn(dataset.country, address), asn: network?.asn ?? null, organisation: network?.organisation ?? null };
}
