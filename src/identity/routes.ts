import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorOf, allowedActions, type UserPrincipal } from '../platform/access/index.js';
import { Problem, type HttpApp } from '../platform/http/index.js';
import * as c from './contracts.js';
import type { Actor } from './ports.js';
import { sessionCookie, type IdentityService } from './service.js';
import { setupPage } from './setup-page.js';

export interface IdentityRouteOptions {
  identity: IdentityService;
  secureCookies: boolean;
  sessionTtlMinutes: number;
  /** Per address, on the sign-in and setup routes, on top of the account lockout. */
  signInAttemptsPerMinute: number;
}

function actorOfRequest(request: FastifyRequest): Actor {
  return { ...actorOf(request.principal), organisationId: request.principal?.organisationId ?? null, requestId: request.id };
}

function sessionView(principal: UserPrincipal, csrfToken: string) {
  return {
    user: { id: principal.userId, organisationId: principal.organisationId, roles: [...principal.roles] },
    allowedActions: allowedActions(principal),
    csrfToken,
  };
}

export function identityRoutes(
  app: HttpApp,
  { identity, secureCookies, sessionTtlMinutes, signInAttemptsPerMinute }: IdentityRouteOptions,
): void {
  const signInLimit = { max: signInAttemptsPerMinute, timeWindow: '1 minute' };
  const cookieOptions = { httpOnly: true, sameSite: 'strict', secure: secureCookies, path: '/' } as const;
  const publicAccess = { access: { public: true } } as const;
  const tags = ['identity'];
  setupPage(app);

  app.post(
    '/api/setup',
    {
      config: { ...publicAccess, rateLimit: signInLimit },
      schema: { tags, body: c.FirstAdministrator, response: { 201: Type.Object({ userId: c.Uuid, organisationId: c.Uuid }) } },
    },
    async (request, reply) => reply.code(201).send(await identity.completeSetup(request.body, request.id)),
  );

  app.post(
    '/api/session',
    { config: { ...publicAccess, rateLimit: signInLimit }, schema: { tags, body: c.Credentials, response: { 200: c.SignInAnswer } } },
    async (request, reply) => {
      const result = await identity.signIn(request.body, request.id);
      reply.setCookie(sessionCookie, result.sessionToken, { ...cookieOptions, maxAge: sessionTtlMinutes * 60 });
      return { secondFactor: result.secondFactor, ...(result.enrolment ? { enrolment: result.enrolment } : {}) };
    },
  );

  app.post(
    '/api/session/second-factor',
    { config: { ...publicAccess, rateLimit: signInLimit }, schema: { tags, body: c.SecondFactorCode, response: { 200: c.SessionView } } },
    async (request) => {
      const token = request.cookies[sessionCookie];
      if (!token) throw new Problem('unauthenticated');
      await identity.completeSecondFactor(token, request.body.code, request.id);
      const authentication = await identity.authenticateSession(token);
      if (authentication?.principal.kind !== 'user') throw new Problem('unauthenticated');
      return sessionView(authentication.principal, authentication.csrfToken ?? '');
    },
  );

  app.get(
    '/api/session',
    { config: { access: { action: 'session.self' } }, schema: { tags, response: { 200: c.SessionView } } },
    (request) => {
      const principal = request.principal;
      if (principal?.kind !== 'user' || !request.csrfToken) throw new Problem('unauthenticated');
      return sessionView(principal, request.csrfToken);
    },
  );

  app.delete('/api/session', { config: { access: { action: 'session.self' } }, schema: { tags } }, async (request, reply) => {
    await identity.signOut(request.cookies[sessionCookie] ?? '');
    reply.clearCookie(sessionCookie, cookieOptions);
    return reply.code(204).send();
  });

  app.get(
    '/api/organisations',
    { config: { access: { action: 'organisation.list' } }, schema: { tags, response: { 200: Type.Array(c.Organisation) } } },
    () => identity.listOrganisations(),
  );
  app.post(
    '/api/organisations',
    { config: { access: { action: 'organisation.create' } }, schema: { tags, body: c.NewOrganisation, response: { 201: c.Organisation } } },
    async (request, reply) => reply.code(201).send(await identity.createOrganisation(actorOfRequest(request), request.body)),
  );
  app.patch(
    '/api/organisations/:id',
    {
      config: { access: { action: 'organisation.update' } },
      schema: { tags, params: c.IdParams, body: c.OrganisationChange, response: { 200: c.Organisation } },
    },
    (request) => identity.updateOrganisation(actorOfRequest(request), request.params.id, request.body),
  );

  app.get(
    '/api/users',
    { config: { access: { action: 'user.list' } }, schema: { tags, response: { 200: Type.Array(c.UserSummary) } } },
    () => identity.listUsers(),
  );
  app.post(
    '/api/users',
    { config: { access: { action: 'user.create' } }, schema: { tags, body: c.NewUser, response: { 201: c.UserSummary } } },
    async (request, reply) => reply.code(201).send(await identity.createUser(actorOfRequest(request), request.body)),
  );
  app.patch(
    '/api/users/:id/roles',
    {
      config: { access: { action: 'user.roles' } },
      schema: { tags, params: c.IdParams, body: c.RolesChange, response: { 200: c.UserSummary } },
    },
    (request) => identity.changeUserRoles(actorOfRequest(request), request.params.id, request.body.roles),
  );
  app.patch(
    '/api/users/:id',
    {
      config: { access: { action: 'user.update' } },
      schema: { tags, params: c.IdParams, body: c.PersonChange, response: { 200: c.UserSummary } },
    },
    (request) => identity.updateUserPerson(actorOfRequest(request), request.params.id, request.body),
  );
  app.get(
    '/api/users/:id/personal-data',
    { config: { access: { action: 'user.read-personal' } }, schema: { tags, params: c.IdParams, response: { 200: c.UserPersonalData } } },
    (request) => identity.readUserPersonalData(actorOfRequest(request), request.params.id),
  );
  app.post(
    '/api/users/:id/disable',
    { config: { access: { action: 'user.disable' } }, schema: { tags, params: c.IdParams } },
    async (request, reply) => {
      await identity.disableUser(actorOfRequest(request), request.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/users/:id/enable',
    { config: { access: { action: 'user.enable' } }, schema: { tags, params: c.IdParams } },
    async (request, reply) => {
      await identity.enableUser(actorOfRequest(request), request.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/users/:id/reset-second-factor',
    { config: { access: { action: 'user.reset-second-factor' } }, schema: { tags, params: c.IdParams } },
    async (request, reply) => {
      await identity.resetSecondFactor(actorOfRequest(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/api-keys',
    { config: { access: { action: 'apikey.list' } }, schema: { tags, response: { 200: Type.Array(c.ApiKeySummary) } } },
    () => identity.listApiKeys(),
  );
  app.post(
    '/api/api-keys',
    { config: { access: { action: 'apikey.create' } }, schema: { tags, body: c.NewApiKey, response: { 201: c.CreatedApiKey } } },
    async (request, reply) => reply.code(201).send(await identity.createApiKey(actorOfRequest(request), request.body)),
  );
  app.delete(
    '/api/api-keys/:id',
    { config: { access: { action: 'apikey.revoke' } }, schema: { tags, params: c.IdParams } },
    async (request, reply) => {
      await identity.revokeApiKey(actorOfRequest(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/partner/whoami',
    { config: { access: { action: 'partner.whoami' } }, schema: { tags: ['partner'], response: { 200: c.PartnerIdentity } } },
    (request) => {
      const principal = request.principal;
      if (principal?.kind !== 'api_key') throw new Problem('forbidden');
      return { keyId: principal.keyId, organisationId: principal.organisationId, scopes: [...principal.scopes] };
    },
  );
}
