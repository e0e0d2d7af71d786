// Command `enrol-member` (SCENARIOS.md §0): an org admin enrols a key for its own org, with roles the org may hold.
import { GongxinError, type ReadContext } from '@gongxin/core';
import { defineCommand } from '../../shared/define.js';
import { parseArgs } from '../../shared/parse-args.js';
import { CONSORTIUM_ERRORS } from '../errors.js';
import { CONSORTIUM_EVENTS } from '../events.js';
import { ROLE_ADMIN, enrolMemberArgs, type EnrolMemberArgs } from '../schema.js';
import { getActiveOrg, getMember, writeNewMember } from '../store.js';
import { callerAdminOrg, requireOrgAdmin } from './require-admin.js';

function check(ctx: ReadContext, a: EnrolMemberArgs): void {
  const org = a.org === undefined ? callerAdminOrg(ctx.caller) : requireOrgAdmin(ctx.caller, a.org);
  const rec = getActiveOrg(ctx, org);
  for (const role of a.roles) {
    if (role !== ROLE_ADMIN && !rec.roles.includes(role)) {
      throw new GongxinError(CONSORTIUM_ERRORS.ROLE_NOT_ALLOWED, `org "${org}" may not hold role "${role}"`, { org, role });
    }
  }
  const existing = getMember(ctx, a.publicKeyHex);
  if (existing) {
    throw new GongxinError(CONSORTIUM_ERRORS.MEMBER_EXISTS, `key ${a.publicKeyHex} is already enrolled (${existing.status})`, {
      publicKeyHex: a.publicKeyHex,
      status: existing.status,
    });
  }
}

/**
 * `enrol-member { publicKeyHex, roles, org? }`: enrols a new active key in the caller's org.
 * Roles must be among the org's roles, or `admin` (a co-admin of the same org).
 * @throws TX_INVALID_ARGS, CONSORTIUM_NOT_ORG_ADMIN, CONSORTIUM_ROLE_NOT_ALLOWED, CONSORTIUM_MEMBER_EXISTS
 * @example { module: 'consortium', command: 'enrol-member', args: { publicKeyHex: 'ab…', roles: ['clinic'] } }
 */
export const enrolMember = defineCommand<EnrolMemberArgs>({
  roles: [ROLE_ADMIN],
  parse: (v) => parseArgs(enrolMemberArgs, v),
  check,
  apply(ctx, a) {
    check(ctx, a);
    const org = ctx.caller.org!;
    writeNewMember(ctx, { publicKeyHex: a.publicKeyHex, org, roles: a.roles }, ctx.timestamp, ctx.caller.publicKeyHex);
    ctx.emit(CONSORTIUM_EVENTS.MEMBER_ENROLLED, { publicKeyHex: a.publicKeyHex, org, roles: a.roles, by: ctx.caller.publicKeyHex });
  },
});
