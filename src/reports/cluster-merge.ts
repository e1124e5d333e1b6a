import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { ReportTables } from './tables.js';

/**
 * Clusters kept as a stored label per report (union–find with the labels flattened): each
 * new link merges the clusters of its two reports, in the transaction that writes it. A
 * report in no cluster stands alone. The largest cluster of a merge keeps its id and the
 * members of the others are relabelled (union by size), so a report changes label at most
 * log2(n) times over the life of the deployment, and the cluster of a report is read by its
 * key. Merges take turns under a transaction-level advisory lock (cross-match.ts takes it),
 * so two merges never read the same labels.
 */

/** A forest over the reports and clusters a batch of links touches. */
class Forest {
  readonly #parent = new Map<string, string>();

  find(node: string): string {
    let root = node;
    while (this.#parent.has(root) && this.#parent.get(root) !== root) root = this.#parent.get(root)!;
    let at = node;
    while (at !== root) {
      const next = this.#parent.get(at)!;
      this.#parent.set(at, root);
      at = next;
    }
    if (!this.#parent.has(root)) this.#parent.set(root, root);
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.#parent.set(ra, rb);
  }

  nodes(): string[] {
    return [...this.#parent.keys()];
  }
}

interface Group {
  clusters: { id: string; size: number }[];
  lone: string[];
}

/** The clusters joined by new links, each with the clusters and lone reports it merges. */
function groupsOf(pairs: readonly [string, string][], labels: ReadonlyMap<string, { clusterId: string; size: number }>): Group[] {
  const forest = new Forest();
  const node = (reportId: string) => {
    const label = labels.get(reportId);
    return label ? `c:${label.clusterId}` : `r:${reportId}`;
  };
  for (const [a, b] of pairs) forest.union(node(a), node(b));
  const sizes = new Map([...labels.values()].map((label) => [label.clusterId, label.size]));
  const groups = new Map<string, Group>();
  for (const name of forest.nodes()) {
    const root = forest.find(name);
    const group = groups.get(root) ?? { clusters: [], lone: [] };
    groups.set(root, group);
    const id = name.slice(2);
    if (name.startsWith('c:')) group.clusters.push({ id, size: sizes.get(id)! });
    else group.lone.push(id);
  }
  return [...groups.values()].filter((group) => group.clusters.length + group.lone.length > 1);
}

/** Merges the clusters of newly linked reports. The caller holds the linking lock. */
export async function mergeClusters(trx: Transaction<ReportTables>, pairs: readonly [string, string][]): Promise<void> {
  if (pairs.length === 0) return;
  const reportIds = [...new Set(pairs.flat())];
  const { rows } = await sql<{ report_id: string; cluster_id: string; size: number }>`
    select m.report_id, m.cluster_id, c.size
    from report_cluster_members m join report_clusters c on c.id = m.cluster_id
    where m.report_id = any(${reportIds}::uuid[])`.execute(trx);
  const labels = new Map(rows.map((row) => [row.report_id, { clusterId: row.cluster_id, size: Number(row.size) }]));

  const losers: string[] = [];
  const loserWinners: string[] = [];
  const lone: string[] = [];
  const loneWinners: string[] = [];
  const winners: string[] = [];
  const winnerSizes: number[] = [];
  for (const group of groupsOf(pairs, labels)) {
    group.clusters.sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1));
    const winner = group.clusters[0]?.id ?? randomUUID();
    for (const cluster of group.clusters.slice(1)) {
      losers.push(cluster.id);
      loserWinners.push(winner);
    }
    for (const reportId of group.lone) {
      lone.push(reportId);
      loneWinners.push(winner);
    }
    winners.push(winner);
    winnerSizes.push(group.clusters.reduce((sum, cluster) => sum + cluster.size, 0) + group.lone.length);
  }
  if (winners.length === 0) return;
  if (losers.length > 0) {
    await sql`
      update report_cluster_members m set cluster_id = v.winner
      from unnest(${losers}::uuid[], ${loserWinners}::uuid[]) as v(loser, winner)
      where m.cluster_id = v.loser`.execute(trx);
    await sql`delete from report_clusters where id = any(${losers}::uuid[])`.execute(trx);
  }
  await sql`
    insert into report_clusters (id, size)
    select * from unnest(${winners}::uuid[], ${winnerSizes}::int[])
    on conflict (id) do update set size = excluded.size`.execute(trx);
  if (lone.length > 0) {
    await sql`
      insert into report_cluster_members (report_id, cluster_id)
      select * from unnest(${lone}::uuid[], ${loneWinners}::uuid[])`.execute(trx);
  }
}
