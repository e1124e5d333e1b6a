import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { writeMerge, type NewLink } from './link-statements.js';
import type { ReportTables } from './tables.js';

/**
 * Clusters kept as a stored label per report (union–find with the labels flattened): each
 * new link merges the clusters of its two reports, in the transaction that writes it. A
 * report in no cluster stands alone. The largest cluster of a merge keeps its id and the
 * members of the others are relabelled (union by size), so a report changes label at most
 * log2(n) times over the life of the deployment, and the cluster of a report is read by its
 * key. Merges take turns under the linking lock (link-statements.ts, startLinking),
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
function groupsOf(links: readonly NewLink[]): Group[] {
  const forest = new Forest();
  const sizes = new Map<string, number>();
  const node = (reportId: string, clusterId: string | null, size: number | null) => {
    if (clusterId === null) return `r:${reportId}`;
    sizes.set(clusterId, Number(size));
    return `c:${clusterId}`;
  };
  for (const link of links) forest.union(node(link.a, link.aCluster, link.aSize), node(link.b, link.bCluster, link.bSize));
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

/**
 * Merges the clusters of newly linked reports (with the clusters they were in, read under
 * the linking lock), in one round trip. The caller holds the lock.
 */
export async function mergeClusters(trx: Transaction<ReportTables>, links: readonly NewLink[]): Promise<void> {
  const losers: string[] = [];
  const loserWinners: string[] = [];
  const lone: string[] = [];
  const loneWinners: string[] = [];
  const winners: string[] = [];
  const winnerSizes: number[] = [];
  for (const group of groupsOf(links)) {
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
  if (winners.length > 0) await writeMerge(trx, { losers, loserWinners, winners, winnerSizes, lone, loneWinners });
}
