export { audit, auditAll } from './audit-writers.js';
export { allMigrations, sealedColumns } from './schema.js';
export { askForPeriodicWork, type PeriodicWork } from './periodic.js';
export { registerRoutes, type RoutedServices } from './routes.js';
