import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { createVigie, type Vigie } from '../../src/main.js';
import { openStore, type Store } from '../../src/platform/store/index.js';
import { syntheticImages } from '../pdq/synthetic-images.js';
import { createTestVigie, signInAs, type StaffSession, type TestVigie } from '../support/app.js';

export const system = { actorType: 'system', actorId: null } as const;

/** Random hashes only: no test here ever holds the hash of a real image. */
export function randomHex(digits: number): string {
  return randomBytes(digits / 2).toString('hex');
}

/** The PDQ hash (hex) with `bits` of its 256 bits flipped, at distinct random positions. */
export function flipBits(hex: string, bits: number): string {
  const bytes = Buffer.from(hex, 'hex');
  const chosen = new Set<number>();
  while (chosen.size < bits) chosen.add(randomBytes(2).readUInt16BE() % 256);
  for (const bit of chosen) bytes[bit >> 3]! ^= 1 << (bit & 7);
  return bytes.toString('hex');
}

export interface SecondVigie {
  vigie: Vigie;
  close(): Promise<void>;
}

/**
 * A second Vigie on the same database, as another server or worker process would be: on
 * PostgreSQL with its own connection pool; on the embedded database (one process only)
 * sharing the store.
 */
export async function secondVigie(t: TestVigie, options: { workers?: boolean } = {}): Promise<SecondVigie> {
  const store: Store = t.testStore.databaseUrl
    ? await openStore({ databaseUrl: t.testStore.databaseUrl, dataDir: 'unused', poolSize: 3 })
    : t.testStore.store;
  const vigie = await createVigie({ ...t.config, jobPollSeconds: 0.5 }, { store, workers: options.workers ?? false });
  return {
    vigie,
    async close() {
      await vigie.close();
      if (t.testStore.databaseUrl) await store.close();
    },
  };
}

/**
 * A test Vigie whose bank jobs (imports, exports) run in a second Vigie on the same database,
 * as in a deployment with worker processes, and a senior analyst who manages the banks.
 */
export interface BankTestVigie {
  t: TestVigie;
  worker: SecondVigie;
  senior: StaffSession;
  close(): Promise<void>;
}

export async function createBankTestVigie(): Promise<BankTestVigie> {
  const t = await createTestVigie();
  let worker: SecondVigie | undefined;
  const close = async () => {
    await worker?.close();
    await t.close();
  };
  try {
    worker = await secondVigie(t, { workers: true });
    const senior = await signInAs(t, ['senior_analyst']);
    return { t, worker, senior, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A bank created through the API by `senior`; its id. */
export async function createBankThroughApi(
  t: TestVigie,
  senior: StaffSession,
  bank: { name: string; purpose: string; source: string },
): Promise<string> {
  const response = await t.vigie.app.inject({ method: 'POST', url: '/api/banks', headers: senior.headers, payload: bank });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

/** A PNG of one of the generated abstract images of the PDQ tests (never a photograph). */
export async function syntheticPng(name: string): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const image = syntheticImages().find((candidate) => candidate.name === name);
  if (!image) throw new Error(`No synthetic image ${name}`);
  const { pixels, width, height, channels } = image;
  return sharp(Buffer.from(pixels), { raw: { width, height, channels } }).png().toBuffer();
}

/** Audit entries of an action, chained or still pending (the sealer chains them after commit). */
export async function auditEntries(store: Store, action: string): Promise<{ subject_id: string; actor_type: string; detail: unknown }[]> {
  const { rows } = await sql<{ subject_id: string; actor_type: string; detail: unknown }>`
    select subject_id, actor_type, detail from (
      select subject_id, actor_type, detail, action from audit_log
      union all select subject_id, actor_type, detail, action from audit_pending) entries
    where action = ${action}`.execute(store.db);
  return rows;
}
