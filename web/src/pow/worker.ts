import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';

/** Solves one ALTCHA challenge off the page's thread, so that the page stays responsive. */
self.onmessage = async (event: MessageEvent<Challenge>) => {
  try {
    const solution = await solveChallenge({ challenge: event.data, deriveKey, timeout: 120_000 });
    self.postMessage(solution ? { solution } : { error: 'timeout' });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};
