// Properties over random command sequences (fast-check): a rejected tx changes nothing; every active org keeps
// an active admin and its admin list matches the member records; a proposal executes at most once.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Value } from '@gongxin/core';
import { fixtureChain, K, key } from './test-fixtures.js';
import type { HarnessTx, TestChain } from './test-harness.js';

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());
const keys = [K.cdcAdmin, K.hospAdmin, K.rcAdmin, K.hospAdmin2, K.clinician, K.volunteer, K.stranger, K.newAdmin, key(0x60), key(0x61)];
const orgIds = ['cdc', 'hosp', 'redcross', 'picc', 'nowhere'];
const proposalIds = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];

const keyArb = fc.constantFrom(...keys);
/** Signers lean to admins so that commands get past the role check and proposals pass. */
const signerArb = fc.oneof(
  { arbitrary: fc.constantFrom(K.cdcAdmin, K.hospAdmin, K.rcAdmin, K.hospAdmin2), weight: 5 },
  { arbitrary: fc.constantFrom(K.newAdmin, K.clinician, K.stranger, key(0x60)), weight: 1 },
);
const rolesArb = fc.subarray(['admin', 'clinic', 'charity', 'member', 'health-authority', 'insurer'], { minLength: 1 });
const actionArb: fc.Arbitrary<Value> = fc.oneof(
  fc.record({ type: fc.constant('set-param'), module: fc.constant('m'), name: fc.constantFrom('a', 'b'), value: fc.oneof(fc.integer(), fc.constant(null)) }),
  fc.record({ type: fc.constant('add-org'), id: fc.constantFrom(...orgIds), name: fc.constant('New'), roles: fc.constant(['insurer', 'member']), admins: fc.tuple(keyArb).map((t) => [...t]) }),
  fc.record({ type: fc.constant('remove-org'), id: fc.constantFrom(...orgIds) }),
  fc.record({ type: fc.constant('add-peer'), org: fc.constantFrom(...orgIds), id: fc.constantFrom('x-1', 'cdc-1'), publicKeyHex: keyArb }),
  fc.record({ type: fc.constant('remove-peer'), id: fc.constantFrom('x-1', 'cdc-1', 'hosp-1') }),
  fc.record({ type: fc.constant('set-policy'), name: fc.constantFrom('default', 'set-param'), quorum: fc.constantFrom<Value>('majority', 'all', { min: 1 }, null) }),
);
type Step = { tx: HarnessTx } | { wait: number };
const enrolArb: fc.Arbitrary<Step> = fc
  .record({ signer: signerArb, target: keyArb, roles: rolesArb })
  .map(({ signer, target, roles }) => ({ tx: { signer, command: 'enrol-member', args: { publicKeyHex: target, roles } } }));
const statusArb: fc.Arbitrary<Step> = fc
  .record({ signer: signerArb, target: keyArb, command: fc.constantFrom('suspend-member', 'reinstate-member', 'revoke-member') })
  .map(({ signer, target, command }) => ({ tx: { signer, command, args: { publicKeyHex: target } } }));
const proposeArb: fc.Arbitrary<Step> = fc
  .record({ signer: signerArb, id: fc.constantFrom(...proposalIds), action: actionArb })
  .map(({ signer, id, action }) => ({ tx: { signer, command: 'propose', args: { id, action, deadline: 0 } } }));
const voteArb: fc.Arbitrary<Step> = fc
  .record({ signer: signerArb, id: fc.constantFrom(...proposalIds), command: fc.constantFrom('approve', 'approve', 'approve', 'reject', 'withdraw') })
  .map(({ signer, id, command }) => ({ tx: { signer, command, args: { id } } }));
const waitArb: fc.Arbitrary<Step> = fc.integer({ min: 1, max: 40_000 }).map((wait) => ({ wait }));
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: enrolArb, weight: 2 },
  { arbitrary: statusArb, weight: 2 },
  { arbitrary: proposeArb, weight: 2 },
  { arbitrary: voteArb, weight: 4 },
  { arbitrary: waitArb, weight: 1 },
);

function checkInvariants(c: TestChain): void {
  const orgs = c.query('consortium', 'orgs') as Array<{ id: string; admins: string[] }>;
  assert.ok(orgs.length >= 1, 'at least one active org');
  for (const o of orgs) {
    assert.ok(o.admins.length >= 1, `org ${o.id} has an active admin`);
    const members = (c.query('consortium', 'members', { org: o.id, limit: 1000 }) as { items: Array<{ publicKeyHex: string; roles: string[]; status: string }> }).items;
    const activeAdmins = members.filter((m) => m.status === 'active' && m.roles.includes('admin')).map((m) => m.publicKeyHex).sort();
    assert.deepEqual(o.admins, activeAdmins, `admin list of ${o.id} matches member records`);
  }
}

test('random sequences keep the consortium invariants', () => {
  fc.assert(
    fc.property(fc.array(stepArb, { minLength: 10, maxLength: 60, size: 'medium' }), (steps) => {
      const c = fixtureChain(sha256);
      const executed = new Map<string, number>();
      for (const s of steps) {
        if ('wait' in s) {
          c.block([], c.now + s.wait);
          continue;
        }
        const before = c.snapshot();
        // proposals get a 60 s deadline so that waits make some of them expire
        const t = s.tx.command === 'propose' ? { ...s.tx, args: { ...(s.tx.args as object), deadline: c.now + 61_000 } } : s.tx;
        const r = c.tx(t);
        if (!r.ok) assert.equal(c.snapshot(), before, `rejected ${t.command} (${r.code}) changed state`);
        for (const e of r.events) {
          if (e.type === 'proposal-executed') {
            const id = e.attrs.id as string;
            executed.set(id, (executed.get(id) ?? 0) + 1);
          }
        }
        checkInvariants(c);
      }
      for (const [id, n] of executed) {
        assert.equal(n, 1, `proposal ${id} executed ${n} times`);
        assert.equal((c.query('consortium', 'proposal', { id }) as { status: string }).status, 'executed');
      }
    }),
    { numRuns: 100 },
  );
});
