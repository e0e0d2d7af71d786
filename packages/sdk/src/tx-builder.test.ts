// buildTx: core's decodeTx accepts what it builds, the suite verifies the signature, the window and nonce rules hold,
// and bad input is refused before the signer is asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertTxStateless, decodeTx, equalBytes, isGongxinError, txIdOf, txSigningDigest, type Signer, type SuiteId } from '@gongxin/core';
import { createPortableSigner, getPortableSuite } from '@gongxin/crypto/portable';
import { buildTx, DEFAULT_CLOCK_SKEW_MS, DEFAULT_VALID_FOR_MS, randomNonce } from './tx-builder.js';

const NOW = 1_750_000_000_000;
const seed = (b: number): Uint8Array => new Uint8Array(32).fill(b);

function countingSigner(inner: Signer): Signer & { calls: number } {
  const s = {
    suite: inner.suite,
    publicKey: inner.publicKey,
    calls: 0,
    sign: (d: Uint8Array) => {
      s.calls++;
      return inner.sign(d);
    },
  };
  return s;
}

const base = { chainId: 'test-chain', module: 'charity', command: 'donate', args: { fund: 'f1', amount: 100n, memo: new Uint8Array([1, 2]) }, now: NOW };

for (const suiteId of ['ed25519-sha256', 'sm2-sm3'] as SuiteId[]) {
  test(`${suiteId}: round trip through core's decodeTx; signature verifies; id is H(bytes)`, async () => {
    const suite = getPortableSuite(suiteId);
    const signer = createPortableSigner(suiteId, seed(7));
    const tx = await buildTx({ ...base, signer, nonce: 42 });
    const d = decodeTx(suite.hash, tx.bytes, 65536);
    assert.deepEqual(d.body.args, { fund: 'f1', amount: 100, memo: new Uint8Array([1, 2]) });
    assert.equal(d.body.chainId, 'test-chain');
    assert.equal(d.body.nonce, 42);
    assert.ok(equalBytes(d.body.signer, signer.publicKey));
    assert.ok(equalBytes(d.id, tx.id));
    assert.ok(equalBytes(txIdOf(suite.hash, tx.bytes), tx.id));
    assert.equal(tx.idHex.length, 64);
    assert.ok(suite.verify(signer.publicKey, txSigningDigest(suite.hash, d.body), d.signature));
    // The full stateless check a peer runs at admission passes at `now`.
    assertTxStateless(suite, { chainId: 'test-chain', maxTxBytes: 65536, maxValidityMs: 3_600_000 }, d, NOW);
  });
}

test('window: [now - 60 s, now + 10 min] by default; validForMs and skewMs move it', async () => {
  const signer = createPortableSigner('ed25519-sha256', seed(1));
  const a = await buildTx({ ...base, signer });
  assert.equal(a.body.notBefore, NOW - DEFAULT_CLOCK_SKEW_MS);
  assert.equal(a.body.notAfter, NOW + DEFAULT_VALID_FOR_MS);
  const b = await buildTx({ ...base, signer, validForMs: 5000, skewMs: 0 });
  assert.equal(b.body.notBefore, NOW);
  assert.equal(b.body.notAfter, NOW + 5000);
});

test('window: the default shrinks to fit a small chain maximum; an explicit one that does not fit is refused', async () => {
  const signer = createPortableSigner('ed25519-sha256', seed(1));
  const a = await buildTx({ ...base, signer, maxValidityMs: 120_000 });
  assert.equal(a.body.notAfter - a.body.notBefore, 120_000);
  await assert.rejects(buildTx({ ...base, signer, maxValidityMs: 120_000, validForMs: 90_000 }), (e) => isGongxinError(e, 'SDK_INVALID_ARGUMENT'));
  await assert.rejects(buildTx({ ...base, signer, validForMs: 0 }), (e) => isGongxinError(e, 'SDK_INVALID_ARGUMENT'));
  await assert.rejects(buildTx({ ...base, signer, now: -1 }), (e) => isGongxinError(e, 'SDK_INVALID_ARGUMENT'));
});

