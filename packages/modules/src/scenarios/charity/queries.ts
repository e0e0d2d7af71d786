// Queries of the charity module (SCENARIOS.md §1, "public can verify"): where did my donation go, campaign balance
// sheets, open needs vs delivered, campaigns, one allocation, a hospital's receipts. Every one is gets + prefix scans.
import type { QueryContext, Value, ValueMap } from '@gongxin/core';
import { defineQuery } from '../../shared/define.js';
import { parseArgs } from '../../shared/parse-args.js';
import { allocationParams, balanceSheetParams, campaignsParams, hospitalParams, needsParams, traceParams } from './schema.js';
import { keys, readers, type AllocationRecord, type CampaignRecord, type NeedRecord, type TotalRecord } from './state.js';

const PARAMS = { root: 'params', code: 'QUERY_INVALID_PARAMS' } as const;
const tail = (key: string): string => key.slice(key.lastIndexOf('/') + 1);
const step = (tx: string, height: number, at: number): Value => ({ tx, height, at });

function sheet(t: TotalRecord): Value {
  const kind = t.asset === 'funds' ? 'funds' : 'item';
  return { ...t, kind, itemType: kind === 'item' ? t.asset.slice('item:'.length) : null, unallocated: t.received - t.allocated, unconfirmed: t.allocated - t.confirmed };
}

function totals(ctx: QueryContext, campaign: string): Value[] {
  return ctx.scan(keys.campaignTotals(campaign)).flatMap(([k]) => {
    const t = readers.total(ctx, k);
    return t === undefined ? [] : [sheet(t)];
  });
}

function campaignView(c: CampaignRecord): ValueMap {
  return { ...c, opened: step(c.openedTx, c.openedHeight, c.openedAt), closed: c.closedTx === null ? null : step(c.closedTx, c.closedHeight ?? 0, c.closedAt ?? 0) };
}

function confirmations(ctx: QueryContext, allocation: string, limit: number): Value[] {
  return ctx.scan(keys.confsByAlloc(allocation), { limit }).flatMap(([k]) => {
    const e = readers.confEntry(ctx, k);
    const c = e === undefined ? undefined : readers.confirmation(ctx, keys.confirmation(e.confirmation));
    return c === undefined ? [] : [{ ...c, step: step(c.id, c.height, c.at) }];
  });
}

function allocationView(ctx: QueryContext, a: AllocationRecord, limit: number): Value {
  const st = readers.allocationState(ctx, keys.allocationState(a.id)) ?? { confirmed: 0, confirmations: 0 };
  const need = readers.need(ctx, keys.need(a.need));
  return {
    ...a, step: step(a.id, a.height, a.at), confirmed: st.confirmed, closed: st.confirmed === a.quantity,
    need: need === undefined ? null : { id: need.id, hospital: need.hospital, asset: need.asset, quantity: need.quantity, urgency: need.urgency },
    confirmations: confirmations(ctx, a.id, limit),
  };
}

/** `campaigns { status?, after?, limit? }` → `{ campaigns: [campaign + totals], next }` (next: id to pass as `after`, or null). */
export const campaigns = defineQuery({
  parse: (v) => parseArgs(campaignsParams, v, PARAMS),
  run(ctx, p) {
    const limit = p.limit ?? 50;
    const rows = ctx.scan('campaign/', { ...(p.after !== undefined ? { after: keys.campaign(p.after) } : {}), limit });
    const list = rows.flatMap(([k]) => {
      const c = readers.campaign(ctx, k);
      return c === undefined || (p.status !== undefined && c.status !== p.status) ? [] : [{ ...campaignView(c), totals: totals(ctx, c.id) }];
    });
    const last = rows[rows.length - 1];
    return { campaigns: list, next: rows.length === limit && last !== undefined ? tail(last[0]) : null };
  },
});

/** `balance-sheet { campaign }` → `{ campaign, assets: [{ asset, kind, itemType, received, allocated, confirmed, unallocated, unconfirmed, donations }] }`, or null. */
export const balanceSheet = defineQuery({
  parse: (v) => parseArgs(balanceSheetParams, v, PARAMS),
  run(ctx, p) {
    const c = readers.campaign(ctx, keys.campaign(p.campaign));
    return c === undefined ? null : { campaign: campaignView(c), assets: totals(ctx, c.id) };
  },
});

