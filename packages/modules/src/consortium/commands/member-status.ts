// Commands `suspend-member`, `reinstate-member`, `revoke-member` (SCENARIOS.md §0): an admin of the member's org
// changes its status. Revocation is final; an active org always keeps at least one active admin.
import { GongxinError, type CommandDef, type ReadContext } from '@gongxin/core';
import { defineCommand } from '../../shared/define.js';
import { parseArgs } from '../../shared/parse-args.js';
import { CONSORTIUM_ERRORS } from '../errors.js';
import { CONSORTIUM_EVENTS } from '../events.js';
import { ROLE_ADMIN, memberStatusArgs, type MemberStatusArgs } from '../schema.js';
import type { MemberRecord } from '../state.js';
import { getActiveOrg, getExistingMember, putMember, setAdminActive } from '../store.js';
import { requireOrgAdmin } from './require-admin.js';

const E = CONSORTIUM_ERRORS;
type Transition = 'suspend' | 'reinstate' | 'revoke';

const TARGET = { suspend: 'suspended', reinstate: 'active', revoke: 'revoked' } as const;
const EVENT = {
  suspend: CONSORTIUM_EVENTS.MEMBER_SUSPENDED,
  reinstate: CONSORTIUM_EVENTS.MEMBER_REINSTATED,
  revoke: CONSORTIUM_EVENTS.MEMBER_REVOKED,
} as const;

function assertTransition(t: Transition, m: MemberRecord): void {
  const key = m.publicKeyHex;
  if (m.status === 'revoked') throw new GongxinError(E.MEMBER_REVOKED, `key ${key} is revoked; revocation is final`, { publicKeyHex: key });
  if (t === 'suspend' && m.status !== 'active') throw new GongxinError(E.MEMBER_NOT_ACTIVE, `key ${key} is ${m.status}, not active`, { publicKeyHex: key, status: m.status });
  if (t === 'reinstate' && m.status !== 'suspended') {
    throw new GongxinError(E.MEMBER_NOT_SUSPENDED, `key ${key} is ${m.status}, not suspended`, { publicKeyHex: key, status: m.status });
  }
}

function check(t: Transition, ctx: ReadContext, a: MemberStatusArgs): MemberRecord {
  const m = getExistingMember(ctx, a.publicKeyHex);
  requireOrgAdmin(ctx.caller, m.org);
  assertTransition(t, m);
  if (t !== 'reinstate' && m.status === 'active' && m.roles.includes(ROLE_ADMIN)) {
    const org = getActiveOrg(ctx, m.org);
    if (org.admins.length <= 1 && org.admins.includes(m.publicKeyHex)) {
      throw new GongxinError(E.LAST_ADMIN, `key ${m.publicKeyHex} is the last active admin of org "${m.org}"`, { org: m.org, publicKeyHex: m.publicKeyHex });
    }
  }
  return m;
}

function statusCommand(t: Transition): CommandDef<never> {
  return defineCommand<MemberStatusArgs>({
    roles: [ROLE_ADMIN],
    parse: (v) => parseArgs(memberStatusArgs, v),
    check: (ctx, a) => {
      check(t, ctx, a);
    },
    apply(ctx, a) {
      const m = check(t, ctx, a);
      const by = ctx.caller.publicKeyHex;
      const reason = a.reason ?? '';
      putMember(ctx, { ...m, status: TARGET[t], changedAt: ctx.timestamp, by, reason });
      if (m.roles.includes(ROLE_ADMIN)) setAdminActive(ctx, m.org, m.publicKeyHex, t === 'reinstate', ctx.timestamp);
      ctx.emit(EVENT[t], { publicKeyHex: m.publicKeyHex, org: m.org, by, reason });
    },
  });
}

/**
 * `suspend-member { publicKeyHex, reason? }`: the key's later txs fail with TX_KEY_SUSPENDED until reinstated.
 * @throws TX_INVALID_ARGS, CONSORTIUM_MEMBER_NOT_FOUND, CONSORTIUM_NOT_ORG_ADMIN, CONSORTIUM_MEMBER_NOT_ACTIVE,
 *   CONSORTIUM_MEMBER_REVOKED, CONSORTIUM_LAST_ADMIN
 * @example { command: 'suspend-member', args: { publicKeyHex: 'ab…', reason: 'lost device' } }
 */
export const suspendMember: CommandDef<never> = statusCommand('suspend');

/**
 * `reinstate-member { publicKeyHex, reason? }`: a suspended key becomes active again.
 * @throws TX_INVALID_ARGS, CONSORTIUM_MEMBER_NOT_FOUND, CONSORTIUM_NOT_ORG_ADMIN, CONSORTIUM_MEMBER_NOT_SUSPENDED, CONSORTIUM_MEMBER_REVOKED
 * @example { command: 'reinstate-member', args: { publicKeyHex: 'ab…' } }
 */
export const reinstateMember: CommandDef<never> = statusCommand('reinstate');

/**
 * `revoke-member { publicKeyHex, reason? }`: final. Later txs fail with TX_KEY_REVOKED; earlier ones stay in the chain.
 * @throws TX_INVALID_ARGS, CONSORTIUM_MEMBER_NOT_FOUND, CONSORTIUM_NOT_ORG_ADMIN, CONSORTIUM_MEMBER_REVOKED, CONSORTIUM_LAST_ADMIN
 * @example { command: 'revoke-member', args: { publicKeyHex: 'ab…', reason: 'key compromised' } }
 */
export const revokeMember: CommandDef<never> = statusCommand('revoke');
