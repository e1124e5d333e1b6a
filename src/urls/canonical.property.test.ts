import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalise } from './canonical.js';
import { trackingParameterNames } from './tracking-parameters.js';

/** Web URLs of every shape fast-check knows: IDN and IP hosts, ports, paths, queries, fragments. */
const webUrls = fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true, size: 'medium' });

/** An unreserved character of the path written escaped instead: the canonical form must not change. */
function escapeOneUnreserved(url: string, seed: number): string {
  const parsed = new URL(url);
  const path = parsed.pathname;
  const positions = [...path].flatMap((ch, i) => (/[A-Za-z0-9\-_~]/.test(ch) ? [i] : []));
  if (positions.length === 0) return url;
  const at = positions[seed % positions.length]!;
  const escaped = `${path.slice(0, at)}%${path.charCodeAt(at).toString(16)}${path.slice(at + 1)}`;
  return `${parsed.protocol}//${parsed.host}${escaped}${parsed.search}${parsed.hash}`;
}

describe('canonical form, properties', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(webUrls, (url) => {
        const once = canonicalise(url);
        const twice = canonicalise(once.canonical);
        expect(twice.canonical).toBe(once.canonical);
        expect(twice.domainPath).toBe(once.domainPath);
      }),
      { numRuns: 2000 },
    );
  });

  it('is a URL of the same host, without fragment, credentials or tracking parameters', () => {
    fc.assert(
      fc.property(webUrls, (url) => {
        const result = canonicalise(url);
        const parsed = new URL(result.canonical);
        expect(parsed.hash).toBe('');
        expect(parsed.username + parsed.password).toBe('');
        expect(parsed.hostname.replace(/^\[|\]$/g, '')).toBe(result.host);
        expect(result.domainPath.startsWith(result.registrableDomain)).toBe(true);
        expect(result.host === result.registrableDomain || result.host.endsWith(`.${result.registrableDomain}`)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('does not change when the URL is written differently: case of scheme and host, default port, fragment, tracking, escapes', () => {
    fc.assert(
      fc.property(
        webUrls,
        fc.constantFrom(...trackingParameterNames, 'utm_source', 'utm_campaign'),
        fc.string({ unit: fc.constantFrom('a', 'b', '1', '-') }),
        fc.nat(),
        (url, tracker, value, seed) => {
          const base = canonicalise(url);
          const parsed = new URL(base.canonical);
          const defaultPort = parsed.protocol === 'https:' ? 443 : 80;
          const withPort = parsed.port === '' ? `${parsed.hostname}:${defaultPort}` : parsed.host;
          const separator = parsed.search === '' ? '?' : '&';
          const rewritten = `${parsed.protocol.toUpperCase()}//${withPort.toUpperCase()}${parsed.pathname}${parsed.search}${separator}${tracker}=${value}#frag`;
          expect(canonicalise(rewritten).canonical).toBe(base.canonical);
          expect(canonicalise(escapeOneUnreserved(base.canonical, seed)).canonical).toBe(base.canonical);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('does not depend on the order of parameters of different names', () => {
    const parameter = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), fc.stringMatching(/^[A-Za-z0-9%+.-]{0,6}$/));
    fc.assert(
      fc.property(fc.uniqueArray(parameter, { selector: ([name]) => name, maxLength: 6 }), fc.nat(), (parameters, seed) => {
        const query = (list: typeof parameters) => list.map(([name, value]) => `${name}=${value}`).join('&');
        const shuffled = [...parameters].sort((a, b) => ((a[0].charCodeAt(0) * 31 + seed) % 7) - ((b[0].charCodeAt(0) * 31 + seed) % 7));
        const reversed = [...parameters].reverse();
        const base = canonicalise(`https://example.org/p?${query(parameters)}`).canonical;
        expect(canonicalise(`https://example.org/p?${query(shuffled)}`).canonical).toBe(base);
        expect(canonicalise(`https://example.org/p?${query(reversed)}`).canonical).toBe(base);
      }),
      { numRuns: 500 },
    );
  });

  it('shares the domain + path between subdomains of one registrable domain', () => {
    fc.assert(
      fc.property(webUrls, fc.constantFrom('www', 'cdn', 'm', 'img1'), (url, label) => {
        const base = canonicalise(url);
        if (base.hostIsIp || base.host !== base.registrableDomain) return;
        const parsed = new URL(base.canonical);
        const other = canonicalise(`${parsed.protocol}//${label}.${parsed.host}${parsed.pathname}`);
        if (other.registrableDomain !== base.registrableDomain) return; // the host was itself a suffix
        expect(other.domainPath).toBe(base.domainPath);
      }),
      { numRuns: 1000 },
    );
  });
});
