// Genesis section validation (CONSORTIUM_GENESIS_INVALID) and what a valid one seeds.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { isGongxinError, type Value, type ValueMap } from '@gongxin/core';
import { consortiumModule, resolveConsortiumCaller } from './index.js';
import { createTestChain } from './test-harness.js';
import { fixtureChain, fixtureGenesis, K } from './test-fixtures.js';

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());
const start = (genesis: ValueMap) => createTestChain({ hash: sha256, modules: [consortiumModule], resolveCaller: resolveConsortiumCaller, genesis });

function withOrgs(orgs: Value, extra: Record<string, Value> = {}): ValueMap {
  return { consortium: { orgs, ...extra } };
}
const org = (id: string, admin: string, more: Record<string, Value> = {}): Value => ({ id, name: id.toUpperCase(), roles: ['member'], admins: [admin], ...more });

describe('genesis', () => {
  test('a valid genesis seeds orgs, admins as members with role admin, members and peers', () => {
    const c = fixtureChain(sha256);
    assert.deepEqual((c.query('consortium', 'orgs') as Array<{ id: string }>).map((o) => o.id), ['cdc', 'hosp', 'redcross']);
    const admin = c.query('consortium', 'member', { publicKeyHex: K.cdcAdmin }) as Record<string, Value>;
    assert.deepEqual(admin, { publicKeyHex: K.cdcAdmin, org: 'cdc', roles: ['admin'], status: 'active', since: c.now, changedAt: c.now, by: null, reason: '' });
    assert.deepEqual((c.query('consortium', 'org', { id: 'hosp' }) as { admins: string[] }).admins, [K.hospAdmin, K.hospAdmin2]);
    assert.deepEqual((c.query('consortium', 'peers') as Array<{ id: string }>).map((p) => p.id), ['cdc-1', 'hosp-1', 'rc-1']);
    assert.deepEqual(c.get('consortium', 'active-orgs'), ['cdc', 'hosp', 'redcross']);
    assert.equal(c.get('consortium', `org-member/hosp/${K.clinician}`), true);
  });

  const cases: Array<[string, ValueMap, RegExp]> = [
    ['no section', {}, /no consortium section/],
    ['not a map', { consortium: [] }, /genesis\.consortium/],
    ['no orgs', withOrgs([]), /genesis\.consortium\.orgs/],
    ['duplicate org id', withOrgs([org('a', K.cdcAdmin), org('a', K.hospAdmin)]), /org id "a" appears twice/],
    ['admin key shared across orgs', withOrgs([org('a', K.cdcAdmin), org('b', K.cdcAdmin)]), /admin key .* used twice/],
    ['admin key twice in one org', withOrgs([org('a', K.cdcAdmin, { admins: [K.cdcAdmin, K.cdcAdmin] })]), /duplicate admin key/],
    ['no admin', withOrgs([org('a', K.cdcAdmin, { admins: [] })]), /admins/],
    ['bad admin hex', withOrgs([org('a', 'ABCD'.repeat(16))]), /admins\[0\]/],
    ['unknown role', withOrgs([org('a', K.cdcAdmin, { roles: ['wizard'] })]), /roles\[0\]/],
    ['admin is not an org role', withOrgs([org('a', K.cdcAdmin, { roles: ['admin'] })]), /roles\[0\]/],
    ['bad org id', withOrgs([org('A B', K.cdcAdmin)]), /orgs\[0\]\.id/],
    ['unknown field', withOrgs([org('a', K.cdcAdmin, { colour: 'red' })]), /orgs\[0\]\.colour is not a known field/],
    ['duplicate peer id', withOrgs([org('a', K.cdcAdmin, { peers: [{ id: 'p', publicKeyHex: K.cdcPeer }] }), org('b', K.hospAdmin, { peers: [{ id: 'p', publicKeyHex: K.hospPeer }] })]), /peer id "p"/],
    ['duplicate peer key', withOrgs([org('a', K.cdcAdmin, { peers: [{ id: 'p', publicKeyHex: K.cdcPeer }, { id: 'q', publicKeyHex: K.cdcPeer }] })]), /peer key/],
    ['member of unknown org', withOrgs([org('a', K.cdcAdmin)], { members: [{ publicKeyHex: K.clinician, org: 'zz', roles: ['member'] }] }), /unknown org "zz"/],
    ['member key reused', withOrgs([org('a', K.cdcAdmin)], { members: [{ publicKeyHex: K.cdcAdmin, org: 'a', roles: ['member'] }] }), /already used/],
    ['member role outside org roles', withOrgs([org('a', K.cdcAdmin)], { members: [{ publicKeyHex: K.clinician, org: 'a', roles: ['clinic'] }] }), /may not hold role "clinic"/],
    ['bad policy', withOrgs([org('a', K.cdcAdmin)], { policies: { default: { quorum: 'most' } } }), /policies\.default\.quorum/],
    ['unknown policy name', withOrgs([org('a', K.cdcAdmin)], { policies: { everything: { quorum: 'all' } } }), /policies/],
  ];
  for (const [name, genesis, message] of cases) {
    test(`rejects: ${name}`, () => {
      assert.throws(
        () => start(genesis),
        (e: unknown) => isGongxinError(e, 'CONSORTIUM_GENESIS_INVALID') && message.test(e.message),
      );
    });
  }

  test('the fixture genesis itself is valid (the table above fails for its own reason)', () => {
    assert.doesNotThrow(() => start({ consortium: fixtureGenesis() }));
    assert.doesNotThrow(() => start(withOrgs([org('a', K.cdcAdmin)], { policies: { default: { quorum: { min: 1 } }, 'add-org': { quorum: 'all' } } })));
  });
});
