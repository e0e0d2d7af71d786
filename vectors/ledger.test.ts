import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  assertTxStateless,
  bytesToHex,
  commitDigest,
  decode,
  decodeTx,
  DOMAIN,
  encode,
  genesisFromValue,
  genesisHash,
  GongxinError,
  headerFromValue,
  headerHash,
  hexToBytes,
  txSigningDigest,
  type SuiteId,
} from '@gongxin/core';
import { getPortableSuite, getSuite } from '@gongxin/crypto';

interface SuiteCases {
  suite: SuiteId;
  txs: Array<{ desc: string; bodyHex: string; signingDigest: string; signature: string; txHex: string; txId: string }>;
  invalidTxs: Array<{ desc: string; txHex: string; code: string; chainId?: string }>;
  header: { headerHex: string; headerHash: string };
  commit: { height: number; headerHash: string; stateRoot: string; digest: string };
  genesis: { genesisHex: string; genesisHash: string };
}
const file = JSON.parse(readFileSync(new URL('./ledger.json', import.meta.url), 'utf8')) as { suites: SuiteCases[] };
const rules = { chainId: 'gongxin-vectors', maxTxBytes: 65536, maxValidityMs: 3_600_000 };

for (const c of file.suites) {
  for (const suite of [getSuite(c.suite), getPortableSuite(c.suite)]) {
    test(`ledger vectors (${c.suite}, ${suite === getSuite(c.suite) ? 'node' : 'portable'}): tx digests, ids and signatures`, () => {
      for (const t of c.txs) {
        const tx = decodeTx(suite.hash, hexToBytes(t.txHex), rules.maxTxBytes);
        assert.equal(bytesToHex(encode(decode(hexToBytes(t.bodyHex)))), t.bodyHex, t.desc);
        assert.equal(bytesToHex(txSigningDigest(suite.hash, tx.body)), t.signingDigest, t.desc);
        assert.equal(bytesToHex(suite.hash(encode([DOMAIN.tx, tx.body.chainId, decode(hexToBytes(t.bodyHex))]))), t.signingDigest, t.desc);
        assert.equal(bytesToHex(tx.id), t.txId, t.desc);
        assert.equal(bytesToHex(tx.signature), t.signature);
        assertTxStateless(suite, rules, tx, undefined);
      }
    });
    test(`ledger vectors (${c.suite}): invalid txs are rejected with their codes`, () => {
      for (const t of c.invalidTxs) {
        assert.throws(
          () => assertTxStateless(suite, { ...rules, chainId: t.chainId ?? rules.chainId }, decodeTx(suite.hash, hexToBytes(t.txHex), rules.maxTxBytes), undefined),
          (e: unknown) => e instanceof GongxinError && e.code === t.code,
          t.desc,
        );
      }
    });
  }
  test(`ledger vectors (${c.suite}): header hash, commit digest, genesis hash`, () => {
    const suite = getSuite(c.suite);
    const h = headerFromValue(decode(hexToBytes(c.header.headerHex)));
    assert.equal(bytesToHex(headerHash(suite.hash, h)), c.header.headerHash);
    const tampered = { ...h, timestamp: h.timestamp + 1 };
    assert.notEqual(bytesToHex(headerHash(suite.hash, tampered)), c.header.headerHash);
    assert.equal(bytesToHex(commitDigest(suite.hash, h.chainId, c.commit.height, hexToBytes(c.commit.headerHash), hexToBytes(c.commit.stateRoot))), c.commit.digest);
    const g = genesisFromValue(decode(hexToBytes(c.genesis.genesisHex)));
    assert.equal(bytesToHex(genesisHash(suite.hash, g)), c.genesis.genesisHash);
  });
}
