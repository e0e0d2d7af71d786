// API snapshot (STYLE.md §5) and the browser fence: the SDK's shipped sources import no node:*, use no Buffer or
// process, and take crypto only from @gongxin/crypto/portable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as sdk from './index.js';

test('exported runtime names (a change here is an API change: update docs/sdk.md too)', () => {
  assert.deepEqual(Object.keys(sdk).sort(), [
    'BUNDLE_VERSION',
    'CommitTimeoutError',
    'DEFAULT_CLOCK_SKEW_MS',
    'DEFAULT_VALID_FOR_MS',
    'LightClient',
    'ProofError',
    'QR_MAX_BUNDLE_BYTES',
    'QR_PREFIX',
    'RejectedError',
    'SDK_ERROR_CODES',
    'SubmitError',
    'buildTx',
    'bundleBytes',
    'bundleFromQrText',
    'bundleFromValue',
    'bundleToQrText',
    'bundleValueFromJson',
    'createClient',
    'createSseParser',
    'openEventStream',
    'randomNonce',
    'receiptFromBytes',
    'stateProofFromInput',
    'streamEvents',
    'submitAndWait',
    'subscribeEvents',
    'toJsonView',
    'verifyBundle',
    'verifyHistoryConsistency',
    'verifyHistoryInclusion',
    'verifyStateProof',
    'verifyTxProof',
  ]);
  assert.deepEqual(Object.values(sdk.SDK_ERROR_CODES).sort(), [
    'SDK_ABORTED',
    'SDK_BAD_RESPONSE',
    'SDK_COMMIT_TIMEOUT',
    'SDK_INVALID_ARGUMENT',
    'SDK_PROOF_INVALID',
    'SDK_REJECTED',
    'SDK_SIGNER_INVALID',
    'SDK_SUBMIT_FAILED',
  ]);
});

test('step errors are GongxinErrors with stable codes, txId and cause', async () => {
  const { GongxinError } = await import('@gongxin/core');
  const cause = new Error('root');
  const errors = [
    new sdk.RejectedError('TX_DUPLICATE', 'known', { txId: 'ab', cause }),
    new sdk.SubmitError('SDK_SUBMIT_FAILED', 'down', { txId: 'ab', cause }),
    new sdk.CommitTimeoutError('slow', { txId: 'ab', cause, lastStatus: 'pending', timeoutMs: 5 }),
    new sdk.ProofError('ROOT_MISMATCH', 'bad', { txId: 'ab', cause }),
  ];
  assert.deepEqual(
    errors.map((e) => [e.name, e.code, e.txId, e.cause === cause, e instanceof GongxinError, e.details.txId]),
    [
      ['RejectedError', 'TX_DUPLICATE', 'ab', true, true, 'ab'],
      ['SubmitError', 'SDK_SUBMIT_FAILED', 'ab', true, true, 'ab'],
      ['CommitTimeoutError', 'SDK_COMMIT_TIMEOUT', 'ab', true, true, 'ab'],
      ['ProofError', 'SDK_PROOF_INVALID', 'ab', true, true, 'ab'],
    ],
  );
  assert.equal('cause' in new sdk.ProofError('X', 'no cause'), false);
});

function shippedSources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'testing') shippedSources(p, out);
    } else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
      out.push(p);
    }
  }
  return out;
}

test('browser-safe: no node:* imports, Buffer, process, or the Node crypto entry in shipped sources', () => {
  const files = shippedSources(new URL('.', import.meta.url).pathname);
  assert.ok(files.length > 15);
  for (const f of files) {
    const code = readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    assert.doesNotMatch(code, /from\s+['"]node:/, f);
    assert.doesNotMatch(code, /\bBuffer\b/, f);
    assert.doesNotMatch(code, /\bprocess\b/, f);
    assert.doesNotMatch(code, /from\s+['"]@gongxin\/crypto['"]/, f);
    assert.doesNotMatch(code, /^export \*/m, f);
    const lines = readFileSync(f, 'utf8').split('\n');
    assert.ok(lines.length < 300, `${f} has ${lines.length} lines`);
    assert.match(lines[0]!, /^\/\/ /, `${f} starts with a comment`);
  }
});
