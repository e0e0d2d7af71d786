// Governance actions end to end: add/remove org, add/remove peer, set-policy — and what each changes for callers.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import type { Receipt, Value } from '@gongxin/core';
import { fixtureChain, K, runAndCompare } from './test-fixtures.js';

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());
type Chain = ReturnType<typeof fixtureChain>;
type Tx = Parameters<typeof runAndCompare>[1];

function rejected(c: Chain, t: Tx, code: string): Receipt {
  const { receipt, unchanged } = runAndCompare(c, t);
  assert.equal(receipt.ok, false, `expected ${code}, got ok`);
  assert.equal(receipt.code, code, receipt.message);
  assert.ok(unchanged, 'a rejected tx must leave state untouched');
  return receipt;
}
function ok(c: Chain, t: Tx): Receipt {
  const r = c.tx(t);
  assert.equal(r.ok, true, `${r.code}: ${r.message}`);
  return r;
}
const types = (r: Receipt): string[] => r.events.map((e) => e.type);
let seq = 0;
/** Proposes `action` as cdc and has hosp approve: passes with the default majority of 3 orgs. */
function pass(c: Chain, action: Value): Receipt {
  const id = `p${++seq}`;
  ok(c, { signer: K.cdcAdmin, command: 'propose', args: { id, action } });
  return ok(c, { signer: K.hospAdmin, command: 'approve', args: { id } });
}
const addInsurer: Value = {
  type: 'add-org',
  id: 'picc',
  name: 'PICC Health',
  roles: ['insurer', 'member'],
  admins: [K.newAdmin],
  peers: [{ id: 'picc-1', publicKeyHex: K.newPeer }],
};
const enrol = (signer: string, publicKeyHex: string, roles: string[]): Tx => ({ signer, command: 'enrol-member', args: { publicKeyHex, roles } });

