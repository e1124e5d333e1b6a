import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../../test/support/store.js';
import { migrateToLatest } from '../store/index.js';
import { auditMigrations } from './migrations.js';
import { readAudit } from './read.js';
import { recordSealed } from './testing.js';

let test: TestStore;

beforeAll(async () => {
  test = await openTestStore();
  await migrateToLatest(test.store.db, auditMigrations);
  for (let i = 1; i <= 7; i += 1) {
    // Sealed one by one, so that the chain's order is the order they were written in.
    await recordSealed(test.store.db, {
      actorType: 'user',
      actorId: 'u-1',
      action: i === 1 ? 'case.open' : 'case.read',
      subjectType: 'case',
      subjectId: i % 2 === 0 ? 'c-even' : 'c-odd',
      detail: { step: i },
    });
  }
});
afterAll(() => test.drop());

describe('readAudit', () => {
  it("lists a subject's history, newest first", async () => {
    const history = await readAudit(test.store.db, { subjectType: 'case', subjectId: 'c-odd' });
    expect(history.map((r) => r.seq)).toEqual(['7', '5', '3', '1']);
    expect(history.at(-1)).toMatchObject({ action: 'case.open', actorType: 'user', actorId: 'u-1', detail: { step: 1 } });
  });

  it('pages with limit and before', async () => {
    const first = await readAudit(test.store.db, { subjectType: 'case', subjectId: 'c-odd', limit: 2 });
    expect(first.map((r) => r.seq)).toEqual(['7', '5']);
    const next = await readAudit(test.store.db, { subjectType: 'case', subjectId: 'c-odd', limit: 2, before: first.at(-1)?.seq ?? '' });
    expect(next.map((r) => r.seq)).toEqual(['3', '1']);
  });

  it('finds nothing for another subject, and refuses a malformed cursor', async () => {
    expect(await readAudit(test.store.db, { subjectType: 'user', subjectId: 'c-odd' })).toEqual([]);
    await expect(readAudit(test.store.db, { subjectType: 'case', subjectId: 'c-odd', before: '1; drop' })).rejects.toThrow(/seq/);
  });
});
