import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMigrations } from '../main.js';
import { migrateToLatest } from '../platform/store/index.js';
import { openTestStore, type TestStore } from '../../test/support/store.js';
import { rdapNetwork, startRdapServer, type RdapServer } from '../../test/support/rdap-server.js';
import { createRdapClient } from './rdap.js';
import { parseBootstrap } from './rdap-bootstrap.js';
import { cachedRdap } from './rdap-cache.js';
import type { UrlTables } from './tables.js';

let testStore: TestStore;
let server: RdapServer;
let clock = new Date('2026-12-01T10:00:00Z');
const hour = 3_600_000;

beforeAll(async () => {
  testStore = await openTestStore();
  await migrateToLatest(testStore.store.db, ...allMigrations);
  server = await startRdapServer({
    '192.0.2.10': {
      body: rdapNetwork({ handle: 'WIDE', start: '192.0.2.0', end: '192.0.2.255', name: 'WIDE', abuseEmail: 'abuse@wide.example.net' }),
    },
    '192.0.2.200': {
      body: rdapNetwork({
        handle: 'NARROW',
        start: '192.0.2.192',
        end: '192.0.2.223',
        name: 'NARROW',
        abuseEmail: 'abuse@narrow.example.net',
      }),
    },
    '198.51.100.1': {
      body: rdapNetwork({ handle: 'LIAR', start: '203.0.113.0', end: '203.0.113.255', name: 'LIAR', abuseEmail: 'abuse@liar.example.net' }),
    },
    '2001:db8::1': {
      body: rdapNetwork({ handle: 'SIX', start: '2001:db8::', end: '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', name: 'SIX' }),
    },
  });
});
afterAll(async () => {
  await server?.close();
  await testStore?.drop();
});

function rdapWithCache() {
  const client = createRdapClient({
    serviceUrl: server.url,
    bootstrap: parseBootstrap({ services: [] }, { services: [] }),
    timeoutMs: 5000,
  });
  return cachedRdap(testStore.store.db as unknown as Kysely<UrlTables>, client, { ttlMs: 24 * hour, now: () => clock });
}

const asked = (address: string) => server.requests.filter((path) => path === `/rdap/ip/${address}`).length;

describe('RDAP answers cached per network', () => {
  it('answers an address inside a network already asked about from the cache, the narrowest network first', async () => {
    const rdap = rdapWithCache();
    // The narrow network first: once the wide one is cached, its addresses are not asked about again until it expires.
    expect(await rdap('192.0.2.200')).toMatchObject({ network: { handle: 'NARROW' } });
    expect(await rdap('192.0.2.10')).toMatchObject({ outcome: 'found', network: { handle: 'WIDE' } });
    expect(await rdap('192.0.2.99')).toMatchObject({
      outcome: 'found',
      network: { handle: 'WIDE', abuse: { emails: ['abuse@wide.example.net'] } },
    });
    expect(asked('192.0.2.99')).toBe(0);
    expect(await rdap('192.0.2.201')).toMatchObject({ network: { handle: 'NARROW' } });
    expect(await rdap('192.0.2.250')).toMatchObject({ network: { handle: 'WIDE' } });
    expect(asked('192.0.2.201') + asked('192.0.2.250')).toBe(0);
  });

  it('keeps IPv6 networks apart from IPv4 ones', async () => {
    const rdap = rdapWithCache();
    expect(await rdap('2001:db8::1')).toMatchObject({ network: { handle: 'SIX', abuse: { handle: 'ABUSE-SIX', emails: [] } } });
    expect(await rdap('2001:db8::2')).toMatchObject({ network: { handle: 'SIX' } });
    expect(asked('2001:db8::2')).toBe(0);
    expect(await rdap('::ffff:192.0.2.10')).toMatchObject({ outcome: 'not_found' });
  });

  it('caches only the address itself when the answer names a network that does not hold it', async () => {
    const rdap = rdapWithCache();
    expect(await rdap('198.51.100.1')).toMatchObject({ network: { handle: 'LIAR' } });
    expect(await rdap('203.0.113.5')).toMatchObject({ outcome: 'not_found' });
    expect(await rdap('198.51.100.1')).toMatchObject({ network: { handle: 'LIAR' } });
    expect(asked('198.51.100.1')).toBe(1);
  });

  it('asks again once the answer has expired, and does not cache what was not found', async () => {
    const rdap = rdapWithCache();
    await rdap('203.0.113.77');
    await rdap('203.0.113.77');
    expect(asked('203.0.113.77')).toBe(2);
    const before = asked('192.0.2.10');
    clock = new Date(clock.getTime() + 25 * hour);
    expect(await rdap('192.0.2.10')).toMatchObject({ network: { handle: 'WIDE' } });
    expect(asked('192.0.2.10')).toBe(before + 1);
  });
});
