// Deterministic key fixtures: the same seed label gives the same key in every run and process.
import { createHash } from 'node:crypto';
import type { SuiteId, SyncSigner } from '@gongxin/core';
import { createSigner } from '@gongxin/crypto';

/** A signer whose private key is SHA-256 of the label (Ed25519) or derived from it (SM2). Tests only. */
export function fixtureSigner(label: string, suite: SuiteId = 'ed25519-sha256'): SyncSigner {
  const seed = new Uint8Array(createHash('sha256').update(`gongxin-fixture:${suite}:${label}`).digest());
  return createSigner(suite, seed);
}
