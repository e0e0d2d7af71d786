// Conformance: genesis, block commits and read-back of headers, txs and receipts, and the commit checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesToHex, encode, equalBytes, headerToValue, receiptToValue } from '@gongxin/core';
import type { BlockRecord, LedgerStore, Receipt } from '@gongxin/core';
import { createTestChain } from '../test-chain.js';
import { snapshot, throwsCode, val } from './helpers.js';
import type { StoreFactory } from './helpers.js';

const rc = (r: Receipt): string => bytesToHex(encode(receiptToValue(r)));

/** Asserts the store holds `block` exactly: header, hash, txs in order with their receipts. */
export function assertBlockStored(store: LedgerStore, block: BlockRecord): void {
  const h = block.header.height;
  const got = store.getHeader(h);
  assert.ok(got, `header ${h}`);
  assert.deepEqual(headerToValue(got.header), headerToValue(block.header));
  assert.ok(equalBytes(got.hash, block.hash));
  assert.deepEqual(store.getBlockTxIds(h).map(bytesToHex), block.txs.map((t) => bytesToHex(t.id)));
  const txs = store.getBlockTxs(h);
  assert.equal(txs.length, block.txs.length);
  block.txs.forEach((t, i) => {
    const s = txs[i]!;
    assert.deepEqual([bytesToHex(s.id), s.height, s.index, bytesToHex(s.bytes), rc(s.receipt)], [bytesToHex(t.id), h, i, bytesToHex(t.bytes), rc(t.receipt)]);
    const one = store.getTx(t.id);
    assert.ok(one, `getTx ${h}/${i}`);
    assert.deepEqual([one.height, one.index, bytesToHex(one.bytes), rc(one.receipt)], [h, i, bytesToHex(t.bytes), rc(t.receipt)]);
    assert.equal(store.hasTx(t.id), true);
  });
}

