import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { HttpApp } from '../../src/platform/http/index.js';

/** Asks the server for a proof-of-work challenge and solves it, as the portal's worker does. */
export async function solvedChallenge(app: Pick<HttpApp, 'inject'>): Promise<string> {
  const response = await app.inject({ method: 'GET', url: '/api/public/challenge' });
  if (response.statusCode !== 200) throw new Error(`no challenge: ${response.statusCode} ${response.body}`);
  const challenge = response.json() as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('the challenge could not be solved');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** The header a public submission needs: a freshly solved challenge, good for one request. */
export async function solvedChallengeHeaders(app: Pick<HttpApp, 'inject'>): Promise<{ 'x-vigie-challenge': string }> {
  return { 'x-vigie-challenge': await solvedChallenge(app) };
}
