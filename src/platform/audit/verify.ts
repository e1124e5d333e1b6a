import { sql } from 'kysely';
import { chainHash } from './chain-hash.js';
import { GENESIS_HASH, type AuditRecord } from './entry.js';
import { readHead, selectRecords, walkLog, type AuditHead, type AuditReader } from './log-reader.js';

export type AuditProblemKind = 'altered' | 'removed' | 'inserted' | 'reordered' | 'head-mismatch';

export interface AuditProblem {
  /** The entry concerned (for removed entries, the first one missing). */
  seq: string;
  problem: AuditProblemKind;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  problems: AuditProblem[];
  /** True when more problems were found than `maxProblems`; only the first are listed. */
  truncated: boolean;
}

export interface VerifyOptions {
  pageSize?: number;
  maxProblems?: number;
}

const hashes = (record: AuditRecord, seq: bigint) => chainHash(record.prevHash, { ...record, seq: seq.toString() });

interface Previous {
  seq: bigint;
  hash: string;
  /** A problem was already reported for it, which explains a broken link after it. */
  flagged: boolean;
}

class ChainCheck<Tables> {
  readonly problems: AuditProblem[] = [];
  truncated = false;
  entries = 0;
  #previous: Previous = { seq: 0n, hash: GENESIS_HASH, flagged: false };
  #pending: AuditRecord | undefined;

  constructor(
    private readonly db: AuditReader<Tables>,
    private readonly maxProblems: number,
  ) {}

  report(seq: bigint, problem: AuditProblemKind, message: string): void {
    if (this.problems.some((p) => p.seq === seq.toString() && p.problem === problem)) return;
    if (this.problems.length >= this.maxProblems) this.truncated = true;
    else this.problems.push({ seq: seq.toString(), problem, message });
  }

  /** Entries are checked one behind, because a broken link is judged by the entry after it. */
  async visit(record: AuditRecord): Promise<void> {
    this.entries += 1;
    if (this.#pending) await this.#check(this.#pending, (current) => this.#linksTo(record, current));
    this.#pending = record;
  }

  async finish(head: AuditHead): Promise<void> {
    if (this.#pending) {
      await this.#check(this.#pending, (last) => head.lastSeq === BigInt(last.seq) && head.lastHash === last.hash);
    }
    await this.#checkHead(head);
  }

  #linksTo(next: AuditRecord, current: AuditRecord): boolean {
    return BigInt(next.seq) === BigInt(current.seq) + 1n && next.prevHash === current.hash;
  }

  async #check(record: AuditRecord, isFollowed: (record: AuditRecord) => boolean): Promise<void> {
    const seq = BigInt(record.seq);
    const previous = this.#previous;
    let flagged = false;
    if (hashes(record, seq) !== record.hash) {
      flagged = true;
      const writtenAs = await this.#writtenAs(record, 3);
      if (writtenAs !== null && writtenAs !== seq) {
        this.report(seq, 'reordered', `Entry ${seq} holds the entry that was written as entry ${writtenAs}`);
      } else {
        this.report(seq, 'altered', `Entry ${seq} does not match its hash: its content was changed`);
      }
    }
    if (seq > previous.seq + 1n) {
      const first = previous.seq + 1n;
      const which = first === seq - 1n ? `Entry ${first} is` : `Entries ${first} to ${seq - 1n} are`;
      const after = previous.seq === 0n ? `the log starts at entry ${seq}` : `entry ${seq} follows entry ${previous.seq}`;
      this.report(first, 'removed', `${which} missing (${after})`);
    } else if (record.prevHash !== previous.hash && !flagged && !previous.flagged) {
      // One of the two entries is not the original. The original of this one is still
      // chained to by the entry after it; a forged one is not.
      if (isFollowed(record) && previous.seq > 0n) {
        this.report(
          previous.seq,
          'altered',
          `Entry ${previous.seq} is not the entry that entry ${seq} was chained to: it was rewritten or replaced`,
        );
      } else {
        flagged = true;
        this.report(seq, 'inserted', `Entry ${seq} is not chained to entry ${previous.seq}: it was inserted`);
      }
    }
    this.#previous = { seq, hash: record.hash, flagged };
  }

  /** The seq an entry's content was hashed under, found through the entry it is chained to. */
  async #writtenAs(record: AuditRecord, depth: number): Promise<bigint | null> {
    if (hashes(record, BigInt(record.seq)) === record.hash) return BigInt(record.seq);
    if (depth === 0) return null;
    let predecessor: bigint | null = 0n;
    if (record.prevHash !== GENESIS_HASH) {
      const [chainedTo] = await selectRecords(this.db, sql`hash = ${record.prevHash}`, 'asc', 1);
      predecessor = chainedTo ? await this.#writtenAs(chainedTo, depth - 1) : null;
    }
    if (predecessor === null) return null;
    return hashes(record, predecessor + 1n) === record.hash ? predecessor + 1n : null;
  }

  async #checkHead(head: AuditHead): Promise<void> {
    const last = this.#previous;
    if (head.lastSeq > last.seq) {
      const first = last.seq + 1n;
      const which = first === head.lastSeq ? `Entry ${first} is` : `Entries ${first} to ${head.lastSeq} are`;
      this.report(first, 'removed', `${which} missing at the end of the log (the head records entry ${head.lastSeq})`);
    } else if (head.lastSeq === last.seq && head.lastHash !== last.hash && !last.flagged) {
      this.report(last.seq, 'head-mismatch', `The last entry ${last.seq} is not the one the head recorded`);
    } else if (head.lastSeq < last.seq) {
      const beyond = await selectRecords(this.db, sql`seq > ${head.lastSeq.toString()}::bigint`, 'asc', 100);
      // Read the head again: entries appended since the first reading are not forged.
      const now = await readHead(this.db);
      for (const record of beyond.filter((r) => BigInt(r.seq) > now.lastSeq)) {
        this.report(BigInt(record.seq), 'inserted', `Entry ${record.seq} is beyond the head of the log (entry ${now.lastSeq})`);
      }
    }
  }
}

/**
 * Walks the whole log in seq order, a page at a time, and reports every entry whose content
 * no longer matches its hash, every gap, every entry inserted or moved, and a head that does
 * not match the last entry. Runs alongside appends: it catches up with them before ending.
 */
export async function verifyAudit<Tables>(db: AuditReader<Tables>, options: VerifyOptions = {}): Promise<AuditVerification> {
  const check = new ChainCheck(db, options.maxProblems ?? 1000);
  const head = await walkLog(db, options.pageSize ?? 1000, (record) => check.visit(record));
  await check.finish(head);
  return {
    ok: check.problems.length === 0 && !check.truncated,
    entries: check.entries,
    problems: check.problems,
    truncated: check.truncated,
  };
}
