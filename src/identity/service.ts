import type { FastifyRequest } from 'fastify';
import type { Authentication } from '../platform/http/index.js';
import * as accountChanges from './account-changes.js';
import * as accounts from './accounts.js';
import * as apiKeys from './api-keys.js';
import { IdentityContext, type IdentityDeps } from './context.js';
import * as setup from './setup.js';
import * as signIn from './sign-in.js';
import { bindContext as bind } from '../platform/context/index.js';

export const sessionCookie = 'vigie_session';

/** The identity use cases, bound to one database. */
export function createIdentityService(deps: IdentityDeps) {
  const ctx = new IdentityContext(deps);
  const authenticateSession = bind(ctx, signIn.authenticateSession);
  const authenticateApiKey = bind(ctx, apiKeys.authenticateApiKey);
  return {
    issueSetupToken: bind(ctx, setup.issueSetupToken),
    completeSetup: bind(ctx, setup.completeSetup),
    createOrganisation: bind(ctx, accounts.createOrganisation),
    updateOrganisation: bind(ctx, accounts.updateOrganisation),
    listOrganisations: bind(ctx, accounts.listOrganisations),
    createUser: bind(ctx, accounts.createUser),
    changeUserRoles: bind(ctx, accountChanges.changeUserRoles),
    updateUserPerson: bind(ctx, accountChanges.updateUserPerson),
    listUsers: bind(ctx, accounts.listUsers),
    readUserPersonalData: bind(ctx, accounts.readUserPersonalData),
    readStaffNames: bind(ctx, accounts.readStaffNames),
    disableUser: bind(ctx, accountChanges.disableUser),
    enableUser: bind(ctx, accountChanges.enableUser),
    resetSecondFactor: bind(ctx, accountChanges.resetSecondFactor),
    findUserIdByEmail: bind(ctx, accounts.findUserIdByEmail),
    signIn: bind(ctx, signIn.signIn),
    completeSecondFactor: bind(ctx, signIn.completeSecondFactor),
    signOut: bind(ctx, signIn.signOut),
    authenticateSession,
    createApiKey: bind(ctx, apiKeys.createApiKey),
    listApiKeys: bind(ctx, apiKeys.listApiKeys),
    revokeApiKey: bind(ctx, apiKeys.revokeApiKey),
    authenticateApiKey,
    /** A partner's bearer API key, or a staff session cookie. */
    async authenticate(request: FastifyRequest): Promise<Authentication | null> {
      const header = request.headers.authorization;
      if (header?.startsWith('Bearer ')) {
        const principal = await authenticateApiKey(header.slice('Bearer '.length).trim());
        return principal ? { principal } : null;
      }
      const token = request.cookies[sessionCookie];
      return token ? authenticateSession(token) : null;
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
