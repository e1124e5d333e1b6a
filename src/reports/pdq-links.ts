import { sql, type Kysely } from 'kysely';
import { createMatchIndex, type MatchIndex } from '../media/matching/index.js';
import { PDQ_HASH_WORDS, type PdqHash } from '../media/pdq/index.js';
import type { ReportTables } from './tables.js';

/** How near two reports' media must be to link them (VIGIE_MATCH_DISTANCE, VIGIE_MATCH_QUALITY_FLOOR). */
export interface PdqLinkSettings {
  maxDistance: number;
  qualityFloor: number;
}
export const defaultPdqLinkSettings: PdqLinkSettings = { maxDistance: 31, qualityFloor: 50 };

/**
 * Eleven tables of 23–24-bit substrings rather than the matching module's default eight of
 * 32 bits: each link looks its report's hashes up while every process's linking waits its
 * turn, and at 10 million hashes a lookup took 0.61 ms instead of 1.89 (p50, random hashes,
 * half of the queries near duplicates) for 73.0 bytes a hash instead of 62.8 (67.6 and
 * 63.5 at 1 million; 10 gave 1.02 ms and 70.6 bytes, 12 gave 1.17 ms and 75.4).
 */
const indexLayout = { substrings: 11 } as const;

/** Rows read per query while loading or catching up. */
export const PAGE = 50_000;

/** A PDQ hash is good enough to link on: quality at the floor or above, or not given (as detection does). */
export const linkable = (quality: number | null, floor: number) => quality === null || quality >= floor;

/** The hash held as 32 bytes (its 64 hex digits decoded) into `words` at `offset`, as the pdq module's words. */
export function writeHashWords(bytes: Uint8Array, words: Uint32Array, offset: number): void {
  for (let w = 0; w < PDQ_HASH_WORDS; w++) {
    const o = (PDQ_HASH_WORDS - 1 - w) * 4;
    words[offset + w] = ((bytes[o]! << 24) | (bytes[o + 1]! << 16) | (bytes[o + 2]! << 8) | bytes[o + 3]!) >>> 0;
  }
}

export function hashOfBytes(bytes: Uint8Array): PdqHash {
  const words = new Uint32Array(PDQ_HASH_WORDS);
  writeHashWords(bytes, words, 0);
  return words as PdqHash;
}

/** A numbered hash as the database holds it. */
export interface NumberedHash {
  seq: string;
  pdq: Uint8Array;
  quality: number | null;
}

/**
 * The PDQ hashes of every report's media (of quality at the floor or above), in one
 * in-memory index (`indexLayout`) whose ids are the hashes' numbers in `report_pdq_hashes`.
 *
 * Hashes are numbered by the linking job under its lock (link-functions.ts), so numbers
 * commit in their own order: once a process has read every number up to n, no number
 * below n can appear later. The index is loaded in bulk the first time a job of the
 * process meets a PDQ hash (a worker that never links media never loads it); afterwards
 * each job's first call answers the numbers given since the last one read (usually few),
 * which the job `absorb`s. Hashes of deleted reports stay in the index until the process
 * restarts; their numbers no longer name a report, so they link nothing.
 */
export class ReportPdqIndex {
  #index: MatchIndex = createMatchIndex(indexLayout);
  #seen = 0;
  #loading: Promise<void> | null = null;
  #loaded = false;

  constructor(
    private readonly db: Kysely<ReportTables>,
    readonly settings: PdqLinkSettings,
  ) {}

  get size(): number {
    return this.#index.size;
  }

  /** Whether the first load is done (a process that has linked no media yet has not loaded it). */
  get loaded(): boolean {
    return this.#loaded;
  }

  /** The last number read. */
  get seen(): number {
    return this.#seen;
  }

  bytesUsed(): number {
    return this.#index.bytesUsed();
  }

  /** Loads every hash numbered so far, once per process (concurrent callers share the load). */
  ensureLoaded(): Promise<void> {
    this.#loading ??= this.#load().catch((error: unknown) => {
      this.#loading = null;
      throw error;
    });
    return this.#loading;
  }

  /** Adds the hashes numbered after the last one read (those at or below it are skipped). */
  absorb(rows: readonly NumberedHash[]): void {
    const fresh = rows.filter((row) => Number(row.seq) > this.#seen);
    if (fresh.length === 0) return;
    const ids = new Float64Array(fresh.length);
    const words = new Uint32Array(fresh.length * PDQ_HASH_WORDS);
    let filled = 0;
    for (const row of fresh) {
      this.#seen = Math.max(this.#seen, Number(row.seq));
      if (!linkable(row.quality, this.settings.qualityFloor)) continue;
      ids[filled] = Number(row.seq);
      writeHashWords(row.pdq, words, filled * PDQ_HASH_WORDS);
      filled++;
    }
    // The overflow takes a few; a batch as large as the index rebuilds it.
    if (filled > 0) this.#index.addMany(ids.subarray(0, filled), words.subarray(0, filled * PDQ_HASH_WORDS));
  }

  /** The numbers of the hashes within the deployment's distance, nearest first, at most `limit`. */
  near(hash: PdqHash, limit: number): number[] {
    return this.#index
      .query(hash, this.settings.maxDistance)
      .slice(0, limit)
      .map((match) => match.id);
  }

  /** The first load, in pages, into arrays sized by a count taken first; one bulk build. */
  async #load(): Promise<void> {
    const { rows: counted } = await sql<{ n: string }>`select count(*)::text as n from report_pdq_hashes`.execute(this.db);
    let ids = new Float64Array(Math.max(1024, Number(counted[0]?.n ?? 0)));
    let words = new Uint32Array(ids.length * PDQ_HASH_WORDS);
    let filled = 0;
    let seen = 0;
    for (;;) {
      const { rows } = await sql<NumberedHash>`
        select h.seq::text as seq, h.pdq, h.quality from report_pdq_hashes h
        where h.seq > ${seen} order by h.seq limit ${PAGE}`.execute(this.db);
      for (const row of rows) {
        if (!linkable(row.quality, this.settings.qualityFloor)) continue;
        if (filled === ids.length) {
          ids = grow(ids, filled, ids.length * 2);
          words = grow(words, filled * PDQ_HASH_WORDS, ids.length * PDQ_HASH_WORDS);
        }
        ids[filled] = Number(row.seq);
        writeHashWords(row.pdq, words, filled * PDQ_HASH_WORDS);
        filled++;
      }
      if (rows.length > 0) seen = Number(rows[rows.length - 1]!.seq);
      if (rows.length < PAGE) break;
    }
    const index = createMatchIndex(indexLayout);
    if (filled > 0) index.addMany(ids.subarray(0, filled), words.subarray(0, filled * PDQ_HASH_WORDS));
    this.#index = index;
    this.#seen = seen;
    this.#loaded = true;
  }
}

function grow<T extends Float64Array | Uint32Array>(array: T, used: number, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array.subarray(0, used));
  return bigger;
}
