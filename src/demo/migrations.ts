import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/store/index.js';

/** What the demonstration loaded, so that the console can say so on every page and nothing is loaded twice. */
export const demoMigrations: Migrations = {
  '20261226-01-demo-loads': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table demo_loads (
          id uuid primary key,
          loaded_at timestamptz not null,
          loaded_by uuid,
          organisation_ids uuid[] not null,
          user_ids uuid[] not null,
          report_ids uuid[] not null
        )`.execute(db);
    },
  },
};
