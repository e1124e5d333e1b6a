import { refreshBlocklistJob } from '../blocklist/index.js';
import type { ExchangeService } from '../exchange/index.js';
import { startAuditSealer } from '../platform/audit/index.js';
import type { Config } from '../platform/config/index.js';
import type { Kysely } from 'kysely';
import { askPeriodically, type JobQueue } from '../platform/jobs/index.js';
import type { Logger } from '../platform/logging/index.js';
import type { AnyDatabase } from '../platform/store/index.js';
import { escalateOverdueJob } from '../referrals/index.js';
import { expireIdempotencyJob, purgeMediaJob, type ExpireIdempotencyData } from '../reports/index.js';

/** How often a purge of expired uploads and quarantined files past their retention is asked for. */
const mediaPurgeIntervalMs = 10 * 60 * 1000;
/** How often the expiry of old idempotency claims is asked for. */
const idempotencyExpiryIntervalMs = 60 * 60 * 1000;
/** How often overdue referrals are looked for and escalated (the shortest deadline is an hour). */
const referralEscalationIntervalMs = 5 * 60 * 1000;
/** How often the blocklist is recomputed from its sources (removals confirmed meanwhile come off). */
const blocklistRefreshIntervalMs = 5 * 60 * 1000;

export interface PeriodicWork {
  stop(): void;
  /** The audit sealer finishes the batch it is sealing. */
  stopSealing(): Promise<void>;
}

/**
 * The work asked for on a clock, whoever runs the jobs: purges, expiries, escalations, the
 * blocklist's refresh, the exchange's status sync, and the sealing of the audit chain. (The
 * takedown cycle is asked for by its own module, at its own pace.)
 */
export function askForPeriodicWork(
  jobs: JobQueue,
  db: Kysely<AnyDatabase>,
  deps: { config: Pick<Config, 'idempotencyRetentionDays' | 'auditSealMilliseconds'>; logger: Logger; exchange: ExchangeService },
): PeriodicWork {
  const { config, logger, exchange } = deps;
  const every = <Data extends object>(name: string, data: Data, intervalMs: number, what: string) =>
    askPeriodically<Data>(jobs, db, {
      name,
      data,
      intervalMs,
      onError: (error) => logger.error({ err: error }, `asking for ${what} failed`),
    });
  const asking = [
    every(purgeMediaJob, {}, mediaPurgeIntervalMs, 'the media purge'),
    every<ExpireIdempotencyData>(
      expireIdempotencyJob,
      { retentionDays: config.idempotencyRetentionDays },
      idempotencyExpiryIntervalMs,
      'the expiry of idempotency keys',
    ),
    every(escalateOverdueJob, {}, referralEscalationIntervalMs, 'the escalation of overdue referrals'),
    every(refreshBlocklistJob, {}, blocklistRefreshIntervalMs, 'the blocklist refresh'),
    exchange.askForStatusSync((error) => logger.error({ err: error }, 'asking for the status sync failed')),
  ];
  const auditSealer = startAuditSealer(db, {
    intervalMs: config.auditSealMilliseconds,
    onError: (error) => logger.error({ err: error }, 'audit sealing failed'),
  });
  return {
    stop: () => asking.forEach((ask) => ask.stop()),
    stopSealing: () => auditSealer.stop(),
  };
}
