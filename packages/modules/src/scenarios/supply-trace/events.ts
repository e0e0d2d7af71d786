// Event types of the supply-trace module: one per step, plus the duplicate-serial flag.

/** Event types the supply-trace module emits. */
export const SUPPLY_EVENTS = {
  registered: 'batch-registered',
  attested: 'batch-attested',
  transferred: 'transferred',
  split: 'split',
  recalled: 'recalled',
  serialReceived: 'serial-received',
  serialDuplicate: 'serial-duplicate',
} as const;
