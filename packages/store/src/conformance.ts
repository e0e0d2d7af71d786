// The LedgerStore conformance suite (STYLE.md §5): one set of node:test tests that every store implementation
// must pass — memory and SQLite run the same file. Call it at the top level of a *.test.ts file.
import { blockTests } from './conformance/blocks.js';
import type { StoreFactory } from './conformance/helpers.js';
import { historyTests } from './conformance/history.js';
import { stateTests } from './conformance/state.js';

export type { StoreFactory } from './conformance/helpers.js';

/**
 * Registers the conformance tests for the stores `factory` builds.
 * @param name - prefixes every test title.
 * @param factory - makes empty stores; with `reopen`, the persistence tests run too.
 * @example
 * registerLedgerStoreConformance('memory', { create: () => new MemoryStore() });
 */
export function registerLedgerStoreConformance(name: string, factory: StoreFactory): void {
  blockTests(name, factory);
  stateTests(name, factory);
  historyTests(name, factory);
}
