import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/store/index.js';

/** The blocklist's versions, its URLs (sealed, keyed) and what each version changed. */
export const blocklistMigrations: Migrations = {
  '20261222-01-blocklist': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table blocklist_versions (
          version integer primary key,
          created_at timestamptz not null,
          size integer not null,
          added integer not null,
          removed integer not null
        );
        create table blocklist_urls (
          url_key text primary key,
          url_sealed text not null,
          listed boolean not null,
          added_version integer not null references blocklist_versions(version),
          added_at timestamptz not null,
          removed_version integer references blocklist_versions(version),
          removed_at timestamptz
        );
        create index blocklist_urls_listed on blocklist_urls (url_key) where listed;
        create table blocklist_changes (
          version integer not null references blocklist_versions(version),
          url_key text not null references blocklist_urls(url_key),
          change text not null check (change in ('add', 'remove')),
          primary key (version, url_key)
        );
      `.execute(db);
    },
  },
};
