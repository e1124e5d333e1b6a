import { sql } from 'kysely';
import type { Store } from '../../../src/platform/store/index.js';
import type { ReportContent } from '../../../src/reports/index.js';

/** An invented report that names only URLs: the URL analysis needs nothing else. */
export function reportWithUrls(urls: string[]): ReportContent {
  return {
    category: 'child_sexual_abuse_material',
    childInImmediateDanger: false,
    language: 'fr',
    narrative: 'Des images ont été vues à ces adresses.',
    urls,
  };
}

export async function count(store: Store, table: string, where = sql`true`): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)} where ${where}`.execute(store.db);
  return Number(rows[0]?.n ?? 0);
}

/** Audit entries of an action, chained or still pending. */
export async function auditEntries(store: Store, action: string): Promise<{ actor_type: string; subject_type: string; detail: unknown }[]> {
  const { rows } = await sql<{ actor_type: string; subject_type: string; detail: unknown }>`
    select actor_type, subject_type, detail from (
      select actor_type, subject_type, detail, action from audit_log
      union all
      select actor_type, subject_type, detail, action from audit_pending
    ) entries where action = ${action}`.execute(store.db);
  return rows;
}
