// better-sqlite3 returns BLOBs as Buffers, whose slice() is a view, not a copy, and which compare unequal to
// Uint8Arrays in deepStrictEqual. Every BLOB crosses into the store's code through plainBytes first.

/** The same memory as a plain Uint8Array (no copy). */
export function plainBytes(b: Uint8Array): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}
