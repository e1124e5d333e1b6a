export { webappRoutes, type WebappRouteOptions } from './routes.js';
export { portalSettingsFrom, type PortalSettings, type PortalSettingsSource } from './settings.js';
export { createDeploymentSettings, type DeploymentSettings, type EmergencyNumbersView } from './deployment-settings.js';
export { deploymentSettingsRoutes } from './settings-routes.js';
export { webappMigrations } from './migrations.js';
export { defaultWebDist } from './static.js';
