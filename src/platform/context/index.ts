/**
 * A module's service binds each of its use cases, written `(ctx, ...args) => out`, to the one
 * context it builds (its tables, clock, settings...): the bound function takes `(...args)`.
 */
export type Bound<Ctx, F> = F extends (ctx: Ctx, ...rest: infer R) => infer Out ? (...rest: R) => Out : never;

export function bindContext<Ctx, F extends (ctx: Ctx, ...rest: never[]) => unknown>(ctx: Ctx, use: F): Bound<Ctx, F> {
  return ((...rest: never[]) => use(ctx, ...rest)) as Bound<Ctx, F>;
}
