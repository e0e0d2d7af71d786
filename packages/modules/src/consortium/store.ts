// Typed reads and writes of consortium records over any get/set view (genesis, check, apply, queries).
// Every multi-key change (org + its admin list + indexes) goes through here, so the keys stay consistent.
import { GongxinError, type Value } from '@gongxin/core';
import { CONSORTIUM_ERRORS } from './errors.js';
import type { MemberRole, OrgRole } from './schema.js';
import {
  KEYS,
  activeOrgsFromValue,
  memberFromValue,
  orgFromValue,
  peerFromValue,
  withItem,
  withoutItem,
  type MemberRecord,
  type OrgRecord,
  type PeerRecord,
} from './state.js';

/** Read access to this module's keys. */
export interface StateView {
  get(key: string): Value | undefined;
}
/** Read and write access (GenesisContext and CommandContext both fit). */
export interface StateWriter extends StateView {
  set(key: string, value: Value): void;
}
/** Read, write and delete access (CommandContext). */
export interface StateEditor extends StateWriter {
  delete(key: string): void;
}

/** The org record, or undefined. @throws CONSORTIUM_STATE_CORRUPT */
export function getOrg(s: StateView, id: string): OrgRecord | undefined {
  return orgFromValue(s.get(KEYS.org(id)));
}

/** The org record if the org is active. @throws CONSORTIUM_ORG_NOT_FOUND */
export function getActiveOrg(s: StateView, id: string): OrgRecord {
  const org = getOrg(s, id);
  if (org?.status !== 'active') throw new GongxinError(CONSORTIUM_ERRORS.ORG_NOT_FOUND, `no active org "${id}"`, { org: id });
  return org;
}

/** Sorted ids of the active orgs. */
export function getActiveOrgs(s: StateView): string[] {
  return activeOrgsFromValue(s.get(KEYS.activeOrgs));
}

/** The member record, or undefined. @throws CONSORTIUM_STATE_CORRUPT */
export function getMember(s: StateView, publicKeyHex: string): MemberRecord | undefined {
  return memberFromValue(s.get(KEYS.member(publicKeyHex)));
}

/** The member record. @throws CONSORTIUM_MEMBER_NOT_FOUND */
export function getExistingMember(s: StateView, publicKeyHex: string): MemberRecord {
  const m = getMember(s, publicKeyHex);
  if (!m) throw new GongxinError(CONSORTIUM_ERRORS.MEMBER_NOT_FOUND, `no member with key ${publicKeyHex}`, { publicKeyHex });
  return m;
}

/** The peer record, or undefined. */
export function getPeer(s: StateView, id: string): PeerRecord | undefined {
  return peerFromValue(s.get(KEYS.peer(id)));
}

/** Writes an org record. */
export function putOrg(s: StateWriter, org: OrgRecord): void {
  s.set(KEYS.org(org.id), org);
}

/** Writes a member record. */
export function putMember(s: StateWriter, m: MemberRecord): void {
  s.set(KEYS.member(m.publicKeyHex), m);
}

/** What a new org needs. */
export interface NewOrg {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly OrgRole[];
  readonly admins: readonly string[];
  readonly peers: ReadonlyArray<{ readonly id: string; readonly publicKeyHex: string }>;
}

/** Creates an active org with its admin members and peers. Callers check ids and keys are free first. */
export function writeNewOrg(s: StateWriter, org: NewOrg, at: number): void {
  putOrg(s, { id: org.id, name: org.name, roles: [...org.roles], status: 'active', admins: [], peers: [], since: at, changedAt: at });
  s.set(KEYS.activeOrgs, withItem(getActiveOrgs(s), org.id));
  for (const key of org.admins) writeNewMember(s, { publicKeyHex: key, org: org.id, roles: ['admin'] }, at, null);
  for (const p of org.peers) writeNewPeer(s, { id: p.id, org: org.id, publicKeyHex: p.publicKeyHex, since: at });
}

/** What a new member needs. */
export interface NewMember {
  readonly publicKeyHex: string;
  readonly org: string;
  readonly roles: readonly MemberRole[];
}

/** Enrols an active member (and, for `admin`, adds it to its org's admins). The org must exist. */
export function writeNewMember(s: StateWriter, m: NewMember, at: number, by: string | null): void {
  putMember(s, { publicKeyHex: m.publicKeyHex, org: m.org, roles: [...m.roles], status: 'active', since: at, changedAt: at, by, reason: '' });
  s.set(KEYS.orgMember(m.org, m.publicKeyHex), true);
  if (m.roles.includes('admin')) setAdminActive(s, m.org, m.publicKeyHex, true, at);
}

/** Adds or removes `publicKeyHex` in its org's active admin list. */
export function setAdminActive(s: StateWriter, orgId: string, publicKeyHex: string, active: boolean, at: number): void {
  const org = getOrg(s, orgId);
  if (!org) throw new GongxinError(CONSORTIUM_ERRORS.ORG_NOT_FOUND, `no org "${orgId}"`, { org: orgId });
  const admins = active ? withItem(org.admins, publicKeyHex) : withoutItem(org.admins, publicKeyHex);
  putOrg(s, { ...org, admins, changedAt: at });
}

/** Creates a peer and lists it on its org. Callers check the id and key are free first. */
export function writeNewPeer(s: StateWriter, p: PeerRecord): void {
  s.set(KEYS.peer(p.id), p);
  s.set(KEYS.peerKey(p.publicKeyHex), p.id);
  const org = getOrg(s, p.org);
  if (org) putOrg(s, { ...org, peers: withItem(org.peers, p.id) });
}

/** Deletes a peer, its key index, and its entry on its org. */
export function deletePeer(s: StateEditor, p: PeerRecord): void {
  s.delete(KEYS.peer(p.id));
  s.delete(KEYS.peerKey(p.publicKeyHex));
  const org = getOrg(s, p.org);
  if (org) putOrg(s, { ...org, peers: withoutItem(org.peers, p.id) });
}
