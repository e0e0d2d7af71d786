// The supply-trace story on a real in-memory chain: register → attest → transfer → split → serials → recall, the
// public lookup by every code form, holdings, events and the offline bundle's keys.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesToHex, decode, type Value } from '@gongxin/core';
import { createScenarioChain, type ScenarioChain } from '@gongxin/testkit';
import { supplyBundleKeys, supplyTraceModule } from './index.js';
import { batchArgs, breakCheckDigit, GTIN, M, queryContextOf, ssccOf } from './test-support.js';

const BATCH = `${GTIN}-L2026A`;
const CERT = 'c'.repeat(64);

function ok(c: ScenarioChain, org: string, command: string, args: Value): { txId: string; events: string[] } {
  const b = c.run(c.member(org), M, command, args);
  const r = b.txs[0]!.receipt;
  assert.equal(r.code, '', `${command}: ${r.message}`);
  return { txId: bytesToHex(r.txId), events: r.events.map((e) => e.type) };
}
function code(c: ScenarioChain, org: string, command: string, args: Value): string {
  return c.run(c.member(org), M, command, args).txs[0]!.receipt.code;
}
type Report = { found: boolean; real: boolean; certified: boolean; failed: boolean; recalled: boolean; form: string; trail: Array<{ step: string; code: string; from: string | null; to: string | null; quantity: number | null; txId: string; height: number; at: number }>; holdings: Array<{ code: string; org: string; quantity: number }>; serialFlags: Array<{ org: string; firstOrg: string }>; mismatches: string[]; candidates: string[]; digitalLink: string | null };
function lookup(c: ScenarioChain, q: string): Report {
  const def = supplyTraceModule.queries.lookup!;
  return def.run(queryContextOf(c.store, c.head().header.height), def.parse({ code: q }) as never) as Report;
}
const get = (c: ScenarioChain, k: string): Value | undefined => {
  const v = c.store.get(M, k);
  return v === undefined ? undefined : decode(v);
};

function story(): ScenarioChain {
  const c = createScenarioChain({ modules: [supplyTraceModule] });
  assert.deepEqual(ok(c, 'maker-a', 'register-batch', batchArgs({ serialRange: { first: '000001', last: '001000' } })).events, ['batch-registered']);
  assert.deepEqual(ok(c, 'inspector-a', 'attest', { batch: BATCH, certificate: CERT, result: 'pass', standard: 'GB 19083-2010' }).events, ['batch-attested']);
  assert.deepEqual(ok(c, 'maker-a', 'transfer', { code: BATCH, to: 'logistics-a', quantity: 600 }).events, ['transferred']);
  assert.deepEqual(ok(c, 'logistics-a', 'split', { code: BATCH, sscc: ssccOf(1), quantity: 200 }).events, ['split']);
  ok(c, 'logistics-a', 'transfer', { code: ssccOf(1), to: 'hospital-a', quantity: 150 });
  return c;
}

test('register, attest, transfer, split: holdings conserved and shown', () => {
  const c = story();
  const batch = get(c, `batch/${BATCH}`) as { maker: string; certified: boolean; productionDate: string; expiryDate: string };
  assert.equal(batch.maker, 'maker-a');
  assert.equal(batch.certified, true);
  assert.equal(batch.productionDate, '2025-11-01');
  assert.equal(batch.expiryDate, '2027-10-31');
  assert.equal(get(c, `hold/${BATCH}/maker-a`), 400);
  assert.equal(get(c, `hold/${BATCH}/logistics-a`), 400);
  assert.equal(get(c, `hold/${ssccOf(1)}/logistics-a`), 50);
  assert.equal(get(c, `hold/${ssccOf(1)}/hospital-a`), 150);
  const r = lookup(c, `https://id.gs1.org/01/${GTIN}/10/L2026A?17=271031`);
  assert.equal(r.form, 'digital-link');
  assert.deepEqual([r.found, r.real, r.certified, r.recalled], [true, true, true, false]);
  assert.deepEqual(r.trail.map((e) => e.step), ['register', 'attest', 'transfer', 'split', 'transfer']);
  assert.equal(r.holdings.reduce((s, h) => s + h.quantity, 0), 1000);
  assert.equal(r.digitalLink, `https://id.gs1.org/01/${GTIN}/10/L2026A?17=271031`);
  const t = r.trail[2]!;
  assert.deepEqual([t.from, t.to, t.quantity], ['maker-a', 'logistics-a', 600]);
  assert.equal(t.height, 3);
  assert.equal(t.at, c.store.getHeader(3)!.header.timestamp);
  assert.equal(t.txId, bytesToHex(c.store.getBlockTxIds(3)[0]!));
  const u = lookup(c, ssccOf(1));
  assert.deepEqual(u.holdings, [{ code: ssccOf(1), org: 'hospital-a', quantity: 150 }, { code: ssccOf(1), org: 'logistics-a', quantity: 50 }]);
  assert.deepEqual(u.trail.map((e) => `${e.step}:${e.code}`), [`register:${BATCH}`, `attest:${BATCH}`, `transfer:${BATCH}`, `split:${BATCH}`, `transfer:${ssccOf(1)}`]);
  assert.equal(u.digitalLink, `https://id.gs1.org/00/${ssccOf(1)}`);
  assert.deepEqual(lookup(c, `(00)${ssccOf(1)}`).holdings, u.holdings);
  const h = supplyTraceModule.queries.holdings!;
  assert.deepEqual(h.run(queryContextOf(c.store, 0), h.parse({ org: 'logistics-a' }) as never), [
    { code: ssccOf(1), batch: BATCH, quantity: 50 },
    { code: BATCH, batch: BATCH, quantity: 400 },
  ]);
});

