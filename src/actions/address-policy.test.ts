import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { judgeAddress, parseAllowList } from './address-policy.js';
import { parseAddressRange, parseIpAddress } from './addresses.js';

const refusedAs = (address: string, allow = '') => {
  const verdict = judgeAddress(address, parseAllowList(allow));
  return verdict.allowed ? 'allowed' : verdict.range;
};

describe('addresses', () => {
  it('reads IPv4 and IPv6 addresses, the IPv4 tail of an IPv6 one and its compressed forms', () => {
    expect(parseIpAddress('192.0.2.1')).toEqual({ family: 4, value: 0xc0000201n });
    expect(parseIpAddress('::1')).toEqual({ family: 6, value: 1n });
    expect(parseIpAddress('::')).toEqual({ family: 6, value: 0n });
    expect(parseIpAddress('::ffff:127.0.0.1')).toEqual(parseIpAddress('::ffff:7f00:1'));
    expect(parseIpAddress('2001:db8::1:0:0:1')).toEqual({ family: 6, value: (0x20010db8n << 96n) | (1n << 48n) | 1n });
    expect(parseIpAddress('fe80::1:2')).toEqual({ family: 6, value: (0xfe80n << 112n) | (1n << 16n) | 2n });
    expect(parseIpAddress('1:2:3:4:5:6:7:8')).toEqual({ family: 6, value: 0x00010002000300040005000600070008n });
  });

  it('reads no host name, zone, leading zero or out-of-range part', () => {
    for (const text of ['example.org', 'fe80::1%eth0', '01.2.3.4', '256.0.0.1', '1.2.3', '', '[::1]', '::g']) {
      expect(parseIpAddress(text)).toBeNull();
    }
  });

  it('reads ranges, a bare address as a range of one, and refuses bad prefixes', () => {
    expect(parseAddressRange('10.1.2.3/8')).toEqual({ family: 4, base: 0x0a000000n, prefix: 8 });
    expect(parseAddressRange('127.0.0.1')).toEqual({ family: 4, base: 0x7f000001n, prefix: 32 });
    expect(parseAddressRange('::1')).toEqual({ family: 6, base: 1n, prefix: 128 });
    for (const text of ['10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/8/8', '10.0.0.0/x', 'localhost/8']) {
      expect(parseAddressRange(text)).toBeNull();
    }
  });

  it('agrees with the IPv6 text Node writes for any address', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (value) => {
        const groups = Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
        const compressed = new URL(`http://[${groups.join(':')}]/`).hostname.slice(1, -1);
        expect(parseIpAddress(compressed)).toEqual({ family: 6, value });
      }),
    );
  });
});

describe('which addresses the removal checker may reach', () => {
  it('refuses the IPv4 special-purpose blocks, each under its name', () => {
    const cases: [string, string][] = [
      ['0.0.0.0', 'this-network'],
      ['10.20.30.40', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.1.1', 'private'],
      ['100.64.0.1', 'shared-cgnat'],
      ['100.127.255.254', 'shared-cgnat'],
      ['127.0.0.1', 'loopback'],
      ['127.255.255.254', 'loopback'],
      ['169.254.169.254', 'link-local'],
      ['192.0.0.170', 'ietf-protocol-assignments'],
      ['192.0.2.7', 'documentation'],
      ['198.51.100.7', 'documentation'],
      ['203.0.113.7', 'documentation'],
      ['192.88.99.1', '6to4-relay-anycast'],
      ['198.18.0.1', 'benchmarking'],
      ['198.19.255.255', 'benchmarking'],
      ['224.0.0.251', 'multicast'],
      ['239.255.255.250', 'multicast'],
      ['240.0.0.1', 'reserved'],
      ['255.255.255.255', 'broadcast'],
    ];
    for (const [address, name] of cases) expect([address, refusedAs(address)]).toEqual([address, name]);
  });

  it('refuses the IPv6 special-purpose blocks and everything outside global unicast', () => {
    const cases: [string, string][] = [
      ['::', 'unspecified'],
      ['::1', 'loopback'],
      ['::7f00:1', 'ipv4-compatible'],
      ['64:ff9b:1::a00:1', 'nat64-local-use'],
      ['100::1', 'discard-only'],
      ['2001::1', 'teredo'],
      ['2001:2::1', 'ietf-protocol-assignments'],
      ['2001:db8::1', 'documentation'],
      ['3fff::1', 'documentation'],
      ['fc00::1', 'unique-local'],
      ['fd12:3456::1', 'unique-local'],
      ['fe80::1', 'link-local'],
      ['fec0::1', 'site-local'],
      ['ff02::1', 'multicast'],
      ['4000::1', 'reserved'],
      ['1234::1', 'reserved'],
    ];
    for (const [address, name] of cases) expect([address, refusedAs(address)]).toEqual([address, name]);
  });

  it('judges an IPv4 address carried in IPv6 (mapped, NAT64, 6to4) as that IPv4 address', () => {
    expect(refusedAs('::ffff:127.0.0.1')).toBe('loopback');
    expect(refusedAs('::ffff:a9fe:a9fe')).toBe('link-local');
    expect(refusedAs('::ffff:10.0.0.1')).toBe('private');
    expect(refusedAs('64:ff9b::169.254.169.254')).toBe('link-local');
    expect(refusedAs('64:ff9b::c0a8:101')).toBe('private');
    expect(refusedAs('2002:7f00:1::1')).toBe('loopback');
    expect(refusedAs('2002:a00:1::')).toBe('private');
    expect(refusedAs('::ffff:8.8.8.8')).toBe('allowed');
    expect(refusedAs('64:ff9b::808:808')).toBe('allowed');
    expect(refusedAs('2002:808:808::1')).toBe('allowed');
  });

  it('lets ordinary public addresses through, and the globally reachable special ones', () => {
    for (const address of [
      '8.8.8.8',
      '1.1.1.1',
      '100.63.255.255',
      '100.128.0.0',
      '172.15.255.255',
      '172.32.0.0',
      '192.31.196.1',
      '2a00:1450::1',
      '2620:4f:8000::1',
    ]) {
      expect([address, refusedAs(address)]).toEqual([address, 'allowed']);
    }
  });

  it('lets through exactly the ranges a deployment allows, in every form that carries them', () => {
    expect(refusedAs('127.0.0.1', '127.0.0.1/32')).toBe('allowed');
    expect(refusedAs('127.0.0.2', '127.0.0.1/32')).toBe('loopback');
    expect(refusedAs('::ffff:127.0.0.1', '127.0.0.1/32')).toBe('allowed');
    expect(refusedAs('::1', '127.0.0.1/32')).toBe('loopback');
    expect(refusedAs('::1', '127.0.0.1, ::1')).toBe('allowed');
    expect(refusedAs('10.9.8.7', '10.0.0.0/8')).toBe('allowed');
    expect(refusedAs('169.254.169.254', '10.0.0.0/8')).toBe('link-local');
  });

  it('refuses what it cannot read', () => {
    expect(refusedAs('fe80::1%eth0')).toBe('unreadable');
    expect(refusedAs('localhost')).toBe('unreadable');
  });

  it('names a wrong VIGIE_FETCH_ALLOW range', () => {
    expect(() => parseAllowList('127.0.0.1/32, 10.0.0.0/40')).toThrow('VIGIE_FETCH_ALLOW: "10.0.0.0/40"');
    expect(parseAllowList(' , ')).toEqual([]);
  });
});
