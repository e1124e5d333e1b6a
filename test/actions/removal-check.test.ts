import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRemoval, parseAllowList, removalCheckUserAgent, type RemovalCheckOptions } from '../../src/actions/index.js';
import { startDnsServer, type DnsServer } from '../support/dns-server.js';
import { makeTestCertificate } from '../support/tls-certificate.js';
import { answer, drip, huge, patternBytes, redirect, silent, startHostServer, type HostServer } from './support/host-server.js';

const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');
const page = '<html><body>Synthetic page of an invented host</body></html>';

let dns: DnsServer;
let host: HostServer;
let internal: HostServer;
let secure: HostServer;
let mute: Server;
let mutePort: number;
let closedPort: number;
let certificate: { cert: string; key: string };

const options = (overrides: Partial<RemovalCheckOptions> = {}): RemovalCheckOptions => ({
  allow: parseAllowList('127.0.0.1/32'),
  dnsServers: [dns.address],
  dnsTimeoutMs: 2000,
  connectTimeoutMs: 2000,
  timeoutMs: 5000,
  maxBytes: 64 * 1024,
  maxRedirects: 3,
  userAgent: removalCheckUserAgent,
  ...overrides,
});

beforeAll(async () => {
  certificate = makeTestCertificate(['secure.example.org']);
  internal = await startHostServer({ '/secret': answer(200, 'internal service') }, { address: '127.0.0.2' });
  host = await startHostServer({
    '/ok': answer(200, page, { 'set-cookie': 'session=abc' }),
    '/not-found': answer(404),
    '/gone': answer(410),
    '/legal': answer(451),
    '/forbidden': answer(403),
    '/broken': answer(500),
    '/r1': redirect('/r2', 301, { 'set-cookie': 'tracking=1' }),
    '/r2': (request, response) => redirect(`http://127.0.0.1:${host.port}/ok`, 307)(request, response),
    '/loop': redirect('/loop'),
    '/to-internal': (request, response) => redirect(`http://127.0.0.2:${internal.port}/secret`)(request, response),
    '/to-metadata': redirect('http://169.254.169.254/latest/meta-data/'),
    '/to-metadata-name': redirect('http://metadata.example.net/latest/meta-data/'),
    '/to-ftp': redirect('ftp://127.0.0.1/file'),
    '/drip': drip(50),
    '/silent': silent,
    '/huge': huge(8 * 1024 * 1024),
  });
  secure = await startHostServer({ '/ok': answer(200, page) }, { tls: certificate });
  dns = await startDnsServer({
    'www.example.org': { A: ['127.0.0.1'] },
    'secure.example.org': { A: ['127.0.0.1'] },
    'other.example.org': { A: ['127.0.0.1'] },
    'empty.example.org': {},
    'broken.example.org': 'servfail',
    'loopback.example.net': { A: ['127.0.0.1'] },
    'ten.example.net': { A: ['10.1.2.3'] },
    'home.example.net': { A: ['192.168.0.10'] },
    'metadata.example.net': { A: ['169.254.169.254'] },
    'six.example.net': { AAAA: ['::1'] },
    'mapped.example.net': { AAAA: ['::ffff:169.254.169.254'] },
    'mixed.example.net': { A: ['127.0.0.1', '10.0.0.1'] },
  });
  // Takes connections and reads them, never answers: a TLS handshake that never completes.
  mute = createServer((socket) => socket.resume());
  await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
  mutePort = (mute.address() as AddressInfo).port;
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => {
  await Promise.all([host?.close(), internal?.close(), secure?.close(), dns?.close()]);
  await new Promise<void>((resolve) => (mute ? mute.close(() => resolve()) : resolve()));
});

const at = (path: string) => `http://127.0.0.1:${host.port}${path}`;

describe('the removal check against a loopback host, loopback allowed', () => {
  it('finds content online, and keeps only its status, host, size and hash', async () => {
    const check = await checkRemoval(at('/ok'), options());
    expect(check).toMatchObject({
      outcome: 'online',
      reason: 'content_served',
      status: 200,
      finalHost: '127.0.0.1',
      redirects: 0,
      bytesRead: Buffer.byteLength(page),
      bodyEnd: 'complete',
      sha256: sha256(page),
    });
    expect(Object.keys(check).sort()).toEqual(
      ['outcome', 'reason', 'status', 'finalHost', 'redirects', 'bytesRead', 'bodyEnd', 'sha256', 'checkedAt', 'timings'].sort(),
    );
    expect(JSON.stringify(check)).not.toContain('Synthetic page');
  });

  it('says who it is, asks for no compression, and sends no cookie or credentials', async () => {
    const before = host.requests.length;
    await checkRemoval(`http://someone:secret@127.0.0.1:${host.port}/ok?x=1#part`, options());
    const seen = host.requests.slice(before);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.path).toBe('/ok?x=1');
    expect(seen[0]!.headers).toMatchObject({
      'user-agent': removalCheckUserAgent,
      'accept-encoding': 'identity',
      host: `127.0.0.1:${host.port}`,
    });
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(seen[0]!.headers.cookie).toBeUndefined();
  });

  it('counts 404, 410 and 451 as removed, and other statuses as errors that say nothing of removal', async () => {
    expect(await checkRemoval(at('/not-found'), options())).toMatchObject({ outcome: 'removed', reason: 'not_found', status: 404 });
    expect(await checkRemoval(at('/gone'), options())).toMatchObject({ outcome: 'removed', reason: 'gone', status: 410 });
    expect(await checkRemoval(at('/legal'), options())).toMatchObject({
      outcome: 'removed',
      reason: 'unavailable_for_legal_reasons',
      status: 451,
    });
    expect(await checkRemoval(at('/forbidden'), options())).toMatchObject({ outcome: 'error', reason: 'http_status', status: 403 });
    expect(await checkRemoval(at('/broken'), options())).toMatchObject({ outcome: 'error', reason: 'http_status', status: 500 });
  });

  it('follows redirects one by one, relative or absolute, without carrying cookies', async () => {
    const before = host.requests.length;
    expect(await checkRemoval(at('/r1'), options())).toMatchObject({ outcome: 'online', status: 200, redirects: 2, sha256: sha256(page) });
    const seen = host.requests.slice(before);
    expect(seen.map((request) => request.path)).toEqual(['/r1', '/r2', '/ok']);
    expect(seen.every((request) => request.headers.cookie === undefined)).toBe(true);
  });

  it('stops after the redirect cap', async () => {
    const before = host.requests.length;
    expect(await checkRemoval(at('/loop'), options({ maxRedirects: 3 }))).toMatchObject({
      outcome: 'error',
      reason: 'too_many_redirects',
      redirects: 3,
    });
    expect(host.requests.length - before).toBe(4);
  });

  it('does not follow a redirect to a refused address, given as an address or as a name', async () => {
    expect(await checkRemoval(at('/to-internal'), options())).toMatchObject({
      outcome: 'refused',
      refusedRange: 'loopback',
      redirects: 1,
      finalHost: '127.0.0.2',
    });
    expect(await checkRemoval(at('/to-metadata'), options())).toMatchObject({
      outcome: 'refused',
      refusedRange: 'link-local',
      redirects: 1,
    });
    expect(await checkRemoval(at('/to-metadata-name'), options())).toMatchObject({
      outcome: 'refused',
      refusedRange: 'link-local',
      finalHost: 'metadata.example.net',
    });
    expect(internal.requests).toEqual([]);
    expect(await checkRemoval(at('/to-ftp'), options())).toMatchObject({ outcome: 'error', reason: 'bad_redirect', status: 302 });
  });

  it('stops reading a body at the size cap: the hash is of the bytes read', async () => {
    const maxBytes = 64 * 1024;
    const check = await checkRemoval(at('/huge'), options({ maxBytes }));
    expect(check).toMatchObject({
      outcome: 'online',
      status: 200,
      bytesRead: maxBytes,
      bodyEnd: 'size_cap',
      sha256: sha256(patternBytes(maxBytes)),
    });
    await expect.poll(() => host.written.get('/huge') ?? 0).toBeGreaterThan(0);
    expect(host.written.get('/huge')).toBeLessThan(8 * 1024 * 1024);
  });

  it('stops at the deadline: a body that drips is cut, an answer that never comes is an error', async () => {
    const dripping = await checkRemoval(at('/drip'), options({ timeoutMs: 800 }));
    expect(dripping).toMatchObject({ outcome: 'online', status: 200, bodyEnd: 'deadline' });
    expect(dripping.bytesRead).toBeGreaterThan(0);
    expect(await checkRemoval(at('/silent'), options({ timeoutMs: 800 }))).toMatchObject({ outcome: 'error', reason: 'timeout' });
  });

  it('records a refused connection, and a TLS handshake that never completes as a connect timeout', async () => {
    expect(await checkRemoval(`http://127.0.0.1:${closedPort}/`, options())).toMatchObject({
      outcome: 'error',
      reason: 'connection_refused',
    });
    expect(await checkRemoval(`https://127.0.0.1:${mutePort}/`, options({ connectTimeoutMs: 300 }))).toMatchObject({
      outcome: 'error',
      reason: 'connect_timeout',
    });
  });

  it('counts a name that no longer exists, or has no address, as removed; a DNS failure as an error', async () => {
    expect(await checkRemoval('http://gone.example.org/page', options())).toMatchObject({ outcome: 'removed', reason: 'nxdomain' });
    expect(await checkRemoval('http://empty.example.org/page', options())).toMatchObject({ outcome: 'removed', reason: 'no_address' });
    expect(await checkRemoval('http://broken.example.org/page', options())).toMatchObject({ outcome: 'error', reason: 'dns_error' });
    expect(await checkRemoval('mailto:abuse@example.org', options())).toMatchObject({ outcome: 'error', reason: 'bad_url' });
  });

  it('connects over HTTPS to the checked address, with the name in SNI, the Host header and the certificate check', async () => {
    const url = `https://secure.example.org:${secure.port}/ok`;
    expect(await checkRemoval(url, options({ ca: certificate.cert }))).toMatchObject({
      outcome: 'online',
      status: 200,
      finalHost: 'secure.example.org',
    });
    expect(secure.requests.at(-1)).toMatchObject({
      servername: 'secure.example.org',
      headers: { host: `secure.example.org:${secure.port}` },
    });
    const before = secure.requests.length;
    expect(await checkRemoval(`https://other.example.org:${secure.port}/ok`, options({ ca: certificate.cert }))).toMatchObject({
      outcome: 'error',
      reason: 'tls',
    });
    expect(await checkRemoval(url, options())).toMatchObject({ outcome: 'error', reason: 'tls' });
    expect(secure.requests.length).toBe(before);
  });
});

