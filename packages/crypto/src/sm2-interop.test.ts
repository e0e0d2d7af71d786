// SM2 interoperability: signatures and key wrapping cross-checked both ways with the OpenSSL 3 command line
// (pkeyutl with distid:1234567812345678) and with sm-crypto-v2, an independent JS implementation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToHex, hexToBytes, utf8Encode } from '@gongxin/core';
import { sm2 as smCrypto } from 'sm-crypto-v2';
import { sm4GcmDecrypt, sm4GcmEncrypt } from './portable/sm4-gcm.js';
import { generateSealKeyPair, open, sealTo } from './seal.js';
import { generateKeyPair, signMessage } from './signer-node.js';
import { getPortableSuite } from './portable/suite-portable.js';
import { getSuite } from './suite-node.js';

const OPENSSL = '/usr/bin/openssl';
const DISTID = 'distid:1234567812345678';
const dir = mkdtempSync(join(tmpdir(), 'gongxin-sm2-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const pem = (label: string, der: number[]): string =>
  `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;
const SM2_OID = [0x06, 0x08, 0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x82, 0x2d];
/** SEC1 ECPrivateKey on the SM2 curve (what `openssl pkey` writes). */
const privatePem = (d: Uint8Array, pub: Uint8Array): string =>
  pem('EC PRIVATE KEY', [0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20, ...d, 0xa0, 0x0a, ...SM2_OID, 0xa1, 0x44, 0x03, 0x42, 0x00, ...pub]);
/** SubjectPublicKeyInfo: id-ecPublicKey with the SM2 curve OID. */
const publicPem = (pub: Uint8Array): string =>
  pem('PUBLIC KEY', [0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, ...SM2_OID, 0x03, 0x42, 0x00, ...pub]);

function derInt(b: Uint8Array): number[] {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  const body = [...b.subarray(i)];
  if (body[0]! >= 0x80) body.unshift(0);
  return [0x02, body.length, ...body];
}
const derSeq = (...items: number[][]): number[] => [0x30, items.flat().length, ...items.flat()];
const derOctets = (b: Uint8Array): number[] => [0x04, b.length, ...b];

/** Reads the INTEGER / OCTET STRING items of a short DER SEQUENCE as raw bytes (integers left-padded to 32). */
function derItems(der: Uint8Array): Uint8Array[] {
  assert.equal(der[0], 0x30);
  let i = der[1]! & 0x80 ? 2 + (der[1]! & 0x7f) : 2;
  const out: Uint8Array[] = [];
  while (i < der.length) {
    const tag = der[i]!;
    let len = der[i + 1]!;
    let start = i + 2;
    if (len & 0x80) {
      const n = len & 0x7f;
      len = 0;
      for (let k = 0; k < n; k++) len = (len << 8) | der[i + 2 + k]!;
      start += n;
    }
    let v = der.subarray(start, start + len);
    if (tag === 0x02) {
      while (v.length > 32 && v[0] === 0) v = v.subarray(1);
      const padded = new Uint8Array(32);
      padded.set(v, 32 - v.length);
      v = padded;
    }
    out.push(v);
    i = start + len;
  }
  return out;
}

function opensslVerify(pub: Uint8Array, msg: Uint8Array, rs: Uint8Array, distid: boolean): boolean {
  writeFileSync(join(dir, 'pub.pem'), publicPem(pub));
  writeFileSync(join(dir, 'msg.bin'), msg);
  writeFileSync(join(dir, 'sig.der'), Uint8Array.from(derSeq(derInt(rs.subarray(0, 32)), derInt(rs.subarray(32)))));
  const args = ['pkeyutl', '-verify', '-rawin', '-digest', 'sm3', '-pubin', '-inkey', join(dir, 'pub.pem'), '-in', join(dir, 'msg.bin'), '-sigfile', join(dir, 'sig.der')];
  if (distid) args.push('-pkeyopt', DISTID);
  return spawnSync(OPENSSL, args, { encoding: 'utf8' }).status === 0;
}

function opensslSign(d: Uint8Array, pub: Uint8Array, msg: Uint8Array, distid: boolean): Uint8Array {
  writeFileSync(join(dir, 'key.pem'), privatePem(d, pub));
  writeFileSync(join(dir, 'msg.bin'), msg);
  const args = ['pkeyutl', '-sign', '-rawin', '-digest', 'sm3', '-inkey', join(dir, 'key.pem'), '-in', join(dir, 'msg.bin')];
  if (distid) args.push('-pkeyopt', DISTID);
  const [r, s] = derItems(new Uint8Array(execFileSync(OPENSSL, args)));
  return new Uint8Array([...r!, ...s!]);
}

test('our SM2 signatures verify with the openssl CLI (default id) and with sm-crypto-v2', () => {
  for (let i = 0; i < 4; i++) {
    const { publicKey, privateKey } = generateKeyPair('sm2-sm3');
    const msg = utf8Encode(`interop message ${i} ${'x'.repeat(i * 40)}`);
    const sig = signMessage('sm2-sm3', privateKey, msg);
    assert.ok(opensslVerify(publicKey, msg, sig, true), `openssl #${i}`);
    assert.equal(opensslVerify(publicKey, msg, sig, false), false, 'openssl without distid (empty id) must refuse');
    assert.ok(smCrypto.doVerifySignature(msg, bytesToHex(sig), bytesToHex(publicKey), { hash: true }), `sm-crypto #${i}`);
    const tampered = msg.slice();
    tampered[0]! ^= 1;
    assert.equal(opensslVerify(publicKey, tampered, sig, true), false);
  }
});

