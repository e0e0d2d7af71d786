// Writes vectors/ed25519-signatures.json and sm2-signatures.json (docs/spec/signatures.md §Test vectors), deterministic
// (fixed seeds, deterministic nonces). Run: npx tsx --conditions=gongxin-source vectors/generate-signatures.ts
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DOMAIN, bytesToHex, domainDigest, utf8Encode } from '@gongxin/core';
import { getSuite, publicKeyFromPrivate, signMessage } from '@gongxin/crypto';
import { ED25519_TORSION_SUBGROUP, ed25519 } from '@noble/curves/ed25519.js';
import { bigintToBe256, be256 } from '../packages/crypto/src/portable/scalar-bytes.js';
import { SM2_N, SM2_P, Sm2Point } from '../packages/crypto/src/portable/sm2-curve.js';
import { sm2SignMessage, sm2SignerInverse } from '../packages/crypto/src/portable/sm2-sign.js';
import { sm2Z } from '../packages/crypto/src/portable/sm2-z.js';
import { sm3 } from '../packages/crypto/src/portable/sm3.js';

/** One vector: lowercase hex, `message` is the raw signed bytes. */
export interface SignatureVector {
  readonly comment: string;
  readonly publicKey: string;
  readonly message: string;
  readonly signature: string;
  readonly valid: boolean;
}

const sha256 = (s: string): Uint8Array => new Uint8Array(createHash('sha256').update(s).digest());
const flip = (b: Uint8Array, at: number, bit = 0x01): Uint8Array => {
  const c = b.slice();
  c[at]! ^= bit;
  return c;
};
const cat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));
const le32 = (n: bigint): Uint8Array => Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * i)) & 255n));
const leInt = (b: Uint8Array): bigint => b.reduceRight((acc, x) => (acc << 8n) | BigInt(x), 0n);
const v = (comment: string, publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array, valid: boolean): SignatureVector => ({
  comment, publicKey: bytesToHex(publicKey), message: bytesToHex(message), signature: bytesToHex(signature), valid,
});

