// Window counting without scans (SCENARIOS.md §2; issue 4 "O(window size)"): each counted report bumps one counter
// per (disease, region level, UTC hour) and one per (region level, CST day, disease); a rule sums at most
// windowMs / 1 h counters of its own region, so a city or province rule counts every county below it.
import type { CommandContext, Value } from '@gongxin/core';
import { regionAncestors } from './regions.js';
import { KEYS, type ReportRecord } from './state.js';
import { cstDate, hourOf } from './time.js';

type Get = (key: string) => Value | undefined;

function num(v: Value | undefined): number {
  return typeof v === 'number' ? v : 0;
}

/**
 * Adds a counted (non-duplicate) report to the hour and day counters of its county, city and province.
 * @example addToCounters(ctx, report);
 */
export function addToCounters(ctx: CommandContext, r: ReportRecord): void {
  const hour = hourOf(r.at);
  const date = cstDate(r.at);
  for (const region of regionAncestors(r.region)) {
    const n = num(ctx.get(KEYS.hourCount(r.disease, region, hour))) + 1;
    ctx.set(KEYS.hourCount(r.disease, region, hour), n);
    ctx.set(KEYS.hourReport(r.disease, region, hour, n), r.id);
    const dayKey = KEYS.day(region, date, r.disease);
    ctx.set(dayKey, num(ctx.get(dayKey)) + 1);
  }
}

/**
 * Counted reports of `disease` in `region` in the window of `hours` whole UTC hours ending with `nowHour`
 * (the current hour and the `hours − 1` before it).
 * @example windowCount((k) => ctx.get(k), 'A00', '420000', hourOf(ctx.timestamp), 24)
 */
export function windowCount(get: Get, disease: string, region: string, nowHour: number, hours: number): number {
  let total = 0;
  for (let h = nowHour - hours + 1; h <= nowHour; h++) total += num(get(KEYS.hourCount(disease, region, h)));
  return total;
}

/**
 * Ids of the counted reports in that window, oldest first, at most `max`.
 * @example windowReports((k) => ctx.get(k), 'A00', '420000', hourOf(ctx.timestamp), 24, 1000)
 */
export function windowReports(get: Get, disease: string, region: string, nowHour: number, hours: number, max: number): string[] {
  const out: string[] = [];
  for (let h = nowHour - hours + 1; h <= nowHour; h++) {
    const n = num(get(KEYS.hourCount(disease, region, h)));
    for (let seq = 1; seq <= n; seq++) {
      if (out.length >= max) return out;
      const id = get(KEYS.hourReport(disease, region, h, seq));
      if (typeof id === 'string') out.push(id);
    }
  }
  return out;
}
