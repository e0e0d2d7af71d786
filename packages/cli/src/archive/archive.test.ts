// Chain archives and replay from genesis: export → replay reproduces every header, receipt and the state root;
// a changed tx, header, genesis or a missing block is caught; truncated or padded archives are refused.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { bytesToHex, decodeBlock, encodeReceipt, isGongxinError, type Block, type GenesisDoc } from '@gongxin/core';
import { createTestChain, testRuntime, type TestChain } from '../testing/test-chain.js';
import { exportChain } from './export-chain.js';
import { createArchiveWriter, openArchive } from './format.js';
import { createMemoryLedger } from './memory-ledger.js';
import { replayArchive } from './replay.js';

const root = mkdtempSync(join(tmpdir(), 'gongxin-cli-archive-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const file = (): string => join(root, `a${n++}.gxa`);

function sampleChain(): TestChain {
  const c = createTestChain();
  for (let h = 1; h <= 6; h++) {
    const txs = Array.from({ length: h % 3 }, (_, i) => c.tx('kv', 'set', { key: `k${i}`, value: h * 100 + i }));
    if (h === 4) txs.push(c.tx('kv', 'fail', {}));
    c.commit(txs);
  }
  return c;
}

/** The chain's blocks as stored, for building altered archives. */
function blocksOf(c: TestChain): Block[] {
  const last = c.store.head()!.header.height;
  return Array.from({ length: last + 1 }, (_, h) => ({ header: c.store.getHeader(h)!.header, txs: c.store.getBlockTxs(h).map((t) => t.bytes) }));
}

function writeArchive(genesis: GenesisDoc, blocks: readonly Block[]): string {
  const path = file();
  const w = createArchiveWriter({ path, genesis, blockCount: blocks.length, txCount: blocks.reduce((s, b) => s + b.txs.length, 0) });
  for (const b of blocks) w.writeBlock(b);
  w.finish();
  return path;
}

const replay = (path: string): ReturnType<typeof replayArchive> => replayArchive({ path, target: createMemoryLedger(), ...testRuntime });

test('export then replay reproduces every header, receipt and the state root', () => {
  const c = sampleChain();
  const path = file();
  const seen: number[] = [];
  const exported = exportChain({ source: c.store, path, onBlock: (h) => seen.push(h) });
  assert.deepEqual(seen, [0, 1, 2, 3, 4, 5, 6]);
  assert.equal(exported.blocks, 7);
  assert.equal(exported.txs, 7);
  assert.equal(exported.bytes, readFileSync(path).length);
  assert.deepEqual(exported.genesisHash, c.genesisHash);

  const a = openArchive(path);
  assert.equal(a.blockCount, 7);
  assert.equal(a.txCount, 7);
  assert.deepEqual(a.genesis, c.genesis);
  const blocks = [...a.blocks()].map((b) => decodeBlock(b, c.genesis.params));
  a.close();
  assert.deepEqual(blocks, blocksOf(c));

  const target = createMemoryLedger();
  const r = replayArchive({ path, target, ...testRuntime });
  const head = c.store.head()!;
  assert.equal(r.height, 6);
  assert.deepEqual(r.headHash, head.hash);
  assert.deepEqual(r.stateRoot, head.header.stateRoot);
  assert.deepEqual(r.historyRoot, c.history.root());
  assert.equal(r.txs, 7);
  for (let h = 0; h <= 6; h++) {
    assert.deepEqual(target.getHeader(h), c.store.getHeader(h));
    assert.deepEqual(target.getBlockTxs(h).map((t) => bytesToHex(encodeReceipt(t.receipt))), c.store.getBlockTxs(h).map((t) => bytesToHex(encodeReceipt(t.receipt))));
  }
  assert.deepEqual([...target.loadState()].sort(), [...c.store.loadState()].sort());
  assert.equal(target.getBlockTxs(4).at(-1)!.receipt.code, 'KV_REFUSED', 'failed receipts replay as failed');
});

test('a replay fails at the first block whose rules or re-executed header differ', () => {
  const c = sampleChain();
  const good = blocksOf(c);
  const other = createTestChain();
  const foreignTx = other.tx('kv', 'set', { key: 'k0', value: 1 });
  const last = good.length - 1;
  const withHeader = (h: number, patch: Partial<Block['header']>): Block[] => good.map((b, i) => (i === h ? { ...b, header: { ...b.header, ...patch } } : b));
  const cases: Array<[string, GenesisDoc, Block[], (e: unknown) => boolean]> = [
    ['a tx swapped for another', c.genesis, good.map((b, i) => (i === 2 ? { ...b, txs: [foreignTx, ...b.txs.slice(1)] } : b)), (e) => isGongxinError(e, 'BLOCK_BAD_TX_ROOT')],
    ['a tx dropped', c.genesis, good.map((b, i) => (i === 2 ? { ...b, txs: b.txs.slice(1) } : b)), (e) => isGongxinError(e, 'BLOCK_BAD_TX_ROOT')],
    [
      'a forged state root in the last block',
      c.genesis,
      withHeader(last, { stateRoot: new Uint8Array(32).fill(7) }),
      (e) => isGongxinError(e, 'CLI_REPLAY_MISMATCH') && e.details.height === last && e.details.fields === 'stateRoot',
    ],
    [
      'a forged receipts root',
      c.genesis,
      withHeader(last, { receiptsRoot: new Uint8Array(32).fill(1) }),
      (e) => isGongxinError(e, 'CLI_REPLAY_MISMATCH') && e.details.fields === 'receiptsRoot',
    ],
    ['a forged history root', c.genesis, withHeader(last, { historyRoot: new Uint8Array(32) }), (e) => isGongxinError(e, 'CLI_REPLAY_MISMATCH') && e.details.fields === 'historyRoot'],
    ['a broken link', c.genesis, withHeader(last, { prevHash: new Uint8Array(32) }), (e) => isGongxinError(e, 'BLOCK_BAD_LINK')],
    [
      'another genesis',
      { ...c.genesis, modules: { kv: 'other seed' } },
      good,
      (e) => isGongxinError(e, 'CLI_REPLAY_MISMATCH') && e.details.height === 0 && String(e.details.fields).includes('prevHash'),
    ],
    ['a block 0 with txs', c.genesis, good.map((b, i) => (i === 0 ? { ...b, txs: [foreignTx] } : b)), (e) => isGongxinError(e, 'CLI_ARCHIVE_MALFORMED')],
  ];
  for (const [what, genesis, blocks, want] of cases) {
    assert.throws(() => replay(writeArchive(genesis, blocks)), want, what);
  }
  // The unaltered blocks replay (the cases above fail for their change alone).
  const okPath = writeArchive(c.genesis, good);
  assert.equal(replay(okPath).height, last);
  // A block missing: the writer refuses to write it, and a hand-made archive without it does not replay.
  assert.throws(() => writeArchive(c.genesis, good.filter((_, i) => i !== 3)), (e: unknown) => isGongxinError(e, 'CLI_ARCHIVE_MALFORMED'));
  const bytes = readFileSync(okPath);
  const records: Buffer[] = [];
  let pos = 28 + bytes.readUInt32BE(24);
  const preamble = Buffer.from(bytes.subarray(0, pos));
  for (let i = 0; i <= last; i++) {
    const len = bytes.readUInt32BE(pos);
    records.push(bytes.subarray(pos, pos + 4 + len));
    pos += 4 + len;
  }
  preamble.writeUInt32BE(last, 12);
  const gap = join(root, 'gap.gxa');
  writeFileSync(gap, Buffer.concat([preamble, ...records.filter((_, i) => i !== 3), Buffer.alloc(4)]));
  assert.throws(() => replay(gap), (e: unknown) => isGongxinError(e, 'BLOCK_BAD_HEIGHT'));
});

test('truncated, padded, foreign and future archives are refused with CLI_ARCHIVE_MALFORMED', () => {
  const c = sampleChain();
  const path = file();
  exportChain({ source: c.store, path });
  const bytes = readFileSync(path);
  const variant = (b: Uint8Array): string => {
    const p = file();
    writeFileSync(p, b);
    return p;
  };
  const malformed = (message: RegExp) => (e: unknown) => isGongxinError(e, 'CLI_ARCHIVE_MALFORMED') && message.test(e.message);
  assert.throws(() => replay(variant(bytes.subarray(0, bytes.length - 1))), malformed(/ends inside the end marker/));
  assert.throws(() => replay(variant(bytes.subarray(0, bytes.length - 40))), malformed(/ends inside block 6/));
  assert.throws(() => replay(variant(bytes.subarray(0, 20))), malformed(/ends inside the preamble/));
  assert.throws(() => replay(variant(Buffer.concat([bytes, Buffer.from([0])]))), malformed(/bytes after the end marker/));
  const magic = Buffer.from(bytes);
  magic[0] = 0x48;
  assert.throws(() => replay(variant(magic)), malformed(/bad magic/));
  const version = Buffer.from(bytes);
  version[11] = 9;
  assert.throws(() => replay(variant(version)), malformed(/archive version 9/));
  const fewer = Buffer.from(bytes);
  fewer[15] = 5; // the preamble announces 5 blocks, 7 follow
  assert.throws(() => replay(variant(fewer)), malformed(/more than the 5 announced blocks/));
  assert.throws(() => replay(join(root, 'missing.gxa')), (e: unknown) => isGongxinError(e, 'CLI_FILE_UNREADABLE'));
});

test('an interrupted export leaves no archive behind', () => {
  const c = sampleChain();
  const path = join(root, 'partial.gxa');
  const source = { ...c.store, getBlockTxs: (h: number) => (h === 2 ? [] : c.store.getBlockTxs(h)), getGenesis: () => c.store.getGenesis(), head: () => c.store.head(), getHeader: (h: number) => c.store.getHeader(h) };
  assert.throws(() => exportChain({ source, path }), (e: unknown) => isGongxinError(e, 'CLI_STORE_MISMATCH'));
  assert.throws(() => readFileSync(path), /ENOENT/);
  assert.throws(() => exportChain({ source: createMemoryLedger(), path }), (e: unknown) => isGongxinError(e, 'CLI_LEDGER_MISSING'));
});
