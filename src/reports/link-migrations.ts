import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/store/index.js';
import { reportLinkFunctionMigrations } from './link-functions.js';

/**
 * PDQ linking and clusters (cross-match.ts). The PDQ hashes already held are numbered here,
 * and the clusters of the links already written are computed here (connected components by
 * label propagation), so that a deployment's existing reports keep their links' clusters.
 */
export const reportLinkMigrations: Migrations = {
  '20261210-10-reports-clusters': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table report_pdq_version (
          id boolean primary key default true check (id),
          version bigint not null
        );
        create table report_pdq_hashes (
          seq bigint primary key,
          item_id uuid not null unique references report_items(id) on delete cascade,
          report_id uuid not null references reports(id) on delete cascade,
          pdq bytea not null check (length(pdq) = 32),
          quality smallint
        );
        create index report_pdq_hashes_report on report_pdq_hashes (report_id);
        insert into report_pdq_hashes (seq, item_id, report_id, pdq, quality)
          select row_number() over (order by id), id, report_id, decode(pdq, 'hex'), pdq_quality
          from report_items where pdq is not null;
        insert into report_pdq_version (id, version) select true, count(*) from report_pdq_hashes;

        create table report_clusters (
          id uuid primary key,
          size integer not null check (size >= 2)
        );
        create table report_cluster_members (
          report_id uuid primary key references reports(id) on delete cascade,
          cluster_id uuid not null
        );
        create index report_cluster_members_cluster on report_cluster_members (cluster_id, report_id);

        create temporary table report_labels on commit drop as
          select distinct report_id, report_id as label from report_links;
        do $$
        declare changed integer;
        begin
          loop
            update report_labels l set label = n.label
            from (select r.report_id, min(o.label::text)::uuid as label
                  from report_labels r
                  join report_links k on k.report_id = r.report_id
                  join report_labels o on o.report_id = k.linked_report_id
                  group by r.report_id) n
            where n.report_id = l.report_id and n.label::text < l.label::text;
            get diagnostics changed = row_count;
            exit when changed = 0;
          end loop;
        end $$;
        insert into report_clusters (id, size) select label, count(*) from report_labels group by label;
        insert into report_cluster_members (report_id, cluster_id) select report_id, label from report_labels;
      `.execute(db);
    },
  },
  ...reportLinkFunctionMigrations,
};
