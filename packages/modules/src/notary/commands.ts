// Commands of the notary module: anyone anchors a document digest; the ledger records who and when (block time).
import { ROLE_PUBLIC } from '@gongxin/core';
import { defineCommand } from '../shared/define.js';
import { parseArgs } from '../shared/parse-args.js';
import { NOTARY_EVENTS } from './events.js';
import { anchorArgs, type AnchorArgs } from './schema.js';

/** `anchor`: record { digest, by, at, note } under the tx id; the first anchor of a digest is kept separately. */
export const anchor = defineCommand<AnchorArgs>({
  roles: [ROLE_PUBLIC],
  parse: (v) => parseArgs(anchorArgs, v),
  apply(ctx, a) {
    const record = { digest: a.digest, by: ctx.caller.publicKeyHex, org: ctx.caller.org, at: ctx.timestamp, height: ctx.height, ...(a.note !== undefined ? { note: a.note } : {}) };
    ctx.set(`anchor/${ctx.txIdHex}`, record);
    ctx.set(`digest/${a.digest}/${ctx.txIdHex}`, ctx.timestamp);
    if (ctx.get(`first/${a.digest}`) === undefined) ctx.set(`first/${a.digest}`, { txId: ctx.txIdHex, at: ctx.timestamp, by: record.by });
    ctx.emit(NOTARY_EVENTS.anchored, { digest: a.digest, txId: ctx.txIdHex });
  },
});
