import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../../test/support/store.js';
import { migrateToLatest, runSql } from '../store/index.js';
import { GENESIS_HASH, type AuditDetail } from './entry.js';
import { auditMigrations } from './migrations.js';
import { recordAudit } from './record.js';
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
    const first = await test.store.db.transaction().execute((trx) =>
      recordAudit(trx, {
        actorType: 'user',
        actorId: 'u-1',
        organisationId: 'o-1',
        action: 'user.read-personal',
        subjectType: 'user',
        subjectId: 'u-2',
        requestId: 'req-1',
        // As a JavaScript caller may pass it: undefined members are dropped, as jsonb would.
        detail: { fields: ['email', 'name'], nested: { b: 1, a: [true, null, 2.5] }, dropped: undefined } as unknown as AuditDetail,
      }),
    );
    expect(first.seq).toBe('1');
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(first.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(first.detail).toEqual({ fields: ['email', 'name'], nested: { b: 1, a: [true, null, 2.5] } });
    const second = await test.store.db.transaction().execute((trx) => recordAudit(trx, entry));
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
    const next = await test.store.db.transaction().execute((trx) => recordAudit(trx, entry));
    expect(next.seq).toBe('3');
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

  it('keeps a valid chain when several transactions append at once', async () => {
    const appenders = Array.from({ length: 12 }, (_, i) =>
      test.store.db.transaction().execute(async (trx) => {
        await sql`select pg_sleep(${(i % 3) * 0.01})`.execute(trx);
        const record = await recordAudit(trx, { ...entry, subjectType: 'test', subjectId: String(i) });
        await sql`select pg_sleep(0.01)`.execute(trx);
        return record.seq;
      }),
    );
    const seqs = (await Promise.all(appenders)).map(Number).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 4));
    expect(await verifyAudit(test.store.db)).toMatchObject({ ok: true, entries: 15 });
  });

  it('is append-only through ordinary SQL', async () => {
    const { db } = test.store;
    await expect(runSql(db, `update audit_log set detail = '{"x": 1}' where seq = 1`)).rejects.toThrow(/append-only/);
    await expect(runSql(db, 'delete from audit_log where seq = 2')).rejects.toThrow(/append-only/);
    await expect(runSql(db, 'truncate audit_log')).rejects.toThrow(/append-only/);
    await expect(runSql(db, 'delete from audit_head')).rejects.toThrow(/append-only/);
    await expect(runSql(db, 'update audit_head set last_seq = 1')).rejects.toThrow(/advance by one/);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: 15 });
  });
});
