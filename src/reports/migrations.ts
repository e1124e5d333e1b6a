import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/store/index.js';
import { reportAssessmentMigrations } from './assessment-migrations.js';
import { reportHotelMigrations } from './hotel-migrations.js';
import { reportLinkMigrations } from './link-migrations.js';
import { reportMediaMigrations } from './media-migrations.js';

/**
 * The reports and what hangs off them. Personal fields are in `*_sealed` columns (see
 * model.ts for the list); what is in clear is what filtering, routing and statistics need
 * and identifies nobody.
 */
export const reportMigrations: Migrations = {
  '20261123-30-reports': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table reports (
          id uuid primary key,
          channel text not null,
          category text not null,
          urgent boolean not null,
          status text not null,
          language text,
          countries text[] not null,
          subdivisions text[] not null,
          occurred text,
          submitted_at timestamptz,
          received_at timestamptz not null,
          updated_at timestamptz not null,
          organisation_id uuid,
          api_key_id uuid,
          reporter_role text,
          consent_to_contact boolean not null,
          url_count integer not null,
          media_count integer not null,
          identifier_count integer not null,
          children_count integer not null,
          reported_persons_count integer not null,
          narrative_sealed text,
          reporter_contact_sealed text,
          children_sealed text,
          reported_persons_sealed text,
          places_sealed text,
          receipt_hash text unique
        );
        create index reports_received on reports (received_at desc, id desc);
        create index reports_countries on reports using gin (countries);
        create index reports_urgent on reports (received_at desc) where urgent;

        create table report_additions (
          id uuid primary key,
          report_id uuid not null references reports(id) on delete cascade,
          received_at timestamptz not null,
          narrative_sealed text
        );
        create index report_additions_report on report_additions (report_id, received_at);

        create table report_items (
          id uuid primary key,
          report_id uuid not null references reports(id) on delete cascade,
          addition_id uuid references report_additions(id) on delete cascade,
          position integer not null,
          kind text not null check (kind in ('url', 'media', 'online_identifier')),
          url_host text,
          md5 text,
          sha1 text,
          sha256 text,
          pdq text,
          pdq_quality smallint,
          media_type text,
          value_sealed text
        );
        create index report_items_report on report_items (report_id, position);

        create table report_match_keys (
          report_id uuid not null references reports(id) on delete cascade,
          kind text not null,
          value text not null,
          primary key (report_id, kind, value)
        );
        create index report_match_keys_value on report_match_keys (kind, value);

        create table report_links (
          report_id uuid not null references reports(id) on delete cascade,
          linked_report_id uuid not null references reports(id) on delete cascade,
          kind text not null,
          linked_at timestamptz not null default now(),
          primary key (report_id, linked_report_id, kind)
        );

        create table report_idempotency (
          organisation_id uuid not null,
          key text not null,
          fingerprint text not null,
          response jsonb not null,
          created_at timestamptz not null default now(),
          primary key (organisation_id, key)
        );
      `.execute(db);
    },
  },
  '20261201-10-reports-helpline-calls': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table report_calls (
          report_id uuid primary key references reports(id) on delete cascade,
          recorded_by uuid not null,
          caller_type text not null,
          started_at timestamptz not null,
          ended_at timestamptz not null,
          referrals text[] not null,
          advice_sealed text,
          referral_note_sealed text
        );
        create index report_calls_recorded_by on report_calls (recorded_by);
      `.execute(db);
    },
  },
  // Keys are scoped to an organisation (partners) or to a staff member (the helpline), and expire.
  '20261201-11-reports-idempotency-owners': {
    async up(db: Kysely<unknown>) {
      await sql`
        alter table report_idempotency rename column organisation_id to owner_id;
        alter table report_idempotency add column owner_kind text not null default 'organisation';
        alter table report_idempotency alter column owner_kind drop default;
        alter table report_idempotency drop constraint report_idempotency_pkey;
        alter table report_idempotency add primary key (owner_kind, owner_id, key);
        create index report_idempotency_created on report_idempotency (created_at);
      `.execute(db);
    },
  },
  ...reportMediaMigrations,
  ...reportHotelMigrations,
  ...reportLinkMigrations,
  ...reportAssessmentMigrations,
};
