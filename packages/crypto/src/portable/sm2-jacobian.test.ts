// The verification-only Jacobian arithmetic agrees with @noble/curves' generic formulas on random and on
// exceptional inputs (sums at infinity, equal points, opposite points, extreme scalars), with both table kinds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { be256 } from './scalar-bytes.js';
import { SM2_GX, SM2_GY, SM2_N, Sm2Point, type Sm2PointType } from './sm2-curve.js';
import { KEY_FIXED_WIDTH, KEY_WNAF_WIDTH, fixedWindowTable, mulAddX, oddMultiples, type Sm2KeyTables } from './sm2-jacobian.js';

const G = { x: SM2_GX, y: SM2_GY };
const rnd = (): bigint => be256(new Uint8Array(randomBytes(32)), 0) % SM2_N;

function tablesOf(P: Sm2PointType, fixed: boolean): Sm2KeyTables {
  const a = P.toAffine();
  return { odd: oddMultiples(a, KEY_WNAF_WIDTH), fixed: fixed ? fixedWindowTable(a, KEY_FIXED_WIDTH) : null };
}

function expected(s: bigint, t: bigint, P: Sm2PointType): bigint | null {
  const sum = Sm2Point.BASE.multiplyUnsafe(s).add(P.multiplyUnsafe(t));
  return sum.is0() ? null : sum.toAffine().x;
}

test('random scalars and keys: same x as noble, with wNAF and with fixed-window tables', () => {
  for (let i = 0; i < 25; i++) {
    const P = Sm2Point.BASE.multiply(rnd() || 1n);
    const [s, t] = [rnd(), rnd()];
    const want = expected(s, t, P);
    assert.equal(mulAddX(s, t, tablesOf(P, false), G), want, `wnaf #${i}`);
    assert.equal(mulAddX(s, t, tablesOf(P, true), G), want, `fixed #${i}`);
  }
});

test('exceptional sums: infinity, doubling at the end, P = ±G, extreme scalars', () => {
  const d = rnd() || 7n;
  const P = Sm2Point.BASE.multiply(d);
  const t = rnd() || 3n;
  const cases: [bigint, bigint, Sm2PointType, string][] = [
    [(SM2_N - ((t * d) % SM2_N)) % SM2_N, t, P, 's·G = −t·P (infinity)'],
    [(t * d) % SM2_N, t, P, 's·G = t·P (final doubling)'],
    [5n, 7n, Sm2Point.BASE, 'P = G'],
    [6n, 6n, Sm2Point.BASE, 'P = G, s = t (equal points added: doubling inside madd)'],
    [5n, 5n, Sm2Point.BASE.negate(), 'P = −G, s = t (infinity)'],
    [9n, 4n, Sm2Point.BASE.negate(), 'P = −G'],
    [1n, 1n, P, 's = t = 1'],
    [SM2_N - 1n, SM2_N - 1n, P, 's = t = n − 1'],
    [0n, t, P, 's = 0'],
    [t, 0n, P, 't = 0'],
    [0n, 0n, P, 'both 0 (infinity)'],
    [1n << 255n, (1n << 255n) - 1n, P, 'top bits set'],
  ];
  for (const [s, tt, Q, why] of cases) {
    const want = expected(s, tt, Q);
    assert.equal(mulAddX(s, tt, tablesOf(Q, false), G), want, `wnaf: ${why}`);
    assert.equal(mulAddX(s, tt, tablesOf(Q, true), G), want, `fixed: ${why}`);
  }
  assert.equal(expected(cases[0]![0], t, P), null, 'the infinity case really is infinity');
});

test('scalars outside [0, n) give null', () => {
  const tables = tablesOf(Sm2Point.BASE, false);
  assert.equal(mulAddX(SM2_N, 1n, tables, G), null);
  assert.equal(mulAddX(1n, SM2_N, tables, G), null);
  assert.equal(mulAddX(-1n, 1n, tables, G), null);
});
