import type { HttpApp } from '../platform/http/index.js';
import { IdParams, ReportHosting } from './contracts.js';
import type { UrlService } from './service.js';

export interface UrlRouteOptions {
  urls: UrlService;
}

/** Where a report's URLs are hosted: non-personal, for the same staff as the report's view. */
export function urlRoutes(app: HttpApp, { urls }: UrlRouteOptions): void {
  app.get(
    '/api/reports/:id/hosting',
    {
      config: { access: { action: 'report.read' } },
      schema: {
        tags: ['reports'],
        summary: "Where the report's URLs are hosted: addresses, countries, networks, abuse contacts",
        params: IdParams,
        response: { 200: ReportHosting },
      },
    },
    (request) => urls.hostingOf(request.params.id),
  );
}
