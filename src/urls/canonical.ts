import { isIP } from 'node:net';
import { getDomain } from 'tldts';
import { decodeQueryName, normaliseEscapes } from './percent-encoding.js';
import { isTrackingParameter } from './tracking-parameters.js';

/** A reported URL in the form two reports must share to be linked, with what it is made of. */
export interface CanonicalUrl {
  /** The URL as reported. */
  original: string;
  /** The canonical form (see canonicalise). */
  canonical: string;
  /** The host, lower case, IDN in punycode (A-labels), no trailing dot; an IPv6 literal without brackets. */
  host: string;
  /** Whether the host is an IP address literal. */
  hostIsIp: boolean;
  /** The registrable domain (eTLD+1) by the public-suffix list, private suffixes included; the host itself when it has none. */
  registrableDomain: string;
  /** The registrable domain followed by the canonical path (no scheme, subdomain, port, query). */
  domainPath: string;
}

export class CanonicalUrlError extends Error {
  constructor(readonly code: 'invalid_url' | 'unsupported_scheme') {
    super(code === 'invalid_url' ? 'Not a valid URL' : 'Only http and https URLs are analysed');
    this.name = 'CanonicalUrlError';
  }
}

function canonicalQuery(search: string): string {
  if (search.length <= 1) return '';
  const kept = search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '')
    .map(normaliseEscapes)
    .map((pair) => ({ pair, name: pair.split('=', 1)[0]! }))
    .filter(({ name }) => !isTrackingParameter(decodeQueryName(name)));
  // Stable: parameters of the same name keep their order, which may matter to the site.
  kept.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return kept.length === 0 ? '' : `?${kept.map(({ pair }) => pair).join('&')}`;
}

/** The registrable domain of a canonical host: private suffixes count (alice.github.io is its own site). */
export function registrableDomainOf(host: string): string {
  if (isIP(host) !== 0) return host;
  return getDomain(host, { allowPrivateDomains: true, extractHostname: false }) ?? host;
}

function parseWebUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new CanonicalUrlError('invalid_url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CanonicalUrlError('unsupported_scheme');
  if (url.hostname === '') throw new CanonicalUrlError('invalid_url');
  return url;
}

/**
 * The canonical form of a web URL:
 * - parsed as browsers do (WHATWG URL): scheme and host lower case, IDN to punycode, IPv4
 *   written in dotted decimal and IPv6 compressed, the default port dropped, `.` and `..`
 *   path segments resolved, an empty path made `/`;
 * - the host's trailing dot dropped (`example.org.` is `example.org`);
 * - user name and password dropped, fragment dropped;
 * - percent-encoding normalised where safe (percent-encoding.ts), in the path and the query;
 * - tracking parameters dropped (tracking-parameters.ts), empty parameters dropped, the
 *   others sorted by name (stably), an empty query dropped.
 * Idempotent: the canonical form of a canonical form is itself.
 * Throws CanonicalUrlError for what is not an http(s) URL.
 */
export function canonicalise(original: string): CanonicalUrl {
  const url = parseWebUrl(original);
  const hostIsIp = url.hostname.startsWith('[') || isIP(url.hostname) !== 0;
  const hostname = hostIsIp ? url.hostname : url.hostname.replace(/\.+$/, '');
  if (hostname === '') throw new CanonicalUrlError('invalid_url');
  const host = hostIsIp ? hostname.replace(/^\[|\]$/g, '') : hostname;
  const port = url.port === '' ? '' : `:${url.port}`;
  const path = normaliseEscapes(url.pathname);
  const canonical = `${url.protocol}//${hostname}${port}${path}${canonicalQuery(url.search)}`;
  const registrableDomain = registrableDomainOf(host);
  return { original, canonical, host, hostIsIp, registrableDomain, domainPath: `${registrableDomain}${path}` };
}
