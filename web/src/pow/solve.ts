import { solveChallenge, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import { request } from '../shared/api.js';

/** The header Vigie's public write routes require. */
export const challengeHeader = 'x-vigie-challenge';

function solveInWorker(challenge: Challenge): Promise<Solution> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ solution?: Solution; error?: string }>) => {
      worker.terminate();
      if (event.data.solution) resolve(event.data.solution);
      else reject(new Error(event.data.error ?? 'unsolved'));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(challenge);
  });
}

async function solve(challenge: Challenge): Promise<Solution> {
  try {
    return await solveInWorker(challenge);
  } catch {
    // Without workers (an old browser, a strict policy) the page solves it itself, more slowly.
    const solution = await solveChallenge({ challenge, deriveKey, timeout: 120_000 });
    if (!solution) throw new Error('The challenge could not be solved');
    return solution;
  }
}

/**
 * Fetches a fresh proof-of-work challenge and solves it: no cookie, nothing about the
 * person, a second or so of computation. Each one is good for one request.
 */
export async function solvedChallengeHeaders(language: string): Promise<Record<string, string>> {
  const challenge = await request<Challenge>('/api/public/challenge', { language });
  const solution = await solve(challenge);
  return { [challengeHeader]: btoa(JSON.stringify({ challenge, solution })) };
}
