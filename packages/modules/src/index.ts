// @gongxin/modules: identity & governance (consortium) and the scenario modules. Names exported one by one.
export { parseArgs, TX_INVALID_ARGS } from './shared/parse-args.js';
export type { ParseArgsOptions } from './shared/parse-args.js';
export { defineCommand, defineQuery } from './shared/define.js';
export {
  consortiumModule,
  resolveConsortiumCaller,
  CONSORTIUM_ERRORS,
  CALLER_ERRORS,
  CONSORTIUM_EVENTS,
  CONSORTIUM_EVENT_TYPES,
  CONSORTIUM_MODULE,
  ORG_ROLES,
  ROLE_ADMIN,
  MEMBER_ROLES,
  ACTION_TYPES,
  POLICY_NAMES,
  CONSORTIUM_LIMITS,
  consortiumParamKey,
  readConsortiumParam,
  QUERY_INVALID_PARAMS,
  requiredApprovals,
} from './consortium/index.js';
export type {
  ConsortiumErrorCode,
  ConsortiumEventType,
  OrgRole,
  MemberRole,
  ActionType,
  PolicyName,
  Quorum,
  GovernanceAction,
  ConsortiumGenesis,
  OrgRecord,
  MemberRecord,
  PeerRecord,
  PolicyRecord,
  ProposalRecord,
  Vote,
} from './consortium/index.js';
export { notaryModule, NOTARY_MODULE, NOTARY_EVENTS } from './notary/index.js';
export { earlyWarningModule, warningBundleKeys, WARNING_MODULE, WARNING_ERRORS, WARNING_EVENTS, DISEASES, RULES_PARAM } from './scenarios/early-warning/index.js';
export type { WarningRule, AlertRecord, ReportRecord } from './scenarios/early-warning/index.js';
export { openStatsModule, statsBundleKeys, OPEN_STATS_MODULE, STATS_ERRORS, STATS_EVENTS, METRICS } from './scenarios/open-stats/index.js';
export type { RevisionRecord, FigureHead } from './scenarios/open-stats/index.js';
export { supplyTraceModule, supplyBundleKeys, SUPPLY_TRACE_MODULE, SUPPLY_ERRORS, SUPPLY_EVENTS, parseScannedCode, batchDigitalLink, formatDigitalLink, gs1CheckDigit } from './scenarios/supply-trace/index.js';
export type { BatchRecord, TrailEntry } from './scenarios/supply-trace/index.js';
export { charityModule, charityBundleKeys, CHARITY_MODULE, CHARITY_ERRORS, CHARITY_EVENTS } from './scenarios/charity/index.js';
export type { DonationRecord, AllocationRecord, CampaignRecord } from './scenarios/charity/index.js';
