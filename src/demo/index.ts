export { createDemoService, type DemoService, type DemoStatus } from './service.js';
export { demoRoutes } from './routes.js';
export { demoMigrations } from './migrations.js';
export { demoMark, demoOrganisations, demoReports, demoStaff } from './dataset.js';
export type { DemoLoaded, DemoAccount } from './load.js';
export type { DemoServices } from './ports.js';
