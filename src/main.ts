import type { FastifyBaseLogger } from 'fastify';
import { createTakedowns, noticeMailListeners, type Takedowns } from './actions/index.js';
import {
  blocklistAfterAssessmentJob,
  blocklistSourcesFrom,
  createBlocklistService,
  defineBlocklistJobs,
  listedLegalStatuses,
} from './blocklist/index.js';
import { allMigrations, askForPeriodicWork, audit, auditAll, registerRoutes, type RoutedServices } from './composition/index.js';
import { contributionSourcesFrom, createContributionService } from './contribution/index.js';
import { createDemoService, demoRoutes, type DemoService } from './demo/index.js';
import { createExchangeService } from './exchange/index.js';
import { createIdentityService, type AccountDisabledHook, type AuditWriter } from './identity/index.js';
import { createBankService, defineBankJobs } from './media/banks/index.js';
import { createDetectionService } from './media/detection/index.js';
import { inspectMedia } from './media/hashing/index.js';
import { createChallenges, createSpentChallenges } from './platform/challenge/index.js';
import type { Config } from './platform/config/index.js';
import { createFieldCipher, deriveSecret, loadKeyRing, type FieldCipher } from './platform/crypto/index.js';
import { buildHttpServer, type HttpApp, type RouteEntry } from './platform/http/index.js';
import { createJobQueue, registerJobMetrics } from './platform/jobs/index.js';
import { createLogger, type Logger } from './platform/logging/index.js';
import { createMailer, createMailOutbox, defineMailJobs, mailSettingsFrom, type MailOutbox } from './platform/mail/index.js';
import { migrateToLatest, openStore, type Store } from './platform/store/index.js';
import { createReferralService, defineReferralJobs, type ReferralCreatedHook } from './referrals/index.js';
import { createReportService, defineReportJobs, type MediaDeps } from './reports/index.js';
import { createRoutingService, defineRoutingJobs, routeJob, urgentRoutingFollowUp } from './routing/index.js';
import { createTriageService, triageSettingsFrom, type AssessmentFollowUp } from './triage/index.js';
import { createUrlService, defineUrlJobs, urlAnalysisFollowUp, urlSettingsFrom } from './urls/index.js';

export { allMigrations, sealedColumns } from './composition/index.js';

/** A running Vigie: its settings and store, every module's service, the HTTP server. */
export interface Vigie extends Omit<RoutedServices, 'challenges'> {
  config: Config;
  store: Store;
  logger: Logger;
  cipher: FieldCipher;
  demo: DemoService;
  /** Mail by SMTP through the outbox (platform/mail). */
  mail: MailOutbox;
  /** Notices to hosts sent and re-sent until removal, the takedown tracker (src/actions). */
  takedowns: Takedowns;
  app: HttpApp;
  routes: RouteEntry[];
  close(): Promise<void>;
}

export interface CreateOptions {
  /** An already open store (tests); otherwise opened from the configuration. */
  store?: Store;
  logger?: Logger;
  /** Run the job handlers in this process (default: no, jobs are only enqueued). */
  workers?: boolean;
  /** Routes added before the server is sealed (benchmarks, tests). */
  extraRoutes?: (app: HttpApp, deps: { audit: AuditWriter }) => void;
}

