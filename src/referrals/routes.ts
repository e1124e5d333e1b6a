import type { FastifyRequest } from 'fastify';
import { actorOf, can } from '../platform/access/index.js';
import { Problem, type HttpApp } from '../platform/http/index.js';
import * as c from './contracts.js';
import type { ReferralViewer } from './list.js';
import { referralKinds } from './model.js';
import type { Actor } from './ports.js';
import type { ReferralService } from './service.js';
import type { ServiceLevels } from './service-levels.js';

export interface ReferralRouteOptions {
  referrals: ReferralService;
}

const tags = ['referrals'];

function actorOfRequest(request: FastifyRequest): Actor {
  return { ...actorOf(request.principal), organisationId: request.principal?.organisationId ?? null, requestId: request.id };
}

/** The object-level rule's inputs: the reader's organisation, and whether a hotline-side action lifts it. */
function viewerOf(request: FastifyRequest, anyAction: 'referral.list-any' | 'referral.update-any'): ReferralViewer {
  const principal = request.principal;
  if (principal?.kind !== 'user') throw new Problem('forbidden');
  return { actor: actorOfRequest(request), organisationId: principal.organisationId, any: can(principal, anyAction) };
}

const levelList = (levels: ServiceLevels) => ({ levels: referralKinds.map((kind) => ({ kind, ...levels[kind] })) });

function followUpRoutes(app: HttpApp, { referrals }: ReferralRouteOptions): void {
  app.get(
    '/api/referrals',
    { config: { access: { action: 'referral.list' } }, schema: { tags, querystring: c.ReferralFilter, response: { 200: c.ReferralPage } } },
    (request) => referrals.listReferrals(viewerOf(request, 'referral.list-any'), request.query),
  );
  app.get(
    '/api/referrals/escalations',
    {
      config: { access: { action: 'referral.escalations' } },
      schema: {
        tags,
        summary: 'Referrals escalated for lateness that have not reached their status yet',
        response: { 200: c.ReferralList },
      },
    },
    () => referrals.listEscalations(),
  );
  app.get(
    '/api/referrals/:id',
    { config: { access: { action: 'referral.list' } }, schema: { tags, params: c.IdParams, response: { 200: c.ReferralDetail } } },
    (request) => referrals.readReferral(viewerOf(request, 'referral.list-any'), request.params.id),
  );
  app.get(
    '/api/referrals/:id/report',
    {
      config: { access: { action: 'referral.read-report' } },
      schema: {
        tags,
        summary: 'What the referral grants its receiving organisation of the report; the read is audited',
        params: c.IdParams,
        response: { 200: c.GrantedReportView },
      },
    },
    (request) => referrals.readReferredReport(viewerOf(request, 'referral.list-any'), request.params.id),
  );
  app.post(
    '/api/referrals/:id/status',
    {
      config: { access: { action: 'referral.update' } },
      schema: { tags, params: c.IdParams, body: c.StatusChange, response: { 200: c.ReferralView } },
    },
    (request) => referrals.changeStatus(viewerOf(request, 'referral.update-any'), request.params.id, request.body),
  );
  app.get(
    '/api/reports/:id/cluster',
    {
      config: { access: { action: 'report.read' } },
      schema: {
        tags: ['reports'],
        summary: 'The report’s cluster, and for each report of it who already handles it',
        params: c.IdParams,
        response: { 200: c.ClusterView },
      },
    },
    (request) => referrals.clusterWithReferrals(request.params.id),
  );
}

function settingRoutes(app: HttpApp, { referrals }: ReferralRouteOptions): void {
  const read = { access: { action: 'routing.read' } } as const;
  const edit = { access: { action: 'routing.edit' } } as const;
  app.get('/api/referrals/addressees', { config: read, schema: { tags, response: { 200: c.AddresseeList } } }, () =>
    referrals.listAddressees(),
  );
  app.put(
    '/api/referrals/addressees/:role',
    { config: edit, schema: { tags, params: c.RoleParams, body: c.AddresseeChange, response: { 200: c.AddresseeChanged } } },
    (request) => referrals.setAddressee(actorOfRequest(request), request.params.role, request.body.organisationId),
  );
  app.get('/api/referrals/service-levels', { config: read, schema: { tags, response: { 200: c.ServiceLevelList } } }, async () =>
    levelList(await referrals.listServiceLevels()),
  );
  app.put(
    '/api/referrals/service-levels/:kind',
    { config: edit, schema: { tags, params: c.KindParams, body: c.ServiceLevelChange, response: { 200: c.ServiceLevelList } } },
    async (request) => levelList(await referrals.setServiceLevel(actorOfRequest(request), request.params.kind, request.body)),
  );
}

export function referralRoutes(app: HttpApp, options: ReferralRouteOptions): void {
  followUpRoutes(app, options);
  settingRoutes(app, options);
}