function ed25519Vectors(): SignatureVector[] {
  const seed = (i: number): Uint8Array => sha256(`gongxin/vectors/ed25519/key/${i}`);
  const pk = (i: number): Uint8Array => publicKeyFromPrivate('ed25519-sha256', seed(i));
  const sign = (i: number, m: Uint8Array): Uint8Array => signMessage('ed25519-sha256', seed(i), m);
  const digest = domainDigest(getSuite('ed25519-sha256').hash, DOMAIN.tx, 'gongxin-vectors', { nonce: 1, op: 'transfer' });
  const abc = utf8Encode('abc');
  const base = sign(1, digest);
  const L = ed25519.Point.Fn.ORDER;
  const withS = (s: bigint): Uint8Array => cat(base.subarray(0, 32), le32(s));
  const S = leInt(base.subarray(32));
  // Identity public key: R = [S]B makes [S]B − [k]A = R for every message; the key policy must refuse it.
  const identity = ed25519.Point.fromHex(ED25519_TORSION_SUBGROUP[0]!).toBytes();
  const forgery = cat(ed25519.Point.BASE.multiply(5n).toBytes(), le32(5n));
  // Mixed-order key A' = aB + T8, signed with a; passes the cofactored equation, fails the cofactorless one (k mod 8 ≠ 0).
  const a = leInt(sha256('gongxin/vectors/ed25519/mixed')) % L;
  const mixed = ed25519.Point.BASE.multiply(a).add(ed25519.Point.fromHex(ED25519_TORSION_SUBGROUP[1]!)).toBytes();
  const mixedMsg = utf8Encode('mixed-order key');
  let mixedSig: Uint8Array = new Uint8Array(0);
  for (let r = 1n; mixedSig.length === 0; r++) {
    const R = ed25519.Point.BASE.multiply(r).toBytes();
    const k = leInt(new Uint8Array(createHash('sha512').update(R).update(mixed).update(mixedMsg).digest())) % L;
    if (k % 8n !== 0n) mixedSig = cat(R, le32((r + k * a) % L));
  }
  const nonCanonical = le32((1n << 255n) - 19n + 1n); // y = p + 1, i.e. a non-canonical encoding of y = 1
  // R = identity, S = k·a: [S]B − [k]A = identity = R, so OpenSSL alone accepts; libsodium and this spec refuse.
  const a1 = leInt(new Uint8Array(createHash('sha512').update(seed(1)).digest()).subarray(0, 32).map((x, i) => (i === 0 ? x & 248 : i === 31 ? (x & 127) | 64 : x)));
  const kId = leInt(new Uint8Array(createHash('sha512').update(identity).update(pk(1)).update(abc).digest())) % L;
  const smallR = cat(identity, le32((kId * a1) % L));
  return [
    v('valid: empty message', pk(0), new Uint8Array(0), sign(0, new Uint8Array(0)), true),
    v('valid: "abc"', pk(0), abc, sign(0, abc), true),
    v('valid: a 32-byte transaction digest (domainDigest, the ledger case)', pk(1), digest, base, true),
    v('valid: 32 zero bytes', pk(2), new Uint8Array(32), sign(2, new Uint8Array(32)), true),
    v('valid: 255-byte message', pk(3), new Uint8Array(255).fill(0xa5), sign(3, new Uint8Array(255).fill(0xa5)), true),
    v('valid: another key, same digest', pk(4), digest, sign(4, digest), true),
    v('invalid: one bit of R flipped', pk(1), digest, flip(base, 0), false),
    v('invalid: one bit of S flipped', pk(1), digest, flip(base, 32), false),
    v('invalid: one bit of the message flipped', pk(1), flip(digest, 31, 0x80), base, false),
    v('invalid: signature checked against another key', pk(0), digest, base, false),
    v('invalid: S = 0', pk(1), digest, withS(0n), false),
    v('invalid: S + L (malleated signature)', pk(1), digest, withS(S + L), false),
    v('invalid: S = L', pk(1), digest, withS(L), false),
    v('invalid: trailing byte on the signature', pk(1), digest, cat(base, Uint8Array.of(0)), false),
    v('invalid: truncated signature (63 bytes)', pk(1), digest, base.subarray(0, 63), false),
    v('invalid: empty signature', pk(1), digest, new Uint8Array(0), false),
    v('invalid: public key is the identity (small order); R = [S]B would verify any message', identity, abc, forgery, false),
    v('invalid: non-canonical public key encoding (y = p + 1)', nonCanonical, abc, forgery, false),
    v('invalid: mixed-order public key; only a cofactored verifier accepts (OpenSSL-style cofactorless check required)', mixed, mixedMsg, mixedSig, false),
    v('invalid: R is the identity (small order) with S = k·a; OpenSSL alone would accept it', pk(1), abc, smallR, false),
    v('invalid: public key of 31 bytes', pk(1).subarray(0, 31), digest, base, false),
  ];
}

