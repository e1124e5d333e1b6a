import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { can, type Action, type Principal } from '../access/index.js';
import { Problem } from './problem.js';

/** Every route declares who may call it: anyone, or the holders of one action of the policy. */
export type Access = { public: true } | { action: Action };

export interface Authentication {
  principal: Principal;
  /** Set when the principal comes from a session cookie: unsafe methods must echo it. */
  csrfToken?: string;
}

export type Authenticator = (request: FastifyRequest) => Promise<Authentication | null>;

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** 401 without credentials, 403 without the right or without the anti-forgery token. */
export async function enforceAccess(request: FastifyRequest, access: Access, authenticate: Authenticator): Promise<void> {
  const authentication = await authenticate(request);
  request.principal = authentication?.principal ?? null;
  request.csrfToken = authentication?.csrfToken ?? null;
  if ('public' in access) return;
  if (!authentication) throw new Problem('unauthenticated');
  if (authentication.csrfToken !== undefined && !safeMethods.has(request.method)) {
    if (!sameToken(authentication.csrfToken, request.headers['x-csrf-token'])) throw new Problem('csrf');
  }
  if (!can(authentication.principal, access.action)) throw new Problem('forbidden');
}
