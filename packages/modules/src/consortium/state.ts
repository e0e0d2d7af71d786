// State layout of the consortium module (README.md §State): key builders, record types and their strict decoders.
// Only this module writes these keys, so a record that fails to decode is a bug: CONSORTIUM_STATE_CORRUPT.
import { GongxinError, isValueMap, type Value, type ValueMap } from '@gongxin/core';
import { CONSORTIUM_ERRORS } from './errors.js';
import type { MemberRole, OrgRole, Quorum } from './schema.js';

/** State keys, all under module `consortium`. */
export const KEYS = {
  org: (id: string): string => `org/${id}`,
  /** Sorted ids of the active orgs (quorums count them). */
  activeOrgs: 'active-orgs',
  member: (publicKeyHex: string): string => `member/${publicKeyHex}`,
  orgMember: (org: string, publicKeyHex: string): string => `org-member/${org}/${publicKeyHex}`,
  peer: (id: string): string => `peer/${id}`,
  peerKey: (publicKeyHex: string): string => `peer-key/${publicKeyHex}`,
  policy: (name: string): string => `policy/${name}`,
  proposal: (id: string): string => `proposal/${id}`,
  openProposal: (id: string): string => `open-proposal/${id}`,
  param: (module: string, name: string): string => `param/${module}/${name}`,
} as const;

/** An org: its allowed roles, its active admin keys and its peer ids. Removed orgs stay as tombstones. */
export type OrgRecord = {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly OrgRole[];
  readonly status: 'active' | 'removed';
  /** Active admin keys (sorted): an active org always has at least one. */
  readonly admins: readonly string[];
  /** Peer ids (sorted). */
  readonly peers: readonly string[];
  readonly since: number;
  readonly changedAt: number;
};

/** A member key. `admin` in `roles` makes it an admin of `org`. */
export type MemberRecord = {
  readonly publicKeyHex: string;
  readonly org: string;
  readonly roles: readonly MemberRole[];
  readonly status: 'active' | 'suspended' | 'revoked';
  readonly since: number;
  readonly changedAt: number;
  /** Key of the admin who made the last change (null at genesis). */
  readonly by: string | null;
  /** Reason given with the last suspension, reinstatement or revocation ('' if none). */
  readonly reason: string;
};

/** A consortium peer: an org's node key, whose signatures certify blocks. */
export type PeerRecord = { readonly id: string; readonly org: string; readonly publicKeyHex: string; readonly since: number };

/** A governance policy: the quorum of org approvals an action needs. */
export type PolicyRecord = { readonly name: string; readonly quorum: Quorum; readonly changedAt: number };

/** One org's vote on a proposal. */
export type Vote = { readonly org: string; readonly by: string; readonly at: number; readonly reason: string };

/** A governance proposal. `action` is the canonical value of a GovernanceAction. */
export type ProposalRecord = {
  readonly id: string;
  readonly type: string;
  readonly action: Value;
  readonly proposer: string;
  readonly org: string;
  readonly createdAt: number;
  readonly deadline: number;
  readonly approvals: readonly Vote[];
  readonly rejections: readonly Vote[];
  readonly status: 'open' | 'executed' | 'rejected' | 'withdrawn';
  readonly closedAt: number | null;
};

function corrupt(what: string): never {
  throw new GongxinError(CONSORTIUM_ERRORS.STATE_CORRUPT, `stored ${what} has an unexpected shape`, { field: what });
}
function map(v: Value | undefined, what: string): ValueMap {
  return isValueMap(v) ? v : corrupt(what);
}
function str(m: ValueMap, k: string, what: string): string {
  const v = m[k];
  return typeof v === 'string' ? v : corrupt(`${what}.${k}`);
}
function int(m: ValueMap, k: string, what: string): number {
  const v = m[k];
  return typeof v === 'number' ? v : corrupt(`${what}.${k}`);
}
function strs(m: ValueMap, k: string, what: string): string[] {
  const v = m[k];
  if (!Array.isArray(v)) return corrupt(`${what}.${k}`);
  return (v as readonly Value[]).map((x) => (typeof x === 'string' ? x : corrupt(`${what}.${k}`)));
}
function oneOf<T extends string>(m: ValueMap, k: string, allowed: readonly T[], what: string): T {
  const v = str(m, k, what);
  return (allowed as readonly string[]).includes(v) ? (v as T) : corrupt(`${what}.${k}`);
}

