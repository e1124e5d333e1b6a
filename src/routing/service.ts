import { bindContext as bind } from '../platform/context/index.js';
import { RoutingContext, type RoutingDeps } from './context.js';
import { frenchDefaultRules } from './default-rules.js';
import { dryRun } from './dry-run.js';
import { routeJob, routeUrgentJob, type RouteData, type RouteUrgentData } from './model.js';
import type { JobDefiner } from './ports.js';
import { routeAtIntake, routeReport } from './route.js';
import * as versions from './versions.js';

/** Routing: the rules and their versions, the dry run, and the job that routes a report. */
export function createRoutingService(deps: RoutingDeps) {
  const ctx = new RoutingContext(deps);
  return {
    listVersions: bind(ctx, versions.listVersions),
    readVersion: bind(ctx, versions.readVersion),
    activeRules: bind(ctx, versions.activeRules),
    createVersion: bind(ctx, versions.createVersion),
    activateVersion: bind(ctx, versions.activateVersion),
    dryRun: bind(ctx, dryRun),
    routeReport: bind(ctx, routeReport),
    routeAtIntake: bind(ctx, routeAtIntake),
    defaultRules: () => structuredClone(frenchDefaultRules),
    homeCountry: deps.homeCountry,
  };
}

export type RoutingService = ReturnType<typeof createRoutingService>;

/** Declares the routing jobs on the queue (before it starts). */
export function defineRoutingJobs(jobs: JobDefiner, routing: RoutingService): void {
  jobs.define<RouteData>(
    routeJob,
    async (job) => {
      await routing.routeReport(job.data, job.id);
    },
    { retryLimit: 10, expireSeconds: 300 },
  );
  jobs.define<RouteUrgentData>(
    routeUrgentJob,
    async (job) => {
      await routing.routeAtIntake(job.data.reportIds, job.id);
    },
    { retryLimit: 10, expireSeconds: 300 },
  );
}