describe('the removal check with no range allowed (the default)', () => {
  let loopbackV6: HostServer;
  beforeAll(async () => {
    loopbackV6 = await startHostServer({ '/ok': answer(200, page) }, { address: '::1' });
  });
  afterAll(async () => {
    await loopbackV6?.close();
  });

  const none = () => options({ allow: [] });

  it('refuses 127.0.0.1, 10.x, 192.168.x, 169.254.169.254 and [::1], and their IPv4-mapped forms, before connecting', async () => {
    const before = host.requests.length;
    const cases: [string, string][] = [
      [at('/ok'), 'loopback'],
      ['http://10.0.0.1/', 'private'],
      ['http://192.168.1.1/admin', 'private'],
      ['http://169.254.169.254/latest/meta-data/', 'link-local'],
      [`http://[::1]:${loopbackV6.port}/ok`, 'loopback'],
      [`http://[::ffff:127.0.0.1]:${host.port}/ok`, 'loopback'],
      ['http://[::ffff:a9fe:a9fe]/latest/meta-data/', 'link-local'],
      [`http://0x7f.1:${host.port}/ok`, 'loopback'],
      [`http://2130706433:${host.port}/ok`, 'loopback'],
    ];
    for (const [url, range] of cases) {
      expect([url, await checkRemoval(url, none())]).toMatchObject([
        url,
        { outcome: 'refused', reason: 'refused_address', refusedRange: range },
      ]);
    }
    expect(host.requests.length).toBe(before);
    expect(loopbackV6.requests).toEqual([]);
  });

  it('reaches [::1] over IPv6 once it is allowed', async () => {
    expect(await checkRemoval(`http://[::1]:${loopbackV6.port}/ok`, options({ allow: parseAllowList('::1/128') }))).toMatchObject({
      outcome: 'online',
      finalHost: '[::1]',
      sha256: sha256(page),
    });
    expect(loopbackV6.requests).toHaveLength(1);
  });

  it('refuses a public-looking name that resolves to any of them', async () => {
    const before = host.requests.length;
    const beforeV6 = loopbackV6.requests.length;
    const cases: [string, string][] = [
      [`http://loopback.example.net:${host.port}/ok`, 'loopback'],
      ['http://ten.example.net/', 'private'],
      ['http://home.example.net/', 'private'],
      ['http://metadata.example.net/latest/meta-data/', 'link-local'],
      [`http://six.example.net:${loopbackV6.port}/ok`, 'loopback'],
      ['http://mapped.example.net/', 'link-local'],
    ];
    for (const [url, range] of cases) {
      expect([url, await checkRemoval(url, none())]).toMatchObject([url, { outcome: 'refused', refusedRange: range }]);
    }
    expect(dns.questions).toContain('A metadata.example.net');
    expect(host.requests.length).toBe(before);
    expect(loopbackV6.requests.length).toBe(beforeV6);
  });

  it('refuses a name with one refused address among allowed ones', async () => {
    const before = host.requests.length;
    expect(await checkRemoval(`http://mixed.example.net:${host.port}/ok`, options())).toMatchObject({
      outcome: 'refused',
      refusedRange: 'private',
    });
    expect(host.requests.length).toBe(before);
  });
});

