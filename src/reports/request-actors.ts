import type { FastifyRequest } from 'fastify';
import { actorOf, type UserPrincipal } from '../platform/access/index.js';
import { Problem } from '../platform/http/index.js';
import type { Actor } from './ports.js';
import type { PartnerSubmitter } from './submit.js';

/** Who makes a request, as the use cases need it: the actor of its audit entries, the staff user, the partner. */
export function actorOfRequest(request: FastifyRequest): Actor {
  return { ...actorOf(request.principal), organisationId: request.principal?.organisationId ?? null, requestId: request.id };
}

export function staffUserOf(request: FastifyRequest): UserPrincipal {
  const principal = request.principal;
  if (principal?.kind !== 'user') throw new Problem('forbidden');
  return principal;
}

export function partnerOf(request: FastifyRequest): PartnerSubmitter {
  const principal = request.principal;
  if (principal?.kind !== 'api_key') throw new Problem('forbidden');
  return { actor: actorOfRequest(request), organisationId: principal.organisationId, apiKeyId: principal.keyId };
}
