// The notary module: public proof of existence for document digests (who anchored what, when).
import type { LedgerModule } from '@gongxin/core';
import { anchor } from './commands.js';
import { NOTARY_EVENTS } from './events.js';
import { anchorQuery, digest } from './queries.js';

/** Module name on the chain. */
export const NOTARY_MODULE = 'notary';

/** The notary module. */
export const notaryModule: LedgerModule = {
  name: NOTARY_MODULE,
  commands: { anchor },
  queries: { digest, anchor: anchorQuery },
  events: Object.values(NOTARY_EVENTS),
};
export { NOTARY_EVENTS } from './events.js';
