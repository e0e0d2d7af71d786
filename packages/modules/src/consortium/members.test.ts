// Member lifecycle through the real executor: enrol, suspend, reinstate, revoke, and the resolver's verdicts.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import type { Receipt } from '@gongxin/core';
import { fixtureChain, K, runAndCompare } from './test-fixtures.js';

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());

function rejected(chain: ReturnType<typeof fixtureChain>, t: Parameters<typeof runAndCompare>[1], code: string): Receipt {
  const { receipt, unchanged } = runAndCompare(chain, t);
  assert.equal(receipt.ok, false, `expected ${code}, got ok`);
  assert.equal(receipt.code, code, receipt.message);
  assert.ok(unchanged, 'a rejected tx must leave state untouched');
  assert.deepEqual(receipt.events, []);
  return receipt;
}

function ok(chain: ReturnType<typeof fixtureChain>, t: Parameters<typeof runAndCompare>[1]): Receipt {
  const r = chain.tx(t);
  assert.equal(r.ok, true, `${r.code}: ${r.message}`);
  return r;
}

const enrol = (signer: string, publicKeyHex: string, roles: string[], org?: string) => ({
  signer,
  command: 'enrol-member',
  args: org === undefined ? { publicKeyHex, roles } : { publicKeyHex, roles, org },
});
const status = (signer: string, command: string, publicKeyHex: string) => ({ signer, command, args: { publicKeyHex } });
const note = (signer: string) => ({ signer, module: 'probe', command: 'note', args: null });

describe('enrol-member', () => {
  test('an org admin enrols a key for its org with roles the org may hold', () => {
    const c = fixtureChain(sha256);
    const r = ok(c, enrol(K.hospAdmin, K.volunteer, ['clinic', 'member']));
    assert.deepEqual(r.events, [
      { module: 'consortium', type: 'member-enrolled', attrs: { publicKeyHex: K.volunteer, org: 'hosp', roles: ['clinic', 'member'], by: K.hospAdmin } },
    ]);
    const m = c.query('consortium', 'member', { publicKeyHex: K.volunteer }) as Record<string, unknown>;
    assert.equal(m.org, 'hosp');
    assert.equal(m.status, 'active');
    assert.deepEqual(m.roles, ['clinic', 'member']);
    assert.equal(m.since, c.now);
    assert.equal(m.by, K.hospAdmin);
    ok(c, note(K.volunteer));
  });

  test('explicit org equal to the caller’s own org is accepted', () => {
    const c = fixtureChain(sha256);
    ok(c, enrol(K.rcAdmin, K.volunteer, ['charity'], 'redcross'));
  });

  test('a non-admin member cannot enrol (executor role check)', () => {
    const c = fixtureChain(sha256);
    rejected(c, enrol(K.clinician, K.volunteer, ['clinic']), 'TX_UNAUTHORIZED');
  });

  test('an unknown (public) key cannot enrol', () => {
    const c = fixtureChain(sha256);
    rejected(c, enrol(K.stranger, K.volunteer, ['member']), 'TX_UNAUTHORIZED');
  });

  test('another org’s admin cannot enrol into a different org', () => {
    const c = fixtureChain(sha256);
    rejected(c, enrol(K.cdcAdmin, K.volunteer, ['hospital'], 'hosp'), 'CONSORTIUM_NOT_ORG_ADMIN');
  });

  test('roles outside the org’s roles are rejected', () => {
    const c = fixtureChain(sha256);
    const r = rejected(c, enrol(K.rcAdmin, K.volunteer, ['charity', 'hospital']), 'CONSORTIUM_ROLE_NOT_ALLOWED');
    assert.match(r.message, /hospital/);
  });

  test('an admin may enrol a co-admin, who then can enrol', () => {
    const c = fixtureChain(sha256);
    ok(c, enrol(K.rcAdmin, K.other, ['admin', 'charity']));
    ok(c, enrol(K.other, K.volunteer, ['member']));
    const org = c.query('consortium', 'org', { id: 'redcross' }) as { admins: string[] };
    assert.deepEqual(org.admins, [K.rcAdmin, K.other].sort());
  });

  test('a key already enrolled cannot be enrolled again, in any org', () => {
    const c = fixtureChain(sha256);
    rejected(c, enrol(K.hospAdmin, K.clinician, ['clinic']), 'CONSORTIUM_MEMBER_EXISTS');
    rejected(c, enrol(K.cdcAdmin, K.clinician, ['member']), 'CONSORTIUM_MEMBER_EXISTS');
    rejected(c, enrol(K.cdcAdmin, K.rcAdmin, ['member']), 'CONSORTIUM_MEMBER_EXISTS');
  });
});

