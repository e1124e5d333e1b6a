/**
 * What this module needs of media handling and known-content detection (the media modules),
 * as main.ts wires them: reports never imports them, so the dependency points from the
 * composition root, and these shapes are this module's own.
 */

export type MediaRefusal = 'empty' | 'unknown-type' | 'too-many-pixels' | 'corrupt';

export interface InspectedMedia {
  kind: 'image' | 'video';
  mediaType: string;
  size: number;
  md5: string;
  sha1: string;
  sha256: string;
  pdq: string | null;
  pdqQuality: number | null;
  width: number | null;
  height: number | null;
}

/** Decides a received file's type from its bytes and hashes it, refusing what it cannot take. */
export interface MediaInspector {
  inspect(bytes: Uint8Array): Promise<{ ok: true; media: InspectedMedia } | { ok: false; reason: MediaRefusal }>;
}

/** One media item's hashes to look up in the hash banks. */
export interface MediaQuery {
  pdq?: string;
  pdqQuality?: number;
  md5?: string;
  sha1?: string;
  sha256?: string;
}

export interface BankMatch {
  bankId: string;
  bankName: string;
  purpose: string;
  entryId: string;
  kind: 'pdq' | 'md5' | 'sha1' | 'sha256';
  distance: number;
  classification: { legalStatus: string; industryCategory: string | null; ageGroup: string | null };
}

export interface MediaMatchOutcome {
  matches: BankMatch[];
  suppressed: BankMatch[];
  suppressedBy: BankMatch[];
  /** For each suppressed match (entry id), the false-positive entries that set it aside; optional in the contract. */
  suppressions?: { entryId: string; by: string[] }[];
}

/** Known-content detection: one outcome per query, in order (media/detection's `match`). */
export interface KnownContentMatcher {
  match(queries: readonly MediaQuery[]): Promise<MediaMatchOutcome[]>;
}

/** Binary sealing (platform/crypto), for the quarantined bytes. */
export interface BytesSealer {
  sealBytes(plaintext: Uint8Array, context: string): Uint8Array;
  openBytes(sealed: Uint8Array, context: string): Uint8Array;
}

/** The deployment's media settings and the services behind them. */
export interface MediaDeps {
  inspector: MediaInspector;
  /** Without it, no detection job is enqueued (a deployment or a test without hash banks). */
  matcher?: KnownContentMatcher;
  /** Unused uploads expire after this (VIGIE_MEDIA_UPLOAD_TTL_MINUTES). */
  uploadTtlMinutes: number;
  /** Keep the bytes, sealed, for this long (VIGIE_MEDIA_QUARANTINE, VIGIE_MEDIA_RETENTION_DAYS); absent: discard them once hashed. */
  quarantine?: { retentionDays: number; sealer: BytesSealer };
}
