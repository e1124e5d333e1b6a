/** The package format's name and version, in every manifest. */
export const packageFormat = 'vigie-contribution/1';

/** Banks whose entries may be contributed: the deployment's own lists of illegal content (never a partner's, never false positives). */
export const contributableBankPurposes = ['baseline', 'national'] as const;

/**
 * One classified item of the package: hashes and classification, nothing else — no image,
 * file name, URL, report or person. Keys absent when unknown are written as null.
 */
export interface ContributionRecord {
  md5: string | null;
  sha1: string | null;
  sha256: string | null;
  pdq: string | null;
  pdqQuality: number | null;
  mediaType: string | null;
  /** `baseline`: illegal everywhere by INTERPOL's baseline criteria; `national`: illegal under this country's law. */
  legalStatus: 'baseline' | 'national';
  /** NCMEC's industry classification (A1, A2, B1, B2), when known. */
  imageryClass: string | null;
  ageGroup: string | null;
  /** The report category the analysts assessed (e.g. child_sexual_abuse_material), for assessed media; null for bank entries. */
  category: string | null;
  /** The day this hotline first saw it: the earliest report received, or the bank entry's date. */
  firstSeen: string;
  /** `assessment`: media of reports assessed illegal by two analysts (or as the deployment requires); `bank`: an own bank's entry. */
  basis: ('assessment' | 'bank')[];
}

export interface ContributionManifest {
  format: typeof packageFormat;
  createdAt: string;
  /** ISO 3166-1 alpha-2 of the contributing country (VIGIE_HOME_COUNTRY). */
  country: string;
  /** The file the records are in, one JSON object a line, and the SHA-256 of its exact bytes. */
  content: { file: 'hashes.jsonl'; sha256: string; bytes: number };
  counts: {
    records: number;
    fromAssessments: number;
    fromBanks: number;
    withPdq: number;
    withMd5: number;
    withSha1: number;
    withSha256: number;
    baseline: number;
    national: number;
  };
  sources: { assessedReports: number; banks: { id: string; name: string; entries: number }[] };
}

export interface ContributionPackage {
  manifest: ContributionManifest;
  /** The content of hashes.jsonl: records in a stable order, each line ending with "\n". */
  content: string;
}