test('only holders move goods, up to what they hold', () => {
  const c = story();
  assert.equal(code(c, 'hospital-b', 'transfer', { code: BATCH, to: 'hospital-a', quantity: 1 }), 'SUPPLY_NOT_HOLDER');
  assert.equal(code(c, 'maker-a', 'transfer', { code: BATCH, to: 'hospital-a', quantity: 401 }), 'SUPPLY_INSUFFICIENT_QUANTITY');
  assert.equal(code(c, 'hospital-a', 'split', { code: ssccOf(1), sscc: ssccOf(2), quantity: 151 }), 'SUPPLY_INSUFFICIENT_QUANTITY');
  assert.equal(code(c, 'hospital-a', 'split', { code: ssccOf(1), sscc: ssccOf(1), quantity: 1 }), 'SUPPLY_SSCC_EXISTS');
  assert.equal(code(c, 'maker-a', 'transfer', { code: BATCH, to: 'maker-a', quantity: 1 }), 'SUPPLY_SELF_TRANSFER');
  assert.equal(code(c, 'maker-a', 'transfer', { code: BATCH, to: 'nobody', quantity: 1 }), 'SUPPLY_UNKNOWN_ORG');
  ok(c, 'maker-a', 'transfer', { code: BATCH, to: 'hospital-b', quantity: 400 });
  assert.equal(get(c, `hold/${BATCH}/maker-a`), undefined);
  assert.equal(code(c, 'maker-a', 'transfer', { code: BATCH, to: 'hospital-b', quantity: 1 }), 'SUPPLY_NOT_HOLDER');
});

test('a recall reaches every lot split from the batch; the maker of another batch cannot recall it', () => {
  const c = story();
  ok(c, 'hospital-a', 'split', { code: ssccOf(1), sscc: ssccOf(2), quantity: 10 });
  assert.equal(code(c, 'maker-b', 'recall', { code: BATCH, reason: 'not mine' }), 'SUPPLY_NOT_MANUFACTURER');
  assert.deepEqual(ok(c, 'maker-a', 'recall', { code: BATCH, reason: 'filter defect' }).events, ['recalled']);
  assert.equal(code(c, 'maker-a', 'recall', { code: ssccOf(2), reason: 'again' }), 'SUPPLY_ALREADY_RECALLED');
  assert.equal(code(c, 'hospital-a', 'transfer', { code: ssccOf(2), to: 'hospital-b', quantity: 1 }), 'SUPPLY_RECALLED');
  assert.equal(code(c, 'hospital-a', 'transfer', { code: ssccOf(1), to: 'hospital-b', quantity: 1 }), 'SUPPLY_RECALLED');
  assert.equal(code(c, 'maker-a', 'split', { code: BATCH, sscc: ssccOf(3), quantity: 1 }), 'SUPPLY_RECALLED');
  const r = lookup(c, ssccOf(2));
  assert.deepEqual([r.recalled, r.certified], [true, true]);
  assert.equal(r.trail.at(-1)!.step, 'recall');
});

test('a health authority recalls one logistic unit; its siblings still move', () => {
  const c = story();
  ok(c, 'logistics-a', 'split', { code: BATCH, sscc: ssccOf(2), quantity: 10 });
  ok(c, 'authority-a', 'recall', { code: ssccOf(1), reason: 'water damage' });
  assert.equal(code(c, 'hospital-a', 'transfer', { code: ssccOf(1), to: 'hospital-b', quantity: 1 }), 'SUPPLY_RECALLED');
  ok(c, 'logistics-a', 'transfer', { code: ssccOf(2), to: 'hospital-b', quantity: 10 });
  assert.equal(lookup(c, BATCH).recalled, false);
  assert.equal(lookup(c, ssccOf(1)).recalled, true);
});

test('a failed inspection stops the batch for good', () => {
  const c = createScenarioChain({ modules: [supplyTraceModule] });
  ok(c, 'maker-a', 'register-batch', batchArgs());
  assert.equal(code(c, 'inspector-a', 'attest', { batch: BATCH, certificate: CERT, result: 'pass', standard: 'GB 2626-2019' }), 'SUPPLY_STANDARD_MISMATCH');
  ok(c, 'inspector-a', 'attest', { batch: BATCH, certificate: CERT, result: 'fail', standard: 'GB 19083-2010' });
  ok(c, 'inspector-a', 'attest', { batch: BATCH, certificate: CERT, result: 'pass', standard: 'GB 19083-2010' });
  assert.equal(code(c, 'maker-a', 'transfer', { code: BATCH, to: 'hospital-a', quantity: 1 }), 'SUPPLY_FAILED_INSPECTION');
  assert.equal(code(c, 'maker-a', 'split', { code: BATCH, sscc: ssccOf(1), quantity: 1 }), 'SUPPLY_FAILED_INSPECTION');
  const r = lookup(c, BATCH);
  assert.deepEqual([r.certified, r.failed], [false, true]);
});

