// Governance actions (SCENARIOS.md §0): checked when proposed, checked again and applied when the quorum is reached.
// add-org / remove-org / add-peer / remove-peer / set-policy / set-param.
import { GongxinError, type CommandContext, type Value } from '@gongxin/core';
import { CONSORTIUM_ERRORS } from './errors.js';
import { CONSORTIUM_EVENTS } from './events.js';
import type { GovernanceAction } from './schema.js';
import { KEYS, withoutItem } from './state.js';
import { deletePeer, getActiveOrg, getActiveOrgs, getMember, getOrg, getPeer, putOrg, writeNewOrg, writeNewPeer, type StateView } from './store.js';

const E = CONSORTIUM_ERRORS;

function assertPeerFree(s: StateView, id: string, publicKeyHex: string): void {
  if (s.get(KEYS.peer(id)) !== undefined) throw new GongxinError(E.PEER_EXISTS, `peer "${id}" already exists`, { peer: id });
  if (s.get(KEYS.peerKey(publicKeyHex)) !== undefined) {
    throw new GongxinError(E.PEER_KEY_IN_USE, `peer key ${publicKeyHex} is already used by another peer`, { publicKeyHex });
  }
}

/**
 * Asserts the ids and keys a new org brings are all free (org ids are never reused, keys never shared).
 * @throws CONSORTIUM_ORG_EXISTS, CONSORTIUM_MEMBER_EXISTS, CONSORTIUM_PEER_EXISTS, CONSORTIUM_PEER_KEY_IN_USE
 */
export function assertNewOrgFree(
  s: StateView,
  org: { readonly id: string; readonly admins: readonly string[]; readonly peers: ReadonlyArray<{ readonly id: string; readonly publicKeyHex: string }> },
): void {
  if (s.get(KEYS.org(org.id)) !== undefined) throw new GongxinError(E.ORG_EXISTS, `org "${org.id}" exists or existed`, { org: org.id });
  for (const key of org.admins) {
    if (getMember(s, key)) throw new GongxinError(E.MEMBER_EXISTS, `key ${key} is already enrolled`, { publicKeyHex: key });
  }
  const ids = new Set<string>();
  const keys = new Set<string>();
  for (const p of org.peers) {
    if (ids.has(p.id)) throw new GongxinError(E.PEER_EXISTS, `peer "${p.id}" is listed twice`, { peer: p.id });
    if (keys.has(p.publicKeyHex)) throw new GongxinError(E.PEER_KEY_IN_USE, `peer key ${p.publicKeyHex} is listed twice`, { publicKeyHex: p.publicKeyHex });
    ids.add(p.id);
    keys.add(p.publicKeyHex);
    assertPeerFree(s, p.id, p.publicKeyHex);
  }
}

/**
 * Read-only preconditions of an action against the current state.
 * @throws CONSORTIUM_ORG_EXISTS, CONSORTIUM_ORG_NOT_FOUND, CONSORTIUM_LAST_ORG, CONSORTIUM_MEMBER_EXISTS,
 *   CONSORTIUM_PEER_EXISTS, CONSORTIUM_PEER_KEY_IN_USE, CONSORTIUM_PEER_NOT_FOUND, CONSORTIUM_POLICY_INVALID
 */
export function checkAction(s: StateView, a: GovernanceAction): void {
  switch (a.type) {
    case 'add-org':
      return assertNewOrgFree(s, { id: a.id, admins: a.admins, peers: a.peers ?? [] });
    case 'remove-org': {
      getActiveOrg(s, a.id);
      if (getActiveOrgs(s).length <= 1) throw new GongxinError(E.LAST_ORG, `org "${a.id}" is the last org`, { org: a.id });
      return;
    }
    case 'add-peer':
      getActiveOrg(s, a.org);
      return assertPeerFree(s, a.id, a.publicKeyHex);
    case 'remove-peer':
      if (!getPeer(s, a.id)) throw new GongxinError(E.PEER_NOT_FOUND, `no peer "${a.id}"`, { peer: a.id });
      return;
    case 'set-policy':
      if (a.name === 'default' && a.quorum === null) throw new GongxinError(E.POLICY_INVALID, 'the default policy can be changed but not cleared', { policy: a.name });
      return;
    case 'set-param':
      return;
  }
}

