import type { HttpApp } from '../http/index.js';
import type { Challenges } from './challenge.js';
import { Challenge } from './contracts.js';

export function challengeRoutes(app: HttpApp, { challenges }: { challenges: Challenges }): void {
  app.get(
    '/api/public/challenge',
    {
      config: { access: { public: true } },
      schema: { tags: ['public'], summary: 'A proof-of-work challenge to solve before a public submission', response: { 200: Challenge } },
    },
    () => challenges.issue(),
  );
}
