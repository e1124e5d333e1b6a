import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../store/index.js';

export const challengeMigrations: Migrations = {
  '20261130-40-challenge-spent': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table challenge_spent (
          signature text primary key,
          expires_at timestamptz not null
        );
        create index challenge_spent_expiry on challenge_spent (expires_at);
      `.execute(db);
    },
  },
};
