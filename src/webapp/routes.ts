import type { HttpApp } from '../platform/http/index.js';
import { PortalSettingsView } from './contracts.js';
import type { PortalSettings } from './settings.js';
import { serveWeb } from './static.js';

export interface WebappRouteOptions {
  settings: () => Promise<PortalSettings>;
  /** The closed lists the pages offer (from the report format), so that the browser never keeps a copy. */
  vocabulary: { categories: readonly string[]; countries: readonly string[] };
  webDist: string;
  onMissingBuild: (root: string) => void;
}

export async function webappRoutes(app: HttpApp, options: WebappRouteOptions): Promise<void> {
  const categories = [...options.vocabulary.categories];
  const countries = [...options.vocabulary.countries];
  app.get(
    '/api/public/portal',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['public'],
        summary: 'What the public portal needs to know of this deployment',
        response: { 200: PortalSettingsView },
      },
    },
    async () => ({ ...(await options.settings()), categories, countries }),
  );
  await serveWeb(app, options.webDist, options.onMissingBuild);
}
