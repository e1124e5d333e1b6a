import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { csvRows } from './csv-lines.js';
import { parseIPv4, parseIPv6Into } from './ip-address.js';
import { IPv4RangeBuilder, IPv6RangeBuilder, type IPv4RangeTable, type IPv6RangeTable } from './range-table.js';

/**
 * The offline dataset: two packages of the ip-location-db family, as published on npm.
 * Each holds `<base>-ipv4.csv` and `<base>-ipv6.csv`, one inclusive range a line, sorted:
 * `first,last,country` (country) or `first,last,as number,as organisation` (network).
 */
export const geoSources = {
  country: {
    packageName: '@ip-location-db/geo-whois-asn-country',
    base: 'geo-whois-asn-country',
    licence: 'CC0-1.0',
  },
  network: {
    packageName: '@ip-location-db/asn',
    base: 'asn',
    licence: 'CC BY 4.0: RouteViews (routeviews.org), DB-IP (db-ip.com), NRO',
  },
} as const;
export type GeoRole = keyof typeof geoSources;
export const geoRoles = Object.keys(geoSources) as GeoRole[];

export interface NetworkFacts {
  asn: number;
  organisation: string | null;
}

export interface RangeTables<T> {
  v4: IPv4RangeTable<T>;
  v6: IPv6RangeTable<T>;
}

export class GeoFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${path.basename(file)}, line ${line}: ${message}`);
    this.name = 'GeoFileError';
  }
}

export const csvFilesOf = (role: GeoRole) => [`${geoSources[role].base}-ipv4.csv`, `${geoSources[role].base}-ipv6.csv`] as const;

type ValueOf<T> = (fields: string[]) => { key: string; make: () => T } | string;

/**
 * A copy of a string that does not hold on to the text it was cut from: V8 keeps a whole
 * file's text alive for the sake of one slice of it (67 MiB more held with the AS files).
 */
const detached = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

const countryValue: ValueOf<string> = (fields) => {
  const code = fields[2]?.trim() ?? '';
  if (!/^[A-Z]{2}$/.test(code)) return `not a country code: ${JSON.stringify(code)}`;
  return { key: code, make: () => detached(code) };
};

const networkValue: ValueOf<NetworkFacts> = (fields) => {
  const asn = Number(fields[2]);
  if (!Number.isInteger(asn) || asn < 0 || asn > 0xffffffff) return `not an AS number: ${JSON.stringify(fields[2])}`;
  const organisation = fields[3]?.trim() || null;
  return {
    key: `${asn}\n${organisation ?? ''}`,
    make: () => ({ asn, organisation: organisation === null ? null : detached(organisation) }),
  };
};

async function readTables<T>(directory: string, role: GeoRole, valueOf: ValueOf<T>): Promise<RangeTables<T>> {
  const [v4File, v6File] = csvFilesOf(role).map((name) => path.join(directory, name));
  const v4 = new IPv4RangeBuilder<T>();
  let line = 0;
  for (const fields of csvRows(await readFile(v4File!, 'utf8'))) {
    line += 1;
    const [first, last] = [parseIPv4(fields[0] ?? ''), parseIPv4(fields[1] ?? '')];
    const value = valueOf(fields);
    if (first === null || last === null) throw new GeoFileError(v4File!, line, 'not an IPv4 range');
    if (typeof value === 'string') throw new GeoFileError(v4File!, line, value);
    rangeError(v4File!, line, () => v4.add(first, last, value.key, value.make));
  }
  const v6 = new IPv6RangeBuilder<T>();
  const first = new Uint32Array(4);
  const last = new Uint32Array(4);
  line = 0;
  for (const fields of csvRows(await readFile(v6File!, 'utf8'))) {
    line += 1;
    const value = valueOf(fields);
    if (!parseIPv6Into(fields[0] ?? '', first, 0) || !parseIPv6Into(fields[1] ?? '', last, 0)) {
      throw new GeoFileError(v6File!, line, 'not an IPv6 range');
    }
    if (typeof value === 'string') throw new GeoFileError(v6File!, line, value);
    rangeError(v6File!, line, () => v6.add(first, last, value.key, value.make));
  }
  return { v4: v4.build(), v6: v6.build() };
}

function rangeError(file: string, line: number, add: () => void): void {
  try {
    add();
  } catch (error) {
    throw new GeoFileError(file, line, error instanceof Error ? error.message : String(error));
  }
}

export const readCountryTables = (directory: string) => readTables(directory, 'country', countryValue);
export const readNetworkTables = (directory: string) => readTables(directory, 'network', networkValue);
