import { actions, rolesFor, type Action } from './policy.js';
import type { Role, StaffRole } from './roles.js';

export interface UserPrincipal {
  readonly kind: 'user';
  readonly userId: string;
  readonly organisationId: string;
  readonly roles: readonly StaffRole[];
  readonly sessionId: string;
}

export interface ApiKeyPrincipal {
  readonly kind: 'api_key';
  readonly keyId: string;
  readonly organisationId: string;
  readonly scopes: readonly Action[];
}

/** Who is making a request, once authenticated. */
export type Principal = UserPrincipal | ApiKeyPrincipal;

function rolesOf(principal: Principal): readonly Role[] {
  return principal.kind === 'user' ? principal.roles : ['partner'];
}

/** Deny by default: true only when one of the principal's roles is listed for the action. */
export function can(principal: Principal | null, action: Action): boolean {
  if (!principal) return false;
  if (principal.kind === 'api_key' && !principal.scopes.includes(action)) return false;
  const allowed = rolesFor(action);
  return rolesOf(principal).some((role) => allowed.includes(role));
}

/** What the console may offer this principal, so the browser never re-implements the rules. */
export function allowedActions(principal: Principal | null): Action[] {
  return actions.filter((action) => can(principal, action));
}

export function actorOf(principal: Principal | null): { actorType: 'user' | 'api_key' | 'public'; actorId: string | null } {
  if (!principal) return { actorType: 'public', actorId: null };
  return principal.kind === 'user' ? { actorType: 'user', actorId: principal.userId } : { actorType: 'api_key', actorId: principal.keyId };
}
