// Every command rejects bad input with a stable code and a message naming the field, and changes nothing.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import type { Value } from '@gongxin/core';
import { fixtureChain, K, runAndCompare } from './test-fixtures.js';

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());

const long = 'a'.repeat(300);
const setParam = { type: 'set-param', module: 'early-warning', name: 'x', value: 1 };
/** [label, signer, command, args, code, message pattern] */
const table: Array<[string, string, string, Value, string, RegExp]> = [
  ['args not a map', K.hospAdmin, 'enrol-member', 'x', 'TX_INVALID_ARGS', /^args: /],
  ['args null', K.hospAdmin, 'enrol-member', null, 'TX_INVALID_ARGS', /^args: /],
  ['missing publicKeyHex', K.hospAdmin, 'enrol-member', { roles: ['clinic'] }, 'TX_INVALID_ARGS', /args\.publicKeyHex is required/],
  ['missing roles', K.hospAdmin, 'enrol-member', { publicKeyHex: K.volunteer }, 'TX_INVALID_ARGS', /args\.roles is required/],
  ['empty roles', K.hospAdmin, 'enrol-member', { publicKeyHex: K.volunteer, roles: [] }, 'TX_INVALID_ARGS', /args\.roles/],
  ['duplicate role', K.hospAdmin, 'enrol-member', { publicKeyHex: K.volunteer, roles: ['clinic', 'clinic'] }, 'TX_INVALID_ARGS', /args\.roles\[1\].*duplicate/],
  ['unknown role', K.hospAdmin, 'enrol-member', { publicKeyHex: K.volunteer, roles: ['wizard'] }, 'TX_INVALID_ARGS', /args\.roles\[0\]/],
  ['public is never granted', K.hospAdmin, 'enrol-member', { publicKeyHex: K.volunteer, roles: ['public'] }, 'TX_INVALID_ARGS', /args\.roles\[0\]/],
  ['roles wrong type', K.hospAdmin, 'enrol-member', { publicKeyHex: K.volunteer, roles: 'clinic' }, 'TX_INVALID_ARGS', /args\.roles/],
  ['key uppercase hex', K.hospAdmin, 'enrol-member', { publicKeyHex: K.volunteer.toUpperCase().replace(/0/g, 'A'), roles: ['clinic'] }, 'TX_INVALID_ARGS', /args\.publicKeyHex/],
  ['key with 0x', K.hospAdmin, 'enrol-member', { publicKeyHex: `0x${K.volunteer.slice(2)}`, roles: ['clinic'] }, 'TX_INVALID_ARGS', /args\.publicKeyHex/],
  ['key too short', K.hospAdmin, 'enrol-member', { publicKeyHex: K.volunteer.slice(2), roles: ['clinic'] }, 'TX_INVALID_ARGS', /args\.publicKeyHex/],
  ['key not hex', K.hospAdmin, 'enrol-member', { publicKeyHex: 'zz'.repeat(32), roles: ['clinic'] }, 'TX_INVALID_ARGS', /args\.publicKeyHex/],
  ['key as bytes', K.hospAdmin, 'enrol-member', { publicKeyHex: new Uint8Array(32), roles: ['clinic'] }, 'TX_INVALID_ARGS', /args\.publicKeyHex/],
  ['unknown field', K.hospAdmin, 'enrol-member', { publicKeyHex: K.volunteer, roles: ['clinic'], level: 3 }, 'TX_INVALID_ARGS', /args\.level is not a known field/],
  ['bad org id', K.hospAdmin, 'enrol-member', { publicKeyHex: K.volunteer, roles: ['clinic'], org: 'Hosp!' }, 'TX_INVALID_ARGS', /args\.org/],
  ['unknown org', K.hospAdmin, 'enrol-member', { publicKeyHex: K.volunteer, roles: ['clinic'], org: 'nowhere' }, 'CONSORTIUM_NOT_ORG_ADMIN', /nowhere/],
  ['suspend: missing key', K.hospAdmin, 'suspend-member', {}, 'TX_INVALID_ARGS', /args\.publicKeyHex is required/],
  ['suspend: reason too long', K.hospAdmin, 'suspend-member', { publicKeyHex: K.clinician, reason: long }, 'TX_INVALID_ARGS', /args\.reason/],
  ['suspend: reason not text', K.hospAdmin, 'suspend-member', { publicKeyHex: K.clinician, reason: 7 }, 'TX_INVALID_ARGS', /args\.reason/],
  ['suspend: unknown key', K.hospAdmin, 'suspend-member', { publicKeyHex: K.stranger }, 'CONSORTIUM_MEMBER_NOT_FOUND', /no member/],
  ['reinstate: unknown key', K.hospAdmin, 'reinstate-member', { publicKeyHex: K.stranger }, 'CONSORTIUM_MEMBER_NOT_FOUND', /no member/],
  ['revoke: bad key', K.hospAdmin, 'revoke-member', { publicKeyHex: 'abc' }, 'TX_INVALID_ARGS', /args\.publicKeyHex/],
  ['propose: missing action', K.cdcAdmin, 'propose', {}, 'TX_INVALID_ARGS', /args\.action is required/],
  ['propose: unknown action type', K.cdcAdmin, 'propose', { action: { type: 'dissolve' } }, 'TX_INVALID_ARGS', /args\.action\.type/],
  ['propose: action missing field', K.cdcAdmin, 'propose', { action: { type: 'set-param', module: 'm', name: 'n' } }, 'TX_INVALID_ARGS', /args\.action\.value is required/],
  ['propose: bad param module', K.cdcAdmin, 'propose', { action: { ...setParam, module: 'Early Warning' } }, 'TX_INVALID_ARGS', /args\.action\.module/],
  ['propose: bad param name', K.cdcAdmin, 'propose', { action: { ...setParam, name: 'a/b' } }, 'TX_INVALID_ARGS', /args\.action\.name/],
  ['propose: bad quorum', K.cdcAdmin, 'propose', { action: { type: 'set-policy', name: 'default', quorum: { min: 0 } } }, 'TX_INVALID_ARGS', /args\.action\.quorum/],
  ['propose: unknown policy', K.cdcAdmin, 'propose', { action: { type: 'set-policy', name: 'any', quorum: 'all' } }, 'TX_INVALID_ARGS', /args\.action\.name/],
  ['propose: deadline not integer-typed', K.cdcAdmin, 'propose', { action: setParam, deadline: 'tomorrow' }, 'TX_INVALID_ARGS', /args\.deadline/],
  ['propose: deadline as bigint', K.cdcAdmin, 'propose', { action: setParam, deadline: 10n ** 18n }, 'TX_INVALID_ARGS', /args\.deadline/],
  ['propose: bad id', K.cdcAdmin, 'propose', { action: setParam, id: '-x' }, 'TX_INVALID_ARGS', /args\.id/],
  ['propose: add-org bad peer key', K.cdcAdmin, 'propose', { action: { type: 'add-org', id: 'n', name: 'N', roles: ['member'], admins: [K.newAdmin], peers: [{ id: 'n-1', publicKeyHex: 'xyz' }] } }, 'TX_INVALID_ARGS', /args\.action\.peers\[0\]\.publicKeyHex/],
  ['propose: add-org empty name', K.cdcAdmin, 'propose', { action: { type: 'add-org', id: 'n', name: '', roles: ['member'], admins: [K.newAdmin] } }, 'TX_INVALID_ARGS', /args\.action\.name/],
  ['propose: remove unknown org', K.cdcAdmin, 'propose', { action: { type: 'remove-org', id: 'nowhere' } }, 'CONSORTIUM_ORG_NOT_FOUND', /nowhere/],
  ['propose: remove unknown peer', K.cdcAdmin, 'propose', { action: { type: 'remove-peer', id: 'ghost' } }, 'CONSORTIUM_PEER_NOT_FOUND', /ghost/],
  ['approve: missing id', K.hospAdmin, 'approve', {}, 'TX_INVALID_ARGS', /args\.id is required/],
  ['approve: id wrong type', K.hospAdmin, 'approve', { id: 5 }, 'TX_INVALID_ARGS', /args\.id/],
  ['approve: unknown id', K.hospAdmin, 'approve', { id: 'nope' }, 'CONSORTIUM_PROPOSAL_NOT_FOUND', /nope/],
  ['reject: unknown id', K.hospAdmin, 'reject', { id: 'nope' }, 'CONSORTIUM_PROPOSAL_NOT_FOUND', /nope/],
  ['withdraw: unknown id', K.hospAdmin, 'withdraw', { id: 'nope' }, 'CONSORTIUM_PROPOSAL_NOT_FOUND', /nope/],
  ['unknown command', K.hospAdmin, 'promote', {}, 'TX_UNKNOWN_COMMAND', /promote/],
];

