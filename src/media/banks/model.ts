/**
 * Hash banks: named lists of hashes of known content, each with a purpose.
 * - `baseline`: content illegal everywhere (the INTERPOL / NCMEC "baseline");
 * - `national`: content illegal under this deployment's national law;
 * - `false_positive`: known false positives, a negative bank: a hit in it sets the other
 *   matches of the same query aside (see the detection module);
 * - `partner`: a list imported from a partner, matched like known content.
 */
export const bankPurposes = ['baseline', 'national', 'false_positive', 'partner'] as const;
export type BankPurpose = (typeof bankPurposes)[number];

/** An entry's legal status: illegal everywhere, illegal under national law, or not illegal. */
export const legalStatuses = ['baseline', 'national', 'not_illegal'] as const;
export type LegalStatus = (typeof legalStatuses)[number];

/**
 * NCMEC's industry classification: A = prepubescent minor, B = pubescent minor;
 * 1 = sex act, 2 = lascivious exhibition.
 */
export const industryCategories = ['A1', 'A2', 'B1', 'B2'] as const;
export type IndustryCategory = (typeof industryCategories)[number];

export const ageGroups = ['infant_toddler', 'prepubescent', 'pubescent'] as const;
export type AgeGroup = (typeof ageGroups)[number];

export const hashKinds = ['pdq', 'md5', 'sha1', 'sha256'] as const;
export type HashKind = (typeof hashKinds)[number];
export const exactHashKinds = ['md5', 'sha1', 'sha256'] as const;
export type ExactHashKind = (typeof exactHashKinds)[number];

/** Hexadecimal digits of each hash (PDQ: 256 bits as the reference prints them). */
export const hexLength: Readonly<Record<HashKind, number>> = { pdq: 64, md5: 32, sha1: 40, sha256: 64 };

export interface Classification {
  legalStatus: LegalStatus;
  industryCategory: IndustryCategory | null;
  ageGroup: AgeGroup | null;
}

/** The legal status an entry gets when its source does not say: the bank's own. */
export function defaultLegalStatus(purpose: BankPurpose): LegalStatus {
  if (purpose === 'baseline') return 'baseline';
  if (purpose === 'national') return 'national';
  return purpose === 'false_positive' ? 'not_illegal' : 'national';
}

/** The age group an industry category implies: A is prepubescent, B pubescent. */
export function ageGroupOf(category: IndustryCategory | null): AgeGroup | null {
  if (category === null) return null;
  return category.startsWith('A') ? 'prepubescent' : 'pubescent';
}

/** One entry as it comes in (API, CLI or an import line), hashes in lower-case hex. */
export interface EntryInput {
  pdq?: string;
  pdqQuality?: number;
  md5?: string;
  sha1?: string;
  sha256?: string;
  classification: Classification;
  /** Who listed or classified it (an organisation, a member of a hash-sharing programme). */
  source: string | null;
  /** When its source listed it, `YYYY-MM-DD`. */
  date: string;
  /** The source's own identifier of the entry (NCMEC id, VICS MediaID), unique in a bank. */
  reference: string | null;
  enabled: boolean;
}

/** Longest text of a bank's name, an entry's source and reference, and a bank's description. */
export const textLimits = { name: 100, source: 200, reference: 200, description: 2000 } as const;

/** The job that applies an uploaded import. */
export const importJob = 'bank.import';
export interface ImportJobData {
  importId: string;
}

export const importStatuses = ['queued', 'validating', 'applying', 'succeeded', 'failed'] as const;
export type ImportStatus = (typeof importStatuses)[number];

export const importFormats = ['csv', 'pdq', 'ncmec-xml', 'vics-json'] as const;
export type ImportFormat = (typeof importFormats)[number];
