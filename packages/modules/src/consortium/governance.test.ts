// Governance through the real executor: proposals, one vote per org, quorum execution exactly once, expiry, policies.
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
const propose = (signer: string, action: Value, extra: Record<string, Value> = {}): Tx => ({ signer, command: 'propose', args: { action, ...extra } });
const approve = (signer: string, id: string): Tx => ({ signer, command: 'approve', args: { id } });
const setParam = (value: Value): Value => ({ type: 'set-param', module: 'early-warning', name: 'threshold.U07.1', value });
const readParam: Tx = { signer: K.stranger, module: 'probe', command: 'read-param', args: { module: 'early-warning', name: 'threshold.U07.1' } };
const proposal = (c: Chain, id: string): Record<string, Value> => c.query('consortium', 'proposal', { id }) as Record<string, Value>;

describe('propose and approve', () => {
  test('a set-param proposal executes exactly once, when a majority of orgs approved', () => {
    const c = fixtureChain(sha256);
    const p = ok(c, propose(K.cdcAdmin, setParam(5), { id: 'ew-threshold' }));
    assert.deepEqual(types(p), ['proposal-created', 'proposal-approved']);
    assert.equal(proposal(c, 'ew-threshold').status, 'open');
    assert.equal(proposal(c, 'ew-threshold').required, 2);
    assert.equal(c.get('consortium', 'param/early-warning/threshold.U07.1'), undefined);

    const a = ok(c, approve(K.hospAdmin, 'ew-threshold'));
    assert.deepEqual(types(a), ['proposal-approved', 'param-set', 'proposal-executed']);
    assert.deepEqual(a.events[1]?.attrs, { module: 'early-warning', name: 'threshold.U07.1', value: 5, proposal: 'ew-threshold' });
    assert.equal(proposal(c, 'ew-threshold').status, 'executed');
    assert.equal(proposal(c, 'ew-threshold').closedAt, c.now);
    // another module reads it through ctx.read('consortium', 'param/<module>/<name>')
    assert.equal(ok(c, readParam).events[0]?.attrs.value, 5);
    assert.equal(c.query('consortium', 'param', { module: 'early-warning', name: 'threshold.U07.1' }), 5);

    rejected(c, approve(K.rcAdmin, 'ew-threshold'), 'CONSORTIUM_PROPOSAL_CLOSED');
    const executed = c.history.flatMap((b) => b.receipts.flatMap((r) => r.events)).filter((e) => e.type === 'proposal-executed');
    assert.equal(executed.length, 1);
  });

  test('two approvals racing in one block: the first executes, the second is rejected', () => {
    const c = fixtureChain(sha256);
    ok(c, propose(K.cdcAdmin, setParam('x'), { id: 'race' }));
    const [first, second] = c.block([approve(K.hospAdmin, 'race'), approve(K.rcAdmin, 'race')]);
    assert.equal(first?.ok, true);
    assert.ok(first && types(first).includes('proposal-executed'));
    assert.equal(second?.code, 'CONSORTIUM_PROPOSAL_CLOSED');
  });

  test('one vote per org: a second admin of the same org, or the proposer’s org again, is rejected', () => {
    const c = fixtureChain(sha256);
    ok(c, propose(K.hospAdmin, setParam(1), { id: 'p1' }));
    rejected(c, approve(K.hospAdmin, 'p1'), 'CONSORTIUM_ALREADY_VOTED');
    rejected(c, approve(K.hospAdmin2, 'p1'), 'CONSORTIUM_ALREADY_VOTED');
    ok(c, propose(K.cdcAdmin, setParam(2), { id: 'p2', deadline: c.now + 60_000 }));
    ok(c, { signer: K.hospAdmin, command: 'reject', args: { id: 'p2' } });
    rejected(c, approve(K.hospAdmin2, 'p2'), 'CONSORTIUM_ALREADY_VOTED');
  });

  test('an expired proposal cannot be approved; the deadline itself is still in time', () => {
    const c = fixtureChain(sha256);
    const deadline = c.now + 10_000;
    ok(c, propose(K.cdcAdmin, setParam(1), { id: 'late', deadline }));
    const before = c.snapshot();
    const r = c.tx(approve(K.hospAdmin, 'late'), deadline + 1);
    assert.equal(r.code, 'CONSORTIUM_PROPOSAL_EXPIRED');
    assert.equal(c.snapshot(), before);
    rejected(c, approve(K.rcAdmin, 'late'), 'CONSORTIUM_PROPOSAL_EXPIRED');
    assert.equal(c.get('consortium', 'param/early-warning/threshold.U07.1'), undefined);

    const c2 = fixtureChain(sha256);
    const d2 = c2.now + 10_000;
    ok(c2, propose(K.cdcAdmin, setParam(1), { id: 'ontime', deadline: d2 }));
    assert.equal(c2.tx(approve(K.hospAdmin, 'ontime'), d2).ok, true);
  });

  test('deadline must be after the block and at most 90 days ahead; default is 7 days', () => {
    const c = fixtureChain(sha256);
    const next = c.now + 1000;
    rejected(c, propose(K.cdcAdmin, setParam(1), { deadline: next - 1000 }), 'CONSORTIUM_DEADLINE_INVALID');
    rejected(c, propose(K.cdcAdmin, setParam(1), { deadline: c.now + 2000 + 90 * 86_400_000 }), 'CONSORTIUM_DEADLINE_INVALID');
    const r = ok(c, propose(K.cdcAdmin, setParam(1)));
    assert.equal(r.events[0]?.attrs.deadline, c.now + 7 * 86_400_000);
    // default id: the tx id in hex
    assert.equal(r.events[0]?.attrs.id, Buffer.from(r.txId).toString('hex'));
  });

  test('proposal ids are unique; unknown ids are CONSORTIUM_PROPOSAL_NOT_FOUND', () => {
    const c = fixtureChain(sha256);
    ok(c, propose(K.cdcAdmin, setParam(1), { id: 'dup' }));
    rejected(c, propose(K.rcAdmin, setParam(2), { id: 'dup' }), 'CONSORTIUM_PROPOSAL_EXISTS');
    rejected(c, approve(K.rcAdmin, 'nope'), 'CONSORTIUM_PROPOSAL_NOT_FOUND');
  });

  test('only admins propose and vote', () => {
    const c = fixtureChain(sha256);
    rejected(c, propose(K.clinician, setParam(1)), 'TX_UNAUTHORIZED');
    rejected(c, propose(K.stranger, setParam(1)), 'TX_UNAUTHORIZED');
    ok(c, propose(K.cdcAdmin, setParam(1), { id: 'x' }));
    rejected(c, approve(K.clinician, 'x'), 'TX_UNAUTHORIZED');
  });

  test('set-param with null clears the parameter', () => {
    const c = fixtureChain(sha256);
    ok(c, propose(K.cdcAdmin, setParam({ window: 86_400_000, count: 3 }), { id: 'a' }));
    ok(c, approve(K.rcAdmin, 'a'));
    assert.deepEqual(c.query('consortium', 'param', { module: 'early-warning', name: 'threshold.U07.1' }), { window: 86_400_000, count: 3 });
    ok(c, propose(K.cdcAdmin, setParam(null), { id: 'b' }));
    ok(c, approve(K.rcAdmin, 'b'));
    assert.equal(c.get('consortium', 'param/early-warning/threshold.U07.1'), undefined);
    assert.equal(c.query('consortium', 'param', { module: 'early-warning', name: 'threshold.U07.1' }), null);
  });
});

