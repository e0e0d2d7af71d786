// Conformance: state writes (puts, overwrites, deletes), point reads, and scan's prefix/after/limit semantics
// with keys ordered by their UTF-8 bytes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { utf8Encode, compareBytes } from '@gongxin/core';
import type { LedgerStore, StateWrite } from '@gongxin/core';
import { createTestChain } from '../test-chain.js';
import { loadedState, nonEmpty, replayWrites, snapshot, throwsCode, val } from './helpers.js';
import type { StoreFactory } from './helpers.js';

const put = (module: string, key: string, seed = key): StateWrite => ({ module, key, value: val(seed) });
const del = (module: string, key: string): StateWrite => ({ module, key, value: null });
const byUtf8 = (a: string, b: string): number => compareBytes(utf8Encode(a), utf8Encode(b));

/** Keys chosen so UTF-16 order and UTF-8 order disagree, plus prefix edge cases. */
const KEYS = ['', 'a', 'a/', 'a/1', 'a/10', 'a/2', 'a\u00ff', 'a\uffff', 'a\u{10000}', 'a\u{10ffff}', 'a\u{10ffff}x', 'ab', 'b', 'B', '~', 'é', '\uffff', '\u{1f600}', 'z'];

function scanKeys(store: LedgerStore, prefix: string, after: string | undefined, limit: number, module = 's'): string[] {
  return store.scan(module, prefix, after, limit).map(([k]) => k);
}

/** What scan must return, computed from the key list. */
function expected(prefix: string, after: string | undefined, limit: number): string[] {
  return [...KEYS]
    .sort(byUtf8)
    .filter((k) => k.startsWith(prefix) && (after === undefined || byUtf8(k, after) > 0))
    .slice(0, limit);
}

