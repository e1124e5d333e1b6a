import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Migrations } from '../../src/platform/store/index.js';
import { createReportService, reportMigrations } from '../../src/reports/index.js';
import { openTestStore, type TestStore } from '../support/store.js';

/**
 * A deployment that held links and PDQ hashes before clusters existed: the migration numbers
 * the hashes and computes the clusters of the links already written.
 */
let testStore: TestStore;
const ids = Array.from({ length: 6 }, () => randomUUID());
const pdq = randomBytes(32).toString('hex');

const before = (set: Migrations): Migrations =>
  Object.fromEntries(Object.entries(set).filter(([name]) => name < '20261210-10-reports-clusters'));

beforeAll(async () => {
  testStore = await openTestStore();
  const { db } = testStore.store;
  await migrateToLatest(db, before(reportMigrations));
  for (const [i, id] of ids.entries()) {
    await sql`insert into reports (id, channel, category, urgent, status, countries, subdivisions, received_at, updated_at,
                consent_to_contact, url_count, media_count, identifier_count, children_count, reported_persons_count, priority, known_content)
              values (${id}, 'partner_api', 'other', false, 'received', '{}', '{}', now(), now(), false, 0, 1, 0, 0, 0, 0, false)`.execute(
      db,
    );
    await sql`insert into report_items (id, report_id, position, kind, pdq, pdq_quality)
              values (${randomUUID()}, ${id}, 0, 'media', ${i === 0 ? pdq : randomBytes(32).toString('hex')}, 90)`.execute(db);
  }
  // 0–1–2 a chain, 3–4 a pair, 5 alone.
  for (const [a, b] of [
    [0, 1],
    [1, 2],
    [3, 4],
  ] as const) {
    await sql`insert into report_links (report_id, linked_report_id, kind) values
              (${ids[a]}, ${ids[b]}, 'email'), (${ids[b]}, ${ids[a]}, 'email')`.execute(db);
  }
  await migrateToLatest(db, reportMigrations);
}, 60_000);
afterAll(() => testStore?.drop());

describe('the clusters migration', () => {
  it('computes the clusters of the links already held, and numbers the PDQ hashes already held', async () => {
    const { db } = testStore.store;
    const { rows } = await sql<{ report_id: string; cluster_id: string; size: number }>`
      select m.report_id, m.cluster_id, c.size from report_cluster_members m join report_clusters c on c.id = m.cluster_id`.execute(db);
    const byCluster = new Map<string, string[]>();
    for (const row of rows) byCluster.set(row.cluster_id, [...(byCluster.get(row.cluster_id) ?? []), row.report_id]);
    const clusters = [...byCluster.values()].map((members) => members.sort()).sort((a, b) => b.length - a.length);
    expect(clusters).toEqual([[ids[0], ids[1], ids[2]].sort(), [ids[3], ids[4]].sort()]);
    expect(rows.map((row) => Number(row.size)).sort()).toEqual([2, 2, 3, 3, 3]);
    const numbered = await sql<{ seqs: string[]; version: string }>`
      select array_agg(seq::text order by seq) as seqs, (select version::text from report_pdq_version) as version from report_pdq_hashes`.execute(
      db,
    );
    expect(numbered.rows[0]).toEqual({ seqs: ['1', '2', '3', '4', '5', '6'], version: '6' });
  });

  it('links a new report to a hash numbered by the migration, and to an existing cluster', async () => {
    const { db } = testStore.store;
    const reports = createReportService({
      db,
      sealer: { seal: (value) => value, open: (value) => value, blindIndex: (value) => value },
      audit: async () => undefined,
      jobs: { enqueue: async () => null },
    });
    const newId = randomUUID();
    await sql`insert into reports (id, channel, category, urgent, status, countries, subdivisions, received_at, updated_at,
                consent_to_contact, url_count, media_count, identifier_count, children_count, reported_persons_count, priority, known_content)
              values (${newId}, 'partner_api', 'other', false, 'received', '{}', '{}', now(), now(), false, 0, 1, 0, 0, 0, 0, false)`.execute(
      db,
    );
    await sql`insert into report_items (id, report_id, position, kind, pdq, pdq_quality)
              values (${randomUUID()}, ${newId}, 0, 'media', ${pdq}, 90)`.execute(db);
    expect(await reports.crossMatch([newId])).toBe(1);
    const cluster = await reports.clusterOf(newId);
    expect(cluster.size).toBe(4);
    expect([...cluster.reportIds].sort()).toEqual([newId, ids[0], ids[1], ids[2]].sort());
  });
});
