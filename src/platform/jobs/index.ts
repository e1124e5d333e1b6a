export { createJobQueue } from './queue.js';
export {
  jobStates,
  type AnyExecutor,
  type DeadLetter,
  type EnqueueOptions,
  type Job,
  type JobCounts,
  type JobDefinitionOptions,
  type JobHandler,
  type JobLogger,
  type JobQueue,
  type JobQueueOptions,
  type JobState,
} from './types.js';
export { jobRoutes } from './routes.js';
export { registerJobMetrics } from './metrics.js';
export { askPeriodically, type PeriodicJob } from './periodic.js';
