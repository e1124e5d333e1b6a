import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/store/index.js';

/**
 * The linking job's work in the database (link-statements.ts calls it), as PL/pgSQL
 * functions: one call is one round trip, and PostgreSQL keeps the plans of a function's
 * statements per session (generic plans, forced: they do not depend on the arguments'
 * values), where a statement sent as text is planned at every call — planning was more
 * than half of each statement's time (0.25–0.4 ms of 0.35–0.65).
 *
 * Every call first takes the linking lock, the row lock of `report_pdq_version` held until
 * its commit, so that the jobs of every process take turns: hashes are numbered, links
 * written and clusters merged by one call at a time, and each statement of a call sees
 * what the previous holder committed. Every call commits without waiting for the disk
 * (`synchronous_commit` off for its transaction): links and clusters are derived data, and
 * the job is marked done only by a later commit that waits, which writes this one to disk
 * first (the log is written in order); a crash before that runs the job again.
 *
 * - `report_link_keys(ids, seen, page, per_key)`: numbers the PDQ hashes of these reports'
 *   media not numbered yet; links them, both ways, to every report sharing one of their
 *   match keys (at most `per_key` per key) and merges the clusters; answers the pairs
 *   newly linked (`linked`), the last number given before this call (`before`), every
 *   numbered hash of these reports (`own`) and up to `page` hashes numbered after `seen`
 *   and up to `before` (`fresh`, for the caller's in-memory index).
 * - `report_link_near(near_reports, near_seqs, pair_a, pair_b)`: links near duplicates
 *   found in memory — a report and a hash's number, or two reports — and merges the
 *   clusters; answers the pairs newly linked.
 * - `report_links_add(xs, ys, kinds)`: writes links both ways (`on conflict do nothing`)
 *   and joins the clusters of each pair newly linked (`report_clusters_join`).
 * - `report_clusters_join(x, y)`: the clusters of two reports become one (cluster-merge
 *   in README: the larger keeps its id, the other's members are relabelled).
 */
export const reportLinkFunctionMigrations: Migrations = {
  // The first version of these functions, created here, is replaced by the next migration.
  '20261210-11-reports-linking-functions': {
    async up() {},
  },
  '20261210-12-reports-linking-in-one-call': {
    async up(db: Kysely<unknown>) {
      await sql`
        drop function if exists report_linking_start(uuid[], bigint, integer);
        drop function if exists report_linking_write(uuid[], uuid[], bigint[], uuid[], uuid[], integer);
        drop function if exists report_clusters_merge(uuid[], uuid[], uuid[], integer[], uuid[], uuid[]);

        create or replace function report_clusters_join(x uuid, y uuid) returns void
        language plpgsql set plan_cache_mode = force_generic_plan as $$
        declare
          cx uuid; cy uuid; sx integer; sy integer; winner uuid; loser uuid;
        begin
          select m.cluster_id, c.size into cx, sx from report_cluster_members m join report_clusters c on c.id = m.cluster_id where m.report_id = x;
          select m.cluster_id, c.size into cy, sy from report_cluster_members m join report_clusters c on c.id = m.cluster_id where m.report_id = y;
          if cx is null and cy is null then
            winner := gen_random_uuid();
            insert into report_clusters (id, size) values (winner, 2);
            insert into report_cluster_members (report_id, cluster_id) values (x, winner), (y, winner);
          elsif cx is null or cy is null then
            winner := coalesce(cx, cy);
            insert into report_cluster_members (report_id, cluster_id) values (case when cx is null then x else y end, winner);
            update report_clusters set size = size + 1 where id = winner;
          elsif cx <> cy then
            if sx > sy or (sx = sy and cx < cy) then winner := cx; loser := cy; else winner := cy; loser := cx; end if;
            update report_cluster_members set cluster_id = winner where cluster_id = loser;
            update report_clusters set size = sx + sy where id = winner;
            delete from report_clusters where id = loser;
          end if;
        end $$;

        create or replace function report_links_add(xs uuid[], ys uuid[], kinds text[]) returns integer
        language plpgsql set plan_cache_mode = force_generic_plan as $$
        declare
          pair record;
          added integer := 0;
        begin
          for pair in
            with given as (select distinct p.x, p.y, p.k from unnest(xs, ys, kinds) as p(x, y, k) where p.x <> p.y),
            written as (
              insert into report_links (report_id, linked_report_id, kind)
              select w.x, w.y, w.k from (select g.x, g.y, g.k from given g union select g.y, g.x, g.k from given g) w
              order by 1, 2, 3
              on conflict do nothing
              returning report_links.report_id as x, report_links.linked_report_id as y
            )
            select distinct w.x, w.y from written w where w.x < w.y
          loop
            perform report_clusters_join(pair.x, pair.y);
            added := added + 1;
          end loop;
          return added;
        end $$;

        create or replace function report_link_keys(ids uuid[], seen bigint, page integer, per_key integer)
        returns table (part text, seq bigint, report_id uuid, pdq bytea, quality smallint)
        language plpgsql set plan_cache_mode = force_generic_plan as $$
        declare
          last_given bigint;
          numbered bigint;
          xs uuid[];
          ys uuid[];
          kinds text[];
          linked integer;
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
          select array_agg(m.report_id), array_agg(t.report_id), array_agg(m.kind) into xs, ys, kinds
          from report_match_keys m
          cross join lateral (
            select k.report_id from report_match_keys k
            where k.kind = m.kind and k.value = m.value and k.report_id <> m.report_id
            limit per_key
          ) t
          where m.report_id = any(ids);
          linked := report_links_add(coalesce(xs, '{}'), coalesce(ys, '{}'), coalesce(kinds, '{}'));
          return query
            select 'linked'::text, linked::bigint, null::uuid, null::bytea, null::smallint
            union all
            select 'before'::text, last_given, null::uuid, null::bytea, null::smallint
            union all
            select 'own'::text, h.seq, h.report_id, h.pdq, h.quality from report_pdq_hashes h where h.report_id = any(ids)
            union all
            (select 'fresh'::text, h.seq, null::uuid, h.pdq, h.quality from report_pdq_hashes h
             where h.seq > seen and h.seq <= last_given order by h.seq limit page);
        end $$;

        create or replace function report_link_near(near_reports uuid[], near_seqs bigint[], pair_a uuid[], pair_b uuid[])
        returns integer
        language plpgsql set plan_cache_mode = force_generic_plan as $$
        declare
          xs uuid[];
          ys uuid[];
        begin
          perform set_config('synchronous_commit', 'off', true);
          perform 1 from report_pdq_version for update;
          select array_agg(n.x), array_agg(n.y) into xs, ys from (
            select c.report_id as x, h.report_id as y
            from unnest(near_reports, near_seqs) as c(report_id, seq) join report_pdq_hashes h on h.seq = c.seq
            union
            select p.a, p.b from unnest(pair_a, pair_b) as p(a, b)
          ) n;
          return report_links_add(coalesce(xs, '{}'), coalesce(ys, '{}'), array_fill('pdq'::text, array[coalesce(cardinality(xs), 0)]));
        end $$;
      `.execute(db);
    },
  },
};
