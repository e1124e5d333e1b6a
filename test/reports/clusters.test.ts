import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportContent } from '../../src/reports/index.js';
import { createTestVigie, signInAs, type TestVigie } from '../support/app.js';
import { bareReport, bitRange, flipBits, randomHex, secondVigie, seededRandom, storeReports } from './linking-support.js';

let t: TestVigie;
let other: Awaited<ReturnType<typeof secondVigie>>;
const random = seededRandom(5);

beforeAll(async () => {
  t = await createTestVigie();
  other = await secondVigie(t);
}, 120_000);
afterAll(async () => {
  await other?.close();
  await t?.close();
});

const store = (...contents: ReportContent[]) => storeReports(t.vigie.reports, contents);
const pdq = (hash: string, pdqQuality?: number) => ({ hashes: { pdq: hash }, ...(pdqQuality === undefined ? {} : { pdqQuality }) });
const email = (address: string) => ({ onlineIdentifiers: [{ email: address }] });

/** Every link of these reports, each pair once (a < b), with its reasons. */
async function linksAmong(ids: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ a: string; b: string; kind: string }>`
    select report_id as a, linked_report_id as b, kind from report_links
    where report_id = any(${[...ids]}::uuid[]) or linked_report_id = any(${[...ids]}::uuid[])`.execute(t.vigie.store.db);
  const name = (id: string) => (ids.includes(id) ? `#${ids.indexOf(id)}` : id);
  const directed = new Set(rows.map((row) => `${name(row.a)} ${name(row.b)} ${row.kind}`));
  for (const row of rows) expect(directed.has(`${name(row.b)} ${name(row.a)} ${row.kind}`), 'links go both ways').toBe(true);
  return rows
    .filter((row) => row.a < row.b)
    .map((row) => [name(row.a), name(row.b)].sort().join('–') + ` ${row.kind}`)
    .sort();
}

describe('linking on PDQ', () => {
  it('links media within the distance, of quality at the floor or unknown, and nothing beyond', async () => {
    const base = randomHex(random, 32);
    const ids = await store(
      bareReport({ media: [pdq(base, 90)] }),
      bareReport({ media: [pdq(flipBits(base, bitRange(0, 31)), 80)] }), // 31 from #0
      bareReport({ media: [pdq(flipBits(base, bitRange(100, 32)), 100)] }), // 32 from #0, 63 from #1
      bareReport({ media: [pdq(flipBits(base, bitRange(200, 10)), 49)] }), // near, below the floor
      bareReport({ media: [pdq(flipBits(base, bitRange(0, 10)))] }), // quality not given: 10 from #0, 21 from #1
    );
    expect(await t.vigie.reports.crossMatch(ids)).toBe(3);
    expect(await linksAmong(ids)).toEqual(['#0–#1 pdq', '#0–#4 pdq', '#1–#4 pdq']);
  });

  it('a process loads the index only once it links media', async () => {
    const [plain] = await storeReports(other.vigie.reports, [bareReport(email(`plain.${randomUUID()}@example.org`))]);
    await other.vigie.reports.crossMatch([plain!]);
    expect(other.vigie.reports.linkingIndexStats().hashes).toBe(0);
    // The five hashes of the first test but the one below the quality floor.
    expect(t.vigie.reports.linkingIndexStats().hashes).toBe(4);
  });

  it('a hash linked in one process is seen by the next linking in another', async () => {
    const seen = randomHex(random, 32);
    // Both processes have loaded their index before the hash is stored.
    const [warm] = await storeReports(other.vigie.reports, [bareReport({ media: [pdq(randomHex(random, 32))] })]);
    await other.vigie.reports.crossMatch([warm!]);
    const [first] = await store(bareReport({ media: [pdq(seen)] }));
    await t.vigie.reports.crossMatch([first!]);
    const [second] = await storeReports(other.vigie.reports, [bareReport({ media: [pdq(flipBits(seen, bitRange(50, 20)))] })]);
    expect(await other.vigie.reports.crossMatch([second!])).toBe(1);
    expect(other.vigie.reports.linkingIndexStats().hashes).toBeGreaterThan(5);
    expect(await linksAmong([first!, second!])).toEqual(['#0–#1 pdq']);
  });
});

describe('linking in two processes at once', () => {
  it('ends with one cluster and every link, whichever job runs first', async () => {
    // A chain: report i shares an e-mail with report i + 1, and every third one a near PDQ hash with the next.
    const base = randomHex(random, 32);
    const chain = Array.from({ length: 30 }, (_, i) =>
      bareReport({
        onlineIdentifiers: [{ email: `chain.${i}@example.org` }, { email: `chain.${i + 1}@example.org` }],
        ...(i % 3 === 0 ? { media: [pdq(flipBits(base, bitRange(i * 7, 3)))] } : {}),
      }),
    );
    const ids = await store(...chain);
    const jobs = ids.map((id, i) => (i % 2 === 0 ? t : other).vigie.reports.crossMatch([id]));
    await Promise.all(jobs);
    const [cluster] = await t.vigie.reports.clustersOf([ids[0]!]);
    expect(cluster!.size).toBe(30);
    expect([...cluster!.reportIds].sort()).toEqual([...ids].sort());
    const emailLinks = cluster!.links.filter((link) => link.reasons.includes('email'));
    expect(emailLinks).toHaveLength(29);
    // Hashes of reports 0, 3, 6, … are 3 bits from the base at disjoint places: 6 bits apart, all linked.
    expect(cluster!.links.filter((link) => link.reasons.includes('pdq'))).toHaveLength((10 * 9) / 2);
  });
});

