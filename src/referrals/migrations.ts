import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/store/index.js';
import { defaultServiceLevels } from './service-levels.js';

/**
 * Referrals hang off their report (deleted with it at the end of its retention) and point at
 * identity's organisations. The service-level table starts from the defaults, written once,
 * so that a later change of the shipped defaults never changes a deployment's deadlines.
 */
export const referralMigrations: Migrations = {
  '20261211-10-referrals': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table referrals (
          id uuid primary key,
          report_id uuid not null references reports(id) on delete cascade,
          kind text not null,
          target text not null,
          organisation_id uuid references organisations(id),
          addressee jsonb,
          status text not null,
          urgent boolean not null,
          countries text[] not null,
          item_ids uuid[] not null,
          rule_version integer not null,
          rule_id text not null,
          trigger text not null,
          deadline timestamptz not null,
          deadline_status text not null,
          escalated_at timestamptz,
          created_at timestamptz not null,
          updated_at timestamptz not null,
          unique (report_id, target)
        );
        create index referrals_organisation on referrals (organisation_id, created_at desc);
        create index referrals_created on referrals (created_at desc, id desc);
        create index referrals_open_deadline on referrals (deadline) where escalated_at is null and status not in ('rejected', 'done');
        create index referrals_escalated on referrals (escalated_at) where escalated_at is not null;

        create table referral_events (
          id uuid primary key,
          referral_id uuid not null references referrals(id) on delete cascade,
          at timestamptz not null,
          event text not null,
          status text not null,
          actor_type text not null,
          actor_id uuid,
          reason text,
          outcome text,
          note_sealed text
        );
        create index referral_events_referral on referral_events (referral_id, at);

        create table referral_addressees (
          role text primary key,
          organisation_id uuid not null references organisations(id),
          updated_by uuid,
          updated_at timestamptz not null
        );

        create table referral_service_levels (
          kind text not null,
          urgent boolean not null,
          hours integer not null,
          met_at text not null,
          updated_by uuid,
          updated_at timestamptz not null,
          primary key (kind, urgent)
        );
      `.execute(db);
      const now = new Date().toISOString();
      for (const [kind, levels] of Object.entries(defaultServiceLevels)) {
        for (const urgent of [true, false]) {
          const level = urgent ? levels.urgent : levels.normal;
          await sql`insert into referral_service_levels (kind, urgent, hours, met_at, updated_at)
            values (${kind}, ${urgent}, ${level.hours}, ${level.metAt}, ${now})`.execute(db);
        }
      }
    },
  },
};
