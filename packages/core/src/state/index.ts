// The authenticated state tree (docs/spec/state.md): paths, the versioned sparse Merkle tree, its proofs.
export { EMPTY_STATE_ROOT, statePath, stateLeafHash } from './hashing.js';
export { DEFAULT_STATE_RETAIN, createStateTree, createStateTreeFromLeaves } from './tree.js';
export { verifyStateProof } from './verify.js';
export type { VerifyStateProofParams } from './verify.js';
export { encodeStateProof, decodeStateProof } from './proof-codec.js';
export type { StateLeaf, StateProof, StateTree, StateTreeFromLeavesOptions, StateTreeOptions, StateTreeStats, StateTreeWrite } from './types.js';
