// Tests of sortWrites (docs/spec/state.md §Updates): path order, last write wins, input checks with the index.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { bytesToHex, compareBytes } from '../bytes.js';
import { isGongxinError } from '../errors.js';
import { sortWrites } from './sorted-writes.js';
import type { StateTreeWrite } from './types.js';

const pathArb = fc.oneof(
  fc.uint8Array({ minLength: 32, maxLength: 32 }),
  fc.nat(15).map((n) => Uint8Array.from({ length: 32 }, (_, i) => (i === 31 ? n : 0))),
);
const writeArb = fc.record({ path: pathArb, valueHash: fc.option(fc.uint8Array({ minLength: 32, maxLength: 32 })) });

test('sorted by path, one write per path, the last given wins', () => {
  fc.assert(
    fc.property(fc.array(writeArb, { maxLength: 60 }), (writes) => {
      const s = sortWrites(writes);
      const last = new Map<string, StateTreeWrite>();
      for (const w of writes) last.set(bytesToHex(w.path), w);
      assert.equal(s.count, last.size);
      const want = [...last.values()].sort((a, b) => compareBytes(a.path, b.path));
      want.forEach((w, k) => {
        assert.equal(bytesToHex(s.path.subarray(32 * k, 32 * k + 32)), bytesToHex(w.path));
        assert.equal(s.del[k], w.valueHash === null ? 1 : 0);
        if (w.valueHash !== null) assert.equal(bytesToHex(s.value.subarray(32 * k, 32 * k + 32)), bytesToHex(w.valueHash));
      });
    }),
  );
});

test('bad writes are named by index and code', () => {
  const ok = { path: new Uint8Array(32), valueHash: null };
  const code = (ws: unknown, c: string, index?: number): void =>
    assert.throws(() => sortWrites(ws as StateTreeWrite[]), (e: unknown) => isGongxinError(e, c) && (index === undefined || e.details.index === index), c);
  code('nope', 'STATE_WRITE_INVALID');
  code([ok, 5], 'STATE_WRITE_INVALID', 1);
  code([ok, ok, { path: new Uint8Array(31), valueHash: null }], 'STATE_PATH_INVALID', 2);
  code([{ path: 'x'.repeat(32), valueHash: null }], 'STATE_PATH_INVALID', 0);
  code([ok, { path: new Uint8Array(32), valueHash: new Uint8Array(33) }], 'STATE_VALUE_HASH_INVALID', 1);
  code([{ path: new Uint8Array(32) }], 'STATE_VALUE_HASH_INVALID', 0);
  assert.equal(sortWrites([]).count, 0);
});
