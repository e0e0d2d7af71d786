// Queries of the notary module: when was a digest first anchored, and by whom; one anchor by tx id.
import { defineQuery } from '../shared/define.js';
import { parseArgs } from '../shared/parse-args.js';
import { anchorParams, digestParams } from './schema.js';

/** `digest`: the first anchor of a digest and up to `limit` anchors of it. */
export const digest = defineQuery({
  parse: (v) => parseArgs(digestParams, v, { root: 'params', code: 'QUERY_INVALID_PARAMS' }),
  run(ctx, p) {
    const anchors = ctx.scan(`digest/${p.digest}/`, { limit: p.limit ?? 20 }).map(([k]) => ctx.get(`anchor/${k.slice(k.lastIndexOf('/') + 1)}`) ?? null);
    return { first: ctx.get(`first/${p.digest}`) ?? null, anchors };
  },
});

/** `anchor`: one anchor record by tx id. */
export const anchorQuery = defineQuery({
  parse: (v) => parseArgs(anchorParams, v, { root: 'params', code: 'QUERY_INVALID_PARAMS' }),
  run: (ctx, p) => ctx.get(`anchor/${p.txId}`) ?? null,
});
