// Merkle trees and proofs (docs/spec/merkle.md): RFC 9162 §2.1 hashing, roots, inclusion and consistency
// proofs with their verifiers, and the append-only history tree. Names re-exported by @gongxin/core.
export { MERKLE_HASH_LENGTH, LEAF_PREFIX, NODE_PREFIX, leafHash, nodeHash, emptyRoot } from './tree-hash.js';
export { merkleRoot } from './root.js';
export { inclusionProof, consistencyProof } from './list-proofs.js';
export { rootFromInclusionProof, verifyInclusion } from './verify-inclusion.js';
export { verifyConsistency } from './verify-consistency.js';
export type { InclusionRootParams, VerifyInclusionParams, VerifyConsistencyParams } from './proof-params.js';
export { createMemoryHistoryStore } from './history-store.js';
export type { HistoryNode, HistoryNodeStore, MemoryHistoryStore } from './history-store.js';
export { createHistoryTree, checkHistoryStore } from './history-tree.js';
export type { HistoryTree } from './history-tree.js';
