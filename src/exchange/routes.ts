import type { FastifyRequest } from 'fastify';
import { actorOf } from '../platform/access/index.js';
import { Problem, type HttpApp } from '../platform/http/index.js';
import * as c from './contracts.js';
import type { Actor } from './ports.js';
import type { ExchangeService } from './service.js';
import type { ExchangePartnersTable } from './tables.js';

export interface ExchangeRouteOptions {
  exchange: ExchangeService;
}

const tags = ['exchange'];

function actorOfRequest(request: FastifyRequest): Actor {
  return { ...actorOf(request.principal), organisationId: request.principal?.organisationId ?? null, requestId: request.id };
}

/**
 * The receiving end. Its access is public at the HTTP layer because the message authenticates
 * itself: the body is read as bytes, its signature checked against the registered partner's
 * key before anything of it is parsed (401 naming the header otherwise), then validated (400
 * naming each field) and handled. The answer is signed the same way.
 */
function messageRoutes(scope: HttpApp, { exchange }: ExchangeRouteOptions): void {
  const senders = new WeakMap<FastifyRequest, ExchangePartnersTable>();
  const parseJson = scope.getDefaultJsonParser('error', 'error');
  const wrongType = [{ in: 'header' as const, parameter: 'content-type', code: 'choice' as const }];
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    exchange.authenticateSender(request.headers, bytes).then(
      (partner) => {
        senders.set(request, partner);
        parseJson(request, bytes.toString('utf8'), (error, value) => {
          if (error)
            done(
              new Problem('bad-request', { detail: 'detail.body-not-json', fields: [{ in: 'body', pointer: '', code: 'format' }] }),
              undefined,
            );
          else done(null, value);
        });
      },
      (error: unknown) => done(error as Error, undefined),
    );
  });
  scope.addContentTypeParser('*', (_request, _payload, done) =>
    done(new Problem('unsupported-media-type', { fields: wrongType }), undefined),
  );

  scope.post(
    '/api/exchange/messages',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'A signed message from a partner deployment (a report, or a status of a report forwarded to it)',
        headers: c.MessageHeaders,
        body: c.Message,
      },
    },
    async (request, reply) => {
      const partner = senders.get(request);
      if (!partner) throw new Problem('unauthenticated');
      const { ack, replayed } = await exchange.receiveMessage(partner, request.body);
      const { bytes, headers } = exchange.signAnswer(ack);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(200).headers(headers).send(bytes);
    },
  );
}

export function exchangeRoutes(app: HttpApp, options: ExchangeRouteOptions): void {
  const { exchange } = options;
  app.get(
    '/api/exchange/key',
    {
      config: { access: { public: true } },
      schema: { tags, summary: 'The deployment’s Ed25519 public key, which partners register', response: { 200: c.DeploymentKey } },
    },
    () => exchange.deploymentKey(),
  );
  app.get(
    '/api/exchange/partners',
    { config: { access: { action: 'exchange.read' } }, schema: { tags, response: { 200: c.PartnerList } } },
    () => exchange.listPartners(),
  );
  app.post(
    '/api/exchange/partners',
    {
      config: { access: { action: 'exchange.manage' } },
      schema: {
        tags,
        summary: 'Register a partner deployment with its public key',
        body: c.PartnerInput,
        response: { 201: c.PartnerView },
      },
    },
    async (request, reply) => reply.code(201).send(await exchange.registerPartner(actorOfRequest(request), request.body)),
  );
  void app.register(async (scope) => messageRoutes(scope as HttpApp, options));
}
