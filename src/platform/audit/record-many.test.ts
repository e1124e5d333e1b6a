import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../../test/support/store.js';
import { migrateToLatest } from '../store/index.js';
import { auditMigrations } from './migrations.js';
import { recordAudits } from './record.js';
import { pendingAudit, sealAudit } from './seal.js';
import { verifyAudit } from './verify.js';

let test: TestStore;

beforeAll(async () => {
  test = await openTestStore();
  await migrateToLatest(test.store.db, auditMigrations);
});
afterAll(() => test.drop());

describe('recordAudits', () => {
  it('writes the entries of a batch in one statement; they are chained in order and verify', async () => {
    const { db } = test.store;
    const entries = ['a', 'b', 'c'].map((subjectId) => ({
      actorType: 'api_key' as const,
      actorId: 'key-1',
      action: 'report.receive',
      subjectType: 'report',
      subjectId,
      detail: { urls: 3 },
    }));
    await db.transaction().execute((trx) => recordAudits(trx, entries));
    await db.transaction().execute((trx) => recordAudits(trx, []));
    expect(await pendingAudit(db)).toMatchObject({ count: 3 });
    await sealAudit(db);
    const verified = await verifyAudit(db);
    expect(verified).toMatchObject({ ok: true, entries: 3 });
  });

  it('writes nothing of a batch whose transaction rolls back, and refuses a malformed entry before writing', async () => {
    const { db } = test.store;
    await expect(
      db.transaction().execute(async (trx) => {
        await recordAudits(trx, [{ actorType: 'system', action: 'test.one' }]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await expect(
      db.transaction().execute((trx) =>
        recordAudits(trx, [
          { actorType: 'system', action: 'test.fine' },
          { actorType: 'system', action: 'Not An Action' },
        ]),
      ),
    ).rejects.toThrow(/<subject>\.<verb>/);
    await expect(recordAudits(db as never, [{ actorType: 'system', action: 'test.one' }])).rejects.toThrow(/transaction/);
    expect(await pendingAudit(db)).toEqual({ count: 0, oldest: null });
  });
});
