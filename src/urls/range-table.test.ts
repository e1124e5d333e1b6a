import fc from 'fast-check';
import { isIPv4, isIPv6 } from 'node:net';
import { describe, expect, it } from 'vitest';
import { csvRows } from './csv-lines.js';
import { compareIPv6, mappedIPv4, parseIPv4, parseIPv6 } from './ip-address.js';
import { IPv4RangeBuilder, IPv6RangeBuilder, RangeOrderError } from './range-table.js';

const words = (text: string) => [...parseIPv6(text)!];

describe('IP addresses as numbers', () => {
  it('reads IPv4 addresses as unsigned 32-bit integers', () => {
    expect(parseIPv4('0.0.0.0')).toBe(0);
    expect(parseIPv4('192.0.2.1')).toBe(0xc0000201);
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffff);
    for (const bad of ['192.0.2', '192.0.2.256', '2001:db8::1', 'example.org', '']) expect(parseIPv4(bad), bad).toBeNull();
  });

  it('reads IPv6 addresses as four words, compressed, full or carrying an IPv4 address', () => {
    expect(words('2001:db8::1')).toEqual([0x20010db8, 0, 0, 1]);
    expect(words('2001:DB8:0:0:0:0:0:1')).toEqual([0x20010db8, 0, 0, 1]);
    expect(words('::')).toEqual([0, 0, 0, 0]);
    expect(words('1::')).toEqual([0x00010000, 0, 0, 0]);
    expect(words('::ffff:192.0.2.1')).toEqual([0, 0, 0xffff, 0xc0000201]);
    expect(words('2001:db8:ffff:ffff:ffff:ffff:ffff:ffff')).toEqual([0x20010db8, 0xffffffff, 0xffffffff, 0xffffffff]);
    expect(mappedIPv4(parseIPv6('::ffff:192.0.2.1')!)).toBe(0xc0000201);
    expect(mappedIPv4(parseIPv6('2001:db8::1')!)).toBeNull();
    for (const bad of ['2001:db8::1::2', '192.0.2.1', 'fe80::1%eth0', 'xyz']) expect(parseIPv6(bad), bad).toBeNull();
  });

  it('reads what node:net reads, and nothing else (IPv4 and IPv6, random text of their alphabet)', () => {
    const text = fc.string({ unit: fc.constantFrom('0', '1', '9', 'a', 'F', 'f', ':', ':', '.', '2', '5', '%', 'g'), maxLength: 45 });
    fc.assert(
      fc.property(fc.oneof(text, fc.ipV4(), fc.ipV6(), fc.ipV4Extended()), (candidate) => {
        expect(parseIPv4(candidate) !== null, candidate).toBe(isIPv4(candidate));
        expect(parseIPv6(candidate) !== null, candidate).toBe(isIPv6(candidate) && !candidate.includes('%'));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the words of the address node:net and URL parsing see', () => {
    const hex = (words: Uint32Array) =>
      [...words]
        .flatMap((word) => [word >>> 16, word & 0xffff])
        .map((group) => group.toString(16))
        .join(':');
    const canonical = (address: string) => new URL(`http://[${address}]/`).hostname;
    fc.assert(
      fc.property(fc.ipV6(), (address) => {
        expect(canonical(hex(parseIPv6(address)!))).toBe(canonical(address));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.ipV4(), (address) => {
        const value = parseIPv4(address)!;
        expect([value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.')).toBe(address);
      }),
    );
  });

  it('orders IPv6 addresses as numbers', () => {
    fc.assert(
      fc.property(fc.ipV6(), fc.ipV6(), (a, b) => {
        const [x, y] = [parseIPv6(a)!, parseIPv6(b)!];
        const asBig = (w: Uint32Array) => w.reduce((acc, word) => (acc << 32n) | BigInt(word), 0n);
        expect(compareIPv6(x, 0, y, 0)).toBe(Math.sign(Number(asBig(x) - asBig(y))));
      }),
    );
  });
});

describe('CSV lines', () => {
  it('splits plain lines and reads quoted fields with commas and doubled quotes', () => {
    const text = '1.0.0.0,1.0.0.255,13335,Plain Org\r\n2.0.0.0,2.0.0.255,1,"A, ""B"" C"\n\n3.0.0.0,3.0.0.1,2,\n';
    expect([...csvRows(text)]).toEqual([
      ['1.0.0.0', '1.0.0.255', '13335', 'Plain Org'],
      ['2.0.0.0', '2.0.0.255', '1', 'A, "B" C'],
      ['3.0.0.0', '3.0.0.1', '2', ''],
    ]);
  });
});

/** Sorted, non-overlapping ranges with gaps, from random cut points. */
const ranges = (max: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max }), { minLength: 2, maxLength: 200 }).map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const out: [number, number][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push([sorted[i]!, sorted[i + 1]!]);
    return out;
  });

describe('range tables', () => {
  it('find by bisection the range a linear scan finds, and nothing in the gaps (IPv4)', () => {
    fc.assert(
      fc.property(ranges(0xffffffff), fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 50 }), (list, probes) => {
        const builder = new IPv4RangeBuilder<string>();
        list.forEach(([start, end], i) => builder.add(start, end, String(i % 7), () => `value ${i % 7}`));
        const table = builder.build();
        const edges = list.flatMap(([start, end]) => [start, end, start - 1, end + 1]).filter((n) => n >= 0 && n <= 0xffffffff);
        for (const address of [...probes, ...edges]) {
          const index = list.findIndex(([start, end]) => start <= address && address <= end);
          expect(table.lookup(address)).toBe(index === -1 ? null : `value ${index % 7}`);
        }
        expect(new Set(table.values).size).toBe(table.values.length);
      }),
    );
  });

  it('find by bisection the range a linear scan finds (IPv6, ranges across all four words)', () => {
    const toWords = (n: number, spread: number) => Uint32Array.from([0x20010db8, n * spread, n, n ^ 0x55]);
    fc.assert(
      fc.property(ranges(1_000_000), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 50 }), (list, probes) => {
        const builder = new IPv6RangeBuilder<number>();
        list.forEach(([start, end], i) => builder.add(toWords(start, 3), toWords(end, 3), String(i), () => i));
        const table = builder.build();
        for (const n of [...probes, ...list.flat()]) {
          const index = list.findIndex(([start, end]) => start <= n && n <= end);
          expect(table.lookup(toWords(n, 3))).toBe(index === -1 ? null : index);
        }
      }),
    );
  });

  it('let a later range win over the part of earlier ranges it overlaps, as a last-writer-wins model says', () => {
    const small = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 12 }));
    fc.assert(
      fc.property(fc.array(small, { minLength: 1, maxLength: 25 }), (list) => {
        const sorted = [...list].sort((a, b) => a[0] - b[0]).map(([start, length]) => [start, start + length] as const);
        const model = new Map<number, number>();
        const v4 = new IPv4RangeBuilder<number>();
        const v6 = new IPv6RangeBuilder<number>();
        // Around a carry into the first word, so that cutting a range must carry and borrow across words.
        const base = (0x20010db8n << 96n) + (1n << 96n) - 30n;
        const six = (n: number) => {
          const value = base + BigInt(n);
          return Uint32Array.from([96n, 64n, 32n, 0n].map((shift) => Number((value >> shift) & 0xffffffffn)));
        };
        sorted.forEach(([start, end], i) => {
          for (let n = start; n <= end; n += 1) model.set(n, i);
          v4.add(start, end, String(i), () => i);
          v6.add(six(start), six(end), String(i), () => i);
        });
        const [table4, table6] = [v4.build(), v6.build()];
        for (let n = 0; n <= 72; n += 1) {
          expect(table4.lookup(n), `v4 ${n}`).toBe(model.get(n) ?? null);
          expect(table6.lookup(six(n)), `v6 ${n}`).toBe(model.get(n) ?? null);
        }
      }),
    );
  });

  it('cuts a more specific range out of the range it falls in, as the published files need', () => {
    const builder = new IPv4RangeBuilder<string>();
    const add = (first: string, last: string, country: string) => builder.add(parseIPv4(first)!, parseIPv4(last)!, country, () => country);
    add('2.58.196.0', '2.58.197.255', 'DE');
    add('2.58.197.15', '2.58.197.15', 'BE');
    add('2.58.197.16', '2.58.197.255', 'DE');
    const table = builder.build();
    expect(['2.58.197.14', '2.58.197.15', '2.58.197.16'].map((a) => table.lookup(parseIPv4(a)!))).toEqual(['DE', 'BE', 'DE']);
    expect(table.size).toBe(3);
    expect(builder.overlaps).toBe(2);
  });

  it('refuses a range that ends before it starts', () => {
    const builder = new IPv4RangeBuilder<string>();
    builder.add(10, 20, 'a', () => 'a');
    expect(() => builder.add(40, 30, 'b', () => 'b')).toThrow(RangeOrderError);
    expect(builder.build().size).toBe(1);
  });
});
