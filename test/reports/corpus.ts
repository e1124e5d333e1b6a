import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../src/platform/i18n/index.js';
import { inject, intakeFootprint, startIntake, type Intake } from './support.js';

/**
 * The runner of the bad-input corpus (issue 3): every case is an invalid submission that
 * must be answered 4xx with a problem+json naming the field, in the requester's language
 * (the cases alternate French and English), never 5xx, and leave nothing stored.
 */
export interface CorpusCase<Context = unknown> {
  name: string;
  /** Sent as JSON; a function builds it from what the channel's setup made (a hotel's id). */
  body?: unknown | ((context: Context) => unknown);
  /** Sent as is instead of `body`. */
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /** Sent without the idempotency key the channel otherwise sends. */
  withoutKey?: true;
  /** `#/pointer` into the body (or the XML element path), or `header:<name>`. */
  field: string;
  status?: number;
}

export interface Channel<Context> {
  title: string;
  url: string;
  /** The credentials and anything the cases build on (a hotel, a session). */
  setup(intake: Intake): Promise<{ headers: Record<string, string>; context: Context }>;
  cases: CorpusCase<Context>[];
  /** Whether a fresh idempotency key is sent with each case. */
  sendsKey: boolean;
  contentType: string;
}

interface ProblemBody {
  type: string;
  title: string;
  errors?: { pointer?: string; parameter?: string; detail: string; code: string }[];
}

const fieldMessage = (code: string) => `field.${code}` as MessageKey;

export function corpusSuite<Context>(channel: Channel<Context>): void {
  let intake: Intake;
  let headers: Record<string, string>;
  let context: Context;
  let footprint: Awaited<ReturnType<typeof intakeFootprint>>;

  beforeAll(async () => {
    intake = await startIntake();
    const prepared = await channel.setup(intake);
    headers = prepared.headers;
    context = prepared.context;
    footprint = await intakeFootprint(intake.t.vigie.store);
  }, 120_000);
  afterAll(() => intake?.close());

  describe(`the bad-input corpus: ${channel.title}`, () => {
    it('holds cases each with a name of its own', () => {
      expect(new Set(channel.cases.map((c) => c.name)).size).toBe(channel.cases.length);
    });

    it.each(channel.cases.map((c, i) => [c.name, c, i % 2 === 0 ? 'fr' : 'en'] as const))('%s', async (_name, c, language) => {
      const body = typeof c.body === 'function' ? (c.body as (context: Context) => unknown)(context) : c.body;
      const payload = c.raw ?? (body === undefined ? undefined : JSON.stringify(body));
      const response = await inject(intake.t, {
        method: 'POST',
        url: channel.url,
        headers: {
          'accept-language': language,
          ...(payload !== undefined ? { 'content-type': c.contentType ?? channel.contentType } : {}),
          ...headers,
          ...(channel.sendsKey && !c.withoutKey ? { 'idempotency-key': randomUUID() } : {}),
          ...c.headers,
        },
        ...(payload !== undefined ? { payload } : {}),
      });
      expect(response.statusCode, `${c.name}: ${response.body}`).toBe(c.status ?? 400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = response.json() as ProblemBody;
      expect(problem.title).toBe(translate(language, `problem.${problem.type.split(':').pop()}` as MessageKey));
      for (const error of problem.errors ?? []) expect(error.detail).toBe(translate(language, fieldMessage(error.code)));
      const named = (problem.errors ?? []).map((e) => (e.pointer !== undefined ? e.pointer : `header:${e.parameter}`));
      expect(named, `${c.name}: ${response.body}`).toContain(c.field);
      expect(named.length).toBeLessThanOrEqual(100);
    });

    it('stored nothing for any of them', async () => {
      expect(await intakeFootprint(intake.t.vigie.store)).toEqual(footprint);
    });
  });
}
