import type { Kysely, Transaction } from 'kysely';
import type { KeyRing } from '../platform/crypto/index.js';
import { deriveSecret } from '../platform/crypto/index.js';
import { askPeriodically } from '../platform/jobs/index.js';
import type { AnyDatabase } from '../platform/store/index.js';
import { ExchangeContext, type ExchangeDeps } from './context.js';
import type { Message } from './contracts.js';
import { forwardReferral, onReferralCreated, type ForwardData } from './forward.js';
import { deliverJob, forwardJob, syncStatusesJob } from './model.js';
import { parseAllowedHttpOrigins } from './origins.js';
import * as partners from './partners.js';
import type { Jobs } from './ports.js';
import { authenticateSender, receiveMessage } from './receive.js';
import { signBody } from './signed.js';
import { deliverStatus, syncStatuses, type DeliverData } from './statuses.js';
import type { ExchangePartnersTable } from './tables.js';

/** How often the statuses of reports imported from partners are looked at, to send back those that moved. */
const statusSyncIntervalMs = 60 * 1000;

/** What the composition root gives besides the modules: the key ring (the signing key derives from it) and the http setting. */
export interface ExchangeKeys {
  ring: KeyRing;
  /** `VIGIE_EXCHANGE_ALLOW_HTTP`; a wrong entry stops Vigie at start. */
  allowHttp: string;
}

type ServiceDeps = Omit<ExchangeDeps, 'signingSeed' | 'allowedHttpOrigins'> & { db: Kysely<AnyDatabase> };

/**
 * Forwarding between Vigie deployments: partners, the signed messages, the forwarding and
 * the statuses back. Its jobs are declared here, on the queue it is given (before it starts).
 * The deployment's Ed25519 key derives from the key ring: never written, the same at every start.
 */
export async function createExchangeService(deps: ServiceDeps, keys: ExchangeKeys) {
  const ctx = await ExchangeContext.create({
    ...deps,
    signingSeed: deriveSecret(keys.ring, 'vigie/exchange-signing/v1'),
    allowedHttpOrigins: parseAllowedHttpOrigins(keys.allowHttp),
  });
  const service = {
    deploymentKey: () => partners.deploymentKey(ctx),
    registerPartner: (...args: Parameters<typeof partners.registerPartner> extends [unknown, ...infer R] ? R : never) =>
      partners.registerPartner(ctx, ...args),
    listPartners: () => partners.listPartners(ctx),
    onReferralCreated: (trx: Transaction<AnyDatabase>, referral: Parameters<typeof onReferralCreated>[2]) =>
      onReferralCreated(ctx, trx, referral),
    forwardReferral: (referralId: string) => forwardReferral(ctx, referralId),
    authenticateSender: (headers: Record<string, string | string[] | undefined>, bytes: Buffer) => authenticateSender(ctx, headers, bytes),
    receiveMessage: (partner: ExchangePartnersTable, message: Message) => receiveMessage(ctx, partner, message),
    /** Signs an answer with the deployment's key, as messages are. */
    signAnswer: (answer: object) => signBody(ctx.signer, answer),
    syncStatuses: () => syncStatuses(ctx),
    deliverStatus: (messageId: string) => deliverStatus(ctx, messageId),
    /** Asks every minute for the status sync (one waits at a time, any worker runs it); call once the queue has started. */
    askForStatusSync: (onError: (error: unknown) => void) =>
      askPeriodically(deps.jobs, deps.db, { name: syncStatusesJob, data: {}, intervalMs: statusSyncIntervalMs, onError }),
  };
  defineExchangeJobs(deps.jobs, service);
  return service;
}

export type ExchangeService = Awaited<ReturnType<typeof createExchangeService>>;

/**
 * The jobs. A partner that is down is tried again with backoff — 30 s, 1 min, 2 min … about
 * 17 hours over 12 retries — always with the same message id, then the job is a dead letter.
 */
function defineExchangeJobs(jobs: Jobs, exchange: Omit<ExchangeService, 'askForStatusSync'>): void {
  const retries = { retryLimit: 12, retryDelaySeconds: 30, backoff: true, expireSeconds: 120 };
  jobs.define<ForwardData>(
    forwardJob,
    async (job) => {
      await exchange.forwardReferral(job.data.referralId);
    },
    retries,
  );
  jobs.define<DeliverData>(
    deliverJob,
    async (job) => {
      await exchange.deliverStatus(job.data.messageId);
    },
    retries,
  );
  jobs.define<object>(
    syncStatusesJob,
    async () => {
      await exchange.syncStatuses();
    },
    { retryLimit: 3, expireSeconds: 300 },
  );
}
