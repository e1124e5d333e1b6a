import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import type { Principal } from '../access/index.js';
import { negotiateLanguage, type Language } from '../i18n/index.js';
import { enforceAccess, type Access, type Authenticator } from './access.js';
import { createHttpMetrics } from './metrics.js';
import { Problem } from './problem.js';
import { asProblem, sendProblem } from './problem-response.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** The session's anti-forgery token, when the request came with a session cookie. */
    csrfToken: string | null;
    language: Language;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export type HttpApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

export interface HttpServerOptions {
  logger: FastifyBaseLogger;
  bodyLimitBytes: number;
  trustProxy: boolean;
  requestsPerMinute: number;
  authenticate: Authenticator;
  /** True when the server can serve requests (database reachable, migrations applied). */
  isReady: () => Promise<boolean>;
  openapiInfo: { title: string; version: string };
  /** Adds a module's own metrics (job queue states…) to the server's /metrics. */
  registerMetrics?: (registry: Registry) => void;
}

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The HTTP plumbing every module's routes stand on: validation, problem responses in the
 * requester's language, access checks, security headers, limits, health and metrics.
 */
export async function buildHttpServer(options: HttpServerOptions): Promise<{ app: HttpApp; routes: RouteEntry[] }> {
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy,
    // Our onResponse hook logs each request once, without its URL's query or any header.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const routes: RouteEntry[] = [];
  const metrics = createHttpMetrics();
  options.registerMetrics?.(metrics.registry);

  app.decorateRequest('principal', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('language', 'en');

  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access });
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // The web front end keeps its styles in files: no inline style, no outside stylesheet.
        styleSrc: ["'self'"],
        // The portal's proof-of-work solver runs in a worker loaded from /assets/.
        workerSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    max: options.requestsPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) => new Problem('rate-limited', { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: options.openapiInfo,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vigie_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'A partner API key' },
        },
      },
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    request.language = negotiateLanguage(request.headers['accept-language']);
    reply.header('x-request-id', request.id);
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    const access = request.routeOptions.config.access;
    if (access) await enforceAccess(request, access, options.authenticate);
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    request.log[level]({ method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = asProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem, request.language);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(reply, new Problem('not-found'), request.language));

  app.get('/health', { config: { access: { public: true } }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { config: { access: { public: true } }, schema: { hide: true } }, async (_request, reply) => {
    const ready = await options.isReady().catch(() => false);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready' });
  });
  app.get('/metrics', { config: { access: { public: true } }, schema: { hide: true } }, async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () => app.swagger());

  return { app, routes };
}
