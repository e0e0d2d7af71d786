// Writes vectors/ledger.json: tx signing digests, signed tx bytes and ids, header hashes, commit digests, genesis
// hashes, for both suites, with negative cases. Run: npm run vectors. Read the diff; never regenerate blindly.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import {
  bytesToHex,
  commitDigest,
  DEFAULT_CHAIN_PARAMS,
  encode,
  encodeTx,
  genesisHash,
  genesisToValue,
  headerHash,
  headerToValue,
  txBodyToValue,
  txSigningDigest,
  type BlockHeader,
  type SuiteId,
  type TxBody,
} from '@gongxin/core';
import { createSigner, getSuite } from '@gongxin/crypto';

const seed = (label: string): Uint8Array => new Uint8Array(createHash('sha256').update(label).digest());
const h32 = (label: string): Uint8Array => seed(`hash:${label}`);

function suiteCases(suiteId: SuiteId): object {
  const suite = getSuite(suiteId);
  const signer = createSigner(suiteId, seed(`gongxin-vectors-${suiteId}`));
  const bodies: Array<[string, TxBody]> = [
    ['notary anchor', { chainId: 'gongxin-vectors', module: 'notary', command: 'anchor', args: { digest: bytesToHex(h32('doc')) }, signer: signer.publicKey, nonce: 1, notBefore: 1_764_000_000_000, notAfter: 1_764_000_600_000 }],
    ['nested args with bytes and negative integers', { chainId: 'gongxin-vectors', module: 'test', command: 'put', args: { list: [1, -2, '三'], blob: h32('blob'), big: 2n ** 60n, none: null, yes: true }, signer: signer.publicKey, nonce: 2 ** 40, notBefore: 0, notAfter: 3_600_000 }],
  ];
  const txs = bodies.map(([desc, body]) => {
    const digest = txSigningDigest(suite.hash, body);
    const signature = signer.signSync(digest);
    const bytes = encodeTx({ body, signature });
    return {
      desc,
      bodyHex: bytesToHex(encode(txBodyToValue(body))),
      signingDigest: bytesToHex(digest),
      signature: bytesToHex(signature),
      txHex: bytesToHex(bytes),
      txId: bytesToHex(suite.hash(bytes)),
    };
  });
  const first = txs[0]!;
  const flip = (hex: string, at: number): string => hex.slice(0, at) + ((parseInt(hex[at]!, 16) ^ 1).toString(16)) + hex.slice(at + 1);
  const invalidTxs = [
    { desc: 'signature bit flipped', txHex: first.txHex.slice(0, -2) + flip(first.txHex.slice(-2), 1), code: 'TX_BAD_SIGNATURE' },
    { desc: 'trailing byte', txHex: first.txHex + '00', code: 'ENCODING_TRAILING_BYTES' },
    { desc: 'signed for another chain id (body altered after signing)', txHex: first.txHex.replace(bytesToHex(encode('gongxin-vectors')), bytesToHex(encode('gongxin-vectorz'))), code: 'TX_BAD_SIGNATURE', chainId: 'gongxin-vectorz' },
  ];
  const header: BlockHeader = {
    chainId: 'gongxin-vectors',
    height: 7,
    prevHash: h32('prev'),
    timestamp: 1_764_000_000_123,
    txCount: 2,
    txRoot: h32('txRoot'),
    receiptsRoot: h32('receiptsRoot'),
    stateRoot: h32('stateRoot'),
    historyRoot: h32('historyRoot'),
    proposer: signer.publicKey,
  };
  const hh = headerHash(suite.hash, header);
  const genesis = { chainId: 'gongxin-vectors', suite: suiteId, timestamp: 1_764_000_000_000, params: DEFAULT_CHAIN_PARAMS, modules: { notary: null } };
  return {
    suite: suiteId,
    signerPublicKey: bytesToHex(signer.publicKey),
    txs,
    invalidTxs,
    header: { headerHex: bytesToHex(encode(headerToValue(header))), headerHash: bytesToHex(hh) },
    commit: { height: 7, headerHash: bytesToHex(hh), stateRoot: bytesToHex(header.stateRoot), digest: bytesToHex(commitDigest(suite.hash, 'gongxin-vectors', 7, hh, header.stateRoot)) },
    genesis: { genesisHex: bytesToHex(encode(genesisToValue(genesis))), genesisHash: bytesToHex(genesisHash(suite.hash, genesis)) },
  };
}

const out = { spec: ['docs/spec/encoding.md', 'docs/spec/transactions.md', 'docs/spec/blocks.md'], suites: [suiteCases('ed25519-sha256'), suiteCases('sm2-sm3')] };
writeFileSync(new URL('./ledger.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
console.log('vectors/ledger.json written');
