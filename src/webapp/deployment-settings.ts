import type { Kysely, Transaction } from 'kysely';
import type { EmergencyNumber } from '../platform/config/index.js';
import { Problem, type FieldProblem } from '../platform/http/index.js';
import { tablesOf, type AnyDatabase } from '../platform/store/index.js';
import type { Actor, AuditWriter } from './ports.js';
import type { WebappTables } from './tables.js';

const emergencyNumbersSetting = 'emergency_numbers';

export interface EmergencyNumbersView {
  emergencyNumbers: EmergencyNumber[];
  /** `configuration` until an administrator first changes them. */
  source: 'configuration' | 'administrator';
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface DeploymentSettingsDeps {
  db: Kysely<AnyDatabase>;
  audit: AuditWriter;
  /** The configuration's numbers (VIGIE_EMERGENCY_NUMBERS), in force until changed here. */
  configured: { emergencyNumbers: readonly EmergencyNumber[] };
  now?: () => Date;
}

function copyOf(numbers: readonly EmergencyNumber[]): EmergencyNumber[] {
  return numbers.map((entry) => ({ number: entry.number, label: { fr: entry.label.fr, en: entry.label.en } }));
}

/** The same number twice would show twice on the portal: each repeat is named. */
function duplicateProblems(numbers: readonly EmergencyNumber[]): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  numbers.forEach((entry, index) => {
    const digits = entry.number.replace(/\s/g, '');
    if (seen.has(digits)) problems.push({ in: 'body', pointer: `/emergencyNumbers/${index}/number`, code: 'invalid' });
    seen.add(digits);
  });
  return problems;
}

/** The settings of the deployment an administrator changes from the console, each change audited. */
export function createDeploymentSettings(deps: DeploymentSettingsDeps) {
  const db = tablesOf<WebappTables>(deps.db) as Kysely<WebappTables>;
  const now = deps.now ?? (() => new Date());

  async function emergencyNumbers(): Promise<EmergencyNumbersView> {
    const row = await db
      .selectFrom('deployment_settings')
      .select(['value', 'updated_at', 'updated_by'])
      .where('name', '=', emergencyNumbersSetting)
      .executeTakeFirst();
    if (!row)
      return { emergencyNumbers: copyOf(deps.configured.emergencyNumbers), source: 'configuration', updatedAt: null, updatedBy: null };
    return {
      emergencyNumbers: copyOf(row.value as EmergencyNumber[]),
      source: 'administrator',
      updatedAt: new Date(row.updated_at).toISOString(),
      updatedBy: row.updated_by,
    };
  }

  async function setEmergencyNumbers(actor: Actor, numbers: readonly EmergencyNumber[]): Promise<EmergencyNumbersView> {
    const problems = duplicateProblems(numbers);
    if (problems.length > 0) throw new Problem('validation', { fields: problems });
    const value = JSON.stringify(copyOf(numbers));
    const at = now();
    await deps.db.transaction().execute(async (trx) => {
      await (tablesOf<WebappTables>(trx) as Transaction<WebappTables>)
        .insertInto('deployment_settings')
        .values({ name: emergencyNumbersSetting, value, updated_by: actor.actorId, updated_at: at })
        .onConflict((conflict) => conflict.column('name').doUpdateSet({ value, updated_by: actor.actorId, updated_at: at }))
        .execute();
      await deps.audit(trx, actor, {
        action: 'settings.emergency-numbers',
        subjectType: 'deployment_setting',
        subjectId: emergencyNumbersSetting,
        detail: { numbers: numbers.map((entry) => entry.number) },
      });
    });
    return emergencyNumbers();
  }

  return { emergencyNumbers, setEmergencyNumbers };
}

export type DeploymentSettings = ReturnType<typeof createDeploymentSettings>;
