// Typed command and query definitions for a module's registry (packages/core/src/module-api.ts).
// LedgerModule holds CommandDef<never>: `parse` returns the args type, so a typed def needs one widening cast.
import type { CommandDef, QueryDef } from '@gongxin/core';

/**
 * Checks a command definition against its own args type, then widens it for `LedgerModule.commands`.
 * @param def roles, parse, optional check, apply; `parse`'s result type flows into `check` and `apply`
 * @returns the same object, typed for a module's command record
 * @example const enrol = defineCommand({ roles: ['admin'], parse: (v) => parseArgs(schema, v), apply: (ctx, a) => ctx.set(a.id, true) });
 */
export function defineCommand<A>(def: CommandDef<A>): CommandDef<never> {
  return def as unknown as CommandDef<never>;
}

/**
 * Checks a query definition against its own params type, then widens it for `LedgerModule.queries`.
 * @param def parse and run
 * @returns the same object, typed for a module's query record
 * @example const org = defineQuery({ parse: (v) => parseArgs(schema, v), run: (ctx, p) => ctx.get(`org/${p.id}`) ?? null });
 */
export function defineQuery<P>(def: QueryDef<P>): QueryDef<never> {
  return def as unknown as QueryDef<never>;
}
