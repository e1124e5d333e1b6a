import type { ImportOptions } from './contracts.js';
import type { EntryDefaults } from './entry-check.js';
import type { FormatDefaults } from './formats/index.js';
import { defaultLegalStatus, type BankPurpose } from './model.js';

/** One invalid field of an import: where, which field (as the file names it), why. */
export interface StoredImportError {
  line: number | null;
  record: number;
  field: string;
  code: string;
}

/** The first invalid fields an import keeps to show; it counts them all. */
export const MAX_STORED_ERRORS = 100;

/** What an import's lines default to, fixed when the import is created (so both passes agree). */
export interface StoredDefaults extends Omit<ImportOptions, 'format'> {
  date: string;
}

export function entryDefaultsOf(stored: StoredDefaults, bank: { purpose: BankPurpose; source: string }): EntryDefaults {
  return {
    classification: {
      legalStatus: stored.legalStatus ?? defaultLegalStatus(bank.purpose),
      industryCategory: stored.industryCategory ?? null,
      ageGroup: stored.ageGroup ?? null,
    },
    source: stored.source ?? bank.source,
    date: stored.date,
  };
}

export function formatDefaultsOf(stored: StoredDefaults, purpose: BankPurpose): FormatDefaults {
  const given = stored.legalStatus;
  return { illegalStatus: given === 'baseline' || given === 'national' ? given : purpose === 'baseline' ? 'baseline' : 'national' };
}

export interface ImportCounts {
  records: number;
  inserted: number;
  updated: number;
  disabled: number;
  skipped: number;
}

export interface ImportProgress {
  phase: 'validating' | 'applying';
  bytesRead: number;
  totalBytes: number;
  records: number;
  applied: number;
}

/** Where an import's bytes come from: read twice, once to check them, once to apply them. */
export interface ImportInput {
  totalBytes: number;
  open(): AsyncIterable<Uint8Array>;
}
