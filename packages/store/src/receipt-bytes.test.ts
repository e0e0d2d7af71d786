// receiptBytes must equal core's encodeReceipt on every receipt, including odd text, long fields and events.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { bytesToHex, encodeReceipt, isGongxinError } from '@gongxin/core';
import type { Receipt, Value } from '@gongxin/core';
import { receiptBytes } from './receipt-bytes.js';

const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ maxLength: 300 }), fc.constant(''));
const attr: fc.Arbitrary<Value> = fc.oneof(fc.integer(), fc.string({ unit: 'binary' }), fc.uint8Array({ maxLength: 40 }), fc.boolean(), fc.constant(null));
const receipt: fc.Arbitrary<Receipt> = fc.record({
  txId: fc.uint8Array({ minLength: 0, maxLength: 300 }),
  ok: fc.boolean(),
  code: text,
  message: text,
  events: fc.array(fc.record({ module: text, type: text, attrs: fc.dictionary(fc.string({ maxLength: 8 }), attr, { maxKeys: 4 }) }), { maxLength: 3 }),
});

test('receiptBytes is byte-identical to encodeReceipt', () => {
  fc.assert(
    fc.property(receipt, (r) => bytesToHex(receiptBytes(r)) === bytesToHex(encodeReceipt(r))),
    { numRuns: 3000 },
  );
  const long = 'x'.repeat(70_000);
  const r: Receipt = { txId: new Uint8Array(32), ok: false, code: long, message: '中'.repeat(30_000), events: [] };
  assert.equal(bytesToHex(receiptBytes(r)), bytesToHex(encodeReceipt(r)));
});

test('receiptBytes refuses what encodeReceipt refuses', () => {
  const bad: Receipt = { txId: new Uint8Array(1), ok: true, code: 'A\uD800', message: '', events: [] };
  assert.throws(() => receiptBytes(bad), (e) => isGongxinError(e, 'ENCODING_INVALID_UTF8'));
  const badEvent: Receipt = { ...bad, code: '', events: [{ module: 'm', type: 't', attrs: { x: 1.5 } }] };
  assert.throws(() => receiptBytes(badEvent), (e) => isGongxinError(e, 'ENCODING_FLOAT'));
});
