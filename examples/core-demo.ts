// The core on its own (`npm run demo:core`): a chain in memory with the notary module, a tx proof and a state proof
// printed and verified, and a consistency proof between two headers — no peer, no disk, no network.
import { bytesToHex, encodeStateProof, inclusionProof, leafHash, ROLE_PUBLIC, statePath, utf8Encode, verifyConsistency, verifyInclusion, verifyStateProof, type Caller } from '@gongxin/core';
import { notaryModule } from '@gongxin/modules';
import { createTestChain, fixtureSigner } from '@gongxin/testkit';

const anyone = (_read: unknown, publicKey: Uint8Array): Caller => ({ publicKey, publicKeyHex: bytesToHex(publicKey), org: null, roles: [ROLE_PUBLIC] });
const chain = createTestChain({ modules: [notaryModule], resolveCaller: anyone, chainId: 'gongxin-demo' });
const hash = chain.suite.hash;
const alice = fixtureSigner('alice');

// Three blocks of anchored documents.
const docs = ['疫情通报 2026-11-20', 'mask distribution points', 'fever clinic hours', 'N95 appeal', 'test results summary'];
let tracked: { id: Uint8Array; height: number; index: number; digest: string } = { id: new Uint8Array(0), height: 0, index: 0, digest: '' };
for (let b = 0; b < 3; b++) {
  const digests = docs.map((d) => bytesToHex(hash(utf8Encode(`${b}:${d}`))));
  const txs = docs.map((d, i) => chain.tx({ module: 'notary', command: 'anchor', args: { digest: digests[i]!, note: d }, signer: alice, nonce: b * 100 + i }));
  const r = chain.block(txs);
  if (b === 1) tracked = { id: r.txs[2]!.id, height: r.header.height, index: 2, digest: digests[2]! };
  console.log(`block ${r.header.height}: ${r.txs.length} txs, header ${bytesToHex(r.hash).slice(0, 16)}…, state root ${bytesToHex(r.header.stateRoot).slice(0, 16)}…`);
}

// 1. Tx inclusion: the tx id is a leaf of its block's tx tree, whose root the header carries.
const ids = chain.store.getBlockTxIds(tracked.height);
const leaves = ids.map((id) => leafHash(hash, id));
const header = chain.store.getHeader(tracked.height)!.header;
const auditPath = inclusionProof(hash, leaves, tracked.index);
console.log('\ntx inclusion proof', { txId: bytesToHex(tracked.id), height: tracked.height, leafIndex: tracked.index, treeSize: ids.length, auditPath: auditPath.map(bytesToHex), txRoot: bytesToHex(header.txRoot) });
verifyInclusion(hash, { leafIndex: tracked.index, treeSize: ids.length, leafHash: leafHash(hash, tracked.id), proof: auditPath, root: header.txRoot });
console.log('✓ tx inclusion verified against the header');

// 2. State: the anchor record's value at the head, proven against the head's state root.
const key = `anchor/${tracked.digest}/${bytesToHex(tracked.id)}`;
const value = chain.store.get('notary', key)!;
const head = chain.head();
const proof = chain.stateTree.proveAt(head.header.height, statePath(hash, 'notary', utf8Encode(key)));
console.log(`\nstate proof of notary/${key.slice(0, 20)}…: ${proof.siblings.length} siblings, ${JSON.stringify(encodeStateProof(proof), (_k, v: unknown) => (v instanceof Uint8Array ? bytesToHex(v) : v)).length} chars`);
verifyStateProof(hash, { root: head.header.stateRoot, path: proof.path, valueHash: hash(value), proof });
console.log('✓ state value verified against the state root');
const absent = chain.stateTree.proveAt(head.header.height, statePath(hash, 'notary', utf8Encode('anchor/none')));
verifyStateProof(hash, { root: head.header.stateRoot, path: absent.path, valueHash: null, proof: absent });
console.log('✓ absence of notary/anchor/none verified');

// 3. History: the tree over header hashes grows; an old root is a prefix of the new one.
const n1 = 2;
const n2 = chain.history.size;
verifyConsistency(hash, { size1: n1, size2: n2, root1: chain.history.rootAt(n1), root2: chain.history.root(), proof: chain.history.consistencyProof(n1, n2) });
console.log(`✓ history of ${n1} headers is consistent with the history of ${n2}`);

// 4. Tampering is caught.
try {
  verifyStateProof(hash, { root: head.header.stateRoot, path: proof.path, valueHash: hash(utf8Encode('forged')), proof });
  console.log('✗ a forged value verified');
  process.exitCode = 1;
} catch (e) {
  console.log(`✓ a forged value is rejected: ${(e as Error).message}`);
}
