import type { BankPurpose, Classification } from '../banks/index.js';

export type MatchKind = 'pdq' | 'md5' | 'sha1' | 'sha256';

/** The hashes of one media item to look up; at least one. Hexadecimal, either case. */
export interface MediaHashes {
  /** PDQ hash, 64 hexadecimal digits as the reference prints it. */
  pdq?: string;
  /** PDQ quality 0–100; below the quality floor the PDQ hash is not matched. Absent: not checked. */
  pdqQuality?: number;
  md5?: string;
  sha1?: string;
  sha256?: string;
}

/** One entry of one bank that a query matched. */
export interface BankMatch {
  bankId: string;
  bankName: string;
  purpose: BankPurpose;
  /** The entry's database id, as a decimal string. */
  entryId: string;
  /** How it matched: the strongest evidence (sha256, sha1, md5, then pdq). */
  kind: MatchKind;
  /** Hamming distance of the PDQ hashes; 0 for an exact hash. */
  distance: number;
  classification: Classification;
}

/** Which match (entry id) a false-positive hit set aside, and the false-positive entries that did. */
export interface Suppression {
  entryId: string;
  by: string[];
}

/** The answer for one query. */
export interface MediaMatchResult {
  /** Matches that stand, strongest first (exact, then by PDQ distance), then by entry id. */
  matches: BankMatch[];
  /** Matches set aside by a hit in a false-positive bank. */
  suppressed: BankMatch[];
  /** The query's hits in false-positive banks (whether or not they set anything aside). */
  suppressedBy: BankMatch[];
  /** For each suppressed match, the false-positive entries that set it aside. */
  suppressions: Suppression[];
  /** False when the query's PDQ hash was not matched: absent, or of quality below the floor. */
  pdqChecked: boolean;
}

export interface DetectionStats {
  /** False until the first lookup has loaded the index. */
  loaded: boolean;
  /** PDQ hashes in the in-memory index, and the bytes its arrays hold. */
  pdqEntries: number;
  indexBytes: number;
  /** The bank version the index reflects. */
  version: string;
}

export interface DetectionService {
  /** One result per query, in the order given. Every change committed before the call is seen. */
  match(queries: readonly MediaHashes[]): Promise<MediaMatchResult[]>;
  /** Loads the index now (it is otherwise loaded by the first lookup), or brings it up to date. */
  refresh(): Promise<void>;
  stats(): DetectionStats;
  readonly maxDistance: number;
  readonly qualityFloor: number;
}
