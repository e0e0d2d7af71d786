// What an offline bundle of a donation's trace must hold (issue 4, "Offline verification bundles"): the state keys of
// this module and the tx ids, found with point reads only, so the lead's bundle builder can prove each one.
import type { Value } from '@gongxin/core';
import { keys, readers } from './state.js';

/** Bundle kinds the charity module can describe. */
export type CharityBundleKind = 'donation';

/** The keys (of module `charity`) and tx ids a self-contained bundle must include. */
export interface CharityBundleKeys {
  readonly keys: string[];
  readonly txIds: string[];
}

/**
 * Lists the records of a donation's whole trail: the donation, its campaign, every allocation drawing from it (the
 * index entry, the record, its state, its need) and every confirmation of those allocations. Unknown ids give empty lists.
 * @param kind 'donation'
 * @param id the donation's receipt id (its tx id, 64 hex)
 * @param read this module's state at the bundle's height
 * @returns keys in trail order, without duplicates; tx ids of the donation, campaign opening, allocations, confirmations
 * @throws CHARITY_STATE_INVALID when a stored record is malformed
 * @example const { keys, txIds } = charityBundleKeys('donation', receiptId, (k) => store.get('charity', k) && decode(store.get('charity', k)!));
 */
export function charityBundleKeys(kind: CharityBundleKind, id: string, read: (key: string) => Value | undefined): CharityBundleKeys {
  const src = { get: read };
  const out = new Set<string>();
  const txIds = new Set<string>();
  const d = kind === 'donation' ? readers.donation(src, keys.donation(id)) : undefined;
  if (d === undefined) return { keys: [], txIds: [] };
  out.add(keys.donation(id));
  out.add(keys.donationState(id));
  txIds.add(d.id);
  const c = readers.campaign(src, keys.campaign(d.campaign));
  if (c !== undefined) {
    out.add(keys.campaign(c.id));
    txIds.add(c.openedTx);
  }
  const st = readers.donationState(src, keys.donationState(id));
  for (let i = 0; i < (st?.allocations ?? 0); i++) {
    const e = readers.drawEntry(src, keys.allocByDonation(id, i));
    if (e === undefined) continue;
    out.add(keys.allocByDonation(id, i));
    const a = readers.allocation(src, keys.allocation(e.allocation));
    if (a === undefined) continue;
    out.add(keys.allocation(a.id));
    out.add(keys.allocationState(a.id));
    out.add(keys.need(a.need));
    txIds.add(a.id);
    const as = readers.allocationState(src, keys.allocationState(a.id));
    for (let j = 0; j < (as?.confirmations ?? 0); j++) {
      const ce = readers.confEntry(src, keys.confByAlloc(a.id, j));
      if (ce === undefined) continue;
      out.add(keys.confByAlloc(a.id, j));
      out.add(keys.confirmation(ce.confirmation));
      txIds.add(ce.confirmation);
    }
  }
  return { keys: [...out], txIds: [...txIds] };
}
