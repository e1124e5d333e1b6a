import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/store/index.js';

/**
 * Media uploads, the quarantine, known-content matches and the assessment priority. The
 * priority of reports already held is computed here as `priorityOf` (model.ts) computes it,
 * from what is in clear: urgency and category (the children's ages are sealed).
 */
export const reportMediaMigrations: Migrations = {
  '20261201-20-reports-media': {
    async up(db: Kysely<unknown>) {
      await sql`
        alter table reports
          add column priority smallint not null default 0,
          add column known_content boolean not null default false,
          add column age_group text check (age_group in ('infant_toddler', 'prepubescent', 'pubescent'));
        update reports set priority = 4 * ((case when urgent then 4 else 0 end)
          + (case when category in ('trafficking_for_sexual_exploitation', 'child_prostitution') then 1 else 0 end));
        alter table reports alter column priority drop default;
        create index reports_priority on reports (priority desc, received_at, id);

        alter table report_items add column matched_at timestamptz;

        create table report_uploads (
          id uuid primary key,
          owner_kind text not null check (owner_kind in ('public', 'organisation', 'user')),
          owner_id uuid,
          received_at timestamptz not null,
          expires_at timestamptz not null,
          media_type text not null,
          size integer not null,
          width integer,
          height integer,
          md5 text not null,
          sha1 text not null,
          sha256 text not null,
          pdq text,
          pdq_quality smallint,
          file_name_sealed text,
          check ((owner_kind = 'public') = (owner_id is null))
        );
        create index report_uploads_expiry on report_uploads (expires_at);

        create table report_media_quarantine (
          id uuid primary key,
          report_id uuid references reports(id) on delete cascade,
          item_id uuid references report_items(id) on delete cascade,
          media_type text not null,
          size integer not null,
          stored_at timestamptz not null,
          delete_after timestamptz not null,
          content_sealed bytea not null
        );
        create index report_media_quarantine_expiry on report_media_quarantine (delete_after);
        create index report_media_quarantine_unused on report_media_quarantine (stored_at) where item_id is null;
        create unique index report_media_quarantine_item on report_media_quarantine (item_id);

        create table report_media_matches (
          report_id uuid not null references reports(id) on delete cascade,
          item_id uuid not null references report_items(id) on delete cascade,
          bank_id uuid not null,
          bank_name text not null,
          bank_purpose text not null,
          entry_id text not null,
          kind text not null check (kind in ('pdq', 'md5', 'sha1', 'sha256')),
          distance smallint not null,
          legal_status text not null,
          industry_category text,
          age_group text,
          suppressed boolean not null,
          suppressed_by text[] not null,
          matched_at timestamptz not null,
          primary key (item_id, entry_id)
        );
        create index report_media_matches_report on report_media_matches (report_id);
        create index report_media_matches_entry on report_media_matches (entry_id);
      `.execute(db);
    },
  },
};
