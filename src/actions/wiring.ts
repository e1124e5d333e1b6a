import { askPeriodically, type AnyExecutor, type JobQueue } from '../platform/jobs/index.js';
import type { HttpApp } from '../platform/http/index.js';
import type { SettledListener } from '../platform/mail/index.js';
import type { Kysely } from 'kysely';
import type { AnyDatabase } from '../platform/store/index.js';
import type { TakedownDeps } from './context.js';
import { noticeMailSettled } from './mail-settled.js';
import { noticeMailPurpose, takedownCycleJob } from './model.js';
import { takedownRoutes } from './routes.js';
import { createTakedownService, defineTakedownJobs, takedownCycleIntervalMs, type TakedownService } from './service.js';
import { noticeSenderFrom, removalCheckOptionsFrom } from './settings.js';
import { takedownSettingsFrom } from './takedown-settings.js';

/** The mail outbox's listeners for this module's mail (given to `createMailOutbox` as `onSettled`). */
export const noticeMailListeners: Readonly<Record<string, SettledListener>> = { [noticeMailPurpose]: noticeMailSettled };

type TakedownConfig = Parameters<typeof removalCheckOptionsFrom>[0] &
  Parameters<typeof noticeSenderFrom>[0] &
  Parameters<typeof takedownSettingsFrom>[0];

export type Takedowns = TakedownService & {
  removalCheck: TakedownDeps['removalCheck'];
  sender: TakedownDeps['sender'];
  /** Starts asking for the cycle periodically (once the job queue has started); stops when the HTTP server closes. */
  startAsking(): void;
};

/**
 * Notice and takedown wired as main.ts wants it, in one call at start: the settings read
 * (a wrong VIGIE_FETCH_ALLOW, interval or language stops Vigie here), the service, its job,
 * its routes.
 */
export function createTakedowns(
  config: TakedownConfig,
  app: HttpApp,
  deps: Omit<TakedownDeps, 'settings' | 'sender' | 'removalCheck' | 'db'> & {
    db: Kysely<AnyDatabase>;
    jobs: Pick<JobQueue, 'define' | 'enqueue'>;
  },
): Takedowns {
  const { jobs, ...rest } = deps;
  const removalCheck = removalCheckOptionsFrom(config);
  const sender = noticeSenderFrom(config);
  const settings = takedownSettingsFrom(config);
  const service = createTakedownService({ ...rest, removalCheck, sender, settings });
  defineTakedownJobs(jobs, service);
  takedownRoutes(app, { takedowns: service });
  let asking: { stop(): void } | undefined;
  app.addHook('onClose', async () => asking?.stop());
  return {
    ...service,
    removalCheck,
    sender,
    startAsking() {
      asking ??= askPeriodically(jobs, deps.db as AnyExecutor, {
        name: takedownCycleJob,
        data: {},
        intervalMs: takedownCycleIntervalMs(settings),
        onError: (error) =>
          deps.logger?.warn({ error: error instanceof Error ? error.name : typeof error }, 'asking for the takedown cycle failed'),
      });
    },
  };
}
