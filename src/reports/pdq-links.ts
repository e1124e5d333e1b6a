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

/** Rows read per query while loading or catching up. */
const PAGE = 50_000;

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

/**
 * The PDQ hashes of every report's media (of quality at the floor or above), in one
 * in-memory index whose ids are the hashes' numbers in `report_pdq_hashes`.
 *
 * Numbers are given under the row lock of `report_pdq_version`, held until commit, so they
 * commit in their own order: once a process has read every number up to n, no number below
 * n can appear later. Catching up is then one query for the numbers after the last one
 * read, usually empty. A process loads the index the first time a report with a PDQ hash is
 * linked in it (a worker that never links media never loads it). Hashes of deleted reports
 * stay in the index until the process restarts; their numbers no longer name a report, so
 * they link nothing.
 */
export class ReportPdqIndex {
  #index: MatchIndex = createMatchIndex();
  #seen = 0;
  #queued: Promise<void> | null = null;
  #running: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<ReportTables>,
    readonly settings: PdqLinkSettings,
  ) {}

  get size(): number {
    return this.#index.size;
  }

  bytesUsed(): number {
    return this.#index.bytesUsed();
  }

  /**
   * Resolves once every hash committed before the call is in the index. Callers that arrive
   * while a catch-up waits to start share it; those that arrive once it has started get the
   * next one, since it may have read before their hashes committed.
   */
  current(): Promise<void> {
    if (this.#queued) return this.#queued;
    const next = this.#running.then(() => {
      this.#queued = null;
      return this.#catchUp();
    });
    this.#queued = next;
    this.#running = next.catch(() => undefined);
    return next;
  }

  /** The numbers of the hashes within the deployment's distance, nearest first, at most `limit`. */
  near(hash: PdqHash, limit: number): number[] {
    return this.#index
      .query(hash, this.settings.maxDistance)
      .slice(0, limit)
      .map((match) => match.id);
  }

  async #catchUp(): Promise<void> {
    // The first load is sized by a count, so that ten million hashes are not copied as the arrays grow.
    const expected = this.#seen === 0 ? await this.#count() : 0;
    let ids = new Float64Array(Math.max(1024, expected));
    let words = new Uint32Array(ids.length * PDQ_HASH_WORDS);
    let filled = 0;
    for (;;) {
      const { rows } = await sql<{ seq: string; pdq: Uint8Array; quality: number | null }>`
        select h.seq::text as seq, h.pdq, h.quality from report_pdq_hashes h
        where h.seq > ${this.#seen} order by h.seq limit ${PAGE}`.execute(this.db);
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
      if (rows.length > 0) this.#seen = Number(rows[rows.length - 1]!.seq);
      if (rows.length < PAGE) break;
    }
    // One bulk build when the batch is at least as large as the index (the first load), the overflow otherwise.
    if (filled > 0) this.#index.addMany(ids.subarray(0, filled), words.subarray(0, filled * PDQ_HASH_WORDS));
  }

  async #count(): Promise<number> {
    const { rows } = await sql<{ n: string }>`select count(*)::text as n from report_pdq_hashes`.execute(this.db);
    return Number(rows[0]?.n ?? 0);
  }
}

function grow<T extends Float64Array | Uint32Array>(array: T, used: number, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array.subarray(0, used));
  return bigger;
}