function sm2Vectors(): SignatureVector[] {
  const key = (i: number): Uint8Array => bigintToBe256((be256(sha256(`gongxin/vectors/sm2/key/${i}`), 0) % (SM2_N - 2n)) + 1n);
  const pk = (i: number): Uint8Array => publicKeyFromPrivate('sm2-sm3', key(i));
  const sign = (i: number, m: Uint8Array): Uint8Array => signMessage('sm2-sm3', key(i), m);
  const digest = domainDigest(getSuite('sm2-sm3').hash, DOMAIN.tx, 'gongxin-vectors', { nonce: 1, op: 'transfer' });
  const abc = utf8Encode('abc');
  const base = sign(1, digest);
  const r = be256(base, 0);
  const s = be256(base, 32);
  const rs = (rr: bigint, ss: bigint): Uint8Array => cat(bigintToBe256(rr), bigintToBe256(ss));
  const d1 = be256(key(1), 0);
  const signWithZ = (z: Uint8Array): Uint8Array => sm2SignMessage(sm3, d1, sm2SignerInverse(d1), z, digest);
  const emptyId = signWithZ(sm2Z(sm3, pk(1), new Uint8Array(0)));
  // e = SM3(M), Z_A left out (a common mistake), with a fixed nonce.
  const k = be256(sha256('gongxin/vectors/sm2/nonce/no-z'), 0) % SM2_N;
  const rNoZ = (be256(sm3(digest), 0) + Sm2Point.BASE.multiply(k).toAffine().x) % SM2_N;
  const noZ = rs(rNoZ, (sm2SignerInverse(d1) * ((((k - rNoZ * d1) % SM2_N) + SM2_N) % SM2_N)) % SM2_N);
  const offCurve = flip(pk(1), 64);
  const xIsP = cat(Uint8Array.of(4), bigintToBe256(SM2_P), pk(1).subarray(33));
  return [
    v('valid: "abc"', pk(0), abc, sign(0, abc), true),
    v('valid: empty message', pk(0), new Uint8Array(0), sign(0, new Uint8Array(0)), true),
    v('valid: a 32-byte transaction digest (domainDigest, the ledger case)', pk(1), digest, base, true),
    v('valid: "message digest"', pk(2), utf8Encode('message digest'), sign(2, utf8Encode('message digest')), true),
    v('valid: 200-byte message', pk(3), new Uint8Array(200).fill(0x5a), sign(3, new Uint8Array(200).fill(0x5a)), true),
    v('valid: another key, same digest', pk(4), digest, sign(4, digest), true),
    v('invalid: one bit of r flipped', pk(1), digest, flip(base, 31), false),
    v('invalid: one bit of s flipped', pk(1), digest, flip(base, 63), false),
    v('invalid: one bit of the message flipped', pk(1), flip(digest, 0), base, false),
    v('invalid: signature checked against another key', pk(0), digest, base, false),
    v('invalid: r = 0', pk(1), digest, rs(0n, s), false),
    v('invalid: s = 0', pk(1), digest, rs(r, 0n), false),
    v('invalid: r = n', pk(1), digest, rs(SM2_N, s), false),
    v('invalid: s = n', pk(1), digest, rs(r, SM2_N), false),
    v('invalid: r + s = n (t = 0)', pk(1), digest, rs(r, SM2_N - r), false),
    v('invalid: signed with an EMPTY distinguishing id (Node crypto.sign does this)', pk(1), digest, emptyId, false),
    v('invalid: signed over SM3(M) without Z_A', pk(1), digest, noZ, false),
    v('invalid: trailing byte on the signature', pk(1), digest, cat(base, Uint8Array.of(0)), false),
    v('invalid: truncated signature (63 bytes)', pk(1), digest, base.subarray(0, 63), false),
    v('invalid: compressed public key (only 04||x||y is accepted)', Sm2Point.fromBytes(pk(1)).toBytes(true), digest, base, false),
    v('invalid: public key not on the curve (y changed)', offCurve, digest, base, false),
    v('invalid: public key with x = p', xIsP, digest, base, false),
  ];
}

/** Both vector files' contents, as written (JSON, 2-space indent, trailing newline). */
export function buildSignatureVectors(): { ed25519: string; sm2: string } {
  const json = (x: unknown): string => JSON.stringify(x, null, 2) + '\n';
  return { ed25519: json(ed25519Vectors()), sm2: json(sm2Vectors()) };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = buildSignatureVectors();
  writeFileSync(new URL('./ed25519-signatures.json', import.meta.url), out.ed25519);
  writeFileSync(new URL('./sm2-signatures.json', import.meta.url), out.sm2);
  console.log('wrote vectors/ed25519-signatures.json and vectors/sm2-signatures.json');
}
