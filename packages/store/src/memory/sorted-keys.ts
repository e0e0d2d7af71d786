// One module's state in the memory store: a map plus a lazily rebuilt UTF-8-ordered key list for scans.
import { compareUtf8 } from '../keys.js';

/** A module's entries with ordered range reads. */
export class ModuleEntries {
  readonly map: Map<string, Uint8Array> = new Map();
  #sorted: string[] | undefined;

  set(key: string, value: Uint8Array): void {
    if (!this.map.has(key)) this.#sorted = undefined;
    this.map.set(key, value);
  }

  delete(key: string): void {
    if (this.map.delete(key)) this.#sorted = undefined;
  }

  /** Keys in UTF-8 byte order. */
  sortedKeys(): readonly string[] {
    this.#sorted ??= [...this.map.keys()].sort(compareUtf8);
    return this.#sorted;
  }

  /** Index of the first key that is >= `key` (or > `key` when `exclusive`). */
  lowerBound(key: string, exclusive: boolean): number {
    const keys = this.sortedKeys();
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareUtf8(keys[mid]!, key);
      if (c < 0 || (exclusive && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
