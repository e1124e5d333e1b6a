import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/store/index.js';

/**
 * The linking job's statements (link-statements.ts calls them), as PL/pgSQL functions
 * whose plans PostgreSQL keeps per session (generic plans, forced: the statements' plans do
 * not depend on their arguments' values), where a statement sent as text is planned at
 * every call. Planning was more than half of each statement's time (0.25–0.4 ms of
 * 0.35–0.65); with kept plans, linking one report took 1.7 ms instead of 2.35 (p50, the
 * linking benchmark at 100,000 reports). Each function is one round trip.
 *
 * `report_linking_start`: takes the linking lock (the row lock of `report_pdq_version`,
 * held until commit, so that the jobs of every process take turns), commits without
 * waiting for the disk (see link-statements.ts), numbers the PDQ hashes of these reports'
 * media not numbered yet, and answers the last number given before this job (`before`),
 * every numbered hash of these reports (`own`) and up to `page` hashes numbered after
 * `seen` and before this job (`fresh`, for the in-memory index). Each statement of a function sees what committed before it began, so the hashes
 * read after the lock is granted include those of the job that held it last.
 *
 * `report_linking_write`: writes, both ways, the links of these reports to every report
 * sharing a match key (at most `per_key` per key) and to the near duplicates found in
 * memory (a report and a hash's number, or two reports), and answers the pairs newly
 * linked, once each, with the clusters their reports were in.
 *
 * `report_clusters_merge`: relabels the members of the clusters that lose a merge, drops
 * those clusters, sets the winners' sizes and adds the lone reports to their winners.
 */
export const reportLinkFunctionMigrations: Migrations = {
  '20261210-11-reports-linking-functions': {
    async up(db: Kysely<unknown>) {
      await sql`
        create or replace function report_linking_start(ids uuid[], seen bigint, page integer)
        returns table (part text, seq bigint, report_id uuid, pdq bytea, quality smallint)
        language plpgsql set plan_cache_mode = force_generic_plan as $$
        declare
          last_given bigint;
          numbered bigint;
        begin
          perform set_config('synchronous_commit', 'off', true);
          select v.version into last_given from report_pdq_version v for update;
          with fresh as (
            select i.id, i.report_id, decode(i.pdq, 'hex') as pdq, i.pdq_quality, row_number() over (order by i.id) as n
            from report_items i
            where i.report_id = any(ids) and i.pdq is not null
              and not exists (select 1 from report_pdq_hashes h where h.item_id = i.id)
          ),
          added as (
            insert into report_pdq_hashes (seq, item_id, report_id, pdq, quality)
            select last_given + f.n, f.id, f.report_id, f.pdq, f.pdq_quality from fresh f
            on conflict (item_id) do nothing
            returning 1
          )
          select count(*) into numbered from fresh;
          if numbered > 0 then
            update report_pdq_version set version = last_given + numbered;
          end if;
          return query
            select 'before'::text, last_given, null::uuid, null::bytea, null::smallint
            union all
            select 'own'::text, h.seq, h.report_id, h.pdq, h.quality from report_pdq_hashes h where h.report_id = any(ids)
            union all
            (select 'fresh'::text, h.seq, null::uuid, h.pdq, h.quality from report_pdq_hashes h
             where h.seq > seen and h.seq <= last_given order by h.seq limit page);
        end $$;

        create or replace function report_linking_write(
          ids uuid[], near_reports uuid[], near_seqs bigint[], pair_a uuid[], pair_b uuid[], per_key integer
        )
        returns table (a uuid, b uuid, a_cluster uuid, a_size integer, b_cluster uuid, b_size integer)
        language plpgsql set plan_cache_mode = force_generic_plan as $$
        begin
          return query
            with keyed as (
              select m.report_id, t.report_id as other, m.kind
              from report_match_keys m
              cross join lateral (
                select k.report_id from report_match_keys k
                where k.kind = m.kind and k.value = m.value and k.report_id <> m.report_id
                limit per_key
              ) t
              where m.report_id = any(ids)
            ),
            near as (
              select c.report_id, h.report_id as other, 'pdq'::text as kind
              from unnest(near_reports, near_seqs) as c(report_id, seq)
              join report_pdq_hashes h on h.seq = c.seq
              where h.report_id <> c.report_id
              union
              select p.x, p.y, 'pdq'::text from unnest(pair_a, pair_b) as p(x, y)
            ),
            pairs as (select * from keyed union select * from near),
            added as (
              insert into report_links (report_id, linked_report_id, kind)
              select w.report_id, w.other, w.kind
              from (select p.report_id, p.other, p.kind from pairs p union select p.other, p.report_id, p.kind from pairs p) w
              order by 1, 2, 3
              on conflict do nothing
              returning report_links.report_id, report_links.linked_report_id
            )
            select distinct l.report_id, l.linked_report_id, ma.cluster_id, ca.size, mb.cluster_id, cb.size
            from added l
            left join report_cluster_members ma on ma.report_id = l.report_id
            left join report_clusters ca on ca.id = ma.cluster_id
            left join report_cluster_members mb on mb.report_id = l.linked_report_id
            left join report_clusters cb on cb.id = mb.cluster_id
            where l.report_id < l.linked_report_id;
        end $$;

        create or replace function report_clusters_merge(
          losers uuid[], loser_winners uuid[], winners uuid[], sizes integer[], lone uuid[], lone_winners uuid[]
        )
        returns void
        language plpgsql set plan_cache_mode = force_generic_plan as $$
        begin
          update report_cluster_members m set cluster_id = v.winner
          from unnest(losers, loser_winners) as v(loser, winner)
          where m.cluster_id = v.loser;
          delete from report_clusters where id = any(losers);
          insert into report_clusters (id, size) select * from unnest(winners, sizes)
          on conflict (id) do update set size = excluded.size;
          insert into report_cluster_members (report_id, cluster_id) select * from unnest(lone, lone_winners);
        end $$;
      `.execute(db);
    },
  },
};
