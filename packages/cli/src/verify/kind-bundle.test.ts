// `gongxin verify` on bundles (docs/spec/bundles.md) built from an in-memory chain: exit 0 with what was proven,
// exit 1 with the reason after tampering; raw .gxb and QR text read by readVerifyFile; the QR text fits one code.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { bytesToHex, encode, ROLE_PUBLIC, type Caller } from '@gongxin/core';
import { getPortableSuite } from '@gongxin/crypto/portable';
import { ProofError } from '@gongxin/sdk';
import { notaryModule } from '@gongxin/modules';
import { buildBundle, bundleFileJson, bundleQrText } from '@gongxin/node';
import { createTestChain, fixtureSigner } from '@gongxin/testkit';
import QRCode from 'qrcode';
import { run } from '../testing/run.js';
import { bundleKind, readVerifyFile } from './kind-bundle.js';
import { handlerFor, suiteFor } from './kinds.js';

const root = mkdtempSync(join(tmpdir(), 'gongxin-cli-bundle-'));
after(() => rmSync(root, { recursive: true, force: true }));

const publicResolver = (_r: unknown, publicKey: Uint8Array): Caller => ({ publicKey, publicKeyHex: bytesToHex(publicKey), org: null, roles: [ROLE_PUBLIC] });
const chain = createTestChain({ modules: [notaryModule], resolveCaller: publicResolver });
const digest = 'ab'.repeat(32);
const r1 = chain.block([chain.tx({ module: 'notary', command: 'anchor', args: { digest, note: 'report.pdf' }, signer: fixtureSigner('alice') })]);
chain.block([chain.tx({ module: 'notary', command: 'anchor', args: { digest: 'cd'.repeat(32) }, signer: fixtureSigner('bob') })]);
const txId = bytesToHex(r1.txs[0]!.id);
const value = buildBundle(chain, { kind: 'anchor', id: `${digest}/${txId}`, keys: [{ module: 'notary', key: `anchor/${digest}/${txId}` }], txIds: [txId] });
const headHash = bytesToHex(chain.head().hash);

let n = 0;
function save(content: string | Uint8Array, ext = 'json'): string {
  const path = join(root, `b${n++}.${ext}`);
  writeFileSync(path, content);
  return path;
}

test('a bundle file verifies: exit 0, each entry and tx, and the anchor header hash to compare', async () => {
  const file = save(JSON.stringify(bundleFileJson(value, 'ed25519-sha256')));
  const r = await run(['verify', file]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^verified: bundle proof \(suite ed25519-sha256\)\n/);
  assert.match(r.out, new RegExp(`bundle anchor "${digest}/${txId}" of chain "gongxin-test" at block 2 `));
  assert.match(r.out, new RegExp(`notary / anchor/${digest}/${txId} = \\{.*"note":"report.pdf"`));
  assert.match(r.out, new RegExp(`tx ${txId} notary.anchor by [0-9a-f]{16}… in block 1 \\(tx 0\\) at 20\\d\\d-.*: ok`));
  assert.match(r.out, new RegExp(`rests on header 2 with hash ${headHash}`));

  const anchored = await run(['verify', file, '--trusted-header-hash', headHash]);
  assert.equal(anchored.code, 0, anchored.err);
  assert.match(anchored.out, /which is the trusted header hash you gave/);
  const json = JSON.parse((await run(['--json', 'verify', file])).out) as Record<string, unknown>;
  assert.deepEqual([json.ok, json.kind, json.bundleKind, json.height, json.headerHash], [true, 'bundle', 'anchor', 2, headHash]);
});

test('tampered bundles and a wrong trusted hash exit 1 with the reason', async () => {
  const wrap = () => structuredClone(bundleFileJson(value, 'ed25519-sha256')) as { proof: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const tampers: [RegExp, (p: Record<string, any>) => void][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
    [/STATE_PROOF_VALUE_MISMATCH/, (p) => void (p.entries[0].value = p.entries[0].value.replace(/..$/, 'ff'))],
    [/PROOF_ROOT_MISMATCH/, (p) => void (p.txs[0].receipt = p.txs[0].receipt.replace(/..$/, '00'))],
    [/PROOF_ROOT_MISMATCH|TX_/, (p) => void (p.txs[0].tx = p.txs[0].tx.replace(/..$/, '00'))],
    [/HEADER_HASH_MISMATCH/, (p) => void (p.anchor.header.stateRoot = '00'.repeat(32))],
  ];
  for (const [reason, mutate] of tampers) {
    const f = wrap();
    mutate(f.proof);
    const r = await run(['verify', save(JSON.stringify(f))]);
    assert.equal(r.code, 1, r.out);
    assert.match(r.err, reason);
  }
  const wrong = await run(['verify', save(JSON.stringify(bundleFileJson(value, 'ed25519-sha256'))), '--trusted-header-hash', '00'.repeat(32)]);
  assert.equal(wrong.code, 1);
  assert.match(wrong.err, /TRUSTED_HEADER_MISMATCH/);
});

test('raw .gxb bytes and QR text are read, detected and verified; a flipped byte fails', async () => {
  const cbor = encode(value);
  for (const content of [cbor, bundleQrText(value)!]) {
    const file = readVerifyFile(save(content, 'gxb'));
    assert.equal(handlerFor(file), bundleKind);
    const suite = suiteFor(file, bundleKind, undefined);
    assert.deepEqual(suite, { id: 'ed25519-sha256', source: 'detected' });
    const report = await bundleKind.verify(file, getPortableSuite(suite.id), {});
    assert.equal(report.json.headerHash, headHash);
  }
  const bad = cbor.slice();
  bad[bad.length - 100] = bad[bad.length - 100]! ^ 1;
  const file = readVerifyFile(save(bad, 'gxb'));
  assert.throws(() => bundleKind.verify(file, getPortableSuite('ed25519-sha256'), {}), (e: unknown) => e instanceof ProofError);
  assert.equal(readVerifyFile(save(JSON.stringify({ kind: 'state', proof: {} }))).kind, 'state', 'JSON proof files as before');
});

test('the QR text fits one QR code (alphanumeric mode, ECC L)', () => {
  const text = bundleQrText(value)!;
  const qr = QRCode.create(text, { errorCorrectionLevel: 'L' });
  assert.ok(qr.version <= 40);
  assert.ok(qr.segments.every((s) => s.mode.id === 'Alphanumeric' || s.mode.id === 'Numeric'), 'no byte mode');
});