describe('add-org and remove-org', () => {
  test('add-org makes the new org’s admin able to enrol, and changes the majority', () => {
    const c = fixtureChain(sha256);
    rejected(c, enrol(K.newAdmin, K.volunteer, ['insurer']), 'TX_UNAUTHORIZED');
    const r = pass(c, addInsurer);
    assert.deepEqual(types(r), ['proposal-approved', 'org-added', 'peer-added', 'proposal-executed']);
    ok(c, enrol(K.newAdmin, K.volunteer, ['insurer']));
    rejected(c, enrol(K.newAdmin, K.other, ['hospital']), 'CONSORTIUM_ROLE_NOT_ALLOWED');
    assert.equal((c.query('consortium', 'orgs') as Value[]).length, 4);
    assert.deepEqual(c.query('consortium', 'peers', { org: 'picc' }), [{ id: 'picc-1', org: 'picc', publicKeyHex: K.newPeer, since: c.now - 2000 }]);
    // 4 orgs: majority is 3, so two approvals no longer execute
    ok(c, { signer: K.cdcAdmin, command: 'propose', args: { id: 'four', action: { type: 'set-param', module: 'm', name: 'n', value: 1 } } });
    const a = ok(c, { signer: K.hospAdmin, command: 'approve', args: { id: 'four' } });
    assert.deepEqual(types(a), ['proposal-approved']);
    assert.deepEqual(types(ok(c, { signer: K.newAdmin, command: 'approve', args: { id: 'four' } })), ['proposal-approved', 'param-set', 'proposal-executed']);
  });

  test('add-org is refused for a used org id, admin key or peer key — at proposal and again at execution', () => {
    const c = fixtureChain(sha256);
    const prop = (action: Value): Tx => ({ signer: K.cdcAdmin, command: 'propose', args: { action } });
    rejected(c, prop({ ...(addInsurer as object), id: 'hosp' }), 'CONSORTIUM_ORG_EXISTS');
    rejected(c, prop({ ...(addInsurer as object), admins: [K.clinician] }), 'CONSORTIUM_MEMBER_EXISTS');
    rejected(c, prop({ ...(addInsurer as object), peers: [{ id: 'cdc-1', publicKeyHex: K.newPeer }] }), 'CONSORTIUM_PEER_EXISTS');
    rejected(c, prop({ ...(addInsurer as object), peers: [{ id: 'picc-1', publicKeyHex: K.cdcPeer }] }), 'CONSORTIUM_PEER_KEY_IN_USE');
    // two competing proposals for the same org: the second can no longer execute
    ok(c, { signer: K.cdcAdmin, command: 'propose', args: { id: 'a', action: addInsurer } });
    ok(c, { signer: K.rcAdmin, command: 'propose', args: { id: 'b', action: addInsurer } });
    ok(c, { signer: K.hospAdmin, command: 'approve', args: { id: 'a' } });
    // now 4 orgs: b needs 3 approvals; the one that would execute it is rejected
    ok(c, { signer: K.hospAdmin, command: 'approve', args: { id: 'b' } });
    rejected(c, { signer: K.cdcAdmin, command: 'approve', args: { id: 'b' } }, 'CONSORTIUM_ORG_EXISTS');
    assert.equal((c.query('consortium', 'proposal', { id: 'b' }) as { status: string }).status, 'open');
  });

  test('remove-org: its members are rejected with TX_ORG_REMOVED, its peers go, its id is never reused', () => {
    const c = fixtureChain(sha256);
    ok(c, { signer: K.rcAdmin, command: 'enrol-member', args: { publicKeyHex: K.volunteer, roles: ['charity'] } });
    const r = pass(c, { type: 'remove-org', id: 'redcross' });
    assert.deepEqual(types(r), ['proposal-approved', 'peer-removed', 'org-removed', 'proposal-executed']);
    rejected(c, { signer: K.volunteer, module: 'probe', command: 'note', args: null }, 'TX_ORG_REMOVED');
    rejected(c, enrol(K.rcAdmin, K.other, ['charity']), 'TX_ORG_REMOVED');
    assert.equal(c.get('consortium', 'peer/rc-1'), undefined);
    assert.equal(c.get('consortium', `peer-key/${K.rcPeer}`), undefined);
    assert.deepEqual((c.query('consortium', 'orgs') as Array<{ id: string }>).map((o) => o.id), ['cdc', 'hosp']);
    assert.equal((c.query('consortium', 'orgs', { includeRemoved: true }) as Value[]).length, 3);
    assert.equal((c.query('consortium', 'org', { id: 'redcross' }) as { status: string }).status, 'removed');
    rejected(c, { signer: K.cdcAdmin, command: 'propose', args: { action: { ...(addInsurer as object), id: 'redcross' } } }, 'CONSORTIUM_ORG_EXISTS');
    rejected(c, { signer: K.cdcAdmin, command: 'propose', args: { action: { type: 'remove-org', id: 'redcross' } } }, 'CONSORTIUM_ORG_NOT_FOUND');
    // 2 orgs left: majority is 2
    ok(c, { signer: K.cdcAdmin, command: 'propose', args: { id: 'two', action: { type: 'set-param', module: 'm', name: 'n', value: 1 } } });
    assert.equal((c.query('consortium', 'proposal', { id: 'two' }) as { required: number }).required, 2);
  });

  test('a removed org’s earlier approval no longer counts', () => {
    const c = fixtureChain(sha256);
    ok(c, { signer: K.rcAdmin, command: 'propose', args: { id: 'x', action: { type: 'set-param', module: 'm', name: 'n', value: 1 } } });
    pass(c, { type: 'remove-org', id: 'redcross' });
    // redcross's vote is void: 2 active orgs need 2 approvals, cdc alone is not enough
    assert.deepEqual(types(ok(c, { signer: K.cdcAdmin, command: 'approve', args: { id: 'x' } })), ['proposal-approved']);
    assert.deepEqual(types(ok(c, { signer: K.hospAdmin, command: 'approve', args: { id: 'x' } })), ['proposal-approved', 'param-set', 'proposal-executed']);
  });

  test('the last org cannot be removed', () => {
    const c = fixtureChain(sha256);
    pass(c, { type: 'remove-org', id: 'redcross' });
    pass(c, { type: 'remove-org', id: 'hosp' });
    rejected(c, { signer: K.cdcAdmin, command: 'propose', args: { action: { type: 'remove-org', id: 'cdc' } } }, 'CONSORTIUM_LAST_ORG');
  });
});

