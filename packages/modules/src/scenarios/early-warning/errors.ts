// Stable error codes of the early-warning module (SCENARIOS.md §2; listed in docs/scenarios/early-warning.md).
// Argument shape errors use the shared TX_INVALID_ARGS; role errors are the executor's TX_UNAUTHORIZED.

/** Error codes of the early-warning module. A code is API: never renamed or reused. */
export const WARNING_ERRORS = {
  /** The ICD-10 code is well formed but not in the module's notifiable-disease table. */
  unknownDisease: 'WARNING_UNKNOWN_DISEASE',
  /** The region is not a valid GB/T 2260 code (unknown province, or city digits 00 under a county). */
  regionInvalid: 'WARNING_REGION_INVALID',
  /** A report's region must be county level (last two digits not 00). */
  regionNotCounty: 'WARNING_REGION_NOT_COUNTY',
  /** A date or time could not be read (bad ISO 8601 text, impossible calendar date, no offset). */
  timeInvalid: 'WARNING_TIME_INVALID',
  /** The diagnosis time is after the block time (beyond the allowed clock skew). */
  diagnosisInFuture: 'WARNING_DIAGNOSIS_IN_FUTURE',
  /** The onset date is after the day of diagnosis. */
  onsetAfterDiagnosis: 'WARNING_ONSET_AFTER_DIAGNOSIS',
  /** No alert with that id. */
  alertNotFound: 'WARNING_ALERT_NOT_FOUND',
  /** The alert is already closed. */
  alertClosed: 'WARNING_ALERT_CLOSED',
  /** The caller's org has already acknowledged this alert. */
  alreadyAcknowledged: 'WARNING_ALREADY_ACKNOWLEDGED',
  /** An alert is closed only after at least one acknowledgement. */
  notAcknowledged: 'WARNING_ALERT_NOT_ACKNOWLEDGED',
  /** The caller has no org (reports and alert steps are attributed to an org). */
  noOrg: 'WARNING_NO_ORG',
} as const;

/** One of the early-warning error codes. */
export type WarningErrorCode = (typeof WARNING_ERRORS)[keyof typeof WARNING_ERRORS];
