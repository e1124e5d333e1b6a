import type { FastifyRequest } from 'fastify';
import { actorOf, can } from '../platform/access/index.js';
import type { HttpApp } from '../platform/http/index.js';
import * as c from './contracts.js';
import type { Actor } from './ports.js';
import type { TakedownService } from './service.js';

export interface TakedownRouteOptions {
  takedowns: TakedownService;
}

const tags = ['takedowns'];

function actorOfRequest(request: FastifyRequest): Actor {
  return { ...actorOf(request.principal), organisationId: request.principal?.organisationId ?? null, requestId: request.id };
}

export function takedownRoutes(app: HttpApp, { takedowns }: TakedownRouteOptions): void {
  app.get(
    '/api/takedowns',
    {
      config: { access: { action: 'takedown.list' } },
      schema: {
        tags,
        summary: 'The takedown tracker: notices, and their URLs by host with where removal stands (the URLs read is audited)',
        querystring: c.TakedownFilter,
        response: { 200: c.TakedownTracker },
      },
    },
    (request) =>
      takedowns.listTakedowns(
        { actor: actorOfRequest(request), seesUrls: !!request.principal && can(request.principal, 'report.read-personal-any') },
        request.query,
      ),
  );
  app.get(
    '/api/takedowns/hosts',
    {
      config: { access: { action: 'takedown.list' } },
      schema: { tags, summary: 'Per host: notices, URLs, removals and the time to removal', response: { 200: c.HostStatsList } },
    },
    () => takedowns.hostStats(),
  );
  for (const [verb, stop] of [
    ['stop', true],
    ['resume', false],
  ] as const) {
    app.post(
      `/api/takedowns/${verb}/:id`,
      {
        config: { access: { action: 'takedown.stop' } },
        schema: {
          tags,
          summary: stop ? 'Stop re-sending a notice (audited)' : 'Resume re-sending a stopped notice (audited)',
          params: c.IdParams,
          response: { 200: c.NoticeStateView },
        },
      },
      (request) => takedowns.setNoticeStopped(actorOfRequest(request), request.params.id, stop),
    );
  }
  app.get(
    '/api/takedowns/contacts',
    { config: { access: { action: 'takedown.contacts' } }, schema: { tags, response: { 200: c.HostContactList } } },
    () => takedowns.listHostContacts(),
  );
  app.put(
    '/api/takedowns/contacts/:name',
    {
      config: { access: { action: 'takedown.contacts' } },
      schema: {
        tags,
        summary: 'Set the contact of a host or registrable domain; it overrides the RDAP abuse contact (audited)',
        params: c.HostParams,
        body: c.HostContactBody,
        response: { 200: c.HostContactView },
      },
    },
    (request) => takedowns.setHostContact(actorOfRequest(request), request.params.name, request.body),
  );
  app.delete(
    '/api/takedowns/contacts/:name',
    {
      config: { access: { action: 'takedown.contacts' } },
      schema: { tags, summary: 'Remove the contact of a host or registrable domain (audited)', params: c.HostParams },
    },
    async (request, reply) => {
      await takedowns.removeHostContact(actorOfRequest(request), request.params.name);
      return reply.code(204).send();
    },
  );
}
