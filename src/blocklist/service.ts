import { bindContext as bind } from '../platform/context/index.js';
import { BlocklistContext, type BlocklistDeps } from './context.js';
import { download } from './download.js';
import { blocklistAfterAssessmentJob, refreshBlocklistJob } from './model.js';
import { listVersions } from './read.js';
import { refreshBlocklist } from './refresh.js';

/** The blocklist: recomputed from its sources into versions, downloaded by internet providers. */
export function createBlocklistService(deps: BlocklistDeps) {
  const ctx = new BlocklistContext(deps);
  return {
    refresh: bind(ctx, refreshBlocklist),
    download: bind(ctx, download),
    listVersions: bind(ctx, listVersions),
    /** Enqueues a refresh, unless one is already waiting. */
    async askRefresh(): Promise<boolean> {
      return (await ctx.jobs.enqueue(ctx.root, refreshBlocklistJob, {}, { key: 'refresh' })) !== null;
    },
  };
}

export type BlocklistService = ReturnType<typeof createBlocklistService>;

/** Declares the refresh job (before the queue starts): the data is ignored, the whole list is recomputed. */
export function defineBlocklistJobs(jobs: BlocklistDeps['jobs'], blocklist: BlocklistService): void {
  jobs.define<object>(
    refreshBlocklistJob,
    async (job) => {
      await blocklist.refresh({ jobId: job.id });
    },
    { retryLimit: 5, expireSeconds: 600 },
  );
  jobs.define<object>(
    blocklistAfterAssessmentJob,
    async () => {
      await blocklist.askRefresh();
    },
    { retryLimit: 5, expireSeconds: 60 },
  );
}
