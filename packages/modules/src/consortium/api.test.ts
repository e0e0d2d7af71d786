// API snapshot of the consortium folder: exported names, command/query/event tables. Changing one is an API change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as api from './index.js';

test('exported names', () => {
  assert.deepEqual(Object.keys(api).sort(), [
    'ACTION_TYPES',
    'CALLER_ERRORS',
    'CONSORTIUM_ERRORS',
    'CONSORTIUM_EVENTS',
    'CONSORTIUM_EVENT_TYPES',
    'CONSORTIUM_LIMITS',
    'CONSORTIUM_MODULE',
    'MEMBER_ROLES',
    'ORG_ROLES',
    'POLICY_NAMES',
    'QUERY_INVALID_PARAMS',
    'ROLE_ADMIN',
    'consortiumModule',
    'consortiumParamKey',
    'readConsortiumParam',
    'requiredApprovals',
    'resolveConsortiumCaller',
  ]);
});

test('module tables', () => {
  const m = api.consortiumModule;
  assert.equal(m.name, 'consortium');
  assert.deepEqual(Object.keys(m.commands).sort(), ['approve', 'enrol-member', 'propose', 'reinstate-member', 'reject', 'revoke-member', 'suspend-member', 'withdraw']);
  for (const c of Object.values(m.commands)) assert.deepEqual(c.roles, ['admin']);
  assert.deepEqual(Object.keys(m.queries).sort(), ['member', 'members', 'org', 'orgs', 'param', 'peers', 'policies', 'proposal', 'proposals']);
  for (const e of ['member-enrolled', 'member-suspended', 'member-reinstated', 'member-revoked', 'proposal-created', 'proposal-approved', 'proposal-executed', 'org-added', 'org-removed', 'peer-added', 'peer-removed', 'policy-changed', 'param-set']) {
    assert.ok(m.events.includes(e), e);
  }
  assert.equal(api.consortiumParamKey('early-warning', 'rules'), 'param/early-warning/rules');
  const read = (module: string, key: string) => (module === 'consortium' && key === 'param/early-warning/rules' ? 5 : undefined);
  assert.equal(api.readConsortiumParam(read, 'early-warning', 'rules'), 5);
  assert.equal(api.readConsortiumParam(read, 'early-warning', 'other'), undefined);
  const codes = Object.values(api.CONSORTIUM_ERRORS);
  assert.equal(new Set(codes).size, codes.length);
  for (const c of codes) assert.match(c, /^CONSORTIUM_[A-Z_]+$/);
});
