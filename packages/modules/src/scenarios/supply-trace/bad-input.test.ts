// Bad input, table-driven: each refused tx has its stable code, and a block of them leaves the state root unchanged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SyncSigner, Value } from '@gongxin/core';
import { createScenarioChain, type ScenarioChain } from '@gongxin/testkit';
import { MAX_SPLIT_DEPTH, supplyTraceModule } from './index.js';
import { batchArgs, breakCheckDigit, GTIN, GTIN2, M, ssccOf } from './test-support.js';

const BATCH = `${GTIN}-L2026A`;
const RECALLED = `${GTIN2}-R1`;
const FAILED = `${GTIN2}-F1`;
const CERT = 'c'.repeat(64);

function setup(): ScenarioChain {
  const c = createScenarioChain({ modules: [supplyTraceModule] });
  const steps: Array<[string, string, Value]> = [
    ['maker-a', 'register-batch', batchArgs({ serialRange: { first: '0001', last: '1000' } })],
    ['maker-a', 'transfer', { code: BATCH, to: 'logistics-a', quantity: 600 }],
    ['logistics-a', 'split', { code: BATCH, sscc: ssccOf(1), quantity: 100 }],
    ['maker-a', 'register-batch', batchArgs({ gtin: GTIN2, lot: 'R1' })],
    ['maker-a', 'recall', { code: RECALLED, reason: 'defect' }],
    ['maker-a', 'register-batch', batchArgs({ gtin: GTIN2, lot: 'F1' })],
    ['inspector-a', 'attest', { batch: FAILED, certificate: CERT, result: 'fail', standard: 'GB 19083-2010' }],
  ];
  for (const [org, command, args] of steps) assert.equal(c.run(c.member(org), M, command, args).txs[0]!.receipt.code, '', command);
  return c;
}

type Case = [label: string, who: string, command: string, args: Value, code: string];
const reg = (over: Record<string, Value>): Value => batchArgs({ lot: 'NEW1', ...over });
const tr = (over: Record<string, Value>): Value => ({ code: BATCH, to: 'hospital-a', quantity: 1, ...over });

