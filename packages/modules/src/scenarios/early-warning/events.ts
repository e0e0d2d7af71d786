// Event types of the early-warning module (SCENARIOS.md §2): reports filed, late or duplicate; alerts and their steps.

/** Event types the module emits. */
export const WARNING_EVENTS = {
  reportFiled: 'report-filed',
  reportLate: 'report-late',
  reportDuplicate: 'report-duplicate',
  alertRaised: 'alert-raised',
  alertAcknowledged: 'alert-acknowledged',
  alertClosed: 'alert-closed',
} as const;

/** One of the early-warning event types. */
export type WarningEventType = (typeof WARNING_EVENTS)[keyof typeof WARNING_EVENTS];
