import { sql, type Kysely, type Transaction } from 'kysely';
import { Problem } from '../platform/http/index.js';
import type { ReportContext } from './context.js';
import type { LinkReason } from './match-keys.js';
import type { ReportTables } from './tables.js';
import type { Cluster } from './views.js';

/**
 * A cluster (views.ts): reports joined by links, directly or through others (link-functions.ts
 * keeps them). What staff see of it, and what routing reads to know who already handles a
 * case. `id` is null for a report that stands alone; `reportIds` lists the reports asked
 * about first, then the others by id, at most `limit` (more if more were asked); `links`
 * are those among the reports listed, each pair once (`a` < `b`).
 */

export interface ClusterOptions {
  /** Reports listed per cluster; default 1,000. */
  limit?: number;
}

const defaultLimit = 1000;
/** Links listed per cluster, at most (a dense cluster of 1,000 reports could hold half a million). */
const linksPerCluster = 5000;

type Reader = Kysely<ReportTables> | Transaction<ReportTables>;

/** The distinct clusters of these reports, in the order first asked; unknown reports are left out. */
export async function readClusters(db: Reader, reportIds: readonly string[], options: ClusterOptions = {}): Promise<Cluster[]> {
  const limit = options.limit ?? defaultLimit;
  const asked = [...new Set(reportIds)];
  if (asked.length === 0) return [];
  const { rows: labels } = await sql<{ id: string; cluster_id: string | null; size: number | null }>`
    select r.id, m.cluster_id, c.size
    from reports r
    left join report_cluster_members m on m.report_id = r.id
    left join report_clusters c on c.id = m.cluster_id
    where r.id = any(${asked}::uuid[])`.execute(db);
  const labelOf = new Map(labels.map((row) => [row.id, row]));
  const clusters = new Map<string, Cluster>();
  for (const id of asked) {
    const label = labelOf.get(id);
    if (!label) continue;
    const key = label.cluster_id ?? `alone:${id}`;
    const cluster = clusters.get(key) ?? {
      id: label.cluster_id,
      size: Number(label.size ?? 1),
      reportIds: [],
      links: [],
      truncated: false,
    };
    cluster.reportIds.push(id);
    clusters.set(key, cluster);
  }
  const grouped = [...clusters.values()].filter((cluster) => cluster.id !== null);
  if (grouped.length > 0) {
    const { rows } = await sql<{ cluster_id: string; report_id: string }>`
      select c.id as cluster_id, m.report_id
      from unnest(${grouped.map((cluster) => cluster.id!)}::uuid[]) as c(id)
      cross join lateral (
        select report_id from report_cluster_members where cluster_id = c.id order by report_id limit ${limit}
      ) m`.execute(db);
    const byId = new Map(grouped.map((cluster) => [cluster.id!, cluster]));
    for (const row of rows) {
      const cluster = byId.get(row.cluster_id)!;
      if (cluster.reportIds.length < limit && !cluster.reportIds.includes(row.report_id)) cluster.reportIds.push(row.report_id);
    }
    await addLinks(db, grouped);
    for (const cluster of grouped) cluster.truncated ||= cluster.reportIds.length < cluster.size;
  }
  return [...clusters.values()];
}

async function addLinks(db: Reader, clusters: readonly Cluster[]): Promise<void> {
  const clusterOf = new Map(clusters.flatMap((cluster) => cluster.reportIds.map((id) => [id, cluster] as const)));
  const listed = [...clusterOf.keys()];
  const { rows } = await sql<{ report_id: string; linked_report_id: string; kind: LinkReason }>`
    select report_id, linked_report_id, kind from report_links
    where report_id = any(${listed}::uuid[]) and linked_report_id = any(${listed}::uuid[]) and report_id < linked_report_id
    order by report_id, linked_report_id, kind`.execute(db);
  const pairs = new Map<string, Cluster['links'][number]>();
  for (const row of rows) {
    const cluster = clusterOf.get(row.report_id)!;
    const key = `${row.report_id}|${row.linked_report_id}`;
    let link = pairs.get(key);
    if (!link) {
      if (cluster.links.length >= linksPerCluster) {
        cluster.truncated = true;
        continue;
      }
      link = { a: row.report_id, b: row.linked_report_id, reasons: [] };
      pairs.set(key, link);
      cluster.links.push(link);
    }
    link.reasons.push(row.kind);
  }
}

/** The cluster of one report (itself alone when it has no link); 404 for an unknown report. */
export async function clusterOf(ctx: ReportContext, reportId: string, options: ClusterOptions = {}): Promise<Cluster> {
  const [cluster] = await readClusters(ctx.db, [reportId], options);
  if (!cluster) throw new Problem('not-found');
  return cluster;
}

/** The distinct clusters of these reports, each listing the reports asked that it holds. */
export function clustersOf(ctx: ReportContext, reportIds: readonly string[], options: ClusterOptions = {}): Promise<Cluster[]> {
  return readClusters(ctx.db, reportIds, options);
}
