import type { ColumnType } from 'kysely';
import type { RuleSet } from './rule-format.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Every version of the routing rules ever saved: a draft until activated; one is active. */
export interface RoutingRuleVersionsTable {
  version: number;
  rules: ColumnType<RuleSet, string, string>;
  /** Why this version was made (an administrator's words about rules, never about a case). */
  note: string | null;
  based_on: number | null;
  created_by: string | null;
  created_at: Timestamp;
  active: boolean;
}

/** Each activation: who put which version in force, and when. */
export interface RoutingActivationsTable {
  id: string;
  version: number;
  activated_by: string | null;
  activated_at: Timestamp;
}

export interface RoutingTables {
  routing_rule_versions: RoutingRuleVersionsTable;
  routing_activations: RoutingActivationsTable;
}
