export { roles, staffRoles, isStaffRole, type Role, type StaffRole } from './roles.js';
export { actions, partnerActions, rolesFor, type Action } from './policy.js';
export { can, allowedActions, actorOf, type Principal, type UserPrincipal, type ApiKeyPrincipal } from './principal.js';
