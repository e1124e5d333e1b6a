import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostResolver, parseDnsServers, type HostResolver } from '../../src/urls/index.js';
import { startDnsServer, type DnsServer } from '../support/dns-server.js';

let server: DnsServer;
let resolve: HostResolver;

beforeAll(async () => {
  server = await startDnsServer({
    'www.example.org': { A: ['192.0.2.10', '192.0.2.11'], AAAA: ['2001:db8::10'] },
    'v4only.example.org': { A: ['198.51.100.7'] },
    'empty.example.org': {},
    'xn--bcher-kva.example': { A: ['203.0.113.5'] },
    'slow.example.org': 'silent',
    'broken.example.org': 'servfail',
  });
  resolve = createHostResolver({ servers: [server.address], timeoutMs: 2000 });
});
afterAll(async () => {
  await server.close();
});

describe('DNS lookups through the configured server', () => {
  it('gives the A then the AAAA addresses of a host', async () => {
    expect(await resolve('www.example.org')).toEqual({
      outcome: 'resolved',
      addresses: ['192.0.2.10', '192.0.2.11', '2001:db8::10'],
      errors: [],
    });
    expect(server.questions).toEqual(expect.arrayContaining(['A www.example.org', 'AAAA www.example.org']));
  });

  it('resolves a host with addresses of one family only, and an IDN by its punycode', async () => {
    expect(await resolve('v4only.example.org')).toMatchObject({ outcome: 'resolved', addresses: ['198.51.100.7'] });
    expect(await resolve('xn--bcher-kva.example')).toMatchObject({ outcome: 'resolved', addresses: ['203.0.113.5'] });
  });

  it('records NXDOMAIN, an answer without address, a server failure and a timeout as outcomes, without throwing', async () => {
    expect(await resolve('unknown.example.org')).toMatchObject({ outcome: 'nxdomain', addresses: [] });
    expect(await resolve('empty.example.org')).toMatchObject({ outcome: 'no_address', addresses: [] });
    expect(await resolve('broken.example.org')).toMatchObject({
      outcome: 'error',
      errors: [
        { type: 'A', code: 'ESERVFAIL' },
        { type: 'AAAA', code: 'ESERVFAIL' },
      ],
    });
    expect(await resolve('slow.example.org')).toMatchObject({ outcome: 'timeout', addresses: [] });
  });

  it('uses an IP literal as it is, without asking the server', async () => {
    const before = server.questions.length;
    expect(await resolve('192.0.2.99')).toEqual({ outcome: 'ip_literal', addresses: ['192.0.2.99'], errors: [] });
    expect(await resolve('2001:db8::99')).toEqual({ outcome: 'ip_literal', addresses: ['2001:db8::99'], errors: [] });
    expect(server.questions).toHaveLength(before);
  });

  it('records an unreachable server as an error or a timeout', async () => {
    const nobody = createHostResolver({ servers: ['127.0.0.1:1'], timeoutMs: 400 });
    expect(['error', 'timeout']).toContain((await nobody('www.example.org')).outcome);
  });

  it('reads VIGIE_DNS_SERVERS', () => {
    expect(parseDnsServers(' 127.0.0.1:5353, [::1]:53 ,')).toEqual(['127.0.0.1:5353', '[::1]:53']);
    expect(parseDnsServers(undefined)).toEqual([]);
  });
});
