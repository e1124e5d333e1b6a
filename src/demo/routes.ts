import { actorOf } from '../platform/access/index.js';
import { Problem, type HttpApp } from '../platform/http/index.js';
import * as c from './contracts.js';
import type { DemoService } from './service.js';

const tags = ['demo'];

/** GET /api/demo: whether the deployment holds demonstration data (the console's banner); POST: load it (administrators). */
export function demoRoutes(app: HttpApp, { demo }: { demo: DemoService }): void {
  app.get('/api/demo', { config: { access: { action: 'demo.status' } }, schema: { tags, response: { 200: c.DemoStatus } } }, () =>
    demo.status(),
  );
  app.post(
    '/api/demo',
    {
      config: { access: { action: 'demo.load' } },
      schema: {
        tags,
        summary: 'Load the demonstration data set into a deployment that has received no report',
        response: { 201: c.DemoLoaded },
      },
    },
    async (request, reply) => {
      const principal = request.principal;
      if (principal?.kind !== 'user') throw new Problem('forbidden');
      const loaded = await demo.load(
        { ...actorOf(principal), organisationId: principal.organisationId, requestId: request.id },
        principal.organisationId,
      );
      return reply.code(201).send(loaded);
    },
  );
}