describe('peers and policies', () => {
  test('add-peer and remove-peer', () => {
    const c = fixtureChain(sha256);
    const r = pass(c, { type: 'add-peer', org: 'hosp', id: 'hosp-2', publicKeyHex: K.newPeer });
    assert.deepEqual(r.events[1], { module: 'consortium', type: 'peer-added', attrs: { id: 'hosp-2', org: 'hosp', publicKeyHex: K.newPeer, proposal: `p${seq}` } });
    assert.deepEqual((c.query('consortium', 'org', { id: 'hosp' }) as { peers: string[] }).peers, ['hosp-1', 'hosp-2']);
    const prop = (action: Value): Tx => ({ signer: K.cdcAdmin, command: 'propose', args: { action } });
    rejected(c, prop({ type: 'add-peer', org: 'hosp', id: 'hosp-2', publicKeyHex: K.other }), 'CONSORTIUM_PEER_EXISTS');
    rejected(c, prop({ type: 'add-peer', org: 'hosp', id: 'hosp-3', publicKeyHex: K.newPeer }), 'CONSORTIUM_PEER_KEY_IN_USE');
    rejected(c, prop({ type: 'add-peer', org: 'nobody', id: 'n-1', publicKeyHex: K.other }), 'CONSORTIUM_ORG_NOT_FOUND');
    rejected(c, prop({ type: 'remove-peer', id: 'ghost' }), 'CONSORTIUM_PEER_NOT_FOUND');
    const rm = pass(c, { type: 'remove-peer', id: 'hosp-1' });
    assert.equal(rm.events[1]?.type, 'peer-removed');
    assert.deepEqual((c.query('consortium', 'peers', { org: 'hosp' }) as Array<{ id: string }>).map((p) => p.id), ['hosp-2']);
    // a removed peer's key and id are free again
    pass(c, { type: 'add-peer', org: 'cdc', id: 'hosp-1', publicKeyHex: K.hospPeer });
  });

  test('set-policy: "all" for one action type; {min: 1}; the default can change but not be cleared', () => {
    const c = fixtureChain(sha256);
    const r = pass(c, { type: 'set-policy', name: 'set-param', quorum: 'all' });
    assert.equal(r.events[1]?.type, 'policy-changed');
    ok(c, { signer: K.cdcAdmin, command: 'propose', args: { id: 'all', action: { type: 'set-param', module: 'm', name: 'n', value: 1 } } });
    assert.deepEqual(types(ok(c, { signer: K.hospAdmin, command: 'approve', args: { id: 'all' } })), ['proposal-approved']);
    assert.deepEqual(types(ok(c, { signer: K.rcAdmin, command: 'approve', args: { id: 'all' } })), ['proposal-approved', 'param-set', 'proposal-executed']);
    // default {min: 1}: any one org's proposal passes at once (remove-peer follows default)
    pass(c, { type: 'set-policy', name: 'default', quorum: { min: 1 } });
    const one = ok(c, { signer: K.rcAdmin, command: 'propose', args: { action: { type: 'remove-peer', id: 'rc-1' } } });
    assert.deepEqual(types(one), ['proposal-created', 'proposal-approved', 'peer-removed', 'proposal-executed']);
    rejected(c, { signer: K.cdcAdmin, command: 'propose', args: { action: { type: 'set-policy', name: 'default', quorum: null } } }, 'CONSORTIUM_POLICY_INVALID');
    // clearing the set-param override falls back to default {min: 1}
    ok(c, { signer: K.cdcAdmin, command: 'propose', args: { id: 'clr', action: { type: 'set-policy', name: 'set-param', quorum: null } } });
    assert.deepEqual((c.query('consortium', 'policies') as Array<{ name: string }>).map((p) => p.name), ['default']);
  });

  test('genesis policies apply from block 1', () => {
    const c = fixtureChainWithPolicy({ default: { quorum: 'all' } });
    ok(c, { signer: K.cdcAdmin, command: 'propose', args: { id: 'q', action: { type: 'set-param', module: 'm', name: 'n', value: 1 } } });
    assert.deepEqual(types(ok(c, { signer: K.hospAdmin, command: 'approve', args: { id: 'q' } })), ['proposal-approved']);
  });
});

function fixtureChainWithPolicy(policies: Value): Chain {
  return fixtureChain(sha256, {
    orgs: [
      { id: 'cdc', name: 'CDC', roles: ['health-authority'], admins: [K.cdcAdmin], peers: [] },
      { id: 'hosp', name: 'Hospital', roles: ['hospital'], admins: [K.hospAdmin], peers: [] },
      { id: 'redcross', name: 'Red Cross', roles: ['charity'], admins: [K.rcAdmin] },
    ],
    policies,
  });
}
