import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/store/index.js';

export const identityMigrations: Migrations = {
  '20261122-20-identity': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table organisations (
          id uuid primary key,
          name text not null,
          kind text not null,
          country text,
          created_at timestamptz not null default now()
        );
        create table users (
          id uuid primary key,
          organisation_id uuid not null references organisations(id),
          email_sealed text not null,
          email_index text not null unique,
          name_sealed text not null,
          roles text[] not null,
          password_hash text not null,
          totp_secret_sealed text,
          totp_confirmed_at timestamptz,
          totp_last_step bigint,
          failed_logins integer not null default 0,
          locked_until timestamptz,
          disabled_at timestamptz,
          created_at timestamptz not null default now()
        );
        create table sessions (
          id text primary key,
          user_id uuid not null references users(id),
          csrf_token text not null,
          second_factor_done boolean not null,
          created_at timestamptz not null default now(),
          last_seen_at timestamptz not null,
          expires_at timestamptz not null,
          revoked_at timestamptz
        );
        create index sessions_user on sessions(user_id);
        create table api_keys (
          id uuid primary key,
          organisation_id uuid not null references organisations(id),
          name text not null,
          secret_hash text not null,
          scopes text[] not null,
          created_by uuid references users(id),
          created_at timestamptz not null default now(),
          revoked_at timestamptz,
          last_used_at timestamptz
        );
        create table setup_tokens (
          token_hash text primary key,
          created_at timestamptz not null default now(),
          used_at timestamptz
        );
      `.execute(db);
    },
  },
};
