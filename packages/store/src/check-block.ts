// Checks every store makes before committing a block (docs/architecture.md §Store): the block extends the
// stored head, and what it carries is storable. All run before any write, so a rejected block changes nothing.
import { equalBytes, GongxinError } from '@gongxin/core';
import type { BlockRecord } from '@gongxin/core';
import { assertKeyText } from './keys.js';

/** What the checks need to know about the stored head. */
export interface HeadLink {
  readonly height: number;
  readonly hash: Uint8Array;
}

/**
 * Asserts `block` may follow `head` (undefined: nothing stored yet, so only block 0 via commitGenesis fits).
 * @throws STORE_NO_GENESIS, STORE_HEIGHT_MISMATCH, STORE_PREV_HASH_MISMATCH, STORE_TX_COUNT_MISMATCH, STORE_INVALID_KEY
 * @example checkNextBlock({ height: 4, hash }, block5);
 */
export function checkNextBlock(head: HeadLink | undefined, block: BlockRecord): void {
  if (head === undefined) {
    throw new GongxinError('STORE_NO_GENESIS', 'the store has no genesis: commit it with commitGenesis first');
  }
  const expected = head.height + 1;
  if (block.header.height !== expected) {
    throw new GongxinError('STORE_HEIGHT_MISMATCH', `block height ${block.header.height} does not follow the head (expected ${expected})`, {
      expected,
      got: block.header.height,
    });
  }
  if (!equalBytes(block.header.prevHash, head.hash)) {
    throw new GongxinError('STORE_PREV_HASH_MISMATCH', `block ${expected} does not link to the stored head's hash`, { height: expected });
  }
  checkBlockContents(block);
}

/**
 * Asserts block 0 has height 0 and storable contents.
 * @throws STORE_HEIGHT_MISMATCH, STORE_TX_COUNT_MISMATCH, STORE_INVALID_KEY
 */
export function checkBlockZero(block: BlockRecord): void {
  if (block.header.height !== 0) {
    throw new GongxinError('STORE_HEIGHT_MISMATCH', `the genesis block must have height 0, not ${block.header.height}`, {
      expected: 0,
      got: block.header.height,
    });
  }
  checkBlockContents(block);
}

function checkBlockContents(block: BlockRecord): void {
  if (block.txs.length !== block.header.txCount) {
    throw new GongxinError('STORE_TX_COUNT_MISMATCH', `block carries ${block.txs.length} txs but its header says ${block.header.txCount}`, {
      height: block.header.height,
      txs: block.txs.length,
      txCount: block.header.txCount,
    });
  }
  for (const w of block.writes) {
    assertKeyText('module', w.module);
    assertKeyText('key', w.key);
  }
}

/**
 * Asserts each history node is the next one of its level, given how many each level holds before the block.
 * @param count - nodes stored at a level before this block.
 * @throws STORE_HISTORY_OUT_OF_ORDER
 */
export function checkHistoryNodes(nodes: BlockRecord['historyNodes'], count: (level: number) => number): void {
  const added = new Map<number, number>();
  for (const n of nodes) {
    const next = count(n.level) + (added.get(n.level) ?? 0);
    if (!Number.isSafeInteger(n.level) || n.level < 0 || n.index !== next) {
      throw new GongxinError('STORE_HISTORY_OUT_OF_ORDER', `history node (${n.level}, ${n.index}) is not the next node of its level`, {
        level: n.level,
        index: n.index,
        expected: next,
      });
    }
    added.set(n.level, (added.get(n.level) ?? 0) + 1);
  }
}
