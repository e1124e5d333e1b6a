import type { ColumnType } from 'kysely';

export interface DemoLoadsTable {
  id: string;
  loaded_at: ColumnType<Date, Date, never>;
  loaded_by: string | null;
  organisation_ids: string[];
  user_ids: string[];
  report_ids: string[];
}

export interface DemoTables {
  demo_loads: DemoLoadsTable;
}
