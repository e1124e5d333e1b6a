import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abuseContactOf, createRdapClient, loadShippedBootstrap, networkOf, parseBootstrap, rdapServiceFor } from '../../src/urls/index.js';
import { exampleHostNetwork, rdapNetwork, startRdapServer, type RdapServer } from '../support/rdap-server.js';

let server: RdapServer;
const emptyBootstrap = parseBootstrap({ services: [] }, { services: [] });

beforeAll(async () => {
  server = await startRdapServer({
    '192.0.2.10': {
      body: exampleHostNetwork('abuse@hosting.example.net', 'fr'),
    },
    '2001:db8::10': {
      body: rdapNetwork({
        handle: 'EXAMPLE6',
        start: '2001:db8::',
        end: '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff',
        name: 'EX6',
        abuseEmail: 'mailto:abuse6@example.net',
        abuseAtTop: true,
      }),
    },
    '198.51.100.20': { status: 429, headers: { 'retry-after': '120' }, body: { errorCode: 429 } },
    '198.51.100.30': { delayMs: 2000, body: {} },
    '198.51.100.40': { status: 503, body: { errorCode: 503 } },
    '198.51.100.50': { body: '<html>not rdap</html>' },
    '198.51.100.60': { redirectTo: '/other-registry/ip/198.51.100.60' },
    '/other-registry/ip/198.51.100.60': {
      body: rdapNetwork({
        handle: 'MOVED',
        start: '198.51.100.0',
        end: '198.51.100.255',
        name: 'MOVED-NET',
        abuseEmail: 'abuse@moved.example.net',
      }),
    },
  });
});
afterAll(async () => {
  await server?.close();
});

describe('the abuse contact in an RDAP answer', () => {
  it('is found nested under another entity, or at the top, from its vCard e-mail', () => {
    const nested = networkOf(
      rdapNetwork({ handle: 'N', start: '192.0.2.0', end: '192.0.2.255', name: 'N', abuseEmail: 'abuse@example.net' }),
    );
    expect(nested).toMatchObject({
      handle: 'N',
      startAddress: '192.0.2.0',
      endAddress: '192.0.2.255',
      abuse: { handle: 'ABUSE-N', name: 'Abuse desk', emails: ['abuse@example.net'] },
    });
    const top = networkOf(
      rdapNetwork({
        handle: 'T',
        start: '192.0.2.0',
        end: '192.0.2.255',
        name: 'T',
        abuseEmail: 'mailto:Abuse@Example.net',
        abuseAtTop: true,
      }),
    );
    expect(top?.abuse?.emails).toEqual(['Abuse@Example.net']);
  });

  it('prefers an abuse entity with an e-mail address, and ignores what is not an e-mail address', () => {
    const document = {
      objectClassName: 'ip network',
      entities: [
        { roles: ['abuse'], handle: 'EMPTY', vcardArray: ['vcard', [['fn', {}, 'text', 'No mail']]] },
        {
          roles: ['registrant'],
          entities: [
            {
              roles: ['ABUSE'],
              handle: 'DEEP',
              vcardArray: [
                'vcard',
                [
                  ['email', {}, 'text', 'not an address'],
                  ['email', {}, 'text', 'abuse@deep.example.net'],
                ],
              ],
            },
          ],
        },
      ],
    };
    expect(abuseContactOf(document)).toEqual({ handle: 'DEEP', name: null, emails: ['abuse@deep.example.net'] });
    expect(abuseContactOf({ entities: [{ roles: ['abuse'], handle: 'ONLY' }] })).toEqual({ handle: 'ONLY', name: null, emails: [] });
    expect(abuseContactOf({ entities: [{ roles: ['technical'] }] })).toBeNull();
  });

  it('is not looked for in what is not an ip network', () => {
    expect(networkOf({ objectClassName: 'domain' })).toBeNull();
    expect(networkOf('text')).toBeNull();
  });
});

