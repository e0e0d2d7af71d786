// resolveConsortiumCaller on its own: public, member, admin, suspended, revoked, removed org.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hexToBytes, isGongxinError, type CallerResolver, type Value } from '@gongxin/core';
import { resolveConsortiumCaller } from './resolver.js';
import { key } from './test-fixtures.js';

const satisfiesCoreType: CallerResolver = resolveConsortiumCaller;
const pk = key(7);
const org = (status: string): Value => ({ id: 'hosp', name: 'H', roles: ['clinic'], status, admins: [], peers: [], since: 0, changedAt: 0 });
const member = (status: string, roles: string[] = ['clinic']): Value => ({ publicKeyHex: pk, org: 'hosp', roles, status, since: 1, changedAt: 2, by: null, reason: '' });

function reader(entries: Record<string, Value>) {
  return (module: string, k: string): Value | undefined => (module === 'consortium' ? entries[k] : undefined);
}

describe('resolveConsortiumCaller', () => {
  test('unknown key → public caller', () => {
    const c = satisfiesCoreType(reader({}), hexToBytes(pk));
    assert.deepEqual({ ...c, publicKey: [...c.publicKey] }, { publicKey: [...hexToBytes(pk)], publicKeyHex: pk, org: null, roles: ['public'] });
  });

  test('active member → its org and roles; admins carry admin', () => {
    const c = resolveConsortiumCaller(reader({ [`member/${pk}`]: member('active'), 'org/hosp': org('active') }), hexToBytes(pk));
    assert.equal(c.org, 'hosp');
    assert.deepEqual(c.roles, ['clinic']);
    const a = resolveConsortiumCaller(reader({ [`member/${pk}`]: member('active', ['admin', 'clinic']), 'org/hosp': org('active') }), hexToBytes(pk));
    assert.deepEqual(a.roles, ['admin', 'clinic']);
  });

  const rejects: Array<[string, Record<string, Value>, string]> = [
    ['suspended', { [`member/${pk}`]: member('suspended'), 'org/hosp': org('active') }, 'TX_KEY_SUSPENDED'],
    ['revoked', { [`member/${pk}`]: member('revoked'), 'org/hosp': org('active') }, 'TX_KEY_REVOKED'],
    ['org removed', { [`member/${pk}`]: member('active'), 'org/hosp': org('removed') }, 'TX_ORG_REMOVED'],
    ['org missing', { [`member/${pk}`]: member('active') }, 'TX_ORG_REMOVED'],
    ['corrupt record', { [`member/${pk}`]: { org: 'hosp' } }, 'CONSORTIUM_STATE_CORRUPT'],
  ];
  for (const [name, entries, code] of rejects) {
    test(`${name} → ${code}`, () => {
      assert.throws(() => resolveConsortiumCaller(reader(entries), hexToBytes(pk)), (e: unknown) => isGongxinError(e, code));
    });
  }
});
