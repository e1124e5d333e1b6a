import { TakedownContext, type TakedownDeps } from './context.js';
import { runTakedownCycle } from './cycle.js';
import { listHostContacts, removeHostContact, setHostContact } from './host-contacts.js';
import { takedownCycleJob } from './model.js';
import type { JobDefiner } from './ports.js';
import { hostStats, listTakedowns, setNoticeStopped } from './tracker.js';
import { bindContext as bind } from '../platform/context/index.js';

/** Notice and takedown: notices sent and re-sent until removal, removal checked, the tracker. */
export function createTakedownService(deps: TakedownDeps) {
  const ctx = new TakedownContext(deps);
  return {
    settings: deps.settings,
    runCycle: bind(ctx, runTakedownCycle),
    listTakedowns: bind(ctx, listTakedowns),
    hostStats: bind(ctx, hostStats),
    setNoticeStopped: bind(ctx, setNoticeStopped),
    listHostContacts: bind(ctx, listHostContacts),
    setHostContact: bind(ctx, setHostContact),
    removeHostContact: bind(ctx, removeHostContact),
  };
}

export type TakedownService = ReturnType<typeof createTakedownService>;

/** Declares the cycle's job (before the queue starts); main.ts asks for it periodically. */
export function defineTakedownJobs(jobs: JobDefiner, takedowns: TakedownService): void {
  jobs.define<object>(
    takedownCycleJob,
    async (job) => {
      await takedowns.runCycle(job.id);
    },
    // Checks are bounded by VIGIE_FETCH_TIMEOUT_MS each, four at a time per notice.
    { retryLimit: 3, expireSeconds: 1800 },
  );
}

/**
 * How often the cycle is asked for: twice per the shorter interval, at most every second, and
 * at least every minute — a notice routing has just made leaves within a minute (a cycle with
 * nothing due reads two lists and writes nothing).
 */
export function takedownCycleIntervalMs(settings: { noticeIntervalMs: number; removalCheckIntervalMs: number }): number {
  return Math.min(60_000, Math.max(1000, Math.floor(Math.min(settings.noticeIntervalMs, settings.removalCheckIntervalMs) / 2)));
}
