export { createBankService, type BankService } from './service.js';
export { bankMigrations } from './migrations.js';
export { createBankReader, type BankReader, type EntryState, type FoundEntry, type ExactQuery } from './reader.js';
export type { BankChange } from './changes.js';
export {
  bankPurposes,
  legalStatuses,
  industryCategories,
  ageGroups,
  importFormats,
  type BankPurpose,
  type LegalStatus,
  type IndustryCategory,
  type AgeGroup,
  type Classification,
  type ImportFormat,
} from './model.js';
export type { BankView, BankDetail, EntryView, NewBank, NewEntry, BankChange as BankUpdate } from './contracts.js';
export type { Actor, AuditRecord, AuditWriter, JobEnqueuer } from './ports.js';
