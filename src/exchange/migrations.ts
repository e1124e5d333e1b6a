import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/store/index.js';

export const exchangeMigrations: Migrations = {
  '20261221-01-exchange': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table exchange_partners (
          id uuid primary key,
          name text not null,
          base_url text not null,
          public_key text not null,
          key_id text not null unique,
          organisation_id uuid not null unique,
          created_at timestamptz not null,
          created_by uuid
        )`.execute(db);
      await sql`
        create table exchange_forwards (
          referral_id uuid primary key references referrals(id) on delete cascade,
          report_id uuid not null,
          partner_id uuid not null references exchange_partners(id),
          message_id uuid not null unique,
          payload_sealed text,
          state text not null check (state in ('pending', 'acknowledged')),
          attempts integer not null default 0,
          last_error text,
          remote_status text,
          created_at timestamptz not null,
          acknowledged_at timestamptz
        )`.execute(db);
      await sql`create index exchange_forwards_partner on exchange_forwards (partner_id, state)`.execute(db);
      await sql`
        create table exchange_imports (
          partner_id uuid not null references exchange_partners(id),
          message_id uuid not null,
          report_id uuid not null references reports(id) on delete cascade,
          remote_referral_id uuid not null,
          status text not null check (status in ('received', 'assessed', 'removed')),
          created_at timestamptz not null,
          updated_at timestamptz not null,
          primary key (partner_id, message_id)
        )`.execute(db);
      await sql`create index exchange_imports_open on exchange_imports (updated_at) where status <> 'removed'`.execute(db);
      await sql`
        create table exchange_outbox (
          id uuid primary key,
          partner_id uuid not null references exchange_partners(id),
          in_reply_to uuid not null,
          status text not null,
          at timestamptz not null,
          created_at timestamptz not null,
          delivered_at timestamptz
        )`.execute(db);
      await sql`
        create table exchange_inbox (
          partner_id uuid not null references exchange_partners(id),
          message_id uuid not null,
          received_at timestamptz not null,
          primary key (partner_id, message_id)
        )`.execute(db);
    },
  },
};
