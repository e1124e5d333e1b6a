import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestVigie, type TestVigie } from '../support/app.js';
import { flipBits, randomHex, secondVigie, system, type SecondVigie } from './support.js';

let t: TestVigie;
let other: SecondVigie;

beforeAll(async () => {
  t = await createTestVigie();
  other = await secondVigie(t);
}, 120_000);
afterAll(async () => {
  await other?.close();
  await t?.close();
});

const bank = (name: string, purpose: 'baseline' | 'national' | 'false_positive' | 'partner' = 'national') =>
  t.vigie.banks.createBank(system, { name, purpose, source: 'Hotline of Exampleland' });

describe('the detection service', () => {
  it('matches PDQ within the distance, exact hashes exactly, one result per query in order', async () => {
    const known = await bank('Known A');
    const pdq = randomHex(64);
    const md5 = randomHex(32);
    const sha256 = randomHex(64);
    const byPdq = await t.vigie.banks.addEntry(system, known.id, { pdq, pdqQuality: 90, industryCategory: 'A1' });
    const byMd5 = await t.vigie.banks.addEntry(system, known.id, { md5, sha256, legalStatus: 'baseline' });

    const results = await t.vigie.detection.match([
      { pdq: flipBits(pdq, 31), pdqQuality: 80 },
      { pdq: flipBits(pdq, 32) },
      { md5: md5.toUpperCase() },
      { sha256, md5 },
      { md5: randomHex(32) },
    ]);
    expect(results).toHaveLength(5);
    expect(results[0]!.matches).toEqual([
      {
        bankId: known.id,
        bankName: 'Known A',
        purpose: 'national',
        entryId: byPdq.id,
        kind: 'pdq',
        distance: 31,
        classification: { legalStatus: 'national', industryCategory: 'A1', ageGroup: 'prepubescent' },
      },
    ]);
    expect(results[1]!.matches).toEqual([]);
    expect(results[2]!.matches).toMatchObject([
      { entryId: byMd5.id, kind: 'md5', distance: 0, classification: { legalStatus: 'baseline' } },
    ]);
    expect(results[3]!.matches).toMatchObject([{ entryId: byMd5.id, kind: 'sha256' }]);
    expect(results[4]).toEqual({ matches: [], suppressed: [], suppressedBy: [], suppressions: [], pdqChecked: false });
  });

  it('does not match by PDQ a query or an entry below the quality floor, but still by exact hash', async () => {
    const known = await bank('Known B');
    const low = randomHex(64);
    const sha1 = randomHex(40);
    await t.vigie.banks.addEntry(system, known.id, { pdq: low, pdqQuality: 49, sha1 });
    const good = randomHex(64);
    const entry = await t.vigie.banks.addEntry(system, known.id, { pdq: good, pdqQuality: 50 });
    const [lowEntry, lowQuery, exact] = await t.vigie.detection.match([
      { pdq: low, pdqQuality: 100 },
      { pdq: good, pdqQuality: 49 },
      { pdq: low, sha1 },
    ]);
    expect(lowEntry!.matches).toEqual([]);
    expect(lowEntry!.pdqChecked).toBe(true);
    expect(lowQuery!.matches).toEqual([]);
    expect(lowQuery!.pdqChecked).toBe(false);
    expect(exact!.matches.map((m) => m.kind)).toEqual(['sha1']);
    expect((await t.vigie.detection.match([{ pdq: good, pdqQuality: 50 }]))[0]!.matches[0]!.entryId).toBe(entry.id);
  });

  it('sees entries and banks disabled and enabled again on the next lookup', async () => {
    const known = await bank('Known C');
    const pdq = randomHex(64);
    const entry = await t.vigie.banks.addEntry(system, known.id, { pdq, pdqQuality: 100 });
    const ids = async () => (await t.vigie.detection.match([{ pdq }]))[0]!.matches.map((m) => m.entryId);
    expect(await ids()).toEqual([entry.id]);
    await t.vigie.banks.updateEntry(system, known.id, entry.id, { enabled: false });
    expect(await ids()).toEqual([]);
    await t.vigie.banks.updateEntry(system, known.id, entry.id, { enabled: true });
    expect(await ids()).toEqual([entry.id]);
    await t.vigie.banks.updateBank(system, known.id, { enabled: false });
    expect(await ids()).toEqual([]);
    await t.vigie.banks.updateBank(system, known.id, { enabled: true });
    expect(await ids()).toEqual([entry.id]);
  });

  it('sets aside the matches of a query that hits a false-positive bank, and says which entry did', async () => {
    const known = await bank('Known D', 'baseline');
    const negative = await bank('Harmless look-alikes', 'false_positive');
    const pdq = randomHex(64);
    const md5 = randomHex(32);
    const near = await t.vigie.banks.addEntry(system, known.id, { pdq: flipBits(pdq, 10), pdqQuality: 100 });
    const far = await t.vigie.banks.addEntry(system, known.id, { pdq: flipBits(pdq, 2), pdqQuality: 100, md5 });
    const harmless = await t.vigie.banks.addEntry(system, negative.id, { pdq: flipBits(pdq, 5), pdqQuality: 100 });

    const [result] = await t.vigie.detection.match([{ pdq }]);
    // The look-alike (distance 5) is closer than `near` (10), not than `far` (2).
    expect(result!.matches.map((m) => m.entryId)).toEqual([far.id]);
    expect(result!.suppressed.map((m) => m.entryId)).toEqual([near.id]);
    expect(result!.suppressedBy).toMatchObject([{ entryId: harmless.id, purpose: 'false_positive', bankName: 'Harmless look-alikes' }]);
    expect(result!.suppressions).toEqual([{ entryId: near.id, by: [harmless.id] }]);

    // An exact hit of a known-harmless file sets everything aside; a perceptual one never sets aside an exact match.
    const exactHarmless = await t.vigie.banks.addEntry(system, negative.id, { md5 });
    const [exact] = await t.vigie.detection.match([{ pdq, md5 }]);
    expect(exact!.matches).toEqual([]);
    expect(exact!.suppressed.map((m) => [m.entryId, m.kind])).toEqual([
      [far.id, 'md5'],
      [near.id, 'pdq'],
    ]);
    expect(exact!.suppressedBy.map((m) => m.entryId)).toEqual([exactHarmless.id, harmless.id]);
    await t.vigie.banks.updateEntry(system, negative.id, exactHarmless.id, { enabled: false });
    const [perceptualOnly] = await t.vigie.detection.match([{ pdq, md5 }]);
    expect(perceptualOnly!.matches.map((m) => [m.entryId, m.kind])).toEqual([[far.id, 'md5']]);
  });

  it('refuses a query without a hash or with a malformed one, naming it', async () => {
    await expect(t.vigie.detection.match([{ md5: randomHex(32) }, {}])).rejects.toThrow(/queries\[1\] has no hash/);
    await expect(t.vigie.detection.match([{ pdq: 'xyz' }])).rejects.toThrow(/queries\[0\]\.pdq/);
  });
});

describe('two Vigie processes on one database', () => {
  it('a hash added, disabled or enabled in one is seen by the next lookup in the other', async () => {
    const known = await bank('Shared');
    const pdq = randomHex(64);
    // Both indexes are loaded before the change.
    expect((await other.vigie.detection.match([{ pdq }]))[0]!.matches).toEqual([]);
    const entry = await t.vigie.banks.addEntry(system, known.id, { pdq, pdqQuality: 100 });
    const seenByOther = async () => (await other.vigie.detection.match([{ pdq: flipBits(pdq, 3) }]))[0]!.matches.map((m) => m.entryId);
    expect(await seenByOther()).toEqual([entry.id]);
    await t.vigie.banks.updateEntry(system, known.id, entry.id, { enabled: false });
    expect(await seenByOther()).toEqual([]);
    await other.vigie.banks.updateEntry(system, known.id, entry.id, { enabled: true });
    expect((await t.vigie.detection.match([{ pdq }]))[0]!.matches.map((m) => m.entryId)).toEqual([entry.id]);
  });
});
