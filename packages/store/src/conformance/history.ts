// Conformance: history-tree nodes round trip (and rebuild the same tree), the append-order check, and — for
// persistent stores — reopening keeps everything and commits continue.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesToHex, createHistoryTree, createMemoryHistoryStore, equalBytes, leafHash } from '@gongxin/core';
import type { BlockRecord, HistoryNode, StateWrite } from '@gongxin/core';
import { createTestChain, resumeTestChain, sha256 } from '../test-chain.js';
import { assertBlockStored } from './blocks.js';
import { snapshot, throwsCode, val } from './helpers.js';
import type { StoreFactory } from './helpers.js';

const key = (n: HistoryNode): string => `${n.level}/${n.index}/${bytesToHex(n.hash)}`;

/** Registers the history-node and reopen tests. */
export function historyTests(name: string, f: StoreFactory): void {
  test(`${name}: history nodes round trip and rebuild the same tree`, () => {
    const store = f.create();
    try {
      const chain = createTestChain();
      const blocks: BlockRecord[] = [chain.block0()];
      store.commitGenesis(chain.genesis, blocks[0]!);
      for (let i = 1; i < 37; i++) {
        blocks.push(chain.next({ txs: i % 3 }));
        store.commitBlock(blocks.at(-1)!);
      }
      const all = blocks.flatMap((b) => b.historyNodes);
      const loaded = [...store.loadHistoryNodes()];
      const ordered = [...all].sort((a, b) => a.level - b.level || a.index - b.index);
      assert.deepEqual(loaded.map(key), ordered.map(key));
      const nodes = createMemoryHistoryStore();
      for (const n of loaded) nodes.put(n.level, n.index, n.hash);
      const rebuilt = createHistoryTree(sha256, nodes);
      const fresh = createHistoryTree(sha256);
      for (const b of blocks) fresh.append(leafHash(sha256, b.hash));
      assert.equal(rebuilt.size, blocks.length);
      assert.ok(equalBytes(rebuilt.root(), fresh.root()));
    } finally {
      store.close();
    }
  });

  test(`${name}: a history node out of append order is refused and changes nothing`, () => {
    const store = f.create();
    try {
      const chain = createTestChain();
      store.commitGenesis(chain.genesis, chain.block0());
      const b1 = chain.next({ writes: [{ module: 'm', key: 'k', value: val('k') }] });
      const before = snapshot(store);
      const [leaf, parent] = b1.historyNodes;
      assert.ok(leaf && parent, 'block 1 completes a pair: a leaf and its parent');
      const moved = (n: HistoryNode, index: number): HistoryNode => ({ ...n, index });
      throwsCode(() => store.commitBlock({ ...b1, historyNodes: [moved(leaf, 0), parent] }), 'STORE_HISTORY_OUT_OF_ORDER');
      throwsCode(() => store.commitBlock({ ...b1, historyNodes: [leaf, moved(parent, 1)] }), 'STORE_HISTORY_OUT_OF_ORDER');
      throwsCode(() => store.commitBlock({ ...b1, historyNodes: [leaf, leaf] }), 'STORE_HISTORY_OUT_OF_ORDER');
      throwsCode(() => store.commitBlock({ ...b1, historyNodes: [{ ...leaf, level: -1 }] }), 'STORE_HISTORY_OUT_OF_ORDER');
      assert.deepEqual(snapshot(store), before);
      store.commitBlock(b1);
      assert.equal([...store.loadHistoryNodes()].length, 3);
    } finally {
      store.close();
    }
  });

  const reopen = f.reopen?.bind(f);
  if (reopen === undefined) return;

  test(`${name}: reopening keeps everything, and commits continue`, () => {
    let store = f.create();
    try {
      const chain = createTestChain();
      const blocks: BlockRecord[] = [chain.block0({ txs: 3, writes: [{ module: 'gov', key: 'g', value: val('g') }] })];
      store.commitGenesis(chain.genesis, blocks[0]!);
      const writes: StateWrite[] = [];
      for (let i = 1; i < 6; i++) {
        const w: StateWrite[] = [
          { module: 'm', key: `k${i}`, value: val(`v${i}`) },
          { module: 'm', key: `k${i - 1}`, value: null },
        ];
        writes.push(...w);
        blocks.push(chain.next({ txs: 70 * i, writes: w }));
        store.commitBlock(blocks.at(-1)!);
      }
      const before = snapshot(store);
      store = reopen(store);
      assert.deepEqual(snapshot(store), before);
      for (const b of blocks) assertBlockStored(store, b);
      const more = resumeTestChain(store).next({ txs: 5, writes: [{ module: 'm', key: 'after', value: val('after') }] });
      assert.equal(more.header.height, 6);
      store.commitBlock(more);
      store = reopen(store);
      assertBlockStored(store, more);
      assert.deepEqual(store.get('m', 'after'), val('after'));
      assert.deepEqual(store.get('m', 'k5'), val('v5'));
      assert.equal(store.get('m', 'k4'), undefined);
      assert.equal([...store.loadHistoryNodes()].filter((n) => n.level === 0).length, 7);
    } finally {
      store.close();
    }
  });
}
