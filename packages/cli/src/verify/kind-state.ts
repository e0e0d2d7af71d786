// Proof kind `state`: GET /v1/state/{module}/{key} — the value's canonical bytes (or its absence) proven under the
// stateRoot of a header whose hash is recomputed here (sdk verifyStateProof).
import { bytesToHex } from '@gongxin/core';
import { verifyStateProof } from '@gongxin/sdk';
import { brief, jsonOf } from '../output.js';
import { hasKeys, type ProofKindHandler } from './kind.js';
import { headerFits } from './suite-fit.js';
import { trustLines } from './trust-text.js';

/** The `state` kind. */
export const stateProofKind: ProofKindHandler = {
  kind: 'state',
  description: 'a state response (GET /v1/state/{module}/{key}): an entry’s value, or its absence, at a height',
  matches: (p) => hasKeys(p, ['module', 'key', 'found', 'proof', 'header', 'headerHash']),
  fitsSuite: (p, suite) => hasKeys(p, ['header', 'headerHash']) && headerFits(suite, p.header, p.headerHash),
  verify(file, suite, opts) {
    const p = file.proof as Record<string, unknown>;
    const module = opts.module ?? (typeof p.module === 'string' ? p.module : '');
    const key = opts.key ?? (typeof p.key === 'string' ? p.key : '');
    const trusted = opts.trustedHeaderHash ?? file.trustedHeaderHash;
    const v = verifyStateProof(suite, file.proof, { module, key, ...(trusted !== undefined ? { trustedHeaderHash: trusted } : {}) });
    const hash = bytesToHex(v.headerHash);
    const value = v.value === null ? null : jsonOf(v.value);
    return {
      proven: [
        v.found ? `${module} / ${key} = ${brief(value, 400)}` : `${module} / ${key} is absent (no such entry)`,
        `at block ${v.height} of chain "${v.header.chainId}" (${new Date(v.header.timestamp).toISOString()}); the value is decoded from the proven bytes`,
      ],
      trust: trustLines(hash, v.height, trusted !== undefined),
      json: { kind: 'state', module, key, found: v.found, value, height: v.height, chainId: v.header.chainId, headerHash: hash, anchored: trusted !== undefined },
    };
  },
};
