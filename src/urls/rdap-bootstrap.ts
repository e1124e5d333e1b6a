import { readFile } from 'node:fs/promises';
import { isIPv4 } from 'node:net';
import { parseIPv4, parseIPv6 } from './ip-address.js';

/**
 * The IANA RDAP bootstrap registries for IP addresses (RFC 9224): which registry's RDAP
 * service answers for which prefix. Shipped as data (`rdap-bootstrap/ipv4.json`, `ipv6.json`,
 * as IANA publishes them at data.iana.org/rdap/); the regional registries redirect a query
 * for space they do not hold to the one that does, so an entry that moved since is still
 * answered. `VIGIE_RDAP_URL` replaces the bootstrap with one service.
 */

interface Prefix {
  words: Uint32Array;
  bits: number;
  urls: string[];
}

export interface RdapBootstrap {
  publication: { ipv4: string | null; ipv6: string | null };
  ipv4: Prefix[];
  ipv6: Prefix[];
}

function parsePrefix(text: string, family: 4 | 6): { words: Uint32Array; bits: number } | null {
  const [address = '', length] = text.split('/');
  const bits = Number(length ?? (family === 4 ? 32 : 128));
  if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) return null;
  if (family === 4) {
    const value = parseIPv4(address);
    return value === null ? null : { words: Uint32Array.of(0, 0, 0xffff, value), bits: bits + 96 };
  }
  const words = parseIPv6(address);
  return words === null ? null : { words, bits };
}

function servicesOf(document: unknown, family: 4 | 6): Prefix[] {
  const services = (document as { services?: unknown } | null)?.services;
  if (!Array.isArray(services)) throw new Error('An RDAP bootstrap document has a list of services');
  const prefixes: Prefix[] = [];
  for (const service of services) {
    if (!Array.isArray(service) || !Array.isArray(service[0]) || !Array.isArray(service[1])) continue;
    const urls = (service[1] as unknown[]).filter((url): url is string => typeof url === 'string' && /^https?:\/\//.test(url));
    // HTTPS first: registration data is not fetched in clear when it need not be.
    urls.sort((a, b) => Number(b.startsWith('https:')) - Number(a.startsWith('https:')));
    for (const text of service[0] as unknown[]) {
      const prefix = typeof text === 'string' ? parsePrefix(text, family) : null;
      if (prefix && urls.length > 0) prefixes.push({ ...prefix, urls });
    }
  }
  return prefixes.sort((a, b) => b.bits - a.bits);
}

export function parseBootstrap(ipv4: unknown, ipv6: unknown): RdapBootstrap {
  const publication = (document: unknown) => {
    const value = (document as { publication?: unknown } | null)?.publication;
    return typeof value === 'string' ? value : null;
  };
  return { publication: { ipv4: publication(ipv4), ipv6: publication(ipv6) }, ipv4: servicesOf(ipv4, 4), ipv6: servicesOf(ipv6, 6) };
}

export async function loadShippedBootstrap(): Promise<RdapBootstrap> {
  const read = async (name: string) => JSON.parse(await readFile(new URL(`./rdap-bootstrap/${name}`, import.meta.url), 'utf8')) as unknown;
  return parseBootstrap(await read('ipv4.json'), await read('ipv6.json'));
}

function inPrefix(words: Uint32Array, prefix: Prefix): boolean {
  let bits = prefix.bits;
  for (let word = 0; word < 4 && bits > 0; word += 1, bits -= 32) {
    const mask = bits >= 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0;
    if ((words[word]! & mask) >>> 0 !== (prefix.words[word]! & mask) >>> 0) return false;
  }
  return true;
}

/** The RDAP service for an address by the longest matching prefix, HTTPS preferred; null if none. */
export function rdapServiceFor(bootstrap: RdapBootstrap, address: string): string | null {
  const v4 = isIPv4(address) ? parseIPv4(address) : null;
  const words = v4 !== null ? Uint32Array.of(0, 0, 0xffff, v4) : parseIPv6(address);
  if (!words) return null;
  const table = v4 !== null ? bootstrap.ipv4 : bootstrap.ipv6;
  return table.find((prefix) => inPrefix(words, prefix))?.urls[0] ?? null;
}
