import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notaryModule } from '@gongxin/modules';
import { createScenarioChain } from './scenario-chain.js';

test('scenario chain: members act with their roles; strangers are public', () => {
  const c = createScenarioChain({ modules: [notaryModule] });
  const ok = c.run(c.member('hospital-a'), 'notary', 'anchor', { digest: 'a'.repeat(64) });
  assert.equal(ok.txs[0]!.receipt.ok, true);
  const enrol = c.run(c.member('hospital-a'), 'consortium', 'enrol-member', { publicKeyHex: 'b'.repeat(64), roles: ['hospital'] });
  assert.equal(enrol.txs[0]!.receipt.code, 'TX_UNAUTHORIZED', 'a member is not an admin');
  const byAdmin = c.run(c.admin('hospital-a'), 'consortium', 'enrol-member', { publicKeyHex: 'b'.repeat(64), roles: ['hospital'] });
  assert.equal(byAdmin.txs[0]!.receipt.ok, true);
});