const CASES: Case[] = [
  ['register: no args', 'maker-a', 'register-batch', {}, 'TX_INVALID_ARGS'],
  ['register: not a map', 'maker-a', 'register-batch', 'batch', 'TX_INVALID_ARGS'],
  ['register: missing quantity', 'maker-a', 'register-batch', (() => { const a = reg({}) as Record<string, Value>; delete a.quantity; return a; })(), 'TX_INVALID_ARGS'],
  ['register: gtin a number', 'maker-a', 'register-batch', reg({ gtin: 9506000134352 }), 'TX_INVALID_ARGS'],
  ['register: gtin 13 digits', 'maker-a', 'register-batch', reg({ gtin: GTIN.slice(1) }), 'TX_INVALID_ARGS'],
  ['register: bad GTIN check digit', 'maker-a', 'register-batch', reg({ gtin: breakCheckDigit(GTIN) }), 'SUPPLY_BAD_CHECK_DIGIT'],
  ['register: negative quantity', 'maker-a', 'register-batch', reg({ quantity: -5 }), 'TX_INVALID_ARGS'],
  ['register: zero quantity', 'maker-a', 'register-batch', reg({ quantity: 0 }), 'TX_INVALID_ARGS'],
  ['register: huge quantity', 'maker-a', 'register-batch', reg({ quantity: 1e13 }), 'TX_INVALID_ARGS'],
  ['register: bigint quantity', 'maker-a', 'register-batch', reg({ quantity: 2n ** 60n }), 'TX_INVALID_ARGS'],
  ['register: quantity a string', 'maker-a', 'register-batch', reg({ quantity: '10' }), 'TX_INVALID_ARGS'],
  ['register: unknown standard', 'maker-a', 'register-batch', reg({ standard: 'ISO 9001' }), 'TX_INVALID_ARGS'],
  ['register: lot with a slash', 'maker-a', 'register-batch', reg({ lot: 'A/B' }), 'TX_INVALID_ARGS'],
  ['register: extra field', 'maker-a', 'register-batch', reg({ colour: 'blue' }), 'TX_INVALID_ARGS'],
  ['register: not a day', 'maker-a', 'register-batch', reg({ productionDate: '2025-02-30' }), 'SUPPLY_BAD_DATE'],
  ['register: produced in the future', 'maker-a', 'register-batch', reg({ productionDate: '2030-01-01', expiryDate: '2031-01-01' }), 'SUPPLY_BAD_DATE'],
  ['register: expiry before production', 'maker-a', 'register-batch', reg({ expiryDate: '251001' }), 'SUPPLY_BAD_DATE'],
  ['register: serial range too short', 'maker-a', 'register-batch', reg({ serialRange: { first: '0001', last: '0999' } }), 'SUPPLY_SERIAL_RANGE_MISMATCH'],
  ['register: serial range widths differ', 'maker-a', 'register-batch', reg({ quantity: 991, serialRange: { first: '10', last: '1000' } }), 'SUPPLY_SERIAL_RANGE_MISMATCH'],
  ['register: batch exists', 'maker-b', 'register-batch', batchArgs(), 'SUPPLY_BATCH_EXISTS'],
  ['register: hospital (wrong role)', 'hospital-a', 'register-batch', reg({}), 'TX_UNAUTHORIZED'],
  ['register: stranger', '!stranger', 'register-batch', reg({}), 'TX_UNAUTHORIZED'],
  ['attest: maker (wrong role)', 'maker-a', 'attest', { batch: BATCH, certificate: CERT, result: 'pass', standard: 'GB 19083-2010' }, 'TX_UNAUTHORIZED'],
  ['attest: unknown batch', 'inspector-a', 'attest', { batch: `${GTIN}-NONE`, certificate: CERT, result: 'pass', standard: 'GB 19083-2010' }, 'SUPPLY_UNKNOWN_BATCH'],
  ['attest: an SSCC', 'inspector-a', 'attest', { batch: ssccOf(1), certificate: CERT, result: 'pass', standard: 'GB 19083-2010' }, 'SUPPLY_BAD_CODE'],
  ['attest: uppercase hash', 'inspector-a', 'attest', { batch: BATCH, certificate: CERT.toUpperCase(), result: 'pass', standard: 'GB 19083-2010' }, 'TX_INVALID_ARGS'],
  ['attest: result maybe', 'inspector-a', 'attest', { batch: BATCH, certificate: CERT, result: 'maybe', standard: 'GB 19083-2010' }, 'TX_INVALID_ARGS'],
  ['attest: other standard', 'inspector-a', 'attest', { batch: BATCH, certificate: CERT, result: 'pass', standard: 'YY 0469-2011' }, 'SUPPLY_STANDARD_MISMATCH'],
  ['transfer: by a non-holder', 'hospital-b', 'transfer', tr({}), 'SUPPLY_NOT_HOLDER'],
  ['transfer: over quantity', 'maker-a', 'transfer', tr({ quantity: 401 }), 'SUPPLY_INSUFFICIENT_QUANTITY'],
  ['transfer: unit over quantity', 'logistics-a', 'transfer', tr({ code: ssccOf(1), quantity: 101 }), 'SUPPLY_INSUFFICIENT_QUANTITY'],
  ['transfer: unknown org', 'maker-a', 'transfer', tr({ to: 'maker-z' }), 'SUPPLY_UNKNOWN_ORG'],
  ['transfer: to itself', 'maker-a', 'transfer', tr({ to: 'maker-a' }), 'SUPPLY_SELF_TRANSFER'],
  ['transfer: unknown batch', 'maker-a', 'transfer', tr({ code: `${GTIN}-NONE` }), 'SUPPLY_UNKNOWN_BATCH'],
  ['transfer: unknown SSCC', 'maker-a', 'transfer', tr({ code: ssccOf(42) }), 'SUPPLY_UNKNOWN_UNIT'],
  ['transfer: bad SSCC check digit', 'logistics-a', 'transfer', tr({ code: breakCheckDigit(ssccOf(1)) }), 'SUPPLY_BAD_CHECK_DIGIT'],
  ['transfer: bad GTIN check digit', 'maker-a', 'transfer', tr({ code: `${breakCheckDigit(GTIN)}-L2026A` }), 'SUPPLY_BAD_CHECK_DIGIT'],
  ['transfer: not a code', 'maker-a', 'transfer', tr({ code: 'hello-there-world' }), 'SUPPLY_BAD_CODE'],
  ['transfer: negative quantity', 'maker-a', 'transfer', tr({ quantity: -1 }), 'TX_INVALID_ARGS'],
  ['transfer: huge quantity', 'maker-a', 'transfer', tr({ quantity: 2n ** 53n }), 'TX_INVALID_ARGS'],
  ['transfer: missing to', 'maker-a', 'transfer', { code: BATCH, quantity: 1 }, 'TX_INVALID_ARGS'],
  ['transfer: recalled batch', 'maker-a', 'transfer', tr({ code: RECALLED }), 'SUPPLY_RECALLED'],
  ['transfer: failed batch', 'maker-a', 'transfer', tr({ code: FAILED }), 'SUPPLY_FAILED_INSPECTION'],
  ['transfer: stranger', '!stranger', 'transfer', tr({}), 'TX_UNAUTHORIZED'],
  ['split: bad new SSCC', 'maker-a', 'split', { code: BATCH, sscc: breakCheckDigit(ssccOf(5)), quantity: 1 }, 'SUPPLY_BAD_CHECK_DIGIT'],
  ['split: SSCC exists', 'maker-a', 'split', { code: BATCH, sscc: ssccOf(1), quantity: 1 }, 'SUPPLY_SSCC_EXISTS'],
  ['split: non-holder', 'hospital-a', 'split', { code: BATCH, sscc: ssccOf(5), quantity: 1 }, 'SUPPLY_NOT_HOLDER'],
  ['split: over quantity', 'logistics-a', 'split', { code: ssccOf(1), sscc: ssccOf(5), quantity: 101 }, 'SUPPLY_INSUFFICIENT_QUANTITY'],
  ['split: recalled batch', 'maker-a', 'split', { code: RECALLED, sscc: ssccOf(5), quantity: 1 }, 'SUPPLY_RECALLED'],
  ['split: SSCC 17 digits', 'maker-a', 'split', { code: BATCH, sscc: ssccOf(5).slice(1), quantity: 1 }, 'TX_INVALID_ARGS'],
  ['recall: hospital (wrong role)', 'hospital-a', 'recall', { code: BATCH, reason: 'x' }, 'TX_UNAUTHORIZED'],
  ['recall: another maker', 'maker-b', 'recall', { code: BATCH, reason: 'x' }, 'SUPPLY_NOT_MANUFACTURER'],
  ['recall: already recalled', 'authority-a', 'recall', { code: RECALLED, reason: 'x' }, 'SUPPLY_ALREADY_RECALLED'],
  ['recall: empty reason', 'maker-a', 'recall', { code: BATCH, reason: '' }, 'TX_INVALID_ARGS'],
  ['receive: maker (wrong role)', 'maker-a', 'receive-serial', { gtin: GTIN, serial: '0001' }, 'TX_UNAUTHORIZED'],
  ['receive: unknown GTIN', 'hospital-a', 'receive-serial', { gtin: '04006381333931', serial: '0001' }, 'SUPPLY_UNKNOWN_BATCH'],
  ['receive: unknown lot', 'hospital-a', 'receive-serial', { gtin: GTIN, serial: '0001', lot: 'NONE' }, 'SUPPLY_UNKNOWN_BATCH'],
  ['receive: out of range', 'hospital-a', 'receive-serial', { gtin: GTIN, serial: '1001', lot: 'L2026A' }, 'SUPPLY_SERIAL_OUT_OF_RANGE'],
  ['receive: bad check digit', 'hospital-a', 'receive-serial', { gtin: breakCheckDigit(GTIN), serial: '0001' }, 'SUPPLY_BAD_CHECK_DIGIT'],
  ['receive: serial too long', 'hospital-a', 'receive-serial', { gtin: GTIN, serial: '1'.repeat(21) }, 'TX_INVALID_ARGS'],
];

