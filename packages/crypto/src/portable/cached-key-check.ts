// Memoised public-key validity: decoding a point costs a field square root, far more than a map lookup, and the
// same signers appear in tx after tx. Bounded by KeyCache.
import { KeyCache, bytesKey } from './key-cache.js';

/** Wraps a key check so each distinct key is decoded once (while it stays in the cache). */
export function cachedKeyCheck(check: (publicKey: Uint8Array) => boolean, capacity = 8192): (publicKey: Uint8Array) => boolean {
  const cache = new KeyCache<boolean>(capacity);
  return (publicKey) => {
    if (!(publicKey instanceof Uint8Array) || publicKey.length > 65) return false;
    const id = bytesKey(publicKey);
    let ok = cache.get(id);
    if (ok === undefined) {
      ok = check(publicKey);
      cache.set(id, ok);
    }
    return ok;
  };
}
