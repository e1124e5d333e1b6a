import { bindContext as bind } from '../../platform/context/index.js';
import * as banks from './banks.js';
import { BankContext, type BankDeps } from './context.js';
import * as entries from './entries.js';
import { exportBank } from './export.js';
import * as imports from './imports.js';
import { importJob, type ImportJobData } from './model.js';

/** What this module needs to define its jobs. */
export interface JobDefiner {
  define<Data extends object>(
    name: string,
    handler: (job: { data: Data }) => Promise<void>,
    options?: { retryLimit?: number; expireSeconds?: number },
  ): void;
}

/** The hash banks' use cases, bound to one database. */
export function createBankService(deps: BankDeps) {
  const ctx = new BankContext(deps);
  return {
    createBank: bind(ctx, banks.createBank),
    updateBank: bind(ctx, banks.updateBank),
    listBanks: bind(ctx, banks.listBanks),
    readBank: bind(ctx, banks.readBank),
    getBank: bind(ctx, banks.requireBank),
    findBank: bind(ctx, banks.findBankByIdOrName),
    addEntry: bind(ctx, entries.addEntry),
    updateEntry: bind(ctx, entries.updateEntry),
    readEntry: bind(ctx, entries.readEntry),
    listEntries: bind(ctx, entries.listEntries),
    startImport: bind(ctx, imports.startImport),
    importFile: bind(ctx, imports.importFile),
    runImportJob: bind(ctx, imports.runImportJob),
    readImport: bind(ctx, imports.readImport),
    listImports: bind(ctx, imports.listImports),
    exportBank: bind(ctx, exportBank),
  };
}

export type BankService = ReturnType<typeof createBankService>;

/**
 * Declares the module's jobs on the queue (before it starts). An import may take minutes
 * (a million lines); a worker that dies resumes it from its last committed batch.
 */
export function defineBankJobs(jobs: JobDefiner, service: BankService): void {
  jobs.define<ImportJobData>(importJob, (job) => service.runImportJob(job.data.importId), { retryLimit: 5, expireSeconds: 3600 });
}