/** Registers the state tests. */
export function stateTests(name: string, f: StoreFactory): void {
  const withChain = (title: string, fn: (store: LedgerStore, chain: ReturnType<typeof createTestChain>) => void): void => {
    test(`${name}: ${title}`, () => {
      const store = f.create();
      try {
        const chain = createTestChain();
        store.commitGenesis(chain.genesis, chain.block0());
        fn(store, chain);
      } finally {
        store.close();
      }
    });
  };

  withChain('puts, overwrites and deletes, in write order within a block', (store, chain) => {
    const writes: StateWrite[][] = [
      [put('m', 'a'), put('m', 'b'), put('n', 'a', 'na'), put('m', 'c'), del('m', 'missing')],
      [put('m', 'a', 'a2'), del('m', 'b'), put('m', 'd'), del('m', 'd'), del('m', 'c'), put('m', 'c', 'c2')],
      [del('n', 'a'), put('m', 'e', 'e1'), put('m', 'e', 'e2'), { module: 'm', key: 'empty', value: new Uint8Array(0) }],
    ];
    for (const w of writes) store.commitBlock(chain.next({ writes: w }));
    assert.deepEqual(store.get('m', 'a'), val('a2'));
    assert.equal(store.get('m', 'b'), undefined);
    assert.deepEqual(store.get('m', 'c'), val('c2'));
    assert.equal(store.get('m', 'd'), undefined);
    assert.deepEqual(store.get('m', 'e'), val('e2'));
    assert.deepEqual(store.get('m', 'empty'), new Uint8Array(0));
    assert.equal(store.get('n', 'a'), undefined);
    assert.equal(store.get('M', 'a'), undefined);
    assert.deepEqual(loadedState(store, byUtf8), nonEmpty(replayWrites(writes.flat())));
    assert.deepEqual(store.scan('n', '', undefined, 10), []);
  });

  withChain('scan orders keys by UTF-8 bytes and honours prefix, after and limit', (store, chain) => {
    store.commitBlock(chain.next({ writes: [...KEYS].reverse().map((k) => put('s', k)) }));
    store.commitBlock(chain.next({ writes: [put('t', 'a/1'), put('r', 'a/1'), put('s\u0000', 'a')] }));
    assert.deepEqual(scanKeys(store, '', undefined, 100), expected('', undefined, 100));
    assert.notDeepEqual(expected('', undefined, 100), [...KEYS].sort()); // the fixture does tell the orders apart
    const prefixes = ['', 'a', 'a/', 'a/1', 'a\u{10ffff}', '\u{10ffff}', 'b', 'c', '\uffff', 'é', 'zz'];
    const afters = [undefined, '', 'a', 'a/', 'a/1', 'a/15', 'a\uffff', 'a\u{10000}', 'ab', 'b', '~', '\u{10ffff}'];
    for (const p of prefixes) {
      for (const after of afters) {
        for (const limit of [0, 1, 2, 100]) {
          assert.deepEqual(scanKeys(store, p, after, limit), expected(p, after, limit), `prefix ${JSON.stringify(p)} after ${JSON.stringify(after)} limit ${limit}`);
        }
      }
    }
    const [first] = store.scan('s', 'a/1', undefined, 1);
    assert.deepEqual(first, ['a/1', val('a/1')]);
    assert.deepEqual(scanKeys(store, 'a/1', undefined, 10, 't'), ['a/1']);
    assert.deepEqual(scanKeys(store, '', undefined, 10, 's\u0000'), ['a']);
  });

  withChain('scan pages through a module without gaps or repeats', (store, chain) => {
    const keys = Array.from({ length: 250 }, (_, i) => `rec/${(i * 7919) % 1000}`);
    store.commitBlock(chain.next({ writes: keys.map((k) => put('p', k)) }));
    store.commitBlock(chain.next({ writes: [put('p', 'rec'), put('p', 'red/1'), put('p', 'rec0')] }));
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = store.scan('p', 'rec/', after, 37);
      if (page.length === 0) break;
      seen.push(...page.map(([k]) => k));
      after = page.at(-1)![0];
    }
    assert.deepEqual(seen, [...keys].sort(byUtf8));
  });

  withChain('bad scan arguments and malformed keys are refused', (store) => {
    const before = snapshot(store);
    throwsCode(() => store.scan('m', '', undefined, -1), 'STORE_INVALID_LIMIT');
    throwsCode(() => store.scan('m', '', undefined, 1.5), 'STORE_INVALID_LIMIT');
    throwsCode(() => store.scan('m', '', undefined, Number.NaN), 'STORE_INVALID_LIMIT');
    throwsCode(() => store.scan('m', '\uD800', undefined, 1), 'STORE_INVALID_KEY');
    throwsCode(() => store.scan('m', '', '\uDFFF', 1), 'STORE_INVALID_KEY');
    throwsCode(() => store.scan('\uD800', '', undefined, 1), 'STORE_INVALID_KEY');
    throwsCode(() => store.get('m', 'x\uD800'), 'STORE_INVALID_KEY');
    assert.deepEqual(snapshot(store), before);
  });

  withChain('loadState iterates every entry in (module, key) order', (store, chain) => {
    const writes: StateWrite[] = [];
    for (let b = 0; b < 5; b++) {
      const w = Array.from({ length: 40 }, (_, i) => ((b * 40 + i) % 9 === 0 ? del('m' + (i % 3), `k${(i * 13) % 50}`) : put('m' + (i % 3), `k${(i * 13 + b) % 50}`, `v${b}`)));
      writes.push(...w);
      store.commitBlock(chain.next({ writes: w }));
    }
    const it = store.loadState()[Symbol.iterator]();
    const first = it.next();
    assert.equal(first.done, false);
    it.return?.(); // an abandoned iteration must not block later reads or commits
    assert.deepEqual(loadedState(store, byUtf8), nonEmpty(replayWrites(writes)));
    store.commitBlock(chain.next({ writes: [put('m0', 'k0', 'last')] }));
    assert.deepEqual(store.get('m0', 'k0'), val('last'));
  });
}
