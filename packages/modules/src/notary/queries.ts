// Queries of the notary module: when was a digest first anchored, and by whom; one anchor by tx id.
import type { Value } from '@gongxin/core';
import { defineQuery } from '../shared/define.js';
import { parseArgs } from '../shared/parse-args.js';
import { anchorParams, digestParams } from './schema.js';

type AnchorRecord = { readonly at: number; readonly height: number } & Record<string, Value>;

/** `digest`: up to `limit` anchors of a digest (default 100), oldest first, and the earliest one. */
export const digest = defineQuery({
  parse: (v) => parseArgs(digestParams, v, { root: 'params', code: 'QUERY_INVALID_PARAMS' }),
  run(ctx, p) {
    const anchors = ctx
      .scan(`anchor/${p.digest}/`, { limit: p.limit ?? 100 })
      .map(([k, v]) => ({ ...(v as AnchorRecord), txId: k.slice(k.lastIndexOf('/') + 1) }))
      .sort((a, b) => a.height - b.height || a.at - b.at || (a.txId < b.txId ? -1 : 1));
    return { first: anchors[0] ?? null, anchors };
  },
});

/** `anchor`: one anchor record by digest and tx id. */
export const anchorQuery = defineQuery({
  parse: (v) => parseArgs(anchorParams, v, { root: 'params', code: 'QUERY_INVALID_PARAMS' }),
  run: (ctx, p) => ctx.get(`anchor/${p.digest}/${p.txId}`) ?? null,
});
