export { createIdentityService, sessionCookie, type IdentityService } from './service.js';
export { identityRoutes, type IdentityRouteOptions } from './routes.js';
export { identityMigrations } from './migrations.js';
export { sealedColumns as identitySealedColumns } from './model.js';
export type { Sealer, Actor, AuditRecord, AuditWriter } from './ports.js';
export type { AccountDisabledHook, IdentitySettings } from './context.js';
export { totpCode } from './totp.js';
