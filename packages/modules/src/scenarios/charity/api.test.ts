// API snapshot of the charity module: its exported names, commands, roles, queries and events (a change here is API).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as api from './index.js';

test('exported names, commands with roles, queries, events', () => {
  assert.deepEqual(Object.keys(api).sort(), ['CHARITY_ERRORS', 'CHARITY_EVENTS', 'CHARITY_MAX_LIST', 'CHARITY_MAX_QUANTITY', 'CHARITY_MODULE', 'charityBundleKeys', 'charityModule']);
  const m = api.charityModule;
  assert.equal(m.name, 'charity');
  assert.deepEqual(Object.fromEntries(Object.entries(m.commands).map(([k, v]) => [k, v.roles])), {
    'open-campaign': ['charity'], 'close-campaign': ['charity'], donate: ['public'], 'post-need': ['hospital'], 'close-need': ['hospital'], allocate: ['charity'], confirm: ['hospital'],
  });
  assert.deepEqual(Object.keys(m.queries), ['campaigns', 'balance-sheet', 'trace', 'needs', 'allocation', 'hospital-received']);
  assert.deepEqual(m.events, ['campaign-opened', 'campaign-closed', 'donation-received', 'need-posted', 'need-closed', 'allocated', 'confirmed']);
  assert.ok(Object.values(api.CHARITY_ERRORS).every((c) => c.startsWith('CHARITY_')));
});