describe('suspend, reinstate, revoke', () => {
  test('suspended key is rejected with TX_KEY_SUSPENDED, then works again after reinstatement', () => {
    const c = fixtureChain(sha256);
    ok(c, note(K.clinician));
    const s = ok(c, { signer: K.hospAdmin, command: 'suspend-member', args: { publicKeyHex: K.clinician, reason: 'lost phone' } });
    assert.deepEqual(s.events[0]?.attrs, { publicKeyHex: K.clinician, org: 'hosp', by: K.hospAdmin, reason: 'lost phone' });
    assert.equal(s.events[0]?.type, 'member-suspended');
    rejected(c, note(K.clinician), 'TX_KEY_SUSPENDED');
    rejected(c, status(K.hospAdmin, 'suspend-member', K.clinician), 'CONSORTIUM_MEMBER_NOT_ACTIVE');
    const r = ok(c, status(K.hospAdmin2, 'reinstate-member', K.clinician));
    assert.equal(r.events[0]?.type, 'member-reinstated');
    ok(c, note(K.clinician));
    rejected(c, status(K.hospAdmin, 'reinstate-member', K.clinician), 'CONSORTIUM_MEMBER_NOT_SUSPENDED');
  });

  test('revoked key: later txs rejected with TX_KEY_REVOKED, earlier ones stay in the chain and in state', () => {
    const c = fixtureChain(sha256);
    const early = ok(c, note(K.clinician));
    const earlyHeight = c.height;
    const noteKey = `note/${Buffer.from(early.txId).toString('hex')}`;
    assert.equal(c.get('probe', noteKey), K.clinician);
    const rv = ok(c, { signer: K.hospAdmin, command: 'revoke-member', args: { publicKeyHex: K.clinician, reason: 'left the hospital' } });
    assert.equal(rv.events[0]?.type, 'member-revoked');
    rejected(c, note(K.clinician), 'TX_KEY_REVOKED');
    assert.equal(c.get('probe', noteKey), K.clinician);
    const block = c.history.find((b) => b.height === earlyHeight);
    assert.equal(block?.receipts[0]?.ok, true);
    // revocation is final
    rejected(c, status(K.hospAdmin, 'reinstate-member', K.clinician), 'CONSORTIUM_MEMBER_REVOKED');
    rejected(c, status(K.hospAdmin, 'suspend-member', K.clinician), 'CONSORTIUM_MEMBER_REVOKED');
    rejected(c, status(K.hospAdmin, 'revoke-member', K.clinician), 'CONSORTIUM_MEMBER_REVOKED');
    rejected(c, enrol(K.hospAdmin, K.clinician, ['clinic']), 'CONSORTIUM_MEMBER_EXISTS');
  });

  test('a suspended key can still be revoked', () => {
    const c = fixtureChain(sha256);
    ok(c, status(K.hospAdmin, 'suspend-member', K.clinician));
    ok(c, status(K.hospAdmin, 'revoke-member', K.clinician));
    rejected(c, note(K.clinician), 'TX_KEY_REVOKED');
  });

  test('only an admin of the member’s own org may change its status', () => {
    const c = fixtureChain(sha256);
    for (const cmd of ['suspend-member', 'revoke-member']) rejected(c, status(K.cdcAdmin, cmd, K.clinician), 'CONSORTIUM_NOT_ORG_ADMIN');
    ok(c, status(K.hospAdmin, 'suspend-member', K.clinician));
    rejected(c, status(K.rcAdmin, 'reinstate-member', K.clinician), 'CONSORTIUM_NOT_ORG_ADMIN');
    rejected(c, status(K.clinician, 'suspend-member', K.hospAdmin), 'TX_KEY_SUSPENDED');
  });

  test('a member without the admin role cannot suspend anyone', () => {
    const c = fixtureChain(sha256);
    ok(c, enrol(K.hospAdmin, K.volunteer, ['member']));
    rejected(c, status(K.volunteer, 'suspend-member', K.clinician), 'TX_UNAUTHORIZED');
  });

  test('an org keeps at least one active admin', () => {
    const c = fixtureChain(sha256);
    rejected(c, status(K.cdcAdmin, 'suspend-member', K.cdcAdmin), 'CONSORTIUM_LAST_ADMIN');
    rejected(c, status(K.cdcAdmin, 'revoke-member', K.cdcAdmin), 'CONSORTIUM_LAST_ADMIN');
    // hosp has two admins: one may go, the last may not
    ok(c, status(K.hospAdmin, 'suspend-member', K.hospAdmin2));
    rejected(c, status(K.hospAdmin2, 'suspend-member', K.hospAdmin), 'TX_KEY_SUSPENDED');
    rejected(c, status(K.hospAdmin, 'revoke-member', K.hospAdmin), 'CONSORTIUM_LAST_ADMIN');
    assert.deepEqual((c.query('consortium', 'org', { id: 'hosp' }) as { admins: string[] }).admins, [K.hospAdmin]);
    ok(c, status(K.hospAdmin, 'reinstate-member', K.hospAdmin2));
    assert.deepEqual((c.query('consortium', 'org', { id: 'hosp' }) as { admins: string[] }).admins, [K.hospAdmin, K.hospAdmin2]);
    ok(c, status(K.hospAdmin2, 'revoke-member', K.hospAdmin));
    rejected(c, enrol(K.hospAdmin, K.volunteer, ['member']), 'TX_KEY_REVOKED');
    ok(c, enrol(K.hospAdmin2, K.volunteer, ['member']));
  });

  test('unknown member key is CONSORTIUM_MEMBER_NOT_FOUND', () => {
    const c = fixtureChain(sha256);
    for (const cmd of ['suspend-member', 'reinstate-member', 'revoke-member']) rejected(c, status(K.hospAdmin, cmd, K.stranger), 'CONSORTIUM_MEMBER_NOT_FOUND');
  });

  test('several txs in one block see each other: enrol then use, then suspend mid-block', () => {
    const c = fixtureChain(sha256);
    const rs = c.block([enrol(K.hospAdmin, K.volunteer, ['member']), note(K.volunteer), status(K.hospAdmin, 'suspend-member', K.volunteer), note(K.volunteer)]);
    assert.deepEqual(
      rs.map((r) => r.code),
      ['', '', '', 'TX_KEY_SUSPENDED'],
    );
  });
});
