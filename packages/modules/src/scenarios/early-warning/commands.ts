// Commands of the early-warning module (SCENARIOS.md §2): clinics and hospitals file case reports (alerts raised in
// the same tx when a governance rule's threshold is reached); health authorities acknowledge and close alerts.
import { GongxinError, type ReadContext } from '@gongxin/core';
import { defineCommand } from '../../shared/define.js';
import { parseArgs } from '../../shared/parse-args.js';
import { raiseAlerts } from './alerts.js';
import { addToCounters } from './counting.js';
import { diseaseInfo, reportingDeadlineMs } from './diseases.js';
import { WARNING_ERRORS } from './errors.js';
import { WARNING_EVENTS } from './events.js';
import { isCounty, regionLevel } from './regions.js';
import { readRules } from './rules.js';
import { acknowledgeArgs, closeArgs, reportArgs, WARNING_LIMITS, type AcknowledgeArgs, type CloseArgs, type ReportArgs } from './schema.js';
import { asRecord, KEYS, toValue, type AlertRecord, type AlertStep, type LatenessRecord, type ReportRecord } from './state.js';
import { cstDay, HOUR_MS, hourOf, parseDateDays, parseIsoMs } from './time.js';

/** Roles that file reports. */
export const REPORTER_ROLES: readonly string[] = ['clinic', 'hospital'];
/** Role that acknowledges and closes alerts. */
export const AUTHORITY_ROLES: readonly string[] = ['health-authority'];

/** `report` args with dates read. */
export interface ParsedReport extends ReportArgs {
  readonly diagnosedMs: number;
  readonly onsetDay: number;
}

function requireOrg(ctx: ReadContext): string {
  if (ctx.caller.org === null) throw new GongxinError(WARNING_ERRORS.noOrg, 'the caller belongs to no org');
  return ctx.caller.org;
}

function checkReport(ctx: ReadContext, a: ParsedReport): void {
  requireOrg(ctx);
  if (diseaseInfo(a.disease) === undefined) throw new GongxinError(WARNING_ERRORS.unknownDisease, `${a.disease} is not a notifiable disease in the table`, { disease: a.disease });
  const level = regionLevel(a.region);
  if (level === undefined) throw new GongxinError(WARNING_ERRORS.regionInvalid, `${a.region} is not a GB/T 2260 division code`, { region: a.region });
  if (!isCounty(a.region)) throw new GongxinError(WARNING_ERRORS.regionNotCounty, `${a.region} is a ${level} code; reports name a county`, { region: a.region });
  if (a.diagnosedMs > ctx.timestamp + WARNING_LIMITS.maxClockSkewMs) {
    throw new GongxinError(WARNING_ERRORS.diagnosisInFuture, 'the diagnosis time is after the block time', { diagnosedAt: a.diagnosedMs, blockTime: ctx.timestamp });
  }
  if (a.onsetDay > cstDay(a.diagnosedMs)) throw new GongxinError(WARNING_ERRORS.onsetAfterDiagnosis, 'the onset date is after the diagnosis day', { onsetDate: a.onsetDate });
}

/** `report`: file a case report; counted unless it repeats a patient hash + disease within the window. */
export const report = defineCommand<ParsedReport>({
  roles: REPORTER_ROLES,
  parse(v) {
    const a = parseArgs(reportArgs, v);
    const diagnosedMs = typeof a.diagnosedAt === 'number' ? a.diagnosedAt : parseIsoMs(a.diagnosedAt, 'args.diagnosedAt');
    return { ...a, diagnosedMs, onsetDay: parseDateDays(a.onsetDate, 'args.onsetDate') };
  },
  check: checkReport,
  apply(ctx, a) {
    const org = requireOrg(ctx);
    const info = diseaseInfo(a.disease)!;
    const rules = readRules((m, k) => ctx.read(m, k)).active;
    const deadlineMs = reportingDeadlineMs(info.legalClass);
    const delayMs = Math.max(0, ctx.timestamp - a.diagnosedMs);
    const late = delayMs > deadlineMs;
    // Duplicates: within the longest window of this disease's rules (14 days when none), the first report counts.
    const dedupMs = rules.filter((r) => r.disease === a.disease).reduce((m, r) => Math.max(m, r.windowMs), 0) || WARNING_LIMITS.defaultDedupWindowMs;
    const prev = asRecord<{ report: string; hour: number }>(ctx.get(KEYS.patient(a.disease, a.patientHash)));
    const nowHour = hourOf(ctx.timestamp);
    const duplicateOf = prev !== undefined && nowHour - prev.hour < dedupMs / HOUR_MS ? prev.report : null;
    const record: ReportRecord = {
      id: ctx.txIdHex,
      disease: a.disease,
      legalClass: info.legalClass,
      symptoms: a.symptoms,
      onsetDate: a.onsetDate,
      diagnosedAt: a.diagnosedMs,
      region: a.region,
      patientHash: a.patientHash,
      org,
      by: ctx.caller.publicKeyHex,
      at: ctx.timestamp,
      height: ctx.height,
      deadlineMs,
      delayMs,
      late,
      duplicateOf,
    };
    ctx.set(KEYS.report(record.id), toValue(record));
    const l = asRecord<LatenessRecord>(ctx.get(KEYS.lateness(org))) ?? { org, reports: 0, late: 0, maxDelayMs: 0, totalDelayMs: 0 };
    const nextL: LatenessRecord = { org, reports: l.reports + 1, late: l.late + (late ? 1 : 0), maxDelayMs: Math.max(l.maxDelayMs, delayMs), totalDelayMs: l.totalDelayMs + delayMs };
    ctx.set(KEYS.lateness(org), toValue(nextL));
    ctx.emit(WARNING_EVENTS.reportFiled, { reportId: record.id, disease: a.disease, region: a.region, org, late, duplicate: duplicateOf !== null });
    if (late) ctx.emit(WARNING_EVENTS.reportLate, { reportId: record.id, org, delayMs, deadlineMs });
    if (duplicateOf !== null) {
      ctx.emit(WARNING_EVENTS.reportDuplicate, { reportId: record.id, duplicateOf });
      return;
    }
    ctx.set(KEYS.patient(a.disease, a.patientHash), { report: record.id, hour: nowHour });
    addToCounters(ctx, record);
    raiseAlerts(ctx, record, rules);
  },
});

