import type { Kysely, Transaction } from 'kysely';
import { tablesOf, type AnyDatabase } from '../platform/store/index.js';
import type { Actor, AuditRecord, AuditWriter, OrganisationDirectory, ReferralReports, Sealer } from './ports.js';
import type { ReferralTables } from './tables.js';

export interface ReferralDeps {
  db: Kysely<AnyDatabase>;
  sealer: Sealer;
  audit: AuditWriter;
  organisations: OrganisationDirectory;
  reports: ReferralReports;
  now?: () => Date;
}

/** What a change may do besides writing its tables, in the same transaction. */
export interface ChangeTools {
  audit(actor: Actor, record: AuditRecord): Promise<void>;
}

/** What every use case of the module works with. */
export class ReferralContext {
  readonly db: Kysely<ReferralTables>;
  readonly sealer: Sealer;
  readonly organisations: OrganisationDirectory;
  readonly reports: ReferralReports;
  readonly now: () => Date;
  readonly #root: Kysely<AnyDatabase>;
  readonly #audit: AuditWriter;

  constructor(deps: ReferralDeps) {
    this.#root = deps.db;
    this.db = tablesOf<ReferralTables>(deps.db) as Kysely<ReferralTables>;
    this.sealer = deps.sealer;
    this.organisations = deps.organisations;
    this.reports = deps.reports;
    this.#audit = deps.audit;
    this.now = deps.now ?? (() => new Date());
  }

  /** Runs a change and its audit entries in one transaction. */
  change<T>(work: (trx: Transaction<ReferralTables>, tools: ChangeTools) => Promise<T>): Promise<T> {
    return this.#root.transaction().execute((trx) =>
      work(tablesOf<ReferralTables>(trx) as Transaction<ReferralTables>, {
        audit: (actor, record) => this.#audit(trx, actor, record),
      }),
    );
  }

  /** This module's view of another module's transaction, to change referrals within it. */
  within(trx: Transaction<AnyDatabase>): { trx: Transaction<ReferralTables>; tools: ChangeTools } {
    return {
      trx: tablesOf<ReferralTables>(trx) as Transaction<ReferralTables>,
      tools: { audit: (actor, record) => this.#audit(trx, actor, record) },
    };
  }

  /** The organisations by id, for names in views. */
  async organisationsById(): Promise<Map<string, { id: string; name: string; kind: string; country: string | null }>> {
    return new Map((await this.organisations.listOrganisations()).map((organisation) => [organisation.id, organisation]));
  }
}