describe('reject and withdraw', () => {
  test('rejections that make the quorum unreachable close the proposal', () => {
    const c = fixtureChain(sha256);
    ok(c, propose(K.cdcAdmin, setParam(1), { id: 'r' }));
    const r1 = ok(c, { signer: K.hospAdmin, command: 'reject', args: { id: 'r', reason: 'too low' } });
    assert.equal(r1.events[0]?.attrs.closed, false);
    const r2 = ok(c, { signer: K.rcAdmin, command: 'reject', args: { id: 'r' } });
    assert.equal(r2.events[0]?.attrs.closed, true);
    assert.equal(proposal(c, 'r').status, 'rejected');
    rejected(c, approve(K.hospAdmin2, 'r'), 'CONSORTIUM_PROPOSAL_CLOSED');
  });

  test('only the proposer’s org withdraws, and a withdrawn proposal is closed', () => {
    const c = fixtureChain(sha256);
    ok(c, propose(K.hospAdmin, setParam(1), { id: 'w' }));
    rejected(c, { signer: K.cdcAdmin, command: 'withdraw', args: { id: 'w' } }, 'CONSORTIUM_NOT_PROPOSER');
    const r = ok(c, { signer: K.hospAdmin2, command: 'withdraw', args: { id: 'w' } });
    assert.deepEqual(types(r), ['proposal-withdrawn']);
    rejected(c, approve(K.cdcAdmin, 'w'), 'CONSORTIUM_PROPOSAL_CLOSED');
    assert.deepEqual((c.query('consortium', 'proposals', {}) as { items: Value[] }).items, []);
  });
});
