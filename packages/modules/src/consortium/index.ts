// The consortium module (SCENARIOS.md §0): organisations, member keys and roles, peers, governance by org quorum.
import type { LedgerModule } from '@gongxin/core';
import { CONSORTIUM_COMMANDS } from './commands/index.js';
import { CONSORTIUM_EVENT_TYPES } from './events.js';
import { initConsortiumGenesis } from './genesis.js';
import { CONSORTIUM_QUERIES } from './queries.js';
import { CONSORTIUM_MODULE } from './schema.js';

/**
 * The `consortium` ledger module: register it in the chain's module registry and use `resolveConsortiumCaller`
 * as the executor's caller resolver.
 * @example executeBlock({ ...p, modules: new Map([[consortiumModule.name, consortiumModule]]), resolveCaller: resolveConsortiumCaller })
 */
export const consortiumModule: LedgerModule = {
  name: CONSORTIUM_MODULE,
  commands: CONSORTIUM_COMMANDS,
  queries: CONSORTIUM_QUERIES,
  events: CONSORTIUM_EVENT_TYPES,
  initGenesis: initConsortiumGenesis,
};

export { resolveConsortiumCaller } from './resolver.js';
export { CONSORTIUM_ERRORS, CALLER_ERRORS } from './errors.js';
export type { ConsortiumErrorCode } from './errors.js';
export { CONSORTIUM_EVENTS, CONSORTIUM_EVENT_TYPES } from './events.js';
export type { ConsortiumEventType } from './events.js';
export { CONSORTIUM_MODULE, ORG_ROLES, ROLE_ADMIN, MEMBER_ROLES, ACTION_TYPES, POLICY_NAMES, CONSORTIUM_LIMITS } from './schema.js';
export type { OrgRole, MemberRole, ActionType, PolicyName, Quorum, GovernanceAction, ConsortiumGenesis } from './schema.js';
export type { OrgRecord, MemberRecord, PeerRecord, PolicyRecord, ProposalRecord, Vote } from './state.js';
export { consortiumParamKey, readConsortiumParam } from './params.js';
export { QUERY_INVALID_PARAMS } from './queries.js';
export { requiredApprovals } from './quorum.js';
