import { blocklistRoutes, type BlocklistService } from '../blocklist/index.js';
import { contributionRoutes, type ContributionService } from '../contribution/index.js';
import { exchangeRoutes, type ExchangeService } from '../exchange/index.js';
import { identityRoutes, type AuditWriter, type IdentityService } from '../identity/index.js';
import { bankRoutes, type BankService } from '../media/banks/index.js';
import { detectionRoutes, type DetectionService } from '../media/detection/index.js';
import { auditRoutes } from '../platform/audit/index.js';
import { challengeRoutes, type createChallenges } from '../platform/challenge/index.js';
import type { Config } from '../platform/config/index.js';
import type { HttpApp, RouteEntry } from '../platform/http/index.js';
import { jobRoutes, type JobQueue } from '../platform/jobs/index.js';
import type { Logger } from '../platform/logging/index.js';
import type { Store } from '../platform/store/index.js';
import { referralRoutes, type ReferralService } from '../referrals/index.js';
import { categories, countryCodes, reportRoutes, type ReportService } from '../reports/index.js';
import { routingRoutes, type RoutingService } from '../routing/index.js';
import { triageRoutes, type TriageService } from '../triage/index.js';
import { urlRoutes, type UrlService } from '../urls/index.js';
import { createDeploymentSettings, defaultWebDist, deploymentSettingsRoutes, portalSettingsFrom, webappRoutes } from '../webapp/index.js';

/** The services whose routes the server carries (main.ts's Vigie holds them all, and more). */
export interface RoutedServices {
  identity: IdentityService;
  reports: ReportService;
  urls: UrlService;
  triage: TriageService;
  referrals: ReferralService;
  exchange: ExchangeService;
  routing: RoutingService;
  banks: BankService;
  detection: DetectionService;
  blocklist: BlocklistService;
  contribution: ContributionService;
  challenges: ReturnType<typeof createChallenges>;
  jobs: JobQueue;
}

/**
 * Every module's HTTP routes on the server, with the settings each takes, the portal's and
 * console's pages among them. The takedowns' and the demonstration's routes are added by
 * main.ts after, with their services.
 */
export async function registerRoutes(
  app: HttpApp,
  routes: readonly RouteEntry[],
  deps: { config: Config; store: Store; logger: Logger; audit: AuditWriter; services: RoutedServices },
): Promise<void> {
  const { config, store, logger, audit, services } = deps;
  identityRoutes(app, {
    identity: services.identity,
    secureCookies: config.publicUrl.startsWith('https://'),
    sessionTtlMinutes: config.sessionTtlMinutes,
    signInAttemptsPerMinute: config.signInAttemptsPerMinute,
  });
  auditRoutes(app, { db: store.db });
  jobRoutes(app, { queue: services.jobs });
  challengeRoutes(app, { challenges: services.challenges });
  reportRoutes(app, {
    reports: services.reports,
    publicUrl: config.publicUrl,
    requireSolvedChallenge: services.challenges.guard,
    publicSubmissionsPerMinute: config.publicSubmissionsPerMinute,
    publicLookupsPerMinute: config.publicLookupsPerMinute,
    media: { maxBytes: config.mediaMaxBytes },
  });
  const deploymentSettings = createDeploymentSettings({ db: store.db, audit, configured: config });
  deploymentSettingsRoutes(app, { settings: deploymentSettings });
  await webappRoutes(app, {
    settings: portalSettingsFrom({
      emergencyNumbers: () => deploymentSettings.emergencyNumbers(),
      quickExitUrl: config.quickExitUrl,
      uploadsAccepted: () => routes.some((route) => route.method === 'POST' && route.url === '/api/public/media'),
    }),
    vocabulary: { categories, countries: countryCodes },
    webDist: defaultWebDist,
    onMissingBuild: (root) => logger.warn({ root }, 'The web front end is not built: run npm install, or node web/build.mjs'),
  });
  bankRoutes(app, { banks: services.banks, importMaxBytes: config.bankImportMaxBytes });
  detectionRoutes(app, { db: store.db, detection: services.detection, audit, maxPixels: config.mediaMaxPixels });
  urlRoutes(app, { urls: services.urls });
  triageRoutes(app, { triage: services.triage });
  referralRoutes(app, { referrals: services.referrals });
  exchangeRoutes(app, { exchange: services.exchange });
  blocklistRoutes(app, { blocklist: services.blocklist });
  contributionRoutes(app, { contribution: services.contribution });
  routingRoutes(app, { routing: services.routing, publicUrl: config.publicUrl });
}
