// The README's runnable examples run in CI: examples/core-demo.ts must verify its proofs and reject the forgery.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';

const root = new URL('../../../', import.meta.url).pathname;

test('examples/core-demo.ts (npm run demo:core) verifies every proof and rejects a forged value', () => {
  const out = execFileSync(process.execPath, ['--conditions=gongxin-source', '--import', 'tsx', `${root}examples/core-demo.ts`], { encoding: 'utf8' });
  assert.match(out, /✓ tx inclusion verified/);
  assert.match(out, /✓ state value verified/);
  assert.match(out, /✓ absence of notary\/anchor\/none verified/);
  assert.match(out, /✓ history of 2 headers is consistent/);
  assert.match(out, /✓ a forged value is rejected/);
  assert.doesNotMatch(out, /✗/);
});
