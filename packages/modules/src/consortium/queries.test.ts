// Queries over committed state: shapes, pagination, filters, and QUERY_INVALID_PARAMS.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { isGongxinError, type Value } from '@gongxin/core';
import { fixtureChain, K, key } from './test-fixtures.js';

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());
type Page = { items: Array<Record<string, Value>>; next: string | null };

describe('queries', () => {
  test('members pages through an org’s keys in key order, all statuses', () => {
    const c = fixtureChain(sha256);
    const keys = [0x50, 0x51, 0x52, 0x53, 0x54].map(key);
    c.block(keys.map((k) => ({ signer: K.rcAdmin, command: 'enrol-member', args: { publicKeyHex: k, roles: ['member'] } })));
    c.tx({ signer: K.rcAdmin, command: 'suspend-member', args: { publicKeyHex: keys[1]! } });
    const all = [K.rcAdmin, ...keys].sort();
    const p1 = c.query('consortium', 'members', { org: 'redcross', limit: 4 }) as Page;
    assert.deepEqual(p1.items.map((m) => m.publicKeyHex), all.slice(0, 4));
    assert.equal(p1.next, all[3]);
    const p2 = c.query('consortium', 'members', { org: 'redcross', limit: 4, after: p1.next! }) as Page;
    assert.deepEqual(p2.items.map((m) => m.publicKeyHex), all.slice(4));
    assert.equal(p2.next, null);
    assert.equal(p1.items.find((m) => m.publicKeyHex === keys[1])?.status, 'suspended');
    assert.deepEqual((c.query('consortium', 'members', { org: 'cdc' }) as Page).items.map((m) => m.publicKeyHex), [K.cdcAdmin]);
  });

  test('proposals: open by default, all on request, `at` hides expired ones; proposal adds counted/required', () => {
    const c = fixtureChain(sha256);
    const sp = { type: 'set-param', module: 'm', name: 'n', value: 1 };
    c.tx({ signer: K.cdcAdmin, command: 'propose', args: { id: 'a', action: sp, deadline: c.now + 5000 } });
    c.tx({ signer: K.cdcAdmin, command: 'propose', args: { id: 'b', action: sp, deadline: c.now + 500_000 } });
    c.tx({ signer: K.cdcAdmin, command: 'propose', args: { id: 'c', action: sp } });
    c.tx({ signer: K.hospAdmin, command: 'approve', args: { id: 'c' } });
    const open = c.query('consortium', 'proposals', null) as Page;
    assert.deepEqual(open.items.map((p) => p.id), ['a', 'b']);
    assert.deepEqual(open.items.map((p) => [p.counted, p.required]), [[1, 2], [1, 2]]);
    assert.deepEqual((c.query('consortium', 'proposals', { status: 'all' }) as Page).items.map((p) => [p.id, p.status]), [['a', 'open'], ['b', 'open'], ['c', 'executed']]);
    assert.deepEqual((c.query('consortium', 'proposals', { at: c.now + 10_000 }) as Page).items.map((p) => p.id), ['b']);
    const one = c.query('consortium', 'proposals', { status: 'all', limit: 1, after: 'a' }) as Page;
    assert.deepEqual([one.items.map((p) => p.id), one.next], [['b'], 'b']);
    const pc = c.query('consortium', 'proposal', { id: 'c' }) as Record<string, Value>;
    assert.equal(pc.status, 'executed');
    assert.deepEqual((pc.approvals as Array<{ org: string }>).map((v) => v.org), ['cdc', 'hosp']);
    assert.equal(c.query('consortium', 'proposal', { id: 'zz' }), null);
  });

  test('org, member, param and policies return null / [] when absent', () => {
    const c = fixtureChain(sha256);
    assert.equal(c.query('consortium', 'org', { id: 'nowhere' }), null);
    assert.equal(c.query('consortium', 'member', { publicKeyHex: K.stranger }), null);
    assert.equal(c.query('consortium', 'param', { module: 'early-warning', name: 'rules' }), null);
    assert.deepEqual(c.query('consortium', 'policies'), []);
    assert.deepEqual(c.query('consortium', 'peers', { org: 'nowhere' }), []);
  });

  const bad: Array<[string, Value, RegExp]> = [
    ['org', {}, /params\.id is required/],
    ['org', { id: 'X' }, /params\.id/],
    ['member', { publicKeyHex: 'nothex' }, /params\.publicKeyHex/],
    ['members', { org: 'cdc', limit: 0 }, /params\.limit/],
    ['members', { org: 'cdc', limit: 1001 }, /params\.limit/],
    ['proposals', { status: 'closed' }, /params\.status/],
    ['orgs', { includeRemoved: 'yes' }, /params\.includeRemoved/],
    ['param', { module: 'm' }, /params\.name is required/],
    ['policies', { x: 1 }, /params\.x is not a known field/],
  ];
  for (const [name, params, message] of bad) {
    test(`${name} ${JSON.stringify(params)} → QUERY_INVALID_PARAMS`, () => {
      const c = fixtureChain(sha256);
      assert.throws(() => c.query('consortium', name, params), (e: unknown) => isGongxinError(e, 'QUERY_INVALID_PARAMS') && message.test(e.message));
    });
  }
});
