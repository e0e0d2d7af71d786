// The consortium module's command table (SCENARIOS.md §0): member lifecycle and governance.
import type { CommandDef } from '@gongxin/core';
import { enrolMember } from './enrol-member.js';
import { reinstateMember, revokeMember, suspendMember } from './member-status.js';
import { propose } from './propose.js';
import { approve, reject } from './vote.js';
import { withdraw } from './withdraw.js';

/** Commands by on-chain name; every one needs the `admin` role, finer checks are in each command. */
export const CONSORTIUM_COMMANDS: Readonly<Record<string, CommandDef<never>>> = {
  'enrol-member': enrolMember,
  'suspend-member': suspendMember,
  'reinstate-member': reinstateMember,
  'revoke-member': revokeMember,
  propose,
  approve,
  reject,
  withdraw,
};