describe('the RDAP bootstrap shipped with Vigie', () => {
  it('names each regional registry for its space, HTTPS first, the longest prefix winning', async () => {
    const bootstrap = await loadShippedBootstrap();
    expect(rdapServiceFor(bootstrap, '192.0.2.1')).toBe('https://rdap.arin.net/registry/');
    expect(rdapServiceFor(bootstrap, '193.0.2.1')).toBe('https://rdap.db.ripe.net/');
    expect(rdapServiceFor(bootstrap, '41.0.0.1')).toBe('https://rdap.afrinic.net/rdap/');
    expect(rdapServiceFor(bootstrap, '2a00:db8::1')).toBe('https://rdap.db.ripe.net/');
    expect(rdapServiceFor(bootstrap, '10.0.0.1')).toBeNull();
    const custom = parseBootstrap(
      {
        services: [
          [['192.0.0.0/8'], ['http://wide.example/']],
          [['192.0.2.0/24'], ['http://narrow.example/', 'https://narrow.example/']],
        ],
      },
      { services: [] },
    );
    expect(rdapServiceFor(custom, '192.0.2.7')).toBe('https://narrow.example/');
    expect(rdapServiceFor(custom, '192.0.3.7')).toBe('http://wide.example/');
  });
});

describe('RDAP queries to a service on loopback', () => {
  it('reads the network and its abuse contact, through the bootstrap or the configured service', async () => {
    const viaBootstrap = createRdapClient({
      bootstrap: parseBootstrap({ services: [[['192.0.2.0/24'], [server.url]]] }, { services: [] }),
      timeoutMs: 5000,
    });
    expect(await viaBootstrap('192.0.2.10')).toMatchObject({
      outcome: 'found',
      service: server.url,
      network: { handle: 'NET-192-0-2-0-1', name: 'EXEMPLE-HEB', country: 'FR', abuse: { emails: ['abuse@hosting.example.net'] } },
    });
    expect(server.requests).toContain('/rdap/ip/192.0.2.10');
    const configured = createRdapClient({ serviceUrl: server.url, bootstrap: emptyBootstrap, timeoutMs: 5000 });
    expect(await configured('2001:db8::10')).toMatchObject({ outcome: 'found', network: { abuse: { emails: ['abuse6@example.net'] } } });
    expect(await viaBootstrap('198.51.100.1')).toEqual({ outcome: 'no_service', network: null, service: null });
  });

  it('follows a registry that sends the query elsewhere', async () => {
    const client = createRdapClient({ serviceUrl: server.url, bootstrap: emptyBootstrap, timeoutMs: 5000 });
    expect(await client('198.51.100.60')).toMatchObject({ outcome: 'found', network: { handle: 'MOVED' } });
  });

  it('records a 404, an error status, an answer that is not RDAP and a timeout, without throwing', async () => {
    const client = createRdapClient({ serviceUrl: server.url, bootstrap: emptyBootstrap, timeoutMs: 500 });
    expect(await client('203.0.113.1')).toMatchObject({ outcome: 'not_found' });
    expect(await client('198.51.100.40')).toMatchObject({ outcome: 'error', detail: 'http_503' });
    expect(await client('198.51.100.50')).toMatchObject({ outcome: 'error', detail: 'not_rdap' });
    expect(await client('198.51.100.30')).toMatchObject({ outcome: 'timeout' });
    const nowhere = createRdapClient({ serviceUrl: 'http://127.0.0.1:1/', bootstrap: emptyBootstrap, timeoutMs: 500 });
    expect(await nowhere('192.0.2.10')).toMatchObject({ outcome: 'error', detail: 'network' });
  });

  it('does not ask a service that answered 429 again before its Retry-After', async () => {
    let clock = 1_000_000;
    const client = createRdapClient({ serviceUrl: server.url, bootstrap: emptyBootstrap, timeoutMs: 5000, now: () => clock });
    expect(await client('198.51.100.20')).toMatchObject({ outcome: 'rate_limited', detail: 'http_429' });
    const asked = server.requests.length;
    expect(await client('192.0.2.10')).toMatchObject({ outcome: 'rate_limited', detail: 'waiting_for_retry_after' });
    expect(server.requests).toHaveLength(asked);
    clock += 121_000;
    expect(await client('192.0.2.10')).toMatchObject({ outcome: 'found' });
    expect(server.requests).toHaveLength(asked + 1);
  });

  it('refuses an answer larger than its limit', async () => {
    const client = createRdapClient({ serviceUrl: server.url, bootstrap: emptyBootstrap, timeoutMs: 5000, maxBytes: 100 });
    expect(await client('192.0.2.10')).toMatchObject({ outcome: 'error', detail: 'too_large' });
  });
});