describe('bad input', () => {
  for (const [label, signer, command, args, code, message] of table) {
    test(`${label} → ${code}`, () => {
      const c = fixtureChain(sha256);
      const { receipt, unchanged } = runAndCompare(c, { signer, command, args });
      assert.equal(receipt.ok, false);
      assert.equal(receipt.code, code, receipt.message);
      assert.match(receipt.message, message);
      assert.ok(unchanged, 'state must be unchanged');
    });
  }

  test('the same commands with good args succeed (so each row above fails for its own reason)', () => {
    const c = fixtureChain(sha256);
    const good: Array<[string, string, Value]> = [
      [K.hospAdmin, 'enrol-member', { publicKeyHex: K.volunteer, roles: ['clinic'], org: 'hosp' }],
      [K.hospAdmin, 'suspend-member', { publicKeyHex: K.clinician, reason: 'a'.repeat(256) }],
      [K.hospAdmin, 'reinstate-member', { publicKeyHex: K.clinician }],
      [K.cdcAdmin, 'propose', { action: setParam, id: 'ok-1', deadline: c.now + 5000 }],
      [K.hospAdmin, 'approve', { id: 'ok-1' }],
      [K.cdcAdmin, 'propose', { action: { type: 'set-policy', name: 'default', quorum: { min: 2 } }, id: 'ok-2' }],
      [K.hospAdmin, 'reject', { id: 'ok-2', reason: '' }],
      [K.cdcAdmin, 'withdraw', { id: 'ok-2' }],
      [K.hospAdmin, 'revoke-member', { publicKeyHex: K.clinician }],
    ];
    for (const [signer, command, args] of good) {
      const r = c.tx({ signer, command, args });
      assert.equal(r.ok, true, `${command}: ${r.code} ${r.message}`);
    }
  });
});
