import { buildContribution, type ContributionDeps, type ExportOptions } from './build.js';
import type { Actor } from './ports.js';

/** The international contribution: a package of classified hashes and its manifest. */
export function createContributionService(deps: ContributionDeps) {
  return {
    build: (actor: Actor, options: ExportOptions = {}) => buildContribution(deps, actor, options),
  };
}

export type ContributionService = ReturnType<typeof createContributionService>;
