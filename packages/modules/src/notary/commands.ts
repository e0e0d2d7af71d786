// Commands of the notary module: anyone anchors a document digest; the ledger records who and when (block time).
import { ROLE_PUBLIC } from '@gongxin/core';
import { defineCommand } from '../shared/define.js';
import { parseArgs } from '../shared/parse-args.js';
import { NOTARY_EVENTS } from './events.js';
import { anchorArgs, type AnchorArgs } from './schema.js';

/** `anchor`: record { digest, by, org, at, height, note } at `anchor/{digest}/{txId}`: one write per anchor. */
export const anchor = defineCommand<AnchorArgs>({
  roles: [ROLE_PUBLIC],
  parse: (v) => parseArgs(anchorArgs, v),
  apply(ctx, a) {
    const record = { digest: a.digest, by: ctx.caller.publicKeyHex, org: ctx.caller.org, at: ctx.timestamp, height: ctx.height, ...(a.note !== undefined ? { note: a.note } : {}) };
    // One entry per anchor, keyed by digest first so all anchors of a document are one prefix scan away.
    ctx.set(`anchor/${a.digest}/${ctx.txIdHex}`, record);
    ctx.emit(NOTARY_EVENTS.anchored, { digest: a.digest, txId: ctx.txIdHex });
  },
});
