import { Type } from 'typebox';
import type { HttpApp } from '../http/index.js';
import type { JobQueue } from './types.js';

const DeadLetter = Type.Object({
  queue: Type.String(),
  id: Type.String(),
  failedAt: Type.String({ format: 'date-time' }),
  error: Type.String(),
});
const Overview = Type.Object({
  counts: Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer())),
  deadLetters: Type.Array(DeadLetter),
});

/** The queue's states and its dead letters (without their data, which may be personal). */
export function jobRoutes(app: HttpApp, { queue }: { queue: JobQueue }): void {
  app.get(
    '/api/jobs',
    { config: { access: { action: 'jobs.read' } }, schema: { tags: ['operations'], response: { 200: Overview } } },
    async () => {
      const [counts, deadLetters] = await Promise.all([queue.counts(), queue.deadLetters({ limit: 100 })]);
      return {
        counts,
        deadLetters: deadLetters.map((letter) => ({
          queue: letter.queue,
          id: letter.id,
          failedAt: letter.failedAt.toISOString(),
          error: letter.error,
        })),
      };
    },
  );
}
