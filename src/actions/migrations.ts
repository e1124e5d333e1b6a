import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/store/index.js';

/**
 * A notice's state hangs off its referral (deleted with it, and so with its report). The
 * primary key of `notice_attempts` is what makes an attempt happen once: a retry of the job,
 * or a second worker, inserting the same number fails and its transaction (with its mail)
 * rolls back.
 */
export const actionMigrations: Migrations = {
  '20261220-01-actions-notices': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table notices (
          referral_id uuid primary key references referrals(id) on delete cascade,
          report_id uuid not null,
          state text not null,
          recipients text[] not null,
          contact_source text not null,
          attempts integer not null default 0,
          first_noticed_at timestamptz,
          last_noticed_at timestamptz,
          stopped_at timestamptz,
          stopped_by uuid,
          removed_at timestamptz,
          registered_at timestamptz not null
        );
        create index notices_active on notices (last_noticed_at) where state = 'active';

        create table notice_attempts (
          referral_id uuid not null references notices(referral_id) on delete cascade,
          number integer not null,
          mail_id uuid not null unique,
          message_id text not null,
          queued_at timestamptz not null,
          mail_state text not null,
          settled_at timestamptz,
          primary key (referral_id, number)
        );

        create table notice_urls (
          id uuid primary key,
          referral_id uuid not null references notices(referral_id) on delete cascade,
          item_id uuid not null,
          url_sealed text not null,
          host text not null,
          registrable_domain text not null,
          last_checked_at timestamptz,
          last_outcome text,
          last_reason text,
          last_status integer,
          removed_streak integer not null default 0,
          removed_at timestamptz,
          seconds_to_removal integer,
          unique (referral_id, item_id)
        );
        create index notice_urls_host on notice_urls (host);

        create table removal_checks (
          id uuid primary key,
          notice_url_id uuid not null references notice_urls(id) on delete cascade,
          checked_at timestamptz not null,
          outcome text not null,
          reason text not null,
          status integer,
          sha256 text
        );
        create index removal_checks_url on removal_checks (notice_url_id, checked_at);

        create table host_contacts (
          name text primary key,
          emails text[] not null,
          language text,
          updated_by uuid,
          updated_at timestamptz not null
        );
      `.execute(db);
    },
  },
};
