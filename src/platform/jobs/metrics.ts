import { Gauge, type Registry } from 'prom-client';
import type { JobQueue } from './types.js';

/** Jobs per queue and state, read from the database at each scrape (dead letters included). */
export function registerJobMetrics(registry: Registry, queue: JobQueue): void {
  new Gauge({
    name: 'vigie_jobs',
    help: 'Background jobs by queue and state; queues ending in .dead hold the dead letters',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await queue.counts();
      for (const [name, states] of Object.entries(counts)) {
        for (const [state, count] of Object.entries(states)) this.set({ queue: name, state }, count);
      }
    },
  });
}
