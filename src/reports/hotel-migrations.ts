import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/store/index.js';

/** The hotel flow: hotels of partner chains, the keys' hotel scopes, the hotel of each report. */
export const reportHotelMigrations: Migrations = {
  '20261201-30-reports-hotels': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table hotels (
          id uuid primary key,
          chain_id uuid not null,
          name text not null,
          country text not null,
          subdivision text,
          city text not null,
          address text not null,
          created_at timestamptz not null default now()
        );
        create index hotels_chain on hotels (chain_id, name);
        create table hotel_key_scopes (
          api_key_id uuid primary key,
          chain_id uuid not null,
          all_hotels boolean not null,
          updated_at timestamptz not null
        );
        create table hotel_key_scope_hotels (
          api_key_id uuid not null references hotel_key_scopes(api_key_id) on delete cascade,
          hotel_id uuid not null references hotels(id),
          primary key (api_key_id, hotel_id)
        );
        create table report_hotels (
          report_id uuid primary key references reports(id) on delete cascade,
          hotel_id uuid not null references hotels(id),
          indicators text[] not null
        );
        create index report_hotels_hotel on report_hotels (hotel_id);
      `.execute(db);
    },
  },
};