/** The canonical value of an action, as stored in its proposal and echoed in events (no undefined fields). */
export function actionToValue(a: GovernanceAction): Value {
  switch (a.type) {
    case 'add-org':
      return { type: a.type, id: a.id, name: a.name, roles: a.roles, admins: a.admins, peers: (a.peers ?? []).map((p) => ({ id: p.id, publicKeyHex: p.publicKeyHex })) };
    case 'remove-org':
    case 'remove-peer':
      return { type: a.type, id: a.id };
    case 'add-peer':
      return { type: a.type, org: a.org, id: a.id, publicKeyHex: a.publicKeyHex };
    case 'set-policy':
      return { type: a.type, name: a.name, quorum: a.quorum };
    case 'set-param':
      return { type: a.type, module: a.module, name: a.name, value: a.value };
  }
}

function removeOrg(ctx: CommandContext, id: string, proposal: string): void {
  const org = getActiveOrg(ctx, id);
  for (const peerId of org.peers) {
    const p = getPeer(ctx, peerId);
    if (p) {
      deletePeer(ctx, p);
      ctx.emit(CONSORTIUM_EVENTS.PEER_REMOVED, { id: p.id, org: p.org, publicKeyHex: p.publicKeyHex, proposal });
    }
  }
  putOrg(ctx, { ...(getOrg(ctx, id) ?? org), status: 'removed', changedAt: ctx.timestamp });
  ctx.set(KEYS.activeOrgs, withoutItem(getActiveOrgs(ctx), id));
  ctx.emit(CONSORTIUM_EVENTS.ORG_REMOVED, { id, proposal });
}

/**
 * Checks the action again (state may have moved since it was proposed), then applies it and emits its event.
 * @throws the codes of `checkAction`; the approving tx is then rejected whole
 */
export function applyAction(ctx: CommandContext, a: GovernanceAction, proposal: string): void {
  checkAction(ctx, a);
  const at = ctx.timestamp;
  switch (a.type) {
    case 'add-org':
      writeNewOrg(ctx, { id: a.id, name: a.name, roles: a.roles, admins: a.admins, peers: a.peers ?? [] }, at);
      ctx.emit(CONSORTIUM_EVENTS.ORG_ADDED, { id: a.id, name: a.name, roles: a.roles, admins: a.admins, proposal });
      for (const p of a.peers ?? []) ctx.emit(CONSORTIUM_EVENTS.PEER_ADDED, { id: p.id, org: a.id, publicKeyHex: p.publicKeyHex, proposal });
      return;
    case 'remove-org':
      return removeOrg(ctx, a.id, proposal);
    case 'add-peer':
      writeNewPeer(ctx, { id: a.id, org: a.org, publicKeyHex: a.publicKeyHex, since: at });
      ctx.emit(CONSORTIUM_EVENTS.PEER_ADDED, { id: a.id, org: a.org, publicKeyHex: a.publicKeyHex, proposal });
      return;
    case 'remove-peer': {
      const p = getPeer(ctx, a.id)!;
      deletePeer(ctx, p);
      ctx.emit(CONSORTIUM_EVENTS.PEER_REMOVED, { id: p.id, org: p.org, publicKeyHex: p.publicKeyHex, proposal });
      return;
    }
    case 'set-policy':
      if (a.quorum === null) ctx.delete(KEYS.policy(a.name));
      else ctx.set(KEYS.policy(a.name), { name: a.name, quorum: a.quorum, changedAt: at });
      ctx.emit(CONSORTIUM_EVENTS.POLICY_CHANGED, { name: a.name, quorum: a.quorum, proposal });
      return;
    case 'set-param':
      // null clears the parameter: readers then see it absent (undefined), as before it was first set.
      if (a.value === null) ctx.delete(KEYS.param(a.module, a.name));
      else ctx.set(KEYS.param(a.module, a.name), a.value);
      ctx.emit(CONSORTIUM_EVENTS.PARAM_SET, { module: a.module, name: a.name, value: a.value, proposal });
      return;
  }
}
