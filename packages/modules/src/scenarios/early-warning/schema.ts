// Argument and parameter schemas of the early-warning module (SCENARIOS.md §2), the rule shape set through
// governance, and the module's limits.
import { z } from 'zod';

/** Module name on the chain. */
export const WARNING_MODULE = 'early-warning';
/** Name of the governance parameter holding the rules: consortium state `param/early-warning/rules`. */
export const RULES_PARAM = 'rules';

/** Bounds of the module. */
export const WARNING_LIMITS = {
  maxSymptoms: 16,
  maxSymptomLength: 64,
  maxNoteLength: 500,
  maxRules: 64,
  /** Rule windows are whole hours from 1 hour to 30 days. */
  minWindowMs: 3_600_000,
  maxWindowMs: 30 * 86_400_000,
  maxThreshold: 1000,
  /** Duplicate window of a disease no rule names: 14 days. */
  defaultDedupWindowMs: 14 * 86_400_000,
  /** Diagnosis times up to 5 minutes after the block time are accepted (clock skew); the delay is then 0. */
  maxClockSkewMs: 300_000,
  /** At most this many report ids are listed on an alert (its count is always exact). */
  maxAlertReports: 1000,
  maxQueryLimit: 500,
  maxQueryDays: 366,
} as const;

/** ICD-10 code shape: letter, two digits, optional `.` and one or two digits (e.g. `U07.1`). */
export const icd10Schema = z.string().regex(/^[A-Z]\d{2}(\.\d{1,2})?$/, 'must be an ICD-10 code such as U07.1');
/** Six-digit GB/T 2260 code shape (the hierarchy is checked separately). */
export const regionCodeSchema = z.string().regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 code');
/** Salted patient hash: 64 lowercase hex, never an identity. */
export const patientHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters');
/** Rule and alert ids. */
export const ruleIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be 1-64 of a-z 0-9 - (not leading -)');
/** Alert ids: `{ruleId}.{n}`. */
export const alertIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}\.\d{1,12}$/, 'must be an alert id such as rule-id.1');
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** args of `report`; `diagnosedAt` is ms since the epoch or ISO 8601 with an offset. */
export const reportArgs = z.strictObject({
  disease: icd10Schema,
  symptoms: z.array(z.string().min(1).max(WARNING_LIMITS.maxSymptomLength)).max(WARNING_LIMITS.maxSymptoms),
  onsetDate: dateSchema,
  diagnosedAt: z.union([z.int().min(0), z.string().max(40)]),
  region: regionCodeSchema,
  patientHash: patientHashSchema,
});
/** Parsed args of `report` (before dates are read). */
export type ReportArgs = z.infer<typeof reportArgs>;

/** args of `acknowledge`. */
export const acknowledgeArgs = z.strictObject({ alertId: alertIdSchema, note: z.string().max(WARNING_LIMITS.maxNoteLength).optional() });
/** Parsed args of `acknowledge`. */
export type AcknowledgeArgs = z.infer<typeof acknowledgeArgs>;

/** args of `close`: the note is required. */
export const closeArgs = z.strictObject({ alertId: alertIdSchema, note: z.string().min(1).max(WARNING_LIMITS.maxNoteLength) });
/** Parsed args of `close`. */
export type CloseArgs = z.infer<typeof closeArgs>;

/** One warning rule as stored in the governance parameter. */
export const ruleSchema = z.strictObject({
  id: ruleIdSchema,
  disease: icd10Schema,
  region: regionCodeSchema,
  windowMs: z.int().min(WARNING_LIMITS.minWindowMs).max(WARNING_LIMITS.maxWindowMs).refine((v) => v % 3_600_000 === 0, 'must be whole hours'),
  threshold: z.int().min(1).max(WARNING_LIMITS.maxThreshold),
});
/** A valid warning rule. */
export type WarningRule = z.infer<typeof ruleSchema>;

const limitSchema = z.int().min(1).max(WARNING_LIMITS.maxQueryLimit).optional();
/** params of `alerts`: `status` open (default) or all. */
export const alertsParams = z.strictObject({ status: z.enum(['open', 'all']).optional(), after: alertIdSchema.optional(), limit: limitSchema });
/** params of `alert`. */
export const alertParams = z.strictObject({ id: alertIdSchema });
/** params of `reports`: counts in a region (any level) between two CST dates, optionally of one disease. */
export const reportsParams = z.strictObject({ region: regionCodeSchema, from: dateSchema, to: dateSchema, disease: icd10Schema.optional() });
/** params of `lateness`: one org, or all orgs. */
export const latenessParams = z.strictObject({ org: z.string().min(1).max(64).optional() });
/** params of `rules`. */
export const rulesParams = z.strictObject({});
