// The bundle kind registry: a kind name → which state keys and txs its bundle holds for an id. Scenario modules
// plug in with one line each (moduleBundleKind); the notary's 'anchor' kind is built in.
import { decode, GongxinError, type Value } from '@gongxin/core';
import { buildBundle, type BundleKey, type BundleSource } from './build.js';

/** Reads a decoded state value of any module (undefined when absent). */
export type BundleRead = (module: string, key: string) => Value | undefined;

/** What a kind puts in the bundle of one id: keys of `module` (plus `also`, keys of other modules) and tx ids. */
export interface BundleContents {
  readonly module: string;
  readonly keys: readonly string[];
  readonly txIds: readonly string[];
  readonly also?: readonly BundleKey[];
}

/** Resolves an id of one kind. Throws a GongxinError (…_NOT_FOUND → HTTP 404) for an unknown id. */
export type BundleKindResolver = (id: string, read: BundleRead) => BundleContents;

/** The registry: kind name → resolver. */
export type BundleKinds = Map<string, BundleKindResolver>;

/** The function each scenario module exports (`charityBundleKeys` …): its own keys and the txs a bundle needs. */
export type ModuleBundleKeys<K extends string = string> = (kind: K, id: string, read: (key: string) => Value | undefined) => { readonly keys: readonly string[]; readonly txIds: readonly string[] };

/**
 * Adapts a module's `xxxBundleKeys` to a registry entry: `read` is narrowed to the module's own keys.
 * @example kinds.set('donation', moduleBundleKind('donation', 'charity', charityBundleKeys));
 */
export function moduleBundleKind<K extends string>(kind: K, module: string, fn: ModuleBundleKeys<K>): BundleKindResolver {
  return (id, read) => {
    const r = fn(kind, id, (key) => read(module, key));
    return { module, keys: [...r.keys], txIds: [...r.txIds] };
  };
}

const HEX64 = /^[0-9a-f]{64}$/;

/** The notary's kind: id `${digest}/${txId}` → the entry `anchor/${digest}/${txId}` and that tx. */
export const anchorBundleKind: BundleKindResolver = (id, read) => {
  const [digest = '', txId = '', ...rest] = id.split('/');
  if (!HEX64.test(digest) || !HEX64.test(txId) || rest.length > 0) {
    throw new GongxinError('BUNDLE_ID_INVALID', 'an anchor bundle id is "{digest}/{txId}" (64 lowercase hex each)', { id });
  }
  const key = `anchor/${digest}/${txId}`;
  if (read('notary', key) === undefined) throw new GongxinError('BUNDLE_NOT_FOUND', `no anchor of ${digest} in tx ${txId}`, { id });
  return { module: 'notary', keys: [key], txIds: [txId] };
};

/** A registry with the built-in kinds ('anchor'). Add scenario kinds with `kinds.set(kind, moduleBundleKind(…))`. */
export function createBundleKinds(): BundleKinds {
  return new Map([['anchor', anchorBundleKind]]);
}

/**
 * Resolves `kind`/`id` with the registry and builds the bundle value at the current head.
 * @throws BUNDLE_UNKNOWN_KIND, BUNDLE_ID_INVALID, BUNDLE_NOT_FOUND, BUNDLE_TOO_LARGE, or the resolver's own code
 * @example const value = bundleFor(peer, kinds, 'anchor', `${digest}/${txId}`);
 */
export function bundleFor(src: BundleSource, kinds: BundleKinds, kind: string, id: string): Value {
  const resolve = kinds.get(kind);
  if (resolve === undefined) {
    throw new GongxinError('BUNDLE_UNKNOWN_KIND', `no bundle kind "${kind}" (known: ${[...kinds.keys()].join(', ')})`, { kind });
  }
  if (id.length === 0 || id.length > 1024 || /[\u0000-\u001f]/.test(id)) throw new GongxinError('BUNDLE_ID_INVALID', 'the id must be 1..1024 printable characters', { kind });
  const read: BundleRead = (module, key) => {
    const v = src.store.get(module, key);
    return v === undefined ? undefined : decode(v);
  };
  const c = resolve(id, read);
  const keys: BundleKey[] = [...c.keys.map((key) => ({ module: c.module, key })), ...(c.also ?? [])];
  if (keys.length === 0 && c.txIds.length === 0) throw new GongxinError('BUNDLE_NOT_FOUND', `nothing to prove for ${kind} "${id}"`, { kind, id });
  return buildBundle(src, { kind, id, keys, txIds: c.txIds });
}
