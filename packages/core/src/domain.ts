// Domain separation (docs/spec/encoding.md §Domains): every hashed or signed structure is wrapped with a tag,
// and every signature also binds the chain id, so no signature can be replayed in another role or chain.
import { encode, type Value } from './encoding.js';
import type { HashFn } from './suite.js';

/** Domain tags. Never change one: they are in every signature ever made. */
export const DOMAIN = {
  tx: 'gongxin/tx/v1',
  header: 'gongxin/header/v1',
  commit: 'gongxin/commit/v1',
  genesis: 'gongxin/genesis/v1',
  stateKey: 'gongxin/state-key/v1',
  bundle: 'gongxin/bundle/v1',
} as const;
/** A domain tag. */
export type Domain = (typeof DOMAIN)[keyof typeof DOMAIN];

/**
 * The digest that is signed (or hashed as an id): H(encode([tag, chainId, payload])).
 * @example const d = domainDigest(sha256, DOMAIN.tx, 'gongxin-dev', body);
 */
export function domainDigest(hash: HashFn, tag: Domain, chainId: string, payload: Value): Uint8Array {
  return hash(encode([tag, chainId, payload]));
}
