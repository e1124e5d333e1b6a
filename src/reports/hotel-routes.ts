import type { HttpApp } from '../platform/http/index.js';
import * as h from './hotel-contracts.js';
import { hotelIndicators, hotelIndicatorCodes } from './hotel-indicators.js';
import { actorOfRequest, partnerOf } from './request-actors.js';
import type { ReportService } from './service.js';
import { acceptStrictJsonOnly, strictValidatorCompiler } from './strict-input.js';
import * as c from './views.js';

const indicatorList = { indicators: hotelIndicatorCodes.map((code) => ({ code, label: { ...hotelIndicators[code] } })) };

/** The hotel flow's administration: hotels of chains, and the hotel scope of each chain's key. */
export function hotelAdminRoutes(app: HttpApp, { reports }: { reports: ReportService }): void {
  const tags = ['hotels'];
  app.get(
    '/api/hotels',
    { config: { access: { action: 'hotel.list' } }, schema: { tags, querystring: h.HotelQuery, response: { 200: h.HotelList } } },
    (request) => reports.listHotels(request.query),
  );
  app.post(
    '/api/hotels',
    { config: { access: { action: 'hotel.manage' } }, schema: { tags, body: h.NewHotel, response: { 201: h.Hotel } } },
    async (request, reply) => reply.code(201).send(await reports.addHotel(actorOfRequest(request), request.body)),
  );
  app.get(
    '/api/hotel-scopes/:apiKeyId',
    { config: { access: { action: 'hotel.list' } }, schema: { tags, params: h.KeyParams, response: { 200: h.KeyScope } } },
    (request) => reports.readKeyScope(request.params.apiKeyId),
  );
  app.put(
    '/api/hotel-scopes/:apiKeyId',
    {
      config: { access: { action: 'hotel.manage' } },
      schema: { tags, params: h.KeyParams, body: h.KeyScopeInput, response: { 200: h.KeyScope } },
    },
    (request) => reports.setKeyScope(actorOfRequest(request), request.params.apiKeyId, request.body),
  );
}

/** What a chain's systems use: its hotels, the list of warning signs, and the report itself (strict JSON). */
export function hotelIntakeRoutes(scope: HttpApp, { reports }: { reports: ReportService }): void {
  acceptStrictJsonOnly(scope);
  scope.setValidatorCompiler(strictValidatorCompiler);
  const tags = ['hotel'];
  scope.get(
    '/api/hotel/indicators',
    { config: { access: { public: true } }, schema: { tags, response: { 200: h.IndicatorList } } },
    async () => indicatorList,
  );
  scope.get(
    '/api/hotel/hotels',
    { config: { access: { action: 'report.submit' } }, schema: { tags, response: { 200: h.HotelList } } },
    (request) => reports.hotelsOfKey(partnerOf(request)),
  );
  scope.post(
    '/api/hotel/reports',
    {
      config: { access: { action: 'report.submit' } },
      schema: { tags, headers: c.IdempotencyHeaders, body: h.HotelReport, response: { 201: c.ReportReceipt } },
    },
    async (request, reply) => {
      const { replayed, receipt } = await reports.submitHotelReport(partnerOf(request), request.headers['idempotency-key'], request.body);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(receipt);
    },
  );
}
