// Queries of the consortium module (SCENARIOS.md §0): orgs, members, peers, policies, proposals, parameters.
// Small sets come back as arrays; members and proposals as pages `{ items, next }` (pass `next` as `after`).
import type { QueryContext, QueryDef, Value } from '@gongxin/core';
import type { z } from 'zod';
import { defineQuery } from '../shared/define.js';
import { parseArgs } from '../shared/parse-args.js';
import { tally } from './commands/proposal-flow.js';
import { CONSORTIUM_LIMITS, queryParams } from './schema.js';
import { KEYS, memberFromValue, orgFromValue, peerFromValue, policyFromValue, proposalFromValue, type ProposalRecord } from './state.js';

/** Stable code for query params that fail their schema. */
export const QUERY_INVALID_PARAMS = 'QUERY_INVALID_PARAMS';

function params<T>(schema: z.ZodType<T>, v: Value): T {
  return parseArgs(schema, v === null ? {} : v, { code: QUERY_INVALID_PARAMS, root: 'params' });
}

function scanAll(ctx: QueryContext, prefix: string): Array<readonly [string, Value]> {
  const out: Array<readonly [string, Value]> = [];
  let after: string | undefined;
  for (;;) {
    const page = ctx.scan(prefix, after === undefined ? { limit: CONSORTIUM_LIMITS.maxQueryLimit } : { after, limit: CONSORTIUM_LIMITS.maxQueryLimit });
    out.push(...page);
    const last = page[page.length - 1];
    if (page.length < CONSORTIUM_LIMITS.maxQueryLimit || last === undefined) return out;
    after = last[0];
  }
}

function page(ctx: QueryContext, prefix: string, after: string | undefined, limit: number | undefined): { rows: Array<readonly [string, Value]>; next: string | null } {
  const n = limit ?? CONSORTIUM_LIMITS.defaultQueryLimit;
  const rows = ctx.scan(prefix, after === undefined ? { limit: n } : { after: prefix + after, limit: n });
  const last = rows[rows.length - 1];
  return { rows, next: rows.length === n && last ? last[0].slice(prefix.length) : null };
}

function proposalView(ctx: QueryContext, p: ProposalRecord): Value {
  const t = tally(ctx, p);
  return { ...p, counted: t.approvals, required: t.required };
}

/** Query table by name. Params are maps (or null for none); bad params give QUERY_INVALID_PARAMS. */
export const CONSORTIUM_QUERIES: Readonly<Record<string, QueryDef<never>>> = {
  /** `orgs { includeRemoved? }` → org records (active only unless includeRemoved). */
  orgs: defineQuery({
    parse: (v) => params(queryParams.orgs, v),
    run: (ctx, p) =>
      scanAll(ctx, 'org/')
        .map(([, v]) => orgFromValue(v)!)
        .filter((o) => p.includeRemoved === true || o.status === 'active'),
  }),
  /** `org { id }` → the org record (removed ones too) or null. */
  org: defineQuery({ parse: (v) => params(queryParams.org, v), run: (ctx, p) => orgFromValue(ctx.get(KEYS.org(p.id))) ?? null }),
  /** `member { publicKeyHex }` → the member record (any status) or null. */
  member: defineQuery({
    parse: (v) => params(queryParams.member, v),
    run: (ctx, p) => memberFromValue(ctx.get(KEYS.member(p.publicKeyHex))) ?? null,
  }),
  /** `members { org, after?, limit? }` → `{ items: member records, next }`, by key, all statuses. */
  members: defineQuery({
    parse: (v) => params(queryParams.members, v),
    run: (ctx, p) => {
      const { rows, next } = page(ctx, `org-member/${p.org}/`, p.after, p.limit);
      const items = rows.map(([k]) => memberFromValue(ctx.get(KEYS.member(k.slice(`org-member/${p.org}/`.length)))) ?? null);
      return { items, next };
    },
  }),
  /** `peers { org? }` → peer records, of one org or all. */
  peers: defineQuery({
    parse: (v) => params(queryParams.peers, v),
    run: (ctx, p) =>
      scanAll(ctx, 'peer/')
        .map(([, v]) => peerFromValue(v)!)
        .filter((x) => p.org === undefined || x.org === p.org),
  }),
  /** `policies` → policy records that are set (absent `default` means majority). */
  policies: defineQuery({ parse: (v) => params(queryParams.policies, v), run: (ctx) => scanAll(ctx, 'policy/').map(([, v]) => policyFromValue(v)!) }),
  /**
   * `proposals { status?: 'open' | 'all', at?, after?, limit? }` → `{ items, next }`; each item adds `counted`
   * (approvals of active orgs) and `required`. With `at` (ms), open proposals whose deadline is before it are left out.
   */
  proposals: defineQuery({
    parse: (v) => params(queryParams.proposals, v),
    run: (ctx, p) => {
      const open = (p.status ?? 'open') === 'open';
      const { rows, next } = page(ctx, open ? 'open-proposal/' : 'proposal/', p.after, p.limit);
      const items = rows
        .map(([k, v]) => proposalFromValue(open ? ctx.get(KEYS.proposal(k.slice('open-proposal/'.length))) : v)!)
        .filter((x) => !open || p.at === undefined || x.deadline >= p.at)
        .map((x) => proposalView(ctx, x));
      return { items, next };
    },
  }),
  /** `proposal { id }` → the proposal with `counted` and `required`, or null. */
  proposal: defineQuery({
    parse: (v) => params(queryParams.proposal, v),
    run: (ctx, p) => {
      const x = proposalFromValue(ctx.get(KEYS.proposal(p.id)));
      return x ? proposalView(ctx, x) : null;
    },
  }),
  /** `param { module, name }` → the parameter's value, or null when unset. */
  param: defineQuery({ parse: (v) => params(queryParams.param, v), run: (ctx, p) => ctx.get(KEYS.param(p.module, p.name)) ?? null }),
};
