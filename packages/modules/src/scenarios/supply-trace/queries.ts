// Queries of the supply-trace module: the public `lookup` of any scanned code, and `holdings` of one org.
import { defineQuery } from '../../shared/define.js';
import { parseArgs } from '../../shared/parse-args.js';
import { lookupCode } from './lookup.js';
import { holdingsParams, lookupParams } from './schema.js';
import { getUnit } from './state.js';

const QUERY_INVALID_PARAMS = 'QUERY_INVALID_PARAMS';

/** `lookup { code, limit? }`: real? certified? recalled? custody trail, current holdings, serial flags (see lookup.ts). */
export const lookup = defineQuery({
  parse: (v) => parseArgs(lookupParams, v, { root: 'params', code: QUERY_INVALID_PARAMS }),
  run: (ctx, p) => lookupCode(ctx, p.code, p.limit ?? 100),
});

/** `holdings { org, after?, limit? }`: what `org` holds, per batch id or SSCC, in code order. */
export const holdings = defineQuery({
  parse: (v) => parseArgs(holdingsParams, v, { root: 'params', code: QUERY_INVALID_PARAMS }),
  run(ctx, p) {
    const prefix = `org-hold/${p.org}/`;
    const rows = ctx.scan(prefix, { limit: p.limit ?? 100, ...(p.after !== undefined ? { after: prefix + p.after } : {}) });
    return rows.map(([k, quantity]) => {
      const code = k.slice(prefix.length);
      return { code, batch: getUnit(ctx.get, code)?.batch ?? code, quantity };
    });
  },
});

/** Queries by name. */
export const SUPPLY_QUERIES = { lookup, holdings } as const;
