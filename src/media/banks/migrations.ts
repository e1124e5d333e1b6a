import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../../platform/store/index.js';

/**
 * Hash banks, their entries, imports in progress, and the change log that keeps every
 * process's matching index current (changes.ts). Hashes are stored as raw bytes: half the
 * size of hex text, in the table and in the indexes on the exact hashes.
 */
export const bankMigrations: Migrations = {
  '20261124-40-media-banks': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table hash_banks (
          id uuid primary key,
          name text not null,
          purpose text not null check (purpose in ('baseline', 'national', 'false_positive', 'partner')),
          source text not null,
          description text not null,
          enabled boolean not null,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        );
        create unique index hash_banks_name on hash_banks (lower(name));

        create table hash_bank_entries (
          id bigint generated always as identity primary key,
          bank_id uuid not null references hash_banks(id),
          pdq bytea check (octet_length(pdq) = 32),
          pdq_quality smallint check (pdq_quality between 0 and 100),
          md5 bytea check (octet_length(md5) = 16),
          sha1 bytea check (octet_length(sha1) = 20),
          sha256 bytea check (octet_length(sha256) = 32),
          legal_status text not null check (legal_status in ('baseline', 'national', 'not_illegal')),
          industry_category text check (industry_category in ('A1', 'A2', 'B1', 'B2')),
          age_group text check (age_group in ('infant_toddler', 'prepubescent', 'pubescent')),
          source text,
          listed_on date not null,
          reference text,
          enabled boolean not null,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          check ((pdq is null) = (pdq_quality is null)),
          check (pdq is not null or md5 is not null or sha1 is not null or sha256 is not null)
        );
        create index hash_bank_entries_bank on hash_bank_entries (bank_id, id);
        create index hash_bank_entries_md5 on hash_bank_entries (md5) where md5 is not null;
        create index hash_bank_entries_sha1 on hash_bank_entries (sha1) where sha1 is not null;
        create index hash_bank_entries_sha256 on hash_bank_entries (sha256) where sha256 is not null;
        create unique index hash_bank_entries_reference on hash_bank_entries (bank_id, reference) where reference is not null;

        create table hash_bank_imports (
          id uuid primary key,
          bank_id uuid not null references hash_banks(id),
          format text not null,
          defaults jsonb not null,
          status text not null check (status in ('queued', 'validating', 'applying', 'succeeded', 'failed')),
          actor jsonb not null,
          total_bytes bigint not null,
          bytes_read bigint not null default 0,
          records integer not null default 0,
          applied integer not null default 0,
          inserted integer not null default 0,
          updated integer not null default 0,
          disabled integer not null default 0,
          skipped integer not null default 0,
          error_count integer not null default 0,
          errors jsonb not null default '[]',
          created_at timestamptz not null default now(),
          started_at timestamptz,
          finished_at timestamptz
        );
        create index hash_bank_imports_bank on hash_bank_imports (bank_id, created_at desc);

        create table hash_bank_import_chunks (
          import_id uuid not null references hash_bank_imports(id) on delete cascade,
          seq integer not null,
          data bytea not null,
          primary key (import_id, seq)
        );

        create table hash_bank_version (
          id boolean primary key default true check (id),
          version bigint not null
        );
        insert into hash_bank_version (id, version) values (true, 0);

        create table hash_bank_changes (
          version bigint primary key,
          bank_id uuid,
          entry_ids bigint[],
          at timestamptz not null default now()
        );
        create index hash_bank_changes_at on hash_bank_changes (at);
      `.execute(db);
    },
  },
};