test('openssl-made SM2 signatures verify with our Node and portable suites; empty-id ones do not', () => {
  for (let i = 0; i < 4; i++) {
    const { publicKey, privateKey } = generateKeyPair('sm2-sm3');
    const msg = utf8Encode(`openssl signs ${i}`);
    const sig = opensslSign(privateKey, publicKey, msg, true);
    assert.ok(getSuite('sm2-sm3').verifyMessage(publicKey, msg, sig), `node #${i}`);
    assert.ok(getPortableSuite('sm2-sm3').verifyMessage(publicKey, msg, sig), `portable #${i}`);
    const emptyId = opensslSign(privateKey, publicKey, msg, false);
    assert.equal(getSuite('sm2-sm3').verifyMessage(publicKey, msg, emptyId), false);
  }
});

test('sm-crypto-v2-made SM2 signatures verify with ours', () => {
  for (let i = 0; i < 6; i++) {
    const kp = smCrypto.generateKeyPairHex();
    const msg = utf8Encode(`sm-crypto signs ${i}`);
    const sig = hexToBytes(smCrypto.doSignature(msg, kp.privateKey, { hash: true }));
    assert.ok(getSuite('sm2-sm3').verifyMessage(hexToBytes(kp.publicKey), msg, sig));
    assert.ok(getPortableSuite('sm2-sm3').verifyMessage(hexToBytes(kp.publicKey), msg, sig));
  }
});

test('the SM2 key wrap of a sealed payload is standard GB/T 32918.4: openssl decrypts it, and we open openssl-wrapped keys', () => {
  const { publicKey, privateKey } = generateSealKeyPair('sm2-sm3');
  writeFileSync(join(dir, 'key.pem'), privatePem(privateKey, publicKey));
  writeFileSync(join(dir, 'pub.pem'), publicPem(publicKey));
  const plaintext = utf8Encode('病历 / medical record');
  const aad = utf8Encode('case-7');
  // ours → openssl: C1 ‖ C3 ‖ C2 → GM/T 0009 DER { x, y, C3, C2 }
  const sealed = sealTo(publicKey, plaintext, aad);
  const c1 = sealed.subarray(1, 66);
  const c3 = sealed.subarray(66, 98);
  const c2 = sealed.subarray(98, 114);
  writeFileSync(join(dir, 'wrap.der'), Uint8Array.from(derSeq(derInt(c1.subarray(1, 33)), derInt(c1.subarray(33)), derOctets(c3), derOctets(c2))));
  const k = new Uint8Array(execFileSync(OPENSSL, ['pkeyutl', '-decrypt', '-inkey', join(dir, 'key.pem'), '-in', join(dir, 'wrap.der')]));
  assert.equal(k.length, 16);
  const iv = sealed.subarray(114, 126);
  assert.deepEqual(sm4GcmDecrypt(k, iv, sealed.subarray(126, sealed.length - 16), sealed.subarray(sealed.length - 16), aad), plaintext);
  // openssl → ours: wrap a key with openssl, encrypt the payload with SM4-GCM, open with ours
  const key2 = new Uint8Array(16).fill(0x5a);
  writeFileSync(join(dir, 'k.bin'), key2);
  const [x, y, h, c] = derItems(new Uint8Array(execFileSync(OPENSSL, ['pkeyutl', '-encrypt', '-pubin', '-inkey', join(dir, 'pub.pem'), '-in', join(dir, 'k.bin')])));
  const iv2 = new Uint8Array(12).fill(7);
  const body = sm4GcmEncrypt(key2, iv2, plaintext, aad);
  const theirs = new Uint8Array([0x02, 0x04, ...x!, ...y!, ...h!, ...c!, ...iv2, ...body.ciphertext, ...body.tag]);
  assert.deepEqual(open(privateKey, theirs, aad), plaintext);
});

test('the openssl fixtures are real: openssl itself round-trips a key made by our PEM writer', () => {
  const { publicKey, privateKey } = generateKeyPair('sm2-sm3');
  writeFileSync(join(dir, 'key.pem'), privatePem(privateKey, publicKey));
  const out = execFileSync(OPENSSL, ['pkey', '-in', join(dir, 'key.pem'), '-pubout', '-outform', 'DER']);
  assert.equal(bytesToHex(new Uint8Array(out).subarray(-65)), bytesToHex(publicKey));
  assert.ok(readFileSync(join(dir, 'key.pem'), 'utf8').startsWith('-----BEGIN EC PRIVATE KEY-----'));
});