function loadAlert(ctx: ReadContext, id: string): AlertRecord {
  const a = asRecord<AlertRecord>(ctx.get(KEYS.alert(id)));
  if (a === undefined) throw new GongxinError(WARNING_ERRORS.alertNotFound, `no alert ${id}`, { alertId: id });
  if (a.status === 'closed') throw new GongxinError(WARNING_ERRORS.alertClosed, `alert ${id} is closed`, { alertId: id });
  return a;
}

function step(ctx: ReadContext, note: string | undefined): AlertStep {
  return { org: requireOrg(ctx), by: ctx.caller.publicKeyHex, at: ctx.timestamp, tx: ctx.txIdHex, note: note ?? null };
}

function checkAcknowledge(ctx: ReadContext, a: AcknowledgeArgs): void {
  const org = requireOrg(ctx);
  const alert = loadAlert(ctx, a.alertId);
  if (alert.acknowledgements.some((s) => s.org === org)) {
    throw new GongxinError(WARNING_ERRORS.alreadyAcknowledged, `${org} has already acknowledged alert ${a.alertId}`, { alertId: a.alertId, org });
  }
}

/** `acknowledge`: a health authority takes an open alert on (once per org); the first one moves it to `acknowledged`. */
export const acknowledge = defineCommand<AcknowledgeArgs>({
  roles: AUTHORITY_ROLES,
  parse: (v) => parseArgs(acknowledgeArgs, v),
  check: checkAcknowledge,
  apply(ctx, a) {
    checkAcknowledge(ctx, a);
    const alert = loadAlert(ctx, a.alertId);
    const s = step(ctx, a.note);
    ctx.set(KEYS.alert(alert.id), toValue({ ...alert, status: 'acknowledged', acknowledgements: [...alert.acknowledgements, s] }));
    ctx.emit(WARNING_EVENTS.alertAcknowledged, { alertId: alert.id, org: s.org, at: s.at, sinceRaisedMs: s.at - alert.raisedAt });
  },
});

function checkClose(ctx: ReadContext, a: CloseArgs): void {
  requireOrg(ctx);
  const alert = loadAlert(ctx, a.alertId);
  if (alert.acknowledgements.length === 0) throw new GongxinError(WARNING_ERRORS.notAcknowledged, `alert ${a.alertId} must be acknowledged before it is closed`, { alertId: a.alertId });
}

/** `close`: a health authority closes an acknowledged alert with a note; the rule may raise a new alert afterwards. */
export const close = defineCommand<CloseArgs>({
  roles: AUTHORITY_ROLES,
  parse: (v) => parseArgs(closeArgs, v),
  check: checkClose,
  apply(ctx, a) {
    checkClose(ctx, a);
    const alert = loadAlert(ctx, a.alertId);
    const s = step(ctx, a.note);
    ctx.set(KEYS.alert(alert.id), toValue({ ...alert, status: 'closed', closed: s }));
    if (ctx.get(KEYS.openAlert(alert.rule.id)) === alert.id) ctx.delete(KEYS.openAlert(alert.rule.id));
    ctx.emit(WARNING_EVENTS.alertClosed, { alertId: alert.id, org: s.org, at: s.at, sinceRaisedMs: s.at - alert.raisedAt });
  },
});
