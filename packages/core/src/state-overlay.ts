// Layered writes over committed state: block layer under a tx layer. A failed tx drops its layer whole.
import { decode, encode, type Value } from './encoding.js';
import type { StateReader, StateWrite } from './state-reader.js';

interface Entry {
  readonly module: string;
  readonly key: string;
  readonly bytes: Uint8Array | null;
}

const slot = (module: string, key: string): string => `${module}\u0000${key}`;

/** The block's pending writes over committed state, with a nested tx layer. */
export class StateOverlay {
  private readonly base: StateReader;
  private readonly block = new Map<string, Entry>();
  private tx = new Map<string, Entry>();
  // Committed values read during this block (they cannot change until the block commits): hot keys such as a
  // signer's membership record are read from the store and decoded once per block, not once per tx.
  private readonly baseCache = new Map<string, Uint8Array | undefined>();
  constructor(base: StateReader) {
    this.base = base;
  }
  get(module: string, key: string): Value | undefined {
    const s = slot(module, key);
    const e = this.tx.get(s) ?? this.block.get(s);
    // Every get decodes afresh, so a module mutating what it read can never alter what another read sees.
    if (e) return e.bytes === null ? undefined : decode(e.bytes);
    let b: Uint8Array | undefined;
    if (this.baseCache.has(s)) b = this.baseCache.get(s);
    else {
      b = this.base.get(module, key);
      if (this.baseCache.size < 100_000) this.baseCache.set(s, b);
    }
    return b === undefined ? undefined : decode(b);
  }
  set(module: string, key: string, value: Value): void {
    this.tx.set(slot(module, key), { module, key, bytes: encode(value) });
  }
  delete(module: string, key: string): void {
    this.tx.set(slot(module, key), { module, key, bytes: null });
  }
  /** Keeps the current tx's writes. */
  commitTx(): void {
    for (const [s, e] of this.tx) this.block.set(s, e);
    this.tx = new Map();
  }
  /** Drops the current tx's writes. */
  dropTx(): void {
    this.tx = new Map();
  }
  /** The block's writes in canonical order (module, then key, by code units). */
  writes(): StateWrite[] {
    const out = [...this.block.values()].map((e) => ({ module: e.module, key: e.key, value: e.bytes }));
    out.sort((a, b) => (a.module === b.module ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.module < b.module ? -1 : 1));
    return out;
  }
}
