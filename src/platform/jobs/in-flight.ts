import { setTimeout as sleep } from 'node:timers/promises';

/** Counts the work still running, so that `stop()` can wait for it before the store closes. */
export class InFlight {
  #count = 0;

  async track<T>(work: Promise<T>): Promise<T> {
    this.#count += 1;
    try {
      return await work;
    } finally {
      this.#count -= 1;
    }
  }

  /**
   * Resolves true once nothing runs, or false at the deadline (a Date.now() value). It
   * looks only after a pause, because a job fetched just before the workers stopped
   * reaches its handler a few promise steps after its query ended.
   */
  async settled(deadline: number): Promise<boolean> {
    for (;;) {
      await sleep(20);
      if (this.#count === 0) return true;
      if (Date.now() >= deadline) return false;
    }
  }
}
