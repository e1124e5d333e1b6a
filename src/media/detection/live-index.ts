import type { BankReader, EntryState } from '../banks/index.js';
import { createMatchIndex, type Match, type MatchIndex } from '../matching/index.js';
import { PDQ_HASH_WORDS, type PdqHash } from '../pdq/index.js';
import { pdqOfBytes, writePdqWords } from './pdq-bytes.js';

/** Rows read per query when loading the index or a bank's entries. */
const PAGE = 50_000;
/** Change-log rows read per query, and entry ids looked up per query. */
const CHANGES_PAGE = 500;
const IDS_PAGE = 10_000;

/**
 * The PDQ hashes of every active entry of every bank, in one in-memory index whose ids are
 * the entries' database ids, kept current from the banks' change log.
 *
 * Loaded on first use. Before each lookup, `current()` asks the change log for what came
 * after the version the index reflects (one cheap query, usually empty) and applies it:
 * each changed entry is read again and added, enabled, disabled or removed to match the
 * database. Applying the state rather than the event makes replays harmless, so the load
 * may overlap changes: it reads the version first, then the entries.
 */
export class LivePdqIndex {
  #index: MatchIndex = createMatchIndex();
  #version: string | null = null;
  #queued: Promise<void> | null = null;
  #running: Promise<void> = Promise.resolve();

  constructor(
    private readonly reader: BankReader,
    private readonly qualityFloor: number,
  ) {}

  get loaded(): boolean {
    return this.#version !== null;
  }

  get version(): string {
    return this.#version ?? '0';
  }

  get index(): MatchIndex {
    return this.#index;
  }

  /**
   * Resolves once every change committed before the call is in the index. Callers that
   * arrive while a catch-up waits to start share it; those that arrive once it has started
   * get the next one, since it may have read the log before their change committed.
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

  query(hash: PdqHash, maxDistance: number): Match[] {
    return this.#index.query(hash, maxDistance);
  }

  async #catchUp(): Promise<void> {
    if (this.#version === null) return this.#load();
    for (;;) {
      const { changes, complete } = await this.reader.changesSince(this.#version, CHANGES_PAGE);
      if (!complete) return this.#load();
      if (changes.length === 0) return;
      const entryIds = new Set<string>();
      for (const change of changes) {
        if (change.bankId !== null) await this.#applyBank(change.bankId);
        for (const id of change.entryIds) entryIds.add(id);
      }
      await this.#applyEntries([...entryIds]);
      this.#version = changes[changes.length - 1]!.version;
      if (changes.length < CHANGES_PAGE) return;
    }
  }

  /**
   * Reads every active PDQ entry into two arrays sized by a count taken first, then builds
   * the index from them in one `addMany` (one bulk build, sized exactly); the arrays, 40
   * bytes a hash, are dropped once it is built.
   */
  async #load(): Promise<void> {
    const version = await this.reader.version();
    let capacity = Math.max(1, await this.reader.countActivePdq(this.qualityFloor));
    let ids = new Float64Array(capacity);
    let words = new Uint32Array(capacity * PDQ_HASH_WORDS);
    let filled = 0;
    let after = '0';
    for (;;) {
      const rows = await this.reader.activePdqEntries(after, PAGE, this.qualityFloor);
      if (filled + rows.length > capacity) {
        // Entries added since the count: grow the arrays.
        capacity = Math.ceil((filled + rows.length) * 1.25);
        ids = copyInto(new Float64Array(capacity), ids, filled);
        words = copyInto(new Uint32Array(capacity * PDQ_HASH_WORDS), words, filled * PDQ_HASH_WORDS);
      }
      for (const row of rows) {
        ids[filled] = Number(row.id);
        writePdqWords(row.pdq!, words, filled * PDQ_HASH_WORDS);
        filled++;
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
    const index = createMatchIndex();
    index.addMany(ids.subarray(0, filled), words.subarray(0, filled * PDQ_HASH_WORDS));
    this.#index = index;
    this.#version = version;
  }

  async #applyBank(bankId: string): Promise<void> {
    let after = '0';
    for (;;) {
      const states = await this.reader.statesOfBank(bankId, after, PAGE, this.qualityFloor);
      states.forEach((state) => this.#apply(state));
      if (states.length < PAGE) return;
      after = states[states.length - 1]!.id;
    }
  }

  async #applyEntries(ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += IDS_PAGE) {
      const page = ids.slice(i, i + IDS_PAGE);
      const states = await this.reader.statesOf(page, this.qualityFloor);
      const seen = new Set<string>();
      for (const state of states) {
        seen.add(state.id);
        this.#replace(state);
      }
      for (const id of page) if (!seen.has(id)) this.#index.remove(Number(id));
    }
  }

  /** An entry that changed (its hash may have too): out of the index, and back in when active. */
  #replace(state: EntryState): void {
    const id = Number(state.id);
    this.#index.remove(id);
    if (state.active && state.pdq !== null) this.#index.add(id, pdqOfBytes(state.pdq));
  }

  /** An entry of a bank that was enabled or disabled (its hash did not change). */
  #apply(state: EntryState): void {
    const id = Number(state.id);
    const index = this.#index;
    if (state.pdq === null) {
      index.remove(id);
      return;
    }
    if (!index.has(id)) {
      if (state.active) index.add(id, pdqOfBytes(state.pdq));
      return;
    }
    if (state.active) index.enable(id);
    else index.disable(id);
  }
}

function copyInto<T extends Float64Array | Uint32Array>(target: T, source: T, length: number): T {
  target.set(source.subarray(0, length));
  return target;
}
