import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/store/index.js';

/**
 * Settings an administrator changes without a restart. A setting without a row keeps the
 * configuration's value (VIGIE_EMERGENCY_NUMBERS), so a deployment starts as configured.
 */
export const webappMigrations: Migrations = {
  '20261225-01-webapp-deployment-settings': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table deployment_settings (
          name text primary key,
          value jsonb not null,
          updated_by uuid,
          updated_at timestamptz not null
        )`.execute(db);
    },
  },
};
