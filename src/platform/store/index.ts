export { openStore, tablesOf, runSql, type Store, type StoreOptions, type Executor, type AnyDatabase } from './store.js';
export { migrateToLatest, type Migrations } from './migrations.js';
export { createGroupCommitter, type GroupCommitter, type GroupCommitOptions, type Outcome } from './group-commit.js';
export { createBatchLoader, type BatchLoader } from './batch-loader.js';