/**
 * `trace { donation, limit? }` → donor → campaign → allocations drawing from it (with the amount drawn) → their
 * confirmations; every step carries `{ tx, height, at }`. `closed` is true once the donation is fully allocated and
 * every allocation drawing from it is fully confirmed. Null when the receipt id is unknown.
 */
export const trace = defineQuery({
  parse: (v) => parseArgs(traceParams, v, PARAMS),
  run(ctx, p) {
    const d = readers.donation(ctx, keys.donation(p.donation));
    if (d === undefined) return null;
    const limit = p.limit ?? 100;
    const st = readers.donationState(ctx, keys.donationState(d.id)) ?? { allocated: 0, allocations: 0 };
    const c = readers.campaign(ctx, keys.campaign(d.campaign));
    const allocations = ctx.scan(keys.allocsByDonation(d.id), { limit }).flatMap(([k]) => {
      const e = readers.drawEntry(ctx, k);
      const a = e === undefined ? undefined : readers.allocation(ctx, keys.allocation(e.allocation));
      return e === undefined || a === undefined ? [] : [{ drawn: e.quantity, allocation: allocationView(ctx, a, limit) }];
    });
    const allClosed = allocations.every((x) => (x.allocation as { closed: boolean }).closed);
    return {
      donation: { ...d, step: step(d.id, d.height, d.at) },
      campaign: c === undefined ? null : { id: c.id, title: c.title, charity: c.charity, status: c.status, opened: step(c.openedTx, c.openedHeight, c.openedAt) },
      allocated: st.allocated, unallocated: d.quantity - st.allocated, allocationCount: st.allocations,
      allocations, closed: st.allocated === d.quantity && allClosed && allocations.length === st.allocations,
    };
  },
});

function needView(ctx: QueryContext, n: NeedRecord): Value {
  const st = readers.needState(ctx, keys.needState(n.id)) ?? { allocated: 0, confirmed: 0, status: 'open', closedAt: null };
  return { ...n, step: step(n.tx, n.height, n.at), status: st.status, allocated: st.allocated, delivered: st.confirmed, remaining: n.quantity - st.allocated, closedAt: st.closedAt };
}

/** `needs { status?: 'open'|'all', hospital?, after?, limit? }` → `{ needs: [need + allocated, delivered, remaining, status], next }`. */
export const needs = defineQuery({
  parse: (v) => parseArgs(needsParams, v, PARAMS),
  run(ctx, p) {
    const limit = p.limit ?? 50;
    const open = (p.status ?? 'open') === 'open';
    const prefix = p.hospital !== undefined ? `need-by-hospital/${p.hospital}/` : open ? 'open-need/' : 'need/';
    const rows = ctx.scan(prefix, { ...(p.after !== undefined ? { after: prefix + p.after } : {}), limit });
    const list = rows.flatMap(([k]) => {
      const n = readers.need(ctx, keys.need(tail(k)));
      if (n === undefined) return [];
      const v = needView(ctx, n) as { status: string };
      return open && v.status !== 'open' ? [] : [v as Value];
    });
    const last = rows[rows.length - 1];
    return { needs: list, next: rows.length === limit && last !== undefined ? tail(last[0]) : null };
  },
});

/** `allocation { id, limit? }` → the allocation, its need, confirmed so far and its confirmations; or null. */
export const allocation = defineQuery({
  parse: (v) => parseArgs(allocationParams, v, PARAMS),
  run(ctx, p) {
    const a = readers.allocation(ctx, keys.allocation(p.id));
    return a === undefined ? null : allocationView(ctx, a, p.limit ?? 100);
  },
});

/** `hospital-received { hospital }` → `{ hospital, assets: [{ asset, allocated, confirmed }] }`: what a hospital was given and confirmed. */
export const hospitalReceived = defineQuery({
  parse: (v) => parseArgs(hospitalParams, v, PARAMS),
  run(ctx, p) {
    const assets = ctx.scan(keys.hospitalTotals(p.hospital)).flatMap(([k]) => {
      const t = readers.hospitalTotal(ctx, k);
      return t === undefined ? [] : [t];
    });
    return { hospital: p.hospital, assets };
  },
});
