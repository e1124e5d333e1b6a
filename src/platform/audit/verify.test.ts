import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../../test/support/store.js';
import { migrateToLatest, runSql } from '../store/index.js';
import { chainHash } from './chain-hash.js';
import type { AuditRecord } from './entry.js';
import { auditMigrations } from './migrations.js';
import { recordSealed } from './testing.js';
import { verifyAudit } from './verify.js';

let test: TestStore;
let chain: AuditRecord[];

beforeAll(async () => {
  test = await openTestStore();
  await migrateToLatest(test.store.db, auditMigrations);
});
afterAll(() => test.drop());

/** Runs statements with the triggers off, as a superuser tampering with the log could. */
async function tamper(...statements: string[]): Promise<void> {
  const all = ['alter table audit_log disable trigger all', 'alter table audit_head disable trigger all', ...statements];
  await test.store.db.transaction().execute(async (trx) => {
    for (const statement of all) await runSql(trx, statement);
    await runSql(trx, 'alter table audit_log enable trigger all');
    await runSql(trx, 'alter table audit_head enable trigger all');
  });
}

const recordAt = (seq: number): AuditRecord => chain[seq - 1] as AuditRecord;
const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** An INSERT of a forged entry; its hash is computed as an attacker knowing the scheme would. */
function forged(seq: number, prevHash: string, detail: Record<string, string>): string {
  const fields = {
    seq: String(seq),
    at: recordAt(1).at,
    actorType: 'system',
    actorId: null,
    organisationId: null,
    action: 'forged.entry',
    subjectType: null,
    subjectId: null,
    requestId: null,
    detail,
  } as const;
  const hash = chainHash(prevHash, fields);
  return `insert into audit_log (seq, at, actor_type, action, detail, prev_hash, hash)
    values (${seq}, ${quote(fields.at)}, 'system', 'forged.entry', ${quote(JSON.stringify(detail))}, ${quote(prevHash)}, ${quote(hash)})`;
}

/** Swaps everything but the seq between two entries. */
function swap(a: number, b: number): string[] {
  return [
    `update audit_log set seq = ${a + 1000} where seq = ${a}`,
    `update audit_log set seq = ${a} where seq = ${b}`,
    `update audit_log set seq = ${b} where seq = ${a + 1000}`,
  ];
}

beforeEach(async () => {
  await tamper('delete from audit_log', `update audit_head set last_seq = 0, last_hash = repeat('0', 64)`);
  chain = [];
  for (let i = 1; i <= 10; i += 1) {
    chain.push(
      await recordSealed(test.store.db, {
        actorType: 'user',
        actorId: `u-${i}`,
        action: 'case.read',
        subjectType: 'case',
        subjectId: `c-${i}`,
        detail: { n: i },
      }),
    );
  }
});

async function problems() {
  const result = await verifyAudit(test.store.db, { pageSize: 3 });
  expect(result.ok).toBe(result.problems.length === 0);
  return result.problems.map(({ seq, problem }) => ({ seq, problem }));
}

describe('verifyAudit', () => {
  it('accepts an untouched chain, reading it page by page', async () => {
    expect(await verifyAudit(test.store.db, { pageSize: 3 })).toEqual({ ok: true, entries: 10, problems: [], truncated: false });
  });

  it('names an entry whose content was changed', async () => {
    await tamper(`update audit_log set detail = '{"n": 99}' where seq = 4`);
    expect(await problems()).toEqual([{ seq: '4', problem: 'altered' }]);
  });

  it('names an entry rewritten with a recomputed hash', async () => {
    const rewritten = { ...recordAt(4), actorId: 'someone-else' };
    const hash = chainHash(rewritten.prevHash, rewritten);
    await tamper(`update audit_log set actor_id = 'someone-else', hash = ${quote(hash)} where seq = 4`);
    expect(await problems()).toEqual([{ seq: '4', problem: 'altered' }]);
  });

  it('names a removed entry in the middle', async () => {
    await tamper('delete from audit_log where seq = 5');
    expect(await problems()).toEqual([{ seq: '5', problem: 'removed' }]);
  });

  it('names a run of removed entries by the first, with the range in the message', async () => {
    await tamper('delete from audit_log where seq between 5 and 7');
    const result = await verifyAudit(test.store.db);
    expect(result.problems).toEqual([{ seq: '5', problem: 'removed', message: expect.stringMatching(/Entries 5 to 7/) }]);
  });

  it('names removed first entries', async () => {
    await tamper('delete from audit_log where seq <= 2');
    const result = await verifyAudit(test.store.db);
    expect(result.problems).toEqual([{ seq: '1', problem: 'removed', message: 'Entries 1 to 2 are missing (the log starts at entry 3)' }]);
  });

  it('names a removed last entry, which the head still records', async () => {
    await tamper('delete from audit_log where seq = 10');
    expect(await problems()).toEqual([{ seq: '10', problem: 'removed' }]);
  });

  it('names a forged entry appended without the head', async () => {
    await tamper(forged(11, recordAt(10).hash, { n: 'forged' }));
    expect(await problems()).toEqual([{ seq: '11', problem: 'inserted' }]);
  });

  it('names a forged entry that is not chained to the one before it', async () => {
    await tamper('delete from audit_log where seq = 6', forged(6, 'f'.repeat(64), { n: 'forged' }));
    expect(await problems()).toEqual([{ seq: '6', problem: 'inserted' }]);
  });

  it('names a forged entry put in the place of another and chained to the one before it', async () => {
    await tamper('delete from audit_log where seq = 6', forged(6, recordAt(5).hash, { n: 'forged' }));
    expect(await problems()).toEqual([{ seq: '6', problem: 'altered' }]);
  });

  it('names both entries when their contents are swapped', async () => {
    await tamper(...swap(3, 7));
    expect(await problems()).toEqual([
      { seq: '3', problem: 'reordered' },
      { seq: '7', problem: 'reordered' },
    ]);
  });

  it('names both entries when neighbours are swapped', async () => {
    await tamper(...swap(4, 5));
    expect(await problems()).toEqual([
      { seq: '4', problem: 'reordered' },
      { seq: '5', problem: 'reordered' },
    ]);
  });

  it('names the last entry when the head does not match it', async () => {
    await tamper(`update audit_head set last_hash = repeat('a', 64)`);
    expect(await problems()).toEqual([{ seq: '10', problem: 'head-mismatch' }]);
  });

  it('lists at most maxProblems problems', async () => {
    await tamper(`update audit_log set detail = '{}'`);
    const result = await verifyAudit(test.store.db, { maxProblems: 3 });
    expect(result).toMatchObject({ ok: false, entries: 10, truncated: true });
    expect(result.problems).toHaveLength(3);
  });
});
