// What an offline verification bundle of an alert must carry (issue 4 "Offline verification bundles"): the alert
// record, the counted reports that triggered it, and the txs that raised, acknowledged and closed it.
import type { Value } from '@gongxin/core';
import { asRecord, KEYS, type AlertRecord, type ReportRecord } from './state.js';

/** State keys (of module `early-warning`) and tx ids (hex) a bundle must include. */
export interface WarningBundleKeys {
  readonly keys: string[];
  readonly txIds: string[];
}

/**
 * Lists what a bundle of `kind` `id` must prove: for an alert, `alert/{id}`, `report/{txId}` of each report it
 * names, and the txs of those reports, of its acknowledgements and of its closing. Unknown alert: empty lists.
 * @param read this module's committed state by key (e.g. `(k) => queryCtx.get(k)`)
 * @example warningBundleKeys('alert', 'wuhan-covid.1', (k) => ctx.get(k)).keys[0] // 'alert/wuhan-covid.1'
 */
export function warningBundleKeys(kind: 'alert', id: string, read: (key: string) => Value | undefined): WarningBundleKeys {
  if (kind !== 'alert') return { keys: [], txIds: [] };
  const a = asRecord<AlertRecord>(read(KEYS.alert(id)));
  if (a === undefined) return { keys: [], txIds: [] };
  const keys = [KEYS.alert(id)];
  const txIds = new Set<string>([a.raisedTx]);
  for (const r of a.reports) {
    if (asRecord<ReportRecord>(read(KEYS.report(r))) === undefined) continue;
    keys.push(KEYS.report(r));
    txIds.add(r);
  }
  for (const s of a.acknowledgements) txIds.add(s.tx);
  if (a.closed !== null) txIds.add(a.closed.tx);
  return { keys, txIds: [...txIds] };
}
