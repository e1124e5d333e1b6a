import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../../test/support/store.js';
import { migrateToLatest, runSql } from '../store/index.js';
import { GENESIS_HASH, type AuditDetail } from './entry.js';
import { auditMigrations } from './migrations.js';
import { recordAudit } from './record.js';
import { pendingAudit, sealAudit } from './seal.js';
import { recordSealed } from './testing.js';
import { verifyAudit } from './verify.js';

let test: TestStore;

beforeAll(async () => {
  test = await openTestStore();
  await migrateToLatest(test.store.db, auditMigrations);
});
afterAll(() => test.drop());

const entry = { actorType: 'system', action: 'test.event' } as const;

describe('recordAudit', () => {
  it('starts from an empty log that verifies', async () => {
    expect(await verifyAudit(test.store.db)).toEqual({ ok: true, entries: 0, problems: [], truncated: false });
  });

  it('chains entries from the genesis hash, and they verify', async () => {
    const first = await recordSealed(test.store.db, {
      actorType: 'user',
      actorId: 'u-1',
      organisationId: 'o-1',
      action: 'user.read-personal',
      subjectType: 'user',
      subjectId: 'u-2',
      requestId: 'req-1',
      // As a JavaScript caller may pass it: undefined members are dropped, as jsonb would.
      detail: { fields: ['email', 'name'], nested: { b: 1, a: [true, null, 2.5] }, dropped: undefined } as unknown as AuditDetail,
    });
    expect(first.seq).toBe('1');
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(first.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(first.detail).toEqual({ fields: ['email', 'name'], nested: { b: 1, a: [true, null, 2.5] } });
    const second = await recordSealed(test.store.db, entry);
    expect(second).toMatchObject({ seq: '2', prevHash: first.hash, actorId: null, detail: {} });
    expect(await verifyAudit(test.store.db)).toEqual({ ok: true, entries: 2, problems: [], truncated: false });
  });

  it('writes nothing when the transaction rolls back, and leaves no gap', async () => {
    await expect(
      test.store.db.transaction().execute(async (trx) => {
        await recordAudit(trx, entry);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const next = await recordSealed(test.store.db, entry);
    expect(next.seq).toBe('3');
    expect(await pendingAudit(test.store.db)).toEqual({ count: 0, oldest: null });
    expect((await verifyAudit(test.store.db)).ok).toBe(true);
  });

  it('must be given a transaction', async () => {
    await expect(recordAudit(test.store.db as never, entry)).rejects.toThrow(/transaction/);
  });

  it('refuses an unknown actor type or a malformed action', async () => {
    await expect(test.store.db.transaction().execute((trx) => recordAudit(trx, { ...entry, actorType: 'robot' as never }))).rejects.toThrow(
      /actor type/,
    );
    await expect(test.store.db.transaction().execute((trx) => recordAudit(trx, { ...entry, action: 'Did Something' }))).rejects.toThrow(
      /<subject>\.<verb>/,
    );
  });

  it('chains entries of concurrent transactions once each, none while its transaction runs', async () => {
    const { db } = test.store;
    // On PostgreSQL, a transaction that stays open: its entry must wait, the others must not.
    // (The embedded database runs one transaction at a time, so it cannot hold one open.)
    const openTransactions = test.databaseUrl !== undefined;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const open = openTransactions
      ? db.transaction().execute(async (trx) => {
          await recordAudit(trx, { ...entry, subjectType: 'test', subjectId: 'late' });
          await held;
        })
      : db.transaction().execute((trx) => recordAudit(trx, { ...entry, subjectType: 'test', subjectId: 'late' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const appenders = Array.from({ length: 12 }, (_, i) =>
      db.transaction().execute(async (trx) => {
        await sql`select pg_sleep(${(i % 3) * 0.01})`.execute(trx);
        await recordAudit(trx, { ...entry, subjectType: 'test', subjectId: String(i) });
      }),
    );
    const sealers = Promise.all([1, 2, 3].map(() => sealAudit(db)));
    await Promise.all(appenders);
    await sealers;
    await sealAudit(db);
    const late = sql<{ n: number }>`select count(*)::int as n from audit_log where subject_id = 'late'`;
    if (openTransactions) expect((await late.execute(db)).rows[0]?.n).toBe(0);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: openTransactions ? 15 : 16 });
    release();
    await open;
    await sealAudit(db);
    expect(await pendingAudit(db)).toEqual({ count: 0, oldest: null });
    expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: 16 });
    const subjects = await sql<{ subject_id: string }>`select subject_id from audit_log where subject_type = 'test'`.execute(db);
    expect(subjects.rows.map((r) => r.subject_id).sort()).toEqual([...Array.from({ length: 12 }, (_, i) => String(i)), 'late'].sort());
  });

  it('is append-only through ordinary SQL', async () => {
    const { db } = test.store;
    await expect(runSql(db, `update audit_log set detail = '{"x": 1}' where seq = 1`)).rejects.toThrow(/append-only/);
    await expect(runSql(db, 'delete from audit_log where seq = 2')).rejects.toThrow(/append-only/);
    await expect(runSql(db, 'truncate audit_log')).rejects.toThrow(/append-only/);
    await expect(runSql(db, 'delete from audit_head')).rejects.toThrow(/append-only/);
    await expect(runSql(db, 'update audit_head set last_seq = 1')).rejects.toThrow(/advance to the last chained entry/);
    // Forward only, and only onto an entry the log holds with that very hash.
    await expect(runSql(db, 'update audit_head set last_seq = last_seq + 1')).rejects.toThrow(/advance to the last chained entry/);
    await expect(
      db.transaction().execute(async (trx) => {
        await runSql(
          trx,
          `insert into audit_log (seq, at, actor_type, action, detail, prev_hash, hash)
           select 17, at, actor_type, action, detail, hash, repeat('a', 64) from audit_log where seq = 16`,
        );
        await runSql(trx, `update audit_head set last_seq = 17, last_hash = repeat('b', 64)`);
      }),
    ).rejects.toThrow(/advance to the last chained entry/);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: 16 });
  });
});
