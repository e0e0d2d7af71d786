// Anchoring what a peer serves (ARCHITECTURE.md §Principles): a light client from genesis (pinned by --genesis-hash)
// follows history proofs to the peer's head and proves older headers are in that history; the head hash is what remains.
import { bytesToHex, type BlockHeader } from '@gongxin/core';
import { LightClient, type GongxinClient } from '@gongxin/sdk';

/** A light client synced to the peer's head, with the genesis hash it started from. */
export interface Anchor {
  readonly lc: LightClient;
  readonly genesisHash: Uint8Array;
}

/**
 * Starts a light client at the peer's genesis and syncs it to the latest header (at least `atLeast`).
 * @throws ProofError (GENESIS_HASH_MISMATCH …), SubmitError, RejectedError
 * @example const { lc } = await anchorToHead(client, { genesisHash: opts.genesisHash, atLeast: r.height });
 */
export async function anchorToHead(client: GongxinClient, p: { readonly genesisHash?: string | undefined; readonly atLeast?: number }): Promise<Anchor> {
  const lc = await LightClient.fromGenesis(client, p.genesisHash === undefined ? {} : { genesisHash: p.genesisHash });
  const genesisHash = lc.header.prevHash;
  await lc.sync('latest');
  if (p.atLeast !== undefined && p.atLeast > lc.height) await lc.sync(p.atLeast);
  return { lc, genesisHash };
}

/**
 * The history inclusion proof a light client needs for a header below its trusted one (none at its height).
 * @example lc.verifyState(r, entry, await historyFor(client, lc, r.height));
 */
export async function historyFor(client: GongxinClient, lc: LightClient, height: number): Promise<unknown> {
  return height < lc.height ? client.historyInclusion({ height, treeSize: lc.height }) : undefined;
}

/** The lines that say what a verified result rests on. */
export function anchorLines(a: Anchor, pinned: boolean, header: BlockHeader, hash: Uint8Array): string[] {
  const head = a.lc.header;
  return [
    `proven against header ${header.height} (${bytesToHex(hash)}),`,
    `which is in the history of the peer's head: height ${head.height}, hash ${bytesToHex(a.lc.headerHash)}`,
    `genesis ${bytesToHex(a.genesisHash)}${pinned ? ' (matches --genesis-hash)' : ''}`,
    pinned
      ? 'trust: the chain is pinned by --genesis-hash; compare the head hash with another peer to rule out a fork'
      : 'trust: this holds for the chain with this genesis and head: compare them with another peer or pass --genesis-hash',
  ];
}
