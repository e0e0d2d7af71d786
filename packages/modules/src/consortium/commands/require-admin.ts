// The finer check behind the executor's role check: the caller must be an admin of the org a command concerns.
import { GongxinError, type Caller } from '@gongxin/core';
import { CONSORTIUM_ERRORS } from '../errors.js';
import { ROLE_ADMIN } from '../schema.js';

/**
 * Asserts `caller` is an active admin of `org` (the resolver already rejected suspended, revoked and removed-org keys).
 * @returns the org id
 * @throws CONSORTIUM_NOT_ORG_ADMIN
 */
export function requireOrgAdmin(caller: Caller, org: string): string {
  if (caller.org !== org || !caller.roles.includes(ROLE_ADMIN)) {
    throw new GongxinError(CONSORTIUM_ERRORS.NOT_ORG_ADMIN, `only an admin of org "${org}" may do this`, { org, caller: caller.publicKeyHex });
  }
  return org;
}

/**
 * The caller's own org, asserting the caller is one of its admins.
 * @throws CONSORTIUM_NOT_ORG_ADMIN
 */
export function callerAdminOrg(caller: Caller): string {
  if (caller.org === null || !caller.roles.includes(ROLE_ADMIN)) {
    throw new GongxinError(CONSORTIUM_ERRORS.NOT_ORG_ADMIN, 'only an org admin may do this', { caller: caller.publicKeyHex });
  }
  return caller.org;
}
