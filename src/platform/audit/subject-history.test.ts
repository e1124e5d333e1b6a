import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../../test/support/store.js';
import { migrateToLatest } from '../store/index.js';
import { auditMigrations } from './migrations.js';
import { recordAudit } from './record.js';
import { readSubjectHistory } from './subject-history.js';
import { recordSealed } from './testing.js';

let test: TestStore;
const report = { type: 'report', id: 'r-1' };

beforeAll(async () => {
  test = await openTestStore();
  await migrateToLatest(test.store.db, auditMigrations);
  for (const [action, subjectId] of [
    ['report.receive', 'r-1'],
    ['report.receive', 'r-2'],
    ['assessment.claim', 'r-1'],
    ['assessment.assess', 'r-1'],
  ] as const) {
    await recordSealed(test.store.db, { actorType: 'user', actorId: 'u-1', action, subjectType: 'report', subjectId, detail: { n: 1 } });
  }
  // Written and committed, not chained yet: the sealer has not run since.
  await test.store.db
    .transaction()
    .execute((trx) =>
      recordAudit(trx, { actorType: 'user', actorId: 'u-2', action: 'report.read-personal', subjectType: 'report', subjectId: 'r-1' }),
    );
  await test.store.db
    .transaction()
    .execute((trx) => recordAudit(trx, { actorType: 'system', action: 'report.status', subjectType: 'report', subjectId: 'r-2' }));
});
afterAll(() => test.drop());

describe('readSubjectHistory', () => {
  it("lists one subject's entries newest first, those the sealer has not chained yet included", async () => {
    const history = await readSubjectHistory(test.store.db, report, 50);
    expect(history.map((entry) => entry.action)).toEqual([
      'report.read-personal',
      'assessment.assess',
      'assessment.claim',
      'report.receive',
    ]);
    expect(history[0]).toMatchObject({ seq: null, actorType: 'user', actorId: 'u-2', detail: {} });
    expect(history[1]?.seq).toMatch(/^\d+$/);
    expect(history[3]).toMatchObject({ actorId: 'u-1', detail: { n: 1 } });
  });

  it('keeps to the limit, newest first', async () => {
    const history = await readSubjectHistory(test.store.db, report, 2);
    expect(history.map((entry) => entry.action)).toEqual(['report.read-personal', 'assessment.assess']);
  });

  it('answers nothing for a subject without entries', async () => {
    expect(await readSubjectHistory(test.store.db, { type: 'report', id: 'r-none' }, 50)).toEqual([]);
  });
});