describe('a name whose answer changes between lookups (DNS rebinding)', () => {
  let outside: HostServer;
  let inside: HostServer;
  let rebinding: DnsServer;

  beforeAll(async () => {
    // The "public" host at 127.0.0.2 (allowed) and an internal service at 127.0.0.1 (refused), on the same port.
    outside = await startHostServer(
      { '/page': answer(200, page), '/hop': (q, s) => redirect(`http://hop.example.org:${outside.port}/again`)(q, s) },
      { address: '127.0.0.2' },
    );
    inside = await startHostServer(
      { '/page': answer(200, 'internal'), '/again': answer(200, 'internal') },
      { address: '127.0.0.1', port: outside.port },
    );
    rebinding = await startDnsServer({
      'rebind.example.org': { changing: [{ A: ['127.0.0.2'] }, { A: ['127.0.0.1'] }] },
      'hop.example.org': { changing: [{ A: ['127.0.0.2'] }, { A: ['127.0.0.1'] }] },
    });
  });
  afterAll(async () => {
    await Promise.all([outside?.close(), inside?.close(), rebinding?.close()]);
  });

  const pinned = () => options({ allow: parseAllowList('127.0.0.2/32'), dnsServers: [rebinding.address] });

  it('connects to the address it checked, whatever the name answers next, and refuses the next answer', async () => {
    const url = `http://rebind.example.org:${outside.port}/page`;
    expect(await checkRemoval(url, pinned())).toMatchObject({ outcome: 'online', sha256: sha256(page) });
    expect(rebinding.questions.filter((question) => question === 'A rebind.example.org')).toHaveLength(1);
    expect(outside.requests.map((request) => request.path)).toEqual(['/page']);
    expect(await checkRemoval(url, pinned())).toMatchObject({ outcome: 'refused', refusedRange: 'loopback' });
    expect(inside.requests).toEqual([]);
  });

  it('checks a redirect to the same name again, and refuses it once the name points inside', async () => {
    expect(await checkRemoval(`http://hop.example.org:${outside.port}/hop`, pinned())).toMatchObject({
      outcome: 'refused',
      refusedRange: 'loopback',
      redirects: 1,
    });
    expect(outside.requests.map((request) => request.path)).toContain('/hop');
    expect(inside.requests).toEqual([]);
  });
});