/** The composition root: configuration → store → modules → HTTP server and job queue. */
export async function createVigie(config: Config, options: CreateOptions = {}): Promise<Vigie> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = options.store ?? (await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const ring = await loadKeyRing({ keyFile: config.keyFile, keyRing: config.keyRing });
  for (const warning of ring.warnings) logger.warn({ keyFile: ring.keyFile }, warning);
  const cipher = await createFieldCipher(ring);
  await migrateToLatest(store.db, ...allMigrations);

  const jobs = createJobQueue(store, { pollIntervalSeconds: config.jobPollSeconds, concurrency: config.workerConcurrency, logger });

  // A disabled account's claims on reports end with it, in the same transaction (triage is made below).
  const onAccountDisabled: AccountDisabledHook = (trx, actor, userId) => triage.releaseClaimsOfAccount(trx, actor, userId);
  const identity = createIdentityService({ db: store.db, sealer: cipher, audit, settings: config, onAccountDisabled });
  const detection = createDetectionService({
    db: store.db,
    maxDistance: config.matchDistance,
    qualityFloor: config.matchQualityFloor,
  });
  // Reports use media inspection and detection through ports of their own (reports/media-ports.ts).
  const media: MediaDeps = {
    inspector: { inspect: (bytes) => inspectMedia(bytes, { maxPixels: config.mediaMaxPixels }) },
    matcher: detection,
    uploadTtlMinutes: config.mediaUploadTtlMinutes,
    ...(config.mediaQuarantine ? { quarantine: { retentionDays: config.mediaRetentionDays, sealer: cipher } } : {}),
  };
  // The hotel flow asks identity whether a chain exists and which organisation holds a key.
  const partners = {
    organisationExists: async (id: string) => (await identity.listOrganisations()).some((organisation) => organisation.id === id),
    organisationOfKey: async (keyId: string) =>
      (await identity.listApiKeys()).find((key) => key.id === keyId && key.revokedAt === null)?.organisationId ?? null,
  };
  const reports = createReportService({
    db: store.db,
    sealer: cipher,
    audit,
    auditAll,
    jobs,
    media,
    partners,
    // A child in immediate danger is routed at intake, without waiting for an assessment.
    followUps: [urlAnalysisFollowUp, urgentRoutingFollowUp],
    // PGlite runs one transaction at a time; on a server, a few batches commit side by side.
    intakeConcurrency: store.kind === 'pglite' ? 1 : 4,
    // Reports' media are linked within the same distance and quality floor as bank matches.
    linking: { maxDistance: config.matchDistance, qualityFloor: config.matchQualityFloor },
  });
  defineReportJobs(jobs, reports);
  const urls = createUrlService({ db: store.db, sealer: cipher, reports, settings: urlSettingsFrom(config), logger });
  defineUrlJobs(jobs, urls);
  const mailer = createMailer(mailSettingsFrom(config));
  // Said where mail would be sent (the workers), not by every command of the CLI.
  if (mailer.missingSetting && options.workers) {
    logger.warn({ setting: mailer.missingSetting }, 'Mail is not configured: notices to hosts cannot be sent');
  }
  const mail = createMailOutbox({ db: store.db, sealer: cipher, jobs, mailer, logger, onSettled: noticeMailListeners });
  defineMailJobs(jobs, mail);
  // The jobs that follow a final assessment (routing's), each `{ reportId, trigger: 'assessed' }`.
  // And the blocklist's refresh after an illegal one (its job asks for one refresh, however many come at once).
  const assessmentFollowUps: AssessmentFollowUp[] = [
    { job: routeJob },
    {
      job: blocklistAfterAssessmentJob,
      wants: (assessment) => (listedLegalStatuses as readonly string[]).includes(assessment.legalStatus),
    },
  ];
  const triage = createTriageService({
    db: store.db,
    sealer: cipher,
    audit,
    jobs,
    reports,
    settings: triageSettingsFrom(config),
    followUps: assessmentFollowUps,
    // A claim is handed only to an active account with an analyst's role (identity's list: reassignment is rare).
    staff: {
      rolesOf: async (userId: string) => (await identity.listUsers()).find((user) => user.id === userId && !user.disabled)?.roles ?? null,
      // The supervisor's list of assignees: identity's accounts, their names through its audited names-only read.
      activeStaffOf: async (organisationId: string) =>
        (await identity.listUsers()).filter((user) => user.organisationId === organisationId && !user.disabled),
      namesOf: (actor, userIds) => identity.readStaffNames(actor, userIds),
    },
  });
  // Referrals address identity's organisations and show receiving staff what reports grant them.
  // A referral to a partner deployment's hotline gets its forwarding job in the transaction that makes it (src/exchange).
  const onCreated: ReferralCreatedHook = (trx, referral) => exchange.onReferralCreated(trx, referral);
  const referrals = createReferralService({ db: store.db, sealer: cipher, audit, organisations: identity, reports, onCreated });
  defineReferralJobs(jobs, referrals);
  const exchangeDeps = { db: store.db, sealer: cipher, audit, jobs, reports, referrals, organisations: identity };
  const exchange = await createExchangeService(exchangeDeps, { ring, allowHttp: config.exchangeAllowHttp });
  const routing = createRoutingService({
    db: store.db,
    audit,
    jobs,
    reports,
    urls,
    assessments: triage,
    referrals,
    homeCountry: config.homeCountry,
    logger,
  });
  defineRoutingJobs(jobs, routing);
  const banks = createBankService({ db: store.db, audit, jobs });
  defineBankJobs(jobs, banks);
  // The blocklist is recomputed from triage's final assessments, the reports' URLs and the notices confirmed removed.
  const urlKeySecret = deriveSecret(ring, 'vigie/blocklist-url/v1');
  const blocklistSources = blocklistSourcesFrom({ triage, reports, referrals });
  const blocklist = createBlocklistService({ db: store.db, sealer: cipher, audit, jobs, urlKeySecret, sources: blocklistSources });
  defineBlocklistJobs(jobs, blocklist);
  const contributionSources = contributionSourcesFrom({ triage, reports, banks });
  const contribution = createContributionService({ db: store.db, audit, country: config.homeCountry, sources: contributionSources });
  const challenges = createChallenges(
    { secret: deriveSecret(ring, 'vigie/proof-of-work/v1'), maxNumber: config.challengeMaxNumber, lifetimeSeconds: 15 * 60 },
    createSpentChallenges(store.db),
  );

  const { app, routes } = await buildHttpServer({
    logger: logger as FastifyBaseLogger,
    bodyLimitBytes: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestsPerMinute: config.requestsPerMinute,
    authenticate: (request) => identity.authenticate(request),
    isReady: async () => {
      await store.db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
      return true;
    },
    openapiInfo: { title: 'Vigie API', version: '0.1.0' },
    registerMetrics: (registry) => registerJobMetrics(registry, jobs),
  });
  const services = { jobs, identity, reports, urls, triage, referrals, exchange, routing, banks, detection, blocklist, contribution };
  await registerRoutes(app, routes, { config, store, logger, audit, services: { ...services, challenges } });
  // Notices to hosts: a wrong VIGIE_FETCH_ALLOW, interval or language stops Vigie here, at start.
  const takedowns = createTakedowns(config, app, { db: store.db, sealer: cipher, audit, referrals, reports, mail, jobs, logger });
  const demo = createDemoService({
    db: store.db,
    audit,
    services: { identity, reports, triage, referrals, takedowns },
    embedded: store.kind === 'pglite',
  });
  demoRoutes(app, { demo });
  options.extraRoutes?.(app, { audit });
  await app.ready();
  await jobs.start({ work: options.workers ?? false });
  takedowns.startAsking();
  const periodic = askForPeriodicWork(jobs, store.db, { config, logger, exchange });

  return {
    config,
    store,
    logger,
    cipher,
    ...services,
    demo,
    takedowns,
    mail,
    app,
    routes,
    async close() {
      periodic.stop();
      await app.close();
      await jobs.stop();
      mailer.close();
      await periodic.stopSealing();
      if (!options.store) await store.close();
    },
  };
}
