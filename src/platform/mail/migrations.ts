import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../store/index.js';

export const mailMigrations: Migrations = {
  '20261215-10-mail-outbox': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table mail_outbox (
          id uuid primary key,
          key text not null unique,
          purpose text not null,
          message_id text not null unique,
          message_sealed text not null,
          recipients integer not null,
          state text not null check (state in ('pending', 'sent', 'failed')),
          tries integer not null default 0,
          claimed_until timestamptz,
          last_error text,
          accepted integer,
          rejected integer,
          date timestamptz not null,
          created_at timestamptz not null,
          settled_at timestamptz
        );
        create index mail_outbox_pending on mail_outbox (created_at) where state = 'pending';
      `.execute(db);
    },
  },
};
