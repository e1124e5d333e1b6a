import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/store/index.js';
import { frenchDefaultRules } from './default-rules.js';

/**
 * The versions of the routing rules, and their activations. Version 1 is the default French
 * rule set, active from the first start (written once: later changes to the shipped rules do
 * not change a deployment's).
 */
export const routingMigrations: Migrations = {
  '20261211-20-routing-rules': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table routing_rule_versions (
          version integer primary key,
          rules jsonb not null,
          note text,
          based_on integer references routing_rule_versions(version),
          created_by uuid,
          created_at timestamptz not null,
          active boolean not null default false
        );
        create unique index routing_rule_versions_one_active on routing_rule_versions (active) where active;

        create table routing_activations (
          id uuid primary key,
          version integer not null references routing_rule_versions(version),
          activated_by uuid,
          activated_at timestamptz not null
        );
        create index routing_activations_at on routing_activations (activated_at desc);
      `.execute(db);
      const now = new Date().toISOString();
      await sql`insert into routing_rule_versions (version, rules, note, created_at, active)
        values (1, ${JSON.stringify(frenchDefaultRules)}, ${'The default rules for a French deployment, shipped with Vigie'}, ${now}, true)`.execute(
        db,
      );
      await sql`insert into routing_activations (id, version, activated_at) values (${randomUUID()}, 1, ${now})`.execute(db);
    },
  },
};
