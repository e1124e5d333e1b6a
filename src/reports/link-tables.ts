/**
 * What cross-matching keeps besides `report_links`: the PDQ hashes of reports' media in the
 * order every process's in-memory index reads them, and the clusters.
 */

/** The last number given to a PDQ hash. Its row lock is the linking lock (link-functions.ts): numbers commit in order. */
export interface ReportPdqVersionTable {
  id: boolean;
  version: string;
}

/** A media item's PDQ hash, numbered for the in-memory index (its id there). */
export interface ReportPdqHashesTable {
  seq: string;
  item_id: string;
  report_id: string;
  /** The 64 hex digits, as 32 bytes. */
  pdq: Uint8Array;
  quality: number | null;
}

/** A set of linked reports, two or more; a report in no cluster stands alone. */
export interface ReportClustersTable {
  id: string;
  size: number;
}

export interface ReportClusterMembersTable {
  report_id: string;
  cluster_id: string;
}

export interface LinkTables {
  report_pdq_version: ReportPdqVersionTable;
  report_pdq_hashes: ReportPdqHashesTable;
  report_clusters: ReportClustersTable;
  report_cluster_members: ReportClusterMembersTable;
}
