import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChallenges, createSpentChallenges } from '../../src/platform/challenge/index.js';
import { deriveSecret, loadKeyRing } from '../../src/platform/crypto/index.js';
import { solvedChallenge } from '../support/challenge.js';
import { inject, intakeFootprint, sampleReport, startIntake, type Intake } from './support.js';

let intake: Intake;
beforeAll(async () => {
  intake = await startIntake();
}, 120_000);
afterAll(() => intake?.close());

const app = () => intake.t.vigie.app;
const encode = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64');
const decode = (header: string) => JSON.parse(Buffer.from(header, 'base64').toString()) as { challenge: Challenge; solution: object };
const submit = (header: string | undefined, body: unknown = sampleReport(), language = 'en') =>
  inject(intake.t, {
    method: 'POST',
    url: '/api/public/reports',
    headers: { 'accept-language': language, ...(header === undefined ? {} : { 'x-vigie-challenge': header }) },
    payload: body as object,
  });

/** Challenges signed with this deployment's secret, issued by a clock of our choosing. */
async function challengesAt(now: Date) {
  const ring = await loadKeyRing({ keyFile: intake.t.config.keyFile });
  const secret = deriveSecret(ring, 'vigie/proof-of-work/v1');
  return createChallenges({ secret, maxNumber: 50, lifetimeSeconds: 60, now: () => now }, createSpentChallenges(intake.t.vigie.store.db));
}

async function solve(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  return encode({ challenge, solution });
}

function refusal(response: { statusCode: number; json(): unknown }) {
  const body = response.json() as { type: string; title: string; detail?: string; errors?: { parameter?: string; code: string }[] };
  return { status: response.statusCode, type: body.type, detail: body.detail, errors: body.errors };
}

describe('the proof-of-work challenge of the public routes', () => {
  it('issues a signed ALTCHA challenge that says nothing about the requester and expires', async () => {
    const response = await app().inject({ method: 'GET', url: '/api/public/challenge', remoteAddress: '203.0.113.9' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const challenge = response.json() as Challenge;
    expect(Object.keys(challenge.parameters).sort()).toEqual(['algorithm', 'cost', 'expiresAt', 'keyLength', 'keyPrefix', 'nonce', 'salt']);
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(challenge)).not.toContain('203.0.113.9');
    const lifetime = challenge.parameters.expiresAt! - Date.now() / 1000;
    expect(lifetime).toBeGreaterThan(14 * 60);
    expect(lifetime).toBeLessThanOrEqual(15 * 60);
  });

  it('accepts a report whose challenge is solved', async () => {
    const response = await submit(await solvedChallenge(app()));
    expect(response.statusCode, response.body).toBe(201);
  });

  it('reports the fields of a bad body before looking at the challenge', async () => {
    const response = await submit(undefined, { category: 'spam' });
    expect(response.statusCode).toBe(400);
    const problem = response.json() as { type: string; errors: { pointer?: string; parameter?: string }[] };
    expect(problem.type).toBe('urn:vigie:problem:validation');
    expect(problem.errors.map((e) => e.pointer)).toContain('#/category');
    expect(problem.errors.some((e) => e.parameter === 'x-vigie-challenge')).toBe(false);
  });

  describe('refuses, naming the header, in the requester language, and stores nothing', () => {
    let footprint: Awaited<ReturnType<typeof intakeFootprint>>;
    beforeAll(async () => {
      footprint = await intakeFootprint(intake.t.vigie.store);
    });
    afterAll(async () => {
      expect(await intakeFootprint(intake.t.vigie.store)).toEqual(footprint);
    });

    it('a missing challenge', async () => {
      expect(refusal(await submit(undefined, sampleReport(), 'fr'))).toEqual({
        status: 400,
        type: 'urn:vigie:problem:challenge',
        detail: 'Il manque le défi anti-saturation résolu',
        errors: [expect.objectContaining({ in: 'header', parameter: 'x-vigie-challenge', code: 'required' })],
      });
    });

    it('a wrong solution', async () => {
      const { challenge } = decode(await solvedChallenge(app()));
      const wrong = encode({ challenge, solution: { counter: 0xffffffff, derivedKey: 'ab'.repeat(32) } });
      expect(refusal(await submit(wrong))).toMatchObject({
        status: 400,
        detail: 'The anti-flooding challenge is not solved or not valid',
        errors: [expect.objectContaining({ parameter: 'x-vigie-challenge', code: 'invalid' })],
      });
    });

    it('a challenge whose parameters were changed (an easier prefix)', async () => {
      const { challenge } = decode(await solvedChallenge(app()));
      const easier = { ...challenge, parameters: { ...challenge.parameters, keyPrefix: '0' } };
      const response = await submit(await solve(easier));
      expect(refusal(response)).toMatchObject({ status: 400, errors: [expect.objectContaining({ code: 'invalid' })] });
    });

    it('a challenge signed by another key', async () => {
      const ring = await loadKeyRing({ keyFile: intake.t.config.keyFile });
      const other = createChallenges(
        { secret: deriveSecret(ring, 'vigie/some-other-purpose/v1'), maxNumber: 50, lifetimeSeconds: 60 },
        createSpentChallenges(intake.t.vigie.store.db),
      );
      const response = await submit(await solve(await other.issue()));
      expect(refusal(response)).toMatchObject({ status: 400, detail: 'The anti-flooding challenge is not solved or not valid' });
    });

    it('an expired challenge', async () => {
      const old = await challengesAt(new Date(Date.now() - 10 * 60 * 1000));
      const response = await submit(await solve(await old.issue()));
      expect(refusal(response)).toMatchObject({ status: 400, detail: 'The anti-flooding challenge has expired; ask for a new one' });
    });

    it('a challenge used twice, even by two requests at the same time', async () => {
      const header = await solvedChallenge(app());
      const spentOnNothing = await inject(intake.t, {
        method: 'POST',
        url: '/api/public/reports/additions',
        headers: { 'x-vigie-challenge': header },
        payload: { receiptCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG', narrative: 'more' },
      });
      expect(spentOnNothing.statusCode).toBe(404);
      expect(refusal(await submit(header))).toMatchObject({
        status: 400,
        detail: 'This anti-flooding challenge was already used; ask for a new one',
      });
    });
  });

  it('lets only one of two simultaneous requests through with the same challenge', async () => {
    const header = await solvedChallenge(app());
    const answers = await Promise.all([submit(header), submit(header), submit(header)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 400, 400]);
  });
});