describe('clusters', () => {
  let ids: string[];

  it('a report linked to two clusters merges them into one that lists every report and link with its reasons', async () => {
    const shared = `shared.${randomUUID()}@example.org`;
    const phone = `+3363998${String(Math.floor(random() * 10_000)).padStart(4, '0')}`;
    ids = await store(
      bareReport(email(shared)),
      bareReport(email(shared.toUpperCase())),
      bareReport({ onlineIdentifiers: [{ phone }] }),
      bareReport({ onlineIdentifiers: [{ phone }] }),
    );
    await t.vigie.reports.crossMatch(ids);
    const before = await t.vigie.reports.clustersOf(ids);
    expect(before.map((cluster) => [cluster.size, cluster.reportIds])).toEqual([
      [2, [ids[0], ids[1]]],
      [2, [ids[2], ids[3]]],
    ]);
    const [bridge] = await store(bareReport({ onlineIdentifiers: [{ email: shared }, { phone }] }));
    ids.push(bridge!);
    expect(await t.vigie.reports.crossMatch([bridge!])).toBe(4);

    const cluster = await t.vigie.reports.clusterOf(bridge!);
    expect([before[0]!.id, before[1]!.id], 'one of the clusters merged keeps its id').toContain(cluster.id);
    expect(cluster.size).toBe(5);
    expect(cluster.truncated).toBe(false);
    expect(cluster.reportIds).toEqual([bridge, ...ids.slice(0, 4).sort()]);
    const pair = (a: number, b: number) => [ids[a]!, ids[b]!].sort() as [string, string];
    expect(cluster.links.map((link) => [link.a, link.b, link.reasons])).toEqual(
      [
        [...pair(0, 1), ['email']],
        [...pair(2, 3), ['phone']],
        [...pair(0, 4), ['email']],
        [...pair(1, 4), ['email']],
        [...pair(2, 4), ['phone']],
        [...pair(3, 4), ['phone']],
      ].sort((x, y) => (`${x[0]}${x[1]}` < `${y[0]}${y[1]}` ? -1 : 1)),
    );
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from report_clusters where id = any(${before.map((c) => c.id!)}::uuid[])`.execute(t.vigie.store.db);
    expect(rows[0]!.n, 'the smaller cluster is gone').toBe(1);
  });

  it('answers the clusters of several reports once each, a report without links alone, an unknown report not at all', async () => {
    const [lone] = await store(bareReport());
    await t.vigie.reports.crossMatch([lone!]);
    const clusters = await t.vigie.reports.clustersOf([ids[3]!, lone!, ids[0]!, randomUUID()]);
    expect(clusters).toHaveLength(2);
    expect(clusters[0]!.reportIds.slice(0, 2)).toEqual([ids[3], ids[0]]);
    expect(clusters[0]!.reportIds.sort()).toEqual([...ids].sort());
    expect(clusters[1]).toEqual({ id: null, size: 1, reportIds: [lone], links: [], truncated: false });
    await expect(t.vigie.reports.clusterOf(randomUUID())).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('lists at most the limit, the report asked about first, and says it is truncated', async () => {
    const cluster = await t.vigie.reports.clusterOf(ids[2]!, { limit: 2 });
    expect(cluster.size).toBe(5);
    expect(cluster.reportIds).toHaveLength(2);
    expect(cluster.reportIds[0]).toBe(ids[2]);
    expect(cluster.truncated).toBe(true);
    for (const link of cluster.links) expect(cluster.reportIds).toEqual(expect.arrayContaining([link.a, link.b]));
  });

  it('linking again adds nothing and changes no cluster', async () => {
    const before = await t.vigie.reports.clusterOf(ids[0]!);
    expect(await t.vigie.reports.crossMatch(ids)).toBe(0);
    expect(await t.vigie.reports.clusterOf(ids[0]!)).toEqual(before);
  });

  it("shows the cluster in the report's staff view", async () => {
    const analyst = await signInAs(t, ['analyst']);
    const response = await t.vigie.app.inject({ method: 'GET', url: `/api/reports/${ids[4]}`, headers: analyst.headers });
    expect(response.statusCode, response.body).toBe(200);
    const { cluster, links } = response.json();
    expect(cluster).toEqual(await t.vigie.reports.clusterOf(ids[4]!));
    expect(links).toHaveLength(4);
  });
});
