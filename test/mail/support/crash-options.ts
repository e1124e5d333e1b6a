import type { JobQueueOptions } from '../../../src/platform/jobs/index.js';
import type { MailJobOptions } from '../../../src/platform/mail/index.js';

export const crashQueueOptions: JobQueueOptions = { pollIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, stopTimeoutSeconds: 5 };

/** A killed worker's message is held, and its job expires, 3 s after the try began; the retry comes 1 to 2 s later. */
export const crashJobOptions: MailJobOptions = { retryLimit: 3, retryDelaySeconds: 1, expireSeconds: 3 };
