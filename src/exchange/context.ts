import type { Kysely, Transaction } from 'kysely';
import { signingKeyPairOf, type SigningKeyPair } from '../platform/crypto/index.js';
import { tablesOf, type AnyDatabase } from '../platform/store/index.js';
import { keyIdOf } from './model.js';
import type { Actor, AuditRecord, AuditWriter, ExchangeReferrals, ExchangeReports, Jobs, OrganisationDirectory, Sealer } from './ports.js';
import type { ExchangeTables } from './tables.js';

export interface ExchangeDeps {
  db: Kysely<AnyDatabase>;
  sealer: Sealer;
  audit: AuditWriter;
  jobs: Jobs;
  reports: ExchangeReports;
  referrals: ExchangeReferrals;
  organisations: OrganisationDirectory;
  /** 32 bytes from the key ring (`deriveSecret(ring, 'vigie/exchange-signing/v1')`): the seed of the deployment's Ed25519 key. */
  signingSeed: Uint8Array;
  /** http origins on loopback a partner may have (`parseAllowedHttpOrigins`). */
  allowedHttpOrigins: ReadonlySet<string>;
  /** How long a request to a partner may take. Default 15 s. */
  requestTimeoutMs?: number;
  now?: () => Date;
}

/** The deployment's signing identity. */
export interface DeploymentSigner {
  keyId: string;
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

export class ExchangeContext {
  readonly db: Kysely<ExchangeTables>;
  readonly sealer: Sealer;
  readonly jobs: Jobs;
  readonly reports: ExchangeReports;
  readonly referrals: ExchangeReferrals;
  readonly organisations: OrganisationDirectory;
  readonly signer: DeploymentSigner;
  readonly allowedHttpOrigins: ReadonlySet<string>;
  readonly requestTimeoutMs: number;
  readonly now: () => Date;
  readonly #root: Kysely<AnyDatabase>;
  readonly #audit: AuditWriter;

  private constructor(deps: ExchangeDeps, pair: SigningKeyPair) {
    this.#root = deps.db;
    this.db = tablesOf<ExchangeTables>(deps.db) as Kysely<ExchangeTables>;
    this.sealer = deps.sealer;
    this.jobs = deps.jobs;
    this.reports = deps.reports;
    this.referrals = deps.referrals;
    this.organisations = deps.organisations;
    this.signer = { keyId: keyIdOf(pair.publicKey), publicKey: pair.publicKey, secretKey: pair.secretKey };
    this.allowedHttpOrigins = deps.allowedHttpOrigins;
    this.requestTimeoutMs = deps.requestTimeoutMs ?? 15_000;
    this.#audit = deps.audit;
    this.now = deps.now ?? (() => new Date());
  }

  static async create(deps: ExchangeDeps): Promise<ExchangeContext> {
    return new ExchangeContext(deps, await signingKeyPairOf(deps.signingSeed));
  }

  /** Runs a change, its audit entries, its jobs and other modules' changes in one transaction. */
  change<T>(
    work: (
      trx: Transaction<ExchangeTables>,
      tools: { root: Transaction<AnyDatabase>; audit(actor: Actor, record: AuditRecord): Promise<void> },
    ) => Promise<T>,
  ): Promise<T> {
    return this.#root.transaction().execute((trx) =>
      work(tablesOf<ExchangeTables>(trx) as Transaction<ExchangeTables>, {
        root: trx,
        audit: (actor, record) => this.#audit(trx, actor, record),
      }),
    );
  }

  /** This module's view of another module's transaction (the referral being made). */
  within(trx: Transaction<AnyDatabase>): Transaction<ExchangeTables> {
    return tablesOf<ExchangeTables>(trx) as Transaction<ExchangeTables>;
  }
}

export const system: Actor = { actorType: 'system', actorId: null };
