import { randomUUID } from 'node:crypto';
import { createVigie, type Vigie } from '../../src/main.js';
import { openStore, type Store } from '../../src/platform/store/index.js';
import type { ReportContent, ReportService } from '../../src/reports/index.js';
import type { TestVigie } from '../support/app.js';

/** A partner submitting straight through the service (no HTTP): the fastest way to store many reports. */
export function servicePartner() {
  const organisationId = randomUUID();
  const apiKeyId = randomUUID();
  return { actor: { actorType: 'api_key', actorId: apiKeyId, organisationId } as const, organisationId, apiKeyId };
}

/** Stores these reports, 500 a batch, and answers their ids in order. */
export async function storeReports(reports: ReportService, contents: readonly ReportContent[]): Promise<string[]> {
  const partner = servicePartner();
  const ids: string[] = [];
  for (let i = 0; i < contents.length; i += 500) {
    const { receipt } = await reports.submitPartnerBatch(partner, randomUUID(), { reports: contents.slice(i, i + 500) });
    ids.push(...receipt.reports.map((report) => report.reportId));
  }
  return ids;
}

/** A small, deterministic generator (mulberry32), so that a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export function randomHex(random: () => number, bytes: number): string {
  let out = '';
  for (let i = 0; i < bytes; i++)
    out += Math.floor(random() * 256)
      .toString(16)
      .padStart(2, '0');
  return out;
}

/** The PDQ hash (64 hex digits) with these bits flipped. */
export function flipBits(hex: string, bits: Iterable<number>): string {
  const bytes = Buffer.from(hex, 'hex');
  for (const bit of bits) bytes[bit >> 3]! ^= 1 << (bit & 7);
  return bytes.toString('hex');
}

/** `count` bit positions from `from`. */
export const bitRange = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

export function hammingHex(a: string, b: string): number {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  let distance = 0;
  for (let i = 0; i < x.length; i++) {
    let v = x[i]! ^ y[i]!;
    while (v) {
      distance += v & 1;
      v >>= 1;
    }
  }
  return distance;
}

/** A report with nothing that could link it, to be given what a test plants. */
export function bareReport(overrides: Partial<ReportContent> = {}): ReportContent {
  return { category: 'child_sexual_abuse_material', occurredAt: '2025-03-01', ...overrides };
}

/** Another Vigie on the same database, as another process would be (its own pool on PostgreSQL). */
export async function secondVigie(t: TestVigie): Promise<{ vigie: Vigie; close(): Promise<void> }> {
  const store: Store = t.testStore.databaseUrl
    ? await openStore({ databaseUrl: t.testStore.databaseUrl, dataDir: 'unused', poolSize: 3 })
    : t.testStore.store;
  const vigie = await createVigie(t.config, { store });
  return {
    vigie,
    async close() {
      await vigie.close();
      if (t.testStore.databaseUrl) await store.close();
    },
  };
}