test('nonce: random when not given (differs between txs, in [0, 2^53)); explicit ones are checked', async () => {
  const signer = createPortableSigner('ed25519-sha256', seed(2));
  const a = await buildTx({ ...base, signer });
  const b = await buildTx({ ...base, signer });
  assert.notEqual(a.body.nonce, b.body.nonce);
  assert.notEqual(a.idHex, b.idHex);
  for (let i = 0; i < 200; i++) {
    const n = randomNonce();
    assert.ok(Number.isSafeInteger(n) && n >= 0);
  }
  await assert.rejects(buildTx({ ...base, signer, nonce: -1 }), (e) => isGongxinError(e, 'SDK_INVALID_ARGUMENT'));
  await assert.rejects(buildTx({ ...base, signer, nonce: 1.5 }), (e) => isGongxinError(e, 'SDK_INVALID_ARGUMENT'));
});

test('invalid bodies are refused by core rules before the signer is asked', async () => {
  const signer = countingSigner(createPortableSigner('ed25519-sha256', seed(3)));
  await assert.rejects(buildTx({ ...base, signer, module: 'Bad Name' }), (e) => isGongxinError(e, 'TX_MALFORMED'));
  await assert.rejects(buildTx({ ...base, signer, chainId: '' }), (e) => isGongxinError(e, 'TX_MALFORMED'));
  await assert.rejects(buildTx({ ...base, signer, args: { big: new Uint8Array(70_000) } }), (e) => isGongxinError(e, 'TX_TOO_LARGE'));
  await assert.rejects(buildTx({ ...base, signer, args: { x: 1.5 } }), (e) => isGongxinError(e, 'ENCODING_FLOAT'));
  assert.equal(signer.calls, 0);
  await buildTx({ ...base, signer });
  assert.equal(signer.calls, 1);
});

test('a signer whose signatures do not match its public key is caught (SDK_SIGNER_INVALID)', async () => {
  const real = createPortableSigner('ed25519-sha256', seed(4));
  const other = createPortableSigner('ed25519-sha256', seed(5));
  const liar: Signer = { suite: 'ed25519-sha256', publicKey: real.publicKey, sign: (d) => other.sign(d) };
  await assert.rejects(buildTx({ ...base, signer: liar }), (e) => isGongxinError(e, 'SDK_SIGNER_INVALID'));
  // verifySignature: false skips the check (the peer would then refuse with TX_BAD_SIGNATURE).
  const tx = await buildTx({ ...base, signer: liar, verifySignature: false });
  assert.ok(tx.bytes.length > 0);
});

test('signer / suite mismatches and non-signers are SDK_INVALID_ARGUMENT', async () => {
  const ed = createPortableSigner('ed25519-sha256', seed(6));
  await assert.rejects(buildTx({ ...base, signer: ed, suite: getPortableSuite('sm2-sm3') }), (e) => isGongxinError(e, 'SDK_INVALID_ARGUMENT'));
  const badKey: Signer = { suite: 'sm2-sm3', publicKey: ed.publicKey, sign: (d) => ed.sign(d) };
  await assert.rejects(buildTx({ ...base, signer: badKey }), (e) => isGongxinError(e, 'SDK_INVALID_ARGUMENT'));
  await assert.rejects(buildTx({ ...base, signer: {} as Signer }), (e) => isGongxinError(e, 'SDK_INVALID_ARGUMENT'));
  const notBytes = { suite: 'ed25519-sha256', publicKey: ed.publicKey, sign: () => Promise.resolve('sig') } as unknown as Signer;
  await assert.rejects(buildTx({ ...base, signer: notBytes }), (e) => isGongxinError(e, 'SDK_INVALID_ARGUMENT'));
});