/** Registers the block tests. */
export function blockTests(name: string, f: StoreFactory): void {
  const withStore = (title: string, fn: (store: LedgerStore) => void): void => {
    test(`${name}: ${title}`, () => {
      const store = f.create();
      try {
        fn(store);
      } finally {
        store.close();
      }
    });
  };

  withStore('an empty store holds nothing', (store) => {
    assert.equal(store.head(), undefined);
    assert.equal(store.getGenesis(), undefined);
    assert.equal(store.getHeader(0), undefined);
    assert.deepEqual(store.getBlockTxs(0), []);
    assert.deepEqual(store.getBlockTxIds(0), []);
    assert.equal(store.hasTx(new Uint8Array(32)), false);
    assert.equal(store.getTx(new Uint8Array(32)), undefined);
    assert.equal(store.get('m', 'k'), undefined);
    assert.deepEqual(store.scan('m', '', undefined, 10), []);
    assert.deepEqual([...store.loadState()], []);
    assert.deepEqual([...store.loadHistoryNodes()], []);
  });

  withStore('genesis round trip with block 0', (store) => {
    const chain = createTestChain();
    const b0 = chain.block0({ txs: 2, writes: [{ module: 'gov', key: 'org/a', value: val('a') }] });
    store.commitGenesis(chain.genesis, b0);
    assert.deepEqual(store.getGenesis(), chain.genesis);
    const head = store.head();
    assert.ok(head);
    assert.deepEqual(headerToValue(head.header), headerToValue(b0.header));
    assert.ok(equalBytes(head.hash, b0.hash));
    assertBlockStored(store, b0);
    assert.deepEqual(store.get('gov', 'org/a'), val('a'));
  });

  withStore('a second genesis, a non-zero block 0 and a block before genesis are refused', (store) => {
    const chain = createTestChain();
    const b0 = chain.block0();
    throwsCode(() => store.commitBlock(b0), 'STORE_NO_GENESIS');
    throwsCode(() => store.commitGenesis(chain.genesis, { ...b0, header: { ...b0.header, height: 1 } }), 'STORE_HEIGHT_MISMATCH');
    assert.equal(store.getGenesis(), undefined);
    store.commitGenesis(chain.genesis, b0);
    const before = snapshot(store);
    throwsCode(() => store.commitGenesis(chain.genesis, b0), 'STORE_GENESIS_EXISTS');
    assert.deepEqual(snapshot(store), before);
  });

  withStore('commits blocks and reads back headers, txs and receipts', (store) => {
    const chain = createTestChain();
    const blocks = [chain.block0()];
    store.commitGenesis(chain.genesis, blocks[0]!);
    const nested: Receipt = {
      txId: new Uint8Array(32).fill(7),
      ok: true,
      code: '',
      message: '',
      events: [{ module: 'm', type: 't', attrs: { n: -5, big: 2n ** 60n, s: '中文', b: new Uint8Array([0, 255]), l: [true, null, { x: 1 }] } }],
    };
    blocks.push(chain.next({ txs: [{ id: nested.txId, receipt: nested }, {}, {}] }));
    blocks.push(chain.next({ txs: 150 })); // spans several 64-tx chunks
    blocks.push(chain.next({ txs: 0 }));
    blocks.push(chain.next({ txs: 64 }));
    for (const b of blocks.slice(1)) store.commitBlock(b);
    for (const b of blocks) assertBlockStored(store, b);
    assert.equal(store.head()?.header.height, 4);
    assert.equal(store.getHeader(5), undefined);
    assert.equal(store.getHeader(-1), undefined);
    assert.equal(store.getHeader(1.5), undefined);
    assert.deepEqual(store.getBlockTxs(5), []);
    const unknown = new Uint8Array(32).fill(9);
    assert.equal(store.hasTx(unknown), false);
    assert.equal(store.getTx(unknown), undefined);
    assert.equal(store.getTx(nested.txId)?.receipt.events[0]?.attrs.big, 2n ** 60n);
  });

  withStore('a block that does not follow the head is refused and changes nothing', (store) => {
    const chain = createTestChain();
    store.commitGenesis(chain.genesis, chain.block0());
    const b1 = chain.next({ txs: 3, writes: [{ module: 'm', key: 'k', value: val('1') }] });
    const before = snapshot(store);
    throwsCode(() => store.commitBlock({ ...b1, header: { ...b1.header, height: 2 } }), 'STORE_HEIGHT_MISMATCH');
    throwsCode(() => store.commitBlock({ ...b1, header: { ...b1.header, height: 0 } }), 'STORE_HEIGHT_MISMATCH');
    throwsCode(() => store.commitBlock({ ...b1, header: { ...b1.header, prevHash: new Uint8Array(32) } }), 'STORE_PREV_HASH_MISMATCH');
    throwsCode(() => store.commitBlock({ ...b1, txs: b1.txs.slice(1) }), 'STORE_TX_COUNT_MISMATCH');
    throwsCode(() => store.commitBlock({ ...b1, writes: [...b1.writes, { module: 'm', key: 'bad\uD800', value: val('x') }] }), 'STORE_INVALID_KEY');
    throwsCode(() => store.commitBlock({ ...b1, writes: [{ module: '\uDC00', key: 'k', value: val('x') }] }), 'STORE_INVALID_KEY');
    assert.deepEqual(snapshot(store), before);
    for (const t of b1.txs) assert.equal(store.hasTx(t.id), false);
    store.commitBlock(b1);
    assertBlockStored(store, b1);
    throwsCode(() => store.commitBlock(b1), 'STORE_HEIGHT_MISMATCH');
  });

  withStore('tx ids sharing their first 8 bytes, short ids and repeated ids are found exactly', (store) => {
    const chain = createTestChain();
    store.commitGenesis(chain.genesis, chain.block0());
    const id = (tail: number, len = 32): Uint8Array => {
      const b = new Uint8Array(len).fill(0xab);
      b[len - 1] = tail;
      return b;
    };
    const b1 = chain.next({ txs: [{ id: id(1) }, { id: id(2) }, { id: new Uint8Array([1]) }, { id: new Uint8Array([1, 0]) }, { id: new Uint8Array(0) }] });
    store.commitBlock(b1);
    const b2 = chain.next({ txs: [{ id: id(3) }, { id: id(1) }, { id: id(2) }, { id: id(3) }] });
    store.commitBlock(b2);
    const where = (x: Uint8Array): [number, number] | undefined => {
      const t = store.getTx(x);
      return t === undefined ? undefined : [t.height, t.index];
    };
    assert.deepEqual(where(id(1)), [1, 0]);
    assert.deepEqual(where(id(2)), [1, 1]);
    assert.deepEqual(where(new Uint8Array([1])), [1, 2]);
    assert.deepEqual(where(new Uint8Array([1, 0])), [1, 3]);
    assert.deepEqual(where(new Uint8Array(0)), [1, 4]);
    assert.deepEqual(where(id(3)), [2, 0]); // a repeated id keeps its first place
    assert.ok(equalBytes(store.getTx(id(3))!.id, id(3)));
    for (const absent of [id(4), id(1, 31), id(1, 33), new Uint8Array([1, 0, 0]), new Uint8Array([2])]) {
      assert.equal(store.hasTx(absent), false, bytesToHex(absent));
      assert.equal(store.getTx(absent), undefined);
    }
    assert.deepEqual(store.getBlockTxIds(2).map(bytesToHex), b2.txs.map((t) => bytesToHex(t.id)));
  });

  withStore('stored bytes are independent of the caller', (store) => {
    const chain = createTestChain();
    const value = val('v');
    const b0 = chain.block0({ txs: 1, writes: [{ module: 'm', key: 'k', value }] });
    const txBytes = b0.txs[0]!.bytes;
    const keep = txBytes.slice();
    store.commitGenesis(chain.genesis, b0);
    value.fill(0);
    txBytes.fill(0);
    assert.deepEqual(store.get('m', 'k'), val('v'));
    assert.deepEqual(store.getTx(b0.txs[0]!.id)?.bytes, keep);
    store.get('m', 'k')!.fill(1);
    store.getBlockTxs(0)[0]!.bytes.fill(1);
    assert.deepEqual(store.get('m', 'k'), val('v'));
    assert.deepEqual(store.getTx(b0.txs[0]!.id)?.bytes, keep);
  });

  test(`${name}: a closed store refuses every call`, () => {
    const store = f.create();
    const chain = createTestChain();
    store.commitGenesis(chain.genesis, chain.block0());
    store.close();
    store.close();
    throwsCode(() => store.head(), 'STORE_CLOSED');
    throwsCode(() => store.get('m', 'k'), 'STORE_CLOSED');
    throwsCode(() => store.commitBlock(chain.next()), 'STORE_CLOSED');
    throwsCode(() => [...store.loadState()], 'STORE_CLOSED');
  });
}
