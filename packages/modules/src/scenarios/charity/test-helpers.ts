// Test support for the charity module (tests only; no assertions here so it stays inside the modules lint fence):
// a query context over a committed store, and a reader of this module's state.
import { decode, type ChainHead, type QueryContext, type StateReader, type Value } from '@gongxin/core';
import { charityModule } from './index.js';

/** The part of a test chain the helpers need. */
export interface ChainLike {
  readonly store: StateReader;
  head(): ChainHead;
}

/** Reads a key of the charity module from committed state (decoded). */
export function readCharity(chain: ChainLike): (key: string) => Value | undefined {
  return (key) => {
    const v = chain.store.get('charity', key);
    return v === undefined ? undefined : decode(v);
  };
}

/** A QueryContext over committed state, as the node builds one. */
export function queryContext(chain: ChainLike): QueryContext {
  const read = (m: string, k: string): Value | undefined => {
    const v = chain.store.get(m, k);
    return v === undefined ? undefined : decode(v);
  };
  return {
    height: chain.head().header.height,
    get: (k) => read('charity', k),
    read,
    scan: (prefix, o) => chain.store.scan('charity', prefix, o?.after, o?.limit ?? 1000).map(([k, v]) => [k, decode(v)] as const),
  };
}

/** Runs a charity query by name against committed state. */
export function runQuery(chain: ChainLike, name: string, params: Value): Value {
  const q = charityModule.queries[name];
  if (q === undefined) return null;
  return q.run(queryContext(chain), q.parse(params as never) as never);
}

/** Every committed entry of the charity module under `prefix`, decoded. */
export function scanAll(chain: ChainLike, prefix: string): Array<readonly [string, Value]> {
  return chain.store.scan('charity', prefix, undefined, 1_000_000).map(([k, v]) => [k, decode(v)] as const);
}
