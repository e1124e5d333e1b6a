import * as banks from './banks.js';
import { BankContext, type BankDeps } from './context.js';
import * as entries from './entries.js';

type Rest<F> = F extends (ctx: BankContext, ...rest: infer R) => infer Out ? (...rest: R) => Out : never;
function bind<F extends (ctx: BankContext, ...rest: never[]) => unknown>(ctx: BankContext, use: F): Rest<F> {
  return ((...rest: never[]) => use(ctx, ...rest)) as Rest<F>;
}

/** The hash banks' use cases, bound to one database. */
export function createBankService(deps: BankDeps) {
  const ctx = new BankContext(deps);
  return {
    createBank: bind(ctx, banks.createBank),
    updateBank: bind(ctx, banks.updateBank),
    listBanks: bind(ctx, banks.listBanks),
    readBank: bind(ctx, banks.readBank),
    findBank: bind(ctx, banks.findBankByIdOrName),
    addEntry: bind(ctx, entries.addEntry),
    updateEntry: bind(ctx, entries.updateEntry),
    readEntry: bind(ctx, entries.readEntry),
    listEntries: bind(ctx, entries.listEntries),
  };
}

export type BankService = ReturnType<typeof createBankService>;
