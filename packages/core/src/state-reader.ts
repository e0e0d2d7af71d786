// What the executor and queries read committed state through. The store implements it; memory version for tests.

/** Committed state, by module and key; values are canonical bytes. */
export interface StateReader {
  get(module: string, key: string): Uint8Array | undefined;
  /** Entries of `module` whose key starts with `prefix`, in key (UTF-8 byte) order, after `after`, at most `limit`. */
  scan(module: string, prefix: string, after: string | undefined, limit: number): Array<readonly [string, Uint8Array]>;
}

/** One state write of a block: value bytes, or null for a delete. */
export interface StateWrite {
  readonly module: string;
  readonly key: string;
  readonly value: Uint8Array | null;
}

/** The authenticated state commitment the executor updates once per block (the sparse Merkle tree). */
export interface StateCommitment {
  /** Applies a block's writes as version `version`; returns the new root. */
  applyBatch(version: number, writes: ReadonlyArray<{ readonly path: Uint8Array; readonly valueHash: Uint8Array | null }>): Uint8Array;
}
