// Event types of the open-stats module (SCENARIOS.md §6): publication, correction, dispute, province/cities mismatch.

/**
 * Event types the module emits; attrs are listed in README.md.
 * @example ctx.emit(STATS_EVENTS.published, { region: '420000', date: '2020-02-01', revision: 1, txId });
 */
export const STATS_EVENTS = {
  published: 'figure-published',
  corrected: 'figure-corrected',
  disputed: 'figure-disputed',
  sumMismatch: 'sum-mismatch',
} as const;

/** One of the open-stats event types. */
export type StatsEventType = (typeof STATS_EVENTS)[keyof typeof STATS_EVENTS];
