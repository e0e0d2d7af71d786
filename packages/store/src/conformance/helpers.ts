// Helpers of the LedgerStore conformance suite: whole-store snapshots to prove "changes nothing", error checks.
import assert from 'node:assert/strict';
import { bytesToHex, encode, headerToValue, isGongxinError, receiptToValue } from '@gongxin/core';
import type { LedgerStore, StateWrite } from '@gongxin/core';

/** Builds the stores under test. */
export interface StoreFactory {
  /** A new, empty store. */
  create(): LedgerStore;
  /** Closes `store` and opens the same data again (persistent stores only). */
  reopen?(store: LedgerStore): LedgerStore;
}

/** Asserts `fn` throws a GongxinError with `code`. */
export function throwsCode(fn: () => unknown, code: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(isGongxinError(e), `expected GongxinError ${code}, got ${String(e)}`);
    assert.equal(e.code, code);
    return true;
  });
}

/** Everything a store holds, as comparable plain data. */
export function snapshot(store: LedgerStore): unknown {
  const head = store.head();
  const blocks = [];
  for (let h = 0; head !== undefined && h <= head.header.height; h++) {
    const c = store.getHeader(h);
    assert.ok(c, `header ${h} missing`);
    blocks.push({
      hash: bytesToHex(c.hash),
      header: bytesToHex(encode(headerToValue(c.header))),
      txs: store.getBlockTxs(h).map((t) => [bytesToHex(t.id), t.height, t.index, bytesToHex(t.bytes), bytesToHex(encode(receiptToValue(t.receipt)))]),
    });
  }
  return {
    genesis: store.getGenesis(),
    head: head === undefined ? null : [head.header.height, bytesToHex(head.hash)],
    blocks,
    state: [...store.loadState()].map(([m, k, v]) => [m, k, bytesToHex(v)]),
    history: [...store.loadHistoryNodes()].map((n) => [n.level, n.index, bytesToHex(n.hash)]),
  };
}

/** The state after applying `writes` in order: module → key → hex value. */
export function replayWrites(writes: Iterable<StateWrite>): Map<string, Map<string, string>> {
  const state = new Map<string, Map<string, string>>();
  for (const w of writes) {
    let m = state.get(w.module);
    if (m === undefined) state.set(w.module, (m = new Map()));
    if (w.value === null) m.delete(w.key);
    else m.set(w.key, bytesToHex(w.value));
  }
  return state;
}

/** loadState as module → key → hex value (empty modules dropped), checking (module, key) order on the way. */
export function loadedState(store: LedgerStore, compare: (a: string, b: string) => number): Map<string, Map<string, string>> {
  const state = new Map<string, Map<string, string>>();
  let prev: readonly [string, string] | undefined;
  for (const [m, k, v] of store.loadState()) {
    if (prev !== undefined) {
      const c = compare(prev[0], m) || compare(prev[1], k);
      assert.ok(c < 0, `loadState out of order: ${prev.join('/')} then ${m}/${k}`);
    }
    prev = [m, k];
    let mm = state.get(m);
    if (mm === undefined) state.set(m, (mm = new Map()));
    mm.set(k, bytesToHex(v));
  }
  return state;
}

/** Drops modules left empty by deletes, so replayed and loaded state compare equal. */
export function nonEmpty(state: Map<string, Map<string, string>>): Map<string, Map<string, string>> {
  return new Map([...state].filter(([, m]) => m.size > 0));
}

/** A value of `n` bytes derived from `seed`. */
export function val(seed: string, n = 8): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (seed.charCodeAt(i % seed.length) + i * 31) & 255;
  return out;
}