test('a serial received in two orgs is flagged, not refused; lookups by serial show it', () => {
  const c = story();
  assert.deepEqual(ok(c, 'hospital-a', 'receive-serial', { gtin: GTIN, serial: '000007', lot: 'L2026A' }).events, ['serial-received']);
  assert.equal(code(c, 'hospital-a', 'receive-serial', { gtin: GTIN, serial: '000007' }), 'SUPPLY_SERIAL_ALREADY_RECEIVED');
  assert.deepEqual(ok(c, 'hospital-b', 'receive-serial', { gtin: GTIN, serial: '000007' }).events, ['serial-received', 'serial-duplicate']);
  assert.deepEqual(ok(c, 'logistics-a', 'receive-serial', { gtin: GTIN, serial: '000008' }).events, ['serial-received']);
  assert.equal(code(c, 'hospital-a', 'receive-serial', { gtin: GTIN, serial: '001001', lot: 'L2026A' }), 'SUPPLY_SERIAL_OUT_OF_RANGE');
  const flag = get(c, `flag/${GTIN}/000007/hospital-b`) as { firstOrg: string };
  assert.equal(flag.firstOrg, 'hospital-a');
  const r = lookup(c, `https://example.cn/01/${GTIN}/21/000007`);
  assert.equal(r.found, true);
  assert.deepEqual(r.serialFlags.map((f) => [f.org, f.firstOrg]), [['hospital-b', 'hospital-a']]);
  assert.equal(r.digitalLink, `https://id.gs1.org/01/${GTIN}/10/L2026A/21/000007?17=271031`);
  const fake = lookup(c, `(01)${GTIN}(10)L2026A(21)009999(17)271031`);
  assert.deepEqual([fake.found, fake.real, fake.mismatches], [true, false, ['serial']]);
  assert.deepEqual(lookup(c, `(01)${GTIN}(10)L2026A(17)281031`).mismatches, ['expiry']);
});

test('lookup: plain lot, unknown codes are "not found", a bad check digit is an error', () => {
  const c = story();
  assert.equal(lookup(c, 'L2026A').found, true);
  const none = lookup(c, 'NOPE-1');
  assert.deepEqual([none.found, none.real, none.candidates], [false, false, []]);
  assert.equal(lookup(c, ssccOf(99)).found, false);
  const q = supplyTraceModule.queries.lookup!;
  const ctx = queryContextOf(c.store, 0);
  assert.throws(() => q.run(ctx, q.parse({ code: `${GTIN.slice(0, 13)}9-L2026A` }) as never), { code: 'SUPPLY_BAD_CHECK_DIGIT' });
  assert.throws(() => q.parse({ code: 5 }), { code: 'QUERY_INVALID_PARAMS' });
  ok(c, 'maker-b', 'register-batch', batchArgs({ gtin: '04006381333931', lot: 'L2026A', standard: 'YY 0469-2011', productType: 'surgical-mask' }));
  assert.deepEqual(lookup(c, 'L2026A').candidates, ['04006381333931-L2026A', BATCH]);
});

test('bundle keys: the batch, each step and its tx, attestations, units and holdings', () => {
  const c = story();
  ok(c, 'maker-a', 'recall', { code: BATCH, reason: 'test' });
  const read = (k: string): Value | undefined => get(c, k);
  const { keys, txIds } = supplyBundleKeys('batch', BATCH, read);
  for (const k of [`batch/${BATCH}`, `seq/${BATCH}`, `unit/${ssccOf(1)}`, `hold/${BATCH}/maker-a`, `hold/${ssccOf(1)}/hospital-a`, `hold/${ssccOf(1)}/logistics-a`]) assert.ok(keys.includes(k), k);
  assert.equal(keys.filter((k) => k.startsWith('trail/')).length, 6);
  assert.equal(keys.filter((k) => k.startsWith('attest/')).length, 1);
  assert.ok(keys.every((k) => read(k) !== undefined));
  const all = [1, 2, 3, 4, 5, 6].map((h) => bytesToHex(c.store.getBlockTxIds(h)[0]!));
  assert.deepEqual(txIds, all);
  assert.deepEqual(supplyBundleKeys('batch', ssccOf(1), read), { keys, txIds });
  assert.throws(() => supplyBundleKeys('batch', `${GTIN}-NONE`, read), { code: 'SUPPLY_UNKNOWN_BATCH' });
  assert.throws(() => supplyBundleKeys('batch', breakCheckDigit(ssccOf(1)), read), { code: 'SUPPLY_BAD_CHECK_DIGIT' });
});
