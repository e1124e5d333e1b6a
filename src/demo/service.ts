import { demoContextOf, type DemoDeps } from './context.js';
import { demoRefusal, loadDemo } from './load.js';
import type { Actor } from './ports.js';

export interface DemoStatus {
  loaded: boolean;
  loadedAt: string | null;
  /** The setup page offers it: the embedded database, no report received, nothing loaded yet. */
  offer: boolean;
}

/** The demonstration data set: its loading, and whether this deployment holds it. */
export function createDemoService(deps: DemoDeps) {
  const ctx = demoContextOf(deps);
  return {
    async status(): Promise<DemoStatus> {
      const load = await ctx.db.selectFrom('demo_loads').select('loaded_at').orderBy('loaded_at').limit(1).executeTakeFirst();
      if (load) return { loaded: true, loadedAt: new Date(load.loaded_at).toISOString(), offer: false };
      return { loaded: false, loadedAt: null, offer: ctx.embedded && (await demoRefusal(ctx)) === null };
    },
    load: (actor: Actor, organisationId?: string) => loadDemo(ctx, actor, organisationId),
  };
}

export type DemoService = ReturnType<typeof createDemoService>;
