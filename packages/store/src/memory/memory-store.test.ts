// The memory store against the LedgerStore conformance suite.
import { registerLedgerStoreConformance } from '../conformance.js';
import { MemoryStore } from './memory-store.js';

registerLedgerStoreConformance('memory', { create: () => new MemoryStore() });
