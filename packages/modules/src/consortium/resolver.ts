// Caller resolution (SCENARIOS.md §0): who signed a tx, from consortium state. Runs before every command of
// every module, so it reads two keys at most. Suspended, revoked and removed-org keys are rejected here.
import { GongxinError, ROLE_PUBLIC, bytesToHex, type Caller, type Value } from '@gongxin/core';
import { CALLER_ERRORS } from './errors.js';
import { CONSORTIUM_MODULE } from './schema.js';
import { KEYS, memberFromValue, orgFromValue } from './state.js';

/**
 * Resolves the signer of a tx (core's `CallerResolver`): an active member gets its org and roles (admins include
 * `admin`); an unknown key is a public caller (org null, roles ['public']).
 * A revoked key's later txs are rejected here, while the txs it signed before stay in the chain untouched.
 * @param read reads any module's state as of this point in the block (the executor's overlay)
 * @param publicKey the signer's public key bytes
 * @throws TX_KEY_SUSPENDED, TX_KEY_REVOKED, TX_ORG_REMOVED
 * @example executeBlock({ ...params, resolveCaller: resolveConsortiumCaller })
 */
export function resolveConsortiumCaller(read: (module: string, key: string) => Value | undefined, publicKey: Uint8Array): Caller {
  const publicKeyHex = bytesToHex(publicKey);
  const m = memberFromValue(read(CONSORTIUM_MODULE, KEYS.member(publicKeyHex)));
  if (!m) return { publicKey, publicKeyHex, org: null, roles: [ROLE_PUBLIC] };
  if (m.status === 'revoked') throw new GongxinError(CALLER_ERRORS.KEY_REVOKED, `key ${publicKeyHex} was revoked at ${m.changedAt}`, { publicKeyHex, org: m.org });
  if (m.status === 'suspended') {
    throw new GongxinError(CALLER_ERRORS.KEY_SUSPENDED, `key ${publicKeyHex} is suspended since ${m.changedAt}`, { publicKeyHex, org: m.org });
  }
  const org = orgFromValue(read(CONSORTIUM_MODULE, KEYS.org(m.org)));
  if (org?.status !== 'active') throw new GongxinError(CALLER_ERRORS.ORG_REMOVED, `org "${m.org}" of key ${publicKeyHex} was removed`, { publicKeyHex, org: m.org });
  return { publicKey, publicKeyHex, org: m.org, roles: [...m.roles] };
}
