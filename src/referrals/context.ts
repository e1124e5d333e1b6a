import type { Kysely, Transaction } from 'kysely';
import { tablesOf, type AnyDatabase } from '../platform/store/index.js';
import type {
  Actor,
  AuditRecord,
  AuditWriter,
  CreatedReferral,
  OrganisationDirectory,
  ReferralCreatedHook,
  ReferralReports,
  Sealer,
} from './ports.js';
import type { ReferralTables } from './tables.js';

export interface ReferralDeps {
  db: Kysely<AnyDatabase>;
  sealer: Sealer;
  audit: AuditWriter;
  organisations: OrganisationDirectory;
  reports: ReferralReports;
  now?: () => Date;
  /** Another module's follow-up of each referral made, in the same transaction (src/exchange). */
  onCreated?: ReferralCreatedHook;
}

/** What a change may do besides writing its tables, in the same transaction. */
export interface ChangeTools {
  audit(actor: Actor, record: AuditRecord): Promise<void>;
  /** Tells the hook of `ReferralDeps.onCreated`, if any, that this referral was made. */
  created(referral: CreatedReferral): Promise<void>;
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
  readonly #onCreated: ReferralCreatedHook | undefined;

  constructor(deps: ReferralDeps) {
    this.#root = deps.db;
    this.db = tablesOf<ReferralTables>(deps.db) as Kysely<ReferralTables>;
    this.sealer = deps.sealer;
    this.organisations = deps.organisations;
    this.reports = deps.reports;
    this.#audit = deps.audit;
    this.#onCreated = deps.onCreated;
    this.now = deps.now ?? (() => new Date());
  }

  /** Runs a change and its audit entries in one transaction. */
  change<T>(work: (trx: Transaction<ReferralTables>, tools: ChangeTools) => Promise<T>): Promise<T> {
    return this.#root
      .transaction()
      .execute((trx) => work(tablesOf<ReferralTables>(trx) as Transaction<ReferralTables>, this.#toolsOf(trx)));
  }

  /** This module's view of another module's transaction, to change referrals within it. */
  within(trx: Transaction<AnyDatabase>): { trx: Transaction<ReferralTables>; tools: ChangeTools } {
    return {
      trx: tablesOf<ReferralTables>(trx) as Transaction<ReferralTables>,
      tools: this.#toolsOf(trx),
    };
  }

  #toolsOf(trx: Transaction<AnyDatabase>): ChangeTools {
    return {
      audit: (actor, record) => this.#audit(trx, actor, record),
      created: async (referral) => {
        await this.#onCreated?.(trx, referral);
      },
    };
  }

  /** The organisations by id, for names in views. */
  async organisationsById(): Promise<Map<string, { id: string; name: string; kind: string; country: string | null }>> {
    return new Map((await this.organisations.listOrganisations()).map((organisation) => [organisation.id, organisation]));
  }
}
