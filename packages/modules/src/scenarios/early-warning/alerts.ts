// Alerts raised by the module itself (SCENARIOS.md §2): after a counted report, every active rule of its disease
// whose region contains it is evaluated; reaching the threshold raises one alert per rule while none is open.
import type { CommandContext } from '@gongxin/core';
import { windowCount, windowReports } from './counting.js';
import { WARNING_EVENTS } from './events.js';
import { isWithin } from './regions.js';
import { WARNING_LIMITS, type WarningRule } from './schema.js';
import { KEYS, toValue, type AlertRecord, type ReportRecord } from './state.js';
import { HOUR_MS, hourOf } from './time.js';

/**
 * Raises an alert for each rule `report` brings to its threshold (rules in id order), in the report's own tx.
 * @returns ids of the alerts raised
 * @example raiseAlerts(ctx, report, readRules(read).active) // ['wuhan-covid.1']
 */
export function raiseAlerts(ctx: CommandContext, report: ReportRecord, rules: readonly WarningRule[]): string[] {
  const raised: string[] = [];
  const get = (k: string) => ctx.get(k);
  const nowHour = hourOf(ctx.timestamp);
  for (const rule of rules) {
    if (rule.disease !== report.disease || !isWithin(report.region, rule.region)) continue;
    if (ctx.get(KEYS.openAlert(rule.id)) !== undefined) continue;
    const hours = rule.windowMs / HOUR_MS;
    const count = windowCount(get, rule.disease, rule.region, nowHour, hours);
    if (count < rule.threshold) continue;
    const prev = ctx.get(KEYS.alertSeq(rule.id));
    const seq = (typeof prev === 'number' ? prev : 0) + 1;
    const id = `${rule.id}.${seq}`;
    const alert: AlertRecord = {
      id,
      rule: { id: rule.id, disease: rule.disease, region: rule.region, windowMs: rule.windowMs, threshold: rule.threshold },
      count,
      reports: windowReports(get, rule.disease, rule.region, nowHour, hours, WARNING_LIMITS.maxAlertReports),
      raisedAt: ctx.timestamp,
      raisedHeight: ctx.height,
      raisedTx: ctx.txIdHex,
      status: 'open',
      acknowledgements: [],
      closed: null,
    };
    ctx.set(KEYS.alertSeq(rule.id), seq);
    ctx.set(KEYS.alert(id), toValue(alert));
    ctx.set(KEYS.openAlert(rule.id), id);
    ctx.emit(WARNING_EVENTS.alertRaised, { alertId: id, ruleId: rule.id, disease: rule.disease, region: rule.region, count, threshold: rule.threshold });
    raised.push(id);
  }
  return raised;
}

/**
 * Response times of an alert in ms (null until the step happened): raised → first acknowledgement, → closed,
 * and first acknowledgement → closed.
 * @example responseTimes(alert).toAcknowledgeMs // 600000
 */
export function responseTimes(a: AlertRecord): { toAcknowledgeMs: number | null; toCloseMs: number | null; acknowledgeToCloseMs: number | null } {
  const ack = a.acknowledgements[0]?.at ?? null;
  const closed = a.closed?.at ?? null;
  return {
    toAcknowledgeMs: ack === null ? null : ack - a.raisedAt,
    toCloseMs: closed === null ? null : closed - a.raisedAt,
    acknowledgeToCloseMs: ack === null || closed === null ? null : closed - ack,
  };
}
