import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestVigie, type TestVigie } from '../support/app.js';
import { seededRandom, storeReports } from './linking-support.js';
import { generatePlantedData, type PlantedData } from './planted-data.js';

/**
 * Issue 5's "done means": 10,000 generated reports with planted links of every reason
 * (planted-data.ts). They are stored 500 at a time through the service, in a shuffled
 * order, each batch followed by its cross-matching job; then the URLs are analysed (the
 * follow-up that adds the canonical URL and the domain and path) and the reports that
 * gained keys are matched again, as the job the analysis enqueues does. The clusters must
 * then be exactly the planted ones, and the links exactly the planted pairs with exactly
 * their reasons. The jobs are run in this process, one after the other, rather than by the
 * queue's workers: the same code, without waiting for polls.
 */
const size = 10_000;
const batch = 500;

let t: TestVigie;
let plan: PlantedData;
/** Report id of each planted index. */
let ids: string[];

beforeAll(async () => {
  t = await createTestVigie();
  plan = generatePlantedData(size, 2026);
  const order = plan.reports.map((_, i) => i);
  const random = seededRandom(7);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  ids = new Array<string>(size);
  for (let start = 0; start < size; start += batch) {
    const chosen = order.slice(start, start + batch);
    const stored = await storeReports(
      t.vigie.reports,
      chosen.map((i) => plan.reports[i]!),
    );
    chosen.forEach((i, n) => (ids[i] = stored[n]!));
    await t.vigie.reports.crossMatch(stored);
  }
  for (let start = 0; start < size; start += batch) {
    const chosen = order.slice(start, start + batch).map((i) => ids[i]!);
    await t.vigie.urls.analyseReports(chosen, randomUUID());
    await t.vigie.reports.crossMatch(chosen);
  }
}, 600_000);
afterAll(() => t?.close());

describe('10,000 reports with planted links', () => {
  it('plants every reason and every decoy', () => {
    const reasons = new Set([...plan.links.values()].flatMap((set) => [...set]));
    expect([...reasons].sort()).toEqual(
      [
        'account',
        'canonical_url',
        'domain_path',
        'email',
        'identity',
        'md5',
        'pdq',
        'phone',
        'profile_url',
        'sha1',
        'sha256',
        'url',
      ].sort(),
    );
    for (const [kind, count] of Object.entries(plan.census)) expect(count, kind).toBeGreaterThan(0);
    expect(plan.reports).toHaveLength(size);
  });

  it('computes exactly the planted clusters, every other report alone', async () => {
    const { rows } = await sql<{ cluster_id: string; report_id: string; size: number }>`
      select m.cluster_id, m.report_id, c.size from report_cluster_members m join report_clusters c on c.id = m.cluster_id`.execute(
      t.vigie.store.db,
    );
    const computed = new Map<string, string[]>();
    for (const row of rows) computed.set(row.cluster_id, [...(computed.get(row.cluster_id) ?? []), row.report_id]);
    for (const row of rows) expect(Number(row.size), 'the stored size').toBe(computed.get(row.cluster_id)!.length);
    const canonical = (clusters: string[][]) => clusters.map((members) => [...members].sort().join(' ')).sort();
    const found = canonical([...computed.values()]);
    const expected = canonical(plan.clusters.map((members) => members.map((i) => ids[i]!)));
    const [foundSet, expectedSet] = [new Set(found), new Set(expected)];
    const missing = expected.filter((cluster) => !foundSet.has(cluster));
    const extra = found.filter((cluster) => !expectedSet.has(cluster));
    expect({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }).toEqual({ missing: [], extra: [] });
    expect(found).toHaveLength(expected.length);
  });

  it('links exactly the planted pairs, in both directions, each with exactly its reasons', async () => {
    const { rows } = await sql<{ a: string; b: string; kind: string }>`
      select report_id as a, linked_report_id as b, kind from report_links`.execute(t.vigie.store.db);
    const indexOf = new Map(ids.map((id, i) => [id, i]));
    const directed = new Set(rows.map((row) => `${row.a}|${row.b}|${row.kind}`));
    const computed = new Map<string, Set<string>>();
    for (const row of rows) {
      expect(directed.has(`${row.b}|${row.a}|${row.kind}`), 'the link back').toBe(true);
      const [a, b] = [indexOf.get(row.a)!, indexOf.get(row.b)!];
      if (a > b) continue;
      const key = `${a}|${b}`;
      computed.set(key, (computed.get(key) ?? new Set()).add(row.kind));
    }
    const flat = (links: Map<string, Set<string>>) =>
      [...links].map(([pair, reasons]) => `${pair} ${[...reasons].sort().join(',')}`).sort();
    const [expected, found] = [flat(plan.links), flat(computed)];
    const [expectedSet, foundSet] = [new Set(expected), new Set(found)];
    const missing = expected.filter((line) => !foundSet.has(line));
    const extra = found.filter((line) => !expectedSet.has(line));
    expect({ missing: missing.slice(0, 10), extra: extra.slice(0, 10) }).toEqual({ missing: [], extra: [] });
    expect(computed.size).toBe(plan.links.size);
  });

  it('answers the same clusters through the service', async () => {
    const sample = plan.clusters.slice(0, 50);
    const clusters = await t.vigie.reports.clustersOf(sample.map((members) => ids[members[0]!]!));
    expect(clusters.map((cluster) => [...cluster.reportIds].sort())).toEqual(sample.map((members) => members.map((i) => ids[i]!).sort()));
    for (const cluster of clusters) {
      for (const link of cluster.links) {
        const [a, b] = [ids.indexOf(link.a), ids.indexOf(link.b)].sort((x, y) => x - y);
        expect([...link.reasons].sort()).toEqual([...plan.links.get(`${a}|${b}`)!].sort());
      }
    }
  });
});
