// Quickstart (docs/sdk.md §Example): sign with a key the caller holds, submit and wait for the receipt, then check
// the tx's inclusion and a state entry with a light client that trusts nothing but the chain's genesis hash.
import { bytesToHex, hexToBytes, type Signer, type Value } from '@gongxin/core';
import { createPortableSigner } from '@gongxin/crypto/portable';
import { LightClient, buildTx, createClient, submitAndWait } from '@gongxin/sdk';

/** What the quickstart does: one command, one state read. */
export interface QuickstartParams {
  readonly url: string;
  readonly signer: Signer;
  /** Pin the chain: the light client refuses a peer serving another genesis. */
  readonly genesisHash?: string;
  readonly module: string;
  readonly command: string;
  readonly args: Value;
  readonly read: { readonly module: string; readonly key: string };
}

/** What it found out, all of it verified. */
export interface QuickstartResult {
  readonly txId: string;
  readonly height: number;
  readonly events: number;
  readonly provenInBlock: number;
  readonly found: boolean;
  readonly value: Value | null;
}

/**
 * Runs the quickstart against the peer at `url`.
 * @example await quickstart({ url: 'http://127.0.0.1:7070', signer, module: 'charity', command: 'donate', args, read });
 */
export async function quickstart(p: QuickstartParams): Promise<QuickstartResult> {
  const client = createClient({ url: p.url });
  const status = await client.status();
  const { genesis } = await client.genesis();

  // 1. Build and sign. The SDK never sees the key: it hands the 32-byte digest to signer.sign.
  const tx = await buildTx({
    chainId: status.chainId,
    module: p.module,
    command: p.command,
    args: p.args,
    signer: p.signer,
    maxValidityMs: genesis.params.maxValidityMs,
    maxTxBytes: genesis.params.maxTxBytes,
  });

  // 2. Submit and wait: RejectedError (refused or failed receipt), CommitTimeoutError, SubmitError (transport).
  const receipt = await submitAndWait(client, tx, { timeoutMs: 30_000, pollMs: 200 });

  // 3. Verify instead of trusting the peer: inclusion of the tx, then a state entry, against proven headers.
  const lc = await LightClient.fromGenesis(client, p.genesisHash === undefined ? {} : { genesisHash: p.genesisHash });
  const included = await lc.getVerifiedTx(tx.id);
  const entry = await lc.getVerifiedState(p.read.module, p.read.key);
  return { txId: tx.idHex, height: receipt.height, events: receipt.events.length, provenInBlock: included.height, found: entry.found, value: entry.value };
}

// From a shell (a peer running, key as 64 hex digits):
//   GONGXIN_URL=http://127.0.0.1:7070 GONGXIN_KEY=… npx tsx --conditions=gongxin-source packages/sdk/examples/quickstart.ts \
//     charity donate '{"fund":"f1","amount":100}' charity fund/f1
if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const [module = 'charity', command = 'donate', args = '{}', readModule = module, readKey = ''] = process.argv.slice(2);
  const key = process.env.GONGXIN_KEY ?? '';
  const signer = createPortableSigner('ed25519-sha256', hexToBytes(key));
  console.log('signer', bytesToHex(signer.publicKey));
  const r = await quickstart({
    url: process.env.GONGXIN_URL ?? 'http://127.0.0.1:7070',
    signer,
    module,
    command,
    args: JSON.parse(args) as Value,
    read: { module: readModule, key: readKey },
  });
  console.log(r);
}
