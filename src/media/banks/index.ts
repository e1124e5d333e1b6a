export { createBankService, defineBankJobs, type BankService, type JobDefiner } from './service.js';
export { bankRoutes, type BankRouteOptions } from './routes.js';
export { bankMigrations } from './migrations.js';
export { createBankReader, type BankReader, type EntryState, type FoundEntry, type ExactQuery } from './reader.js';
export type { BankChange } from './changes.js';
export {
  bankPurposes,
  legalStatuses,
  industryCategories,
  ageGroups,
  importFormats,
  importJob,
  type BankPurpose,
  type LegalStatus,
  type IndustryCategory,
  type AgeGroup,
  type Classification,
  type ImportFormat,
} from './model.js';
export type {
  BankView,
  BankDetail,
  EntryView,
  NewBank,
  NewEntry,
  ImportOptions,
  ImportView,
  BankChange as BankUpdate,
} from './contracts.js';
export type { ImportInput, ImportProgress } from './import-model.js';
export type { Actor, AuditRecord, AuditWriter, JobEnqueuer } from './ports.js';
