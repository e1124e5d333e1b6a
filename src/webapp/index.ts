export { webappRoutes, type WebappRouteOptions } from './routes.js';
export { portalSettingsFrom, type PortalSettings, type PortalSettingsSource } from './settings.js';
export { defaultWebDist } from './static.js';
