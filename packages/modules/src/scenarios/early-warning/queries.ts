// Queries of the early-warning module (SCENARIOS.md §2): alerts with timelines and response times, report counts by
// region/disease/date (never identities), per-org lateness, and the rules in force.
import { GongxinError, type QueryContext, type Value } from '@gongxin/core';
import { QUERY_INVALID_PARAMS } from '../../consortium/queries.js';
import { defineQuery } from '../../shared/define.js';
import { parseArgs } from '../../shared/parse-args.js';
import { responseTimes } from './alerts.js';
import { WARNING_ERRORS } from './errors.js';
import { regionLevel } from './regions.js';
import { readRules } from './rules.js';
import { alertParams, alertsParams, latenessParams, reportsParams, rulesParams, WARNING_LIMITS } from './schema.js';
import { asRecord, KEYS, toValue, type AlertRecord } from './state.js';
import { parseDateDays } from './time.js';

const opts = { root: 'params', code: QUERY_INVALID_PARAMS } as const;

function alertView(a: AlertRecord): Value {
  const timeline = [
    { step: 'raised', at: a.raisedAt, org: null, tx: a.raisedTx, note: null },
    ...a.acknowledgements.map((s) => ({ step: 'acknowledged', at: s.at, org: s.org, tx: s.tx, note: s.note })),
    ...(a.closed === null ? [] : [{ step: 'closed', at: a.closed.at, org: a.closed.org, tx: a.closed.tx, note: a.closed.note }]),
  ];
  return toValue({ ...a, timeline, responseTimes: responseTimes(a) });
}

/** `alerts`: open alerts (default) or all alerts, in id order, paged by `after`. */
export const alerts = defineQuery({
  parse: (v) => parseArgs(alertsParams, v ?? {}, opts),
  run(ctx, p) {
    const limit = p.limit ?? 100;
    if ((p.status ?? 'open') === 'open') {
      const ids = ctx.scan('open-alert/').map(([, id]) => id).filter((id): id is string => typeof id === 'string').sort();
      const page = ids.filter((id) => p.after === undefined || id > p.after).slice(0, limit);
      return page.map((id) => alertView(asRecord<AlertRecord>(ctx.get(KEYS.alert(id)))!));
    }
    const after = p.after === undefined ? {} : { after: KEYS.alert(p.after) };
    return ctx.scan('alert/', { ...after, limit }).map(([, v]) => alertView(asRecord<AlertRecord>(v)!));
  },
});

/** `alert`: one alert with its timeline (raised, acknowledgements, closed) and response times; null if unknown. */
export const alert = defineQuery({
  parse: (v) => parseArgs(alertParams, v, opts),
  run(ctx, p) {
    const a = asRecord<AlertRecord>(ctx.get(KEYS.alert(p.id)));
    return a === undefined ? null : alertView(a);
  },
});

function dayRange(from: string, to: string): void {
  const a = parseDateDays(from, 'params.from');
  const b = parseDateDays(to, 'params.to');
  if (b < a || b - a >= WARNING_LIMITS.maxQueryDays) {
    throw new GongxinError(QUERY_INVALID_PARAMS, `params.to must be on or after params.from, within ${WARNING_LIMITS.maxQueryDays} days`, { field: 'params.to' });
  }
}

/** `reports`: counted reports in a region (county, city or province) between two CST dates: total, per disease, per day. */
export const reports = defineQuery({
  parse: (v) => parseArgs(reportsParams, v, opts),
  run(ctx: QueryContext, p) {
    if (regionLevel(p.region) === undefined) throw new GongxinError(WARNING_ERRORS.regionInvalid, `${p.region} is not a GB/T 2260 division code`, { region: p.region });
    dayRange(p.from, p.to);
    const prefix = `day/${p.region}/`;
    const byDisease: Record<string, number> = {};
    const byDay: Record<string, number> = {};
    let total = 0;
    for (const [key, v] of ctx.scan(prefix, { after: `${prefix}${p.from}`, limit: WARNING_LIMITS.maxQueryDays * 64 })) {
      const [date = '', disease = ''] = key.slice(prefix.length).split('/');
      if (date > p.to) break;
      if ((p.disease !== undefined && disease !== p.disease) || typeof v !== 'number') continue;
      total += v;
      byDisease[disease] = (byDisease[disease] ?? 0) + v;
      byDay[date] = (byDay[date] ?? 0) + v;
    }
    return { region: p.region, from: p.from, to: p.to, disease: p.disease ?? null, total, byDisease, byDay };
  },
});

/** `lateness`: per-org counters of reports, late reports and delays (one org, or every org that reported). */
export const lateness = defineQuery({
  parse: (v) => parseArgs(latenessParams, v ?? {}, opts),
  run(ctx, p) {
    if (p.org !== undefined) return ctx.get(KEYS.lateness(p.org)) ?? null;
    return ctx.scan('lateness/', { limit: WARNING_LIMITS.maxQueryLimit }).map(([, v]) => v);
  },
});

/** `rules`: the valid rules in force (from governance) and the entries set aside with their reasons. */
export const rules = defineQuery({
  parse: (v) => parseArgs(rulesParams, v ?? {}, opts),
  run(ctx) {
    return toValue(readRules((m, k) => ctx.read(m, k)));
  },
});