/** Decodes an org record; undefined when absent. @throws CONSORTIUM_STATE_CORRUPT */
export function orgFromValue(v: Value | undefined): OrgRecord | undefined {
  if (v === undefined) return undefined;
  const m = map(v, 'org');
  return {
    id: str(m, 'id', 'org'),
    name: str(m, 'name', 'org'),
    roles: strs(m, 'roles', 'org') as OrgRole[],
    status: oneOf(m, 'status', ['active', 'removed'], 'org'),
    admins: strs(m, 'admins', 'org'),
    peers: strs(m, 'peers', 'org'),
    since: int(m, 'since', 'org'),
    changedAt: int(m, 'changedAt', 'org'),
  };
}

/** Decodes a member record; undefined when absent. @throws CONSORTIUM_STATE_CORRUPT */
export function memberFromValue(v: Value | undefined): MemberRecord | undefined {
  if (v === undefined) return undefined;
  const m = map(v, 'member');
  const by = m.by;
  return {
    publicKeyHex: str(m, 'publicKeyHex', 'member'),
    org: str(m, 'org', 'member'),
    roles: strs(m, 'roles', 'member') as MemberRole[],
    status: oneOf(m, 'status', ['active', 'suspended', 'revoked'], 'member'),
    since: int(m, 'since', 'member'),
    changedAt: int(m, 'changedAt', 'member'),
    by: by === null || typeof by === 'string' ? by : corrupt('member.by'),
    reason: str(m, 'reason', 'member'),
  };
}

/** Decodes a peer record; undefined when absent. @throws CONSORTIUM_STATE_CORRUPT */
export function peerFromValue(v: Value | undefined): PeerRecord | undefined {
  if (v === undefined) return undefined;
  const m = map(v, 'peer');
  return { id: str(m, 'id', 'peer'), org: str(m, 'org', 'peer'), publicKeyHex: str(m, 'publicKeyHex', 'peer'), since: int(m, 'since', 'peer') };
}

function quorumFromValue(v: Value | undefined): Quorum {
  if (v === 'majority' || v === 'all') return v;
  const m = map(v, 'policy.quorum');
  return { min: int(m, 'min', 'policy.quorum') };
}

/** Decodes a policy record; undefined when absent. @throws CONSORTIUM_STATE_CORRUPT */
export function policyFromValue(v: Value | undefined): PolicyRecord | undefined {
  if (v === undefined) return undefined;
  const m = map(v, 'policy');
  return { name: str(m, 'name', 'policy'), quorum: quorumFromValue(m.quorum), changedAt: int(m, 'changedAt', 'policy') };
}

function votesFromValue(v: Value | undefined, what: string): Vote[] {
  if (!Array.isArray(v)) return corrupt(what);
  return (v as readonly Value[]).map((x) => {
    const m = map(x, what);
    return { org: str(m, 'org', what), by: str(m, 'by', what), at: int(m, 'at', what), reason: str(m, 'reason', what) };
  });
}

/** Decodes a proposal record; undefined when absent. @throws CONSORTIUM_STATE_CORRUPT */
export function proposalFromValue(v: Value | undefined): ProposalRecord | undefined {
  if (v === undefined) return undefined;
  const m = map(v, 'proposal');
  const closedAt = m.closedAt;
  const action = m.action;
  return {
    id: str(m, 'id', 'proposal'),
    type: str(m, 'type', 'proposal'),
    action: action === undefined ? corrupt('proposal.action') : action,
    proposer: str(m, 'proposer', 'proposal'),
    org: str(m, 'org', 'proposal'),
    createdAt: int(m, 'createdAt', 'proposal'),
    deadline: int(m, 'deadline', 'proposal'),
    approvals: votesFromValue(m.approvals, 'proposal.approvals'),
    rejections: votesFromValue(m.rejections, 'proposal.rejections'),
    status: oneOf(m, 'status', ['open', 'executed', 'rejected', 'withdrawn'], 'proposal'),
    closedAt: closedAt === null || typeof closedAt === 'number' ? closedAt : corrupt('proposal.closedAt'),
  };
}

/** Decodes the sorted active org ids (empty when absent). @throws CONSORTIUM_STATE_CORRUPT */
export function activeOrgsFromValue(v: Value | undefined): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return corrupt('active-orgs');
  return (v as readonly Value[]).map((x) => (typeof x === 'string' ? x : corrupt('active-orgs')));
}

/** Sorted copy with `x` added (no duplicates). */
export function withItem(list: readonly string[], x: string): string[] {
  return list.includes(x) ? [...list] : [...list, x].sort();
}

/** Copy without `x`. */
export function withoutItem(list: readonly string[], x: string): string[] {
  return list.filter((y) => y !== x);
}
