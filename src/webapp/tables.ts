import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** The deployment's settings an administrator changes from the console, one row a setting. */
export interface DeploymentSettingsTable {
  name: string;
  value: ColumnType<unknown, string, string>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface WebappTables {
  deployment_settings: DeploymentSettingsTable;
}
