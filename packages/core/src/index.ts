// @gongxin/core: pure, deterministic ledger rules. Imports nothing from node:* and no other workspace package.
export { GongxinError, isGongxinError } from './errors.js';
export type { ErrorDetails } from './errors.js';
export { bytesToHex, hexToBytes, concatBytes, equalBytes, compareBytes, utf8Encode, utf8Decode } from './bytes.js';
export { encode, decode, MAX_DEPTH } from './encoding.js';
export type { Value } from './encoding.js';
export { SUITE_IDS } from './suite.js';
export type { SuiteId, HashFn, Suite, Signer, SyncSigner } from './suite.js';
export { DOMAIN, domainDigest } from './domain.js';
export type { Domain } from './domain.js';