test('bad input: each case has its stable code and the state root does not move', () => {
  const c = setup();
  const signer = (who: string): SyncSigner => (who.startsWith('!') ? c.stranger() : c.member(who));
  const root = c.head().header.stateRoot;
  const b = c.block(CASES.map(([, who, command, args]) => c.tx({ module: M, command, args, signer: signer(who) })));
  const got = b.txs.map((t, i) => `${CASES[i]![0]}: ${t.receipt.code}`);
  assert.deepEqual(got, CASES.map(([label, , , , code]) => `${label}: ${code}`));
  assert.deepEqual(b.header.stateRoot, root);
  for (const t of b.txs) assert.ok(t.receipt.message.length > 0);
});

test('splits nest at most MAX_SPLIT_DEPTH deep', () => {
  const c = setup();
  let code = BATCH;
  for (let i = 1; i < MAX_SPLIT_DEPTH; i++) {
    const sscc = ssccOf(100 + i);
    assert.equal(c.run(c.member('logistics-a'), M, 'split', { code, sscc, quantity: 10 }).txs[0]!.receipt.code, '');
    code = sscc;
  }
  const root = c.head().header.stateRoot;
  const b = c.run(c.member('logistics-a'), M, 'split', { code, sscc: ssccOf(999), quantity: 1 });
  assert.equal(b.txs[0]!.receipt.code, 'SUPPLY_SPLIT_TOO_DEEP');
  assert.deepEqual(b.header.stateRoot, root);
});

test('floats never reach the chain (the encoding has none); parse refuses them anyway', () => {
  const cmds = supplyTraceModule.commands;
  assert.throws(() => cmds.transfer!.parse(tr({ quantity: 1.5 }) as never), { code: 'TX_INVALID_ARGS' });
  assert.throws(() => cmds.split!.parse({ code: BATCH, sscc: ssccOf(5), quantity: 0.5 } as never), { code: 'TX_INVALID_ARGS' });
  assert.throws(() => cmds['register-batch']!.parse(reg({ quantity: 10.25 }) as never), { code: 'TX_INVALID_ARGS' });
  assert.throws(() => cmds.transfer!.parse(tr({ quantity: Number.NaN }) as never), { code: 'TX_INVALID_ARGS' });
});
