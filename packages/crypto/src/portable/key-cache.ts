// A bounded cache for decoded public keys (points, KeyObjects, Z values): two generations, so a hit costs
// one Map lookup and a key in steady use is never evicted, while the total stays at most 2 × capacity entries.

/**
 * Bounded "two-generation" cache: new and recently used entries live in the young map; when it fills up, it
 * becomes the old map (the previous old map is dropped). A hit in the old map promotes the entry back.
 */
export class KeyCache<V> {
  readonly #capacity: number;
  #young = new Map<string, V>();
  #old = new Map<string, V>();

  /** @param capacity entries per generation (the cache holds at most twice this). */
  constructor(capacity: number) {
    this.#capacity = Math.max(1, Math.floor(capacity));
  }

  /** The cached value for `key`, or undefined. */
  get(key: string): V | undefined {
    const young = this.#young.get(key);
    if (young !== undefined) return young;
    const old = this.#old.get(key);
    if (old !== undefined) {
      this.#old.delete(key);
      this.set(key, old);
    }
    return old;
  }

  /** Stores `value` under `key` (in the young generation). */
  set(key: string, value: V): void {
    if (this.#young.size >= this.#capacity) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(key, value);
  }

  /** Number of entries held (both generations). */
  get size(): number {
    return this.#young.size + this.#old.size;
  }
}

const HEX_PAIRS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A string key for a byte string (lowercase hex), for use with KeyCache in code that cannot use Buffer. */
export function bytesKey(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX_PAIRS[bytes[i]!]!;
  return s;
}
