// State keys and records of the early-warning module (SCENARIOS.md §2). Counters keep window counting O(window):
// per (disease, region at each level, hour) a count and the ids of counted reports, so no scan is ever needed.
import type { Value } from '@gongxin/core';

/** Keys of the module's state. */
export const KEYS = {
  report: (id: string): string => `report/${id}`,
  /** Last counted report of a patient hash + disease: `{ report, hour }`. */
  patient: (disease: string, hash: string): string => `patient/${disease}/${hash}`,
  /** Counted reports of a disease in a region (county, city or province) in one UTC hour. */
  hourCount: (disease: string, region: string, hour: number): string => `hc/${disease}/${region}/${hour}`,
  /** The `seq`-th counted report of that (disease, region, hour). */
  hourReport: (disease: string, region: string, hour: number, seq: number): string => `hr/${disease}/${region}/${hour}/${seq}`,
  /** Counted reports per region, CST day and disease (for the `reports` query's scans). */
  day: (region: string, date: string, disease: string): string => `day/${region}/${date}/${disease}`,
  lateness: (org: string): string => `lateness/${org}`,
  alert: (id: string): string => `alert/${id}`,
  alertSeq: (ruleId: string): string => `alert-seq/${ruleId}`,
  /** The open alert of a rule, if any (at most one per rule). */
  openAlert: (ruleId: string): string => `open-alert/${ruleId}`,
} as const;

/** A filed report. `patientHash` is salted by the reporter; no identity is ever stored. */
export interface ReportRecord {
  readonly id: string;
  readonly disease: string;
  readonly legalClass: string;
  readonly symptoms: readonly string[];
  readonly onsetDate: string;
  readonly diagnosedAt: number;
  readonly region: string;
  readonly patientHash: string;
  readonly org: string;
  readonly by: string;
  readonly at: number;
  readonly height: number;
  readonly deadlineMs: number;
  readonly delayMs: number;
  readonly late: boolean;
  /** Id of the counted report this one repeats, or null when it was counted. */
  readonly duplicateOf: string | null;
}

/** Per-org lateness counters. */
export interface LatenessRecord {
  readonly org: string;
  readonly reports: number;
  readonly late: number;
  readonly maxDelayMs: number;
  readonly totalDelayMs: number;
}

/** One step on an alert (acknowledgement or closing). */
export interface AlertStep {
  readonly org: string;
  readonly by: string;
  readonly at: number;
  readonly tx: string;
  readonly note: string | null;
}

/** An alert raised by the module when a rule's threshold is reached. */
export interface AlertRecord {
  readonly id: string;
  readonly rule: { readonly id: string; readonly disease: string; readonly region: string; readonly windowMs: number; readonly threshold: number };
  readonly count: number;
  /** Ids of the counted reports in the window when raised (at most maxAlertReports). */
  readonly reports: readonly string[];
  readonly raisedAt: number;
  readonly raisedHeight: number;
  readonly raisedTx: string;
  readonly status: 'open' | 'acknowledged' | 'closed';
  readonly acknowledgements: readonly AlertStep[];
  readonly closed: AlertStep | null;
}

/**
 * Reads a record this module wrote (its shape is the module's own invariant).
 * @example const a = asRecord<AlertRecord>(ctx.get(KEYS.alert(id)));
 */
export function asRecord<T>(v: Value | undefined): T | undefined {
  return v === undefined || v === null ? undefined : (v as unknown as T);
}

/**
 * A record as a canonical value for `ctx.set`.
 * @example ctx.set(KEYS.alert(a.id), toValue(a));
 */
export function toValue(r: object): Value {
  return r as unknown as Value;
}
