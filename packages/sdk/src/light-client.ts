// A light client (ARCHITECTURE.md §Principles: proofs for everything): holds one trusted header, moves it forward
// only along history proofs (consistency + inclusion of the trusted header), and checks tx and state proofs
// against it — the peer can never rewrite a history the client has trusted.
import { bytesToHex, equalBytes, genesisHash, headerHash, type BlockHeader } from '@gongxin/core';
import { getPortableSuite } from '@gongxin/crypto/portable';
import type { GongxinClient, RequestOptions } from './client.js';
import { invalidArgument } from './errors.js';
import type { IdLike } from './json-view.js';
import { fail, idBytes, same, trustedHeaderOf, type HashSuite } from './proofs/common.js';
import { verifyHistoryConsistency, verifyHistoryInclusion } from './proofs/verify-history.js';
import { verifyStateProof, type VerifiedState } from './proofs/verify-state.js';
import { verifyTxProof, type VerifiedTxProof } from './proofs/verify-tx-proof.js';

/** The client methods a LightClient uses to fetch proofs. */
export type LightClientTransport = Pick<GongxinClient, 'genesis' | 'getBlock' | 'historyConsistency' | 'historyInclusion' | 'getTxProof' | 'getState'>;

/** Options of the LightClient constructor. */
export interface LightClientParams {
  /** The chain's suite (only its hash is used). */
  readonly suite: HashSuite;
  /** A header trusted out of band (a checkpoint, a config file, a consortium announcement). */
  readonly trustedHeader: BlockHeader;
  /** Where to fetch proofs; needed by the async methods only. */
  readonly client?: LightClientTransport;
  /**
   * Extra acceptance rule for each new header before it is trusted, e.g. checking a commit certificate's quorum
   * of peer signatures. Throw to refuse. History proofs stop the peer rewriting the past; this hook is where the
   * newest header's finality is checked.
   */
  readonly checkHeader?: (header: BlockHeader, headerHash: Uint8Array) => void;
}

/** Proofs linking a newer header to the trusted one (fetch with client.historyConsistency / historyInclusion). */
export interface AdvanceProofs {
  /** GET /v1/history/consistency?first=M&second=N (not needed when M = 0). */
  readonly consistency?: unknown;
  /** GET /v1/history/inclusion?height=M&treeSize=N: the trusted header itself is leaf M of the newer history. */
  readonly inclusion: unknown;
}

/**
 * Holds a trusted header and verifies everything against it.
 * @example
 * const lc = await LightClient.fromGenesis(client, { genesisHash: KNOWN_GENESIS_HASH });
 * await lc.sync();                                  // to the latest header, along history proofs
 * const { found, value } = await lc.getVerifiedState('charity', 'fund/42');
 */
export class LightClient {
  readonly suite: HashSuite;
  readonly #client: LightClientTransport | undefined;
  readonly #checkHeader: ((header: BlockHeader, headerHash: Uint8Array) => void) | undefined;
  #header: BlockHeader;
  #hash: Uint8Array;

  /** @throws SDK_INVALID_ARGUMENT when trustedHeader is not a header */
  constructor(params: LightClientParams) {
    this.suite = params.suite;
    this.#client = params.client;
    this.#checkHeader = params.checkHeader;
    this.#header = trustedHeaderOf(params.trustedHeader);
    this.#hash = headerHash(this.suite.hash, this.#header);
  }

  /**
   * Starts from block 0 of the peer's chain: the genesis document is decoded from its canonical bytes and hashed
   * here, and must match `genesisHash` when given (do give it: it is what pins the chain); header 0 must carry it.
   * @throws ProofError GENESIS_HASH_MISMATCH, HEADER_HASH_MISMATCH; SubmitError / RejectedError from the client
   * @example const lc = await LightClient.fromGenesis(client, { genesisHash: '5f1c…' });
   */
  static async fromGenesis(
    client: LightClientTransport,
    params: { readonly suite?: HashSuite; readonly genesisHash?: IdLike; readonly checkHeader?: LightClientParams['checkHeader'] } & RequestOptions = {},
  ): Promise<LightClient> {
    const opts = params.signal === undefined ? {} : { signal: params.signal };
    const g = await client.genesis(opts);
    const suite = params.suite ?? getPortableSuite(g.genesis.suite);
    const gh = genesisHash(suite.hash, g.genesis);
    same(gh, g.genesisHash, 'GENESIS_HASH_MISMATCH', `the genesis document hashes to ${bytesToHex(gh)}, not the genesisHash the peer sent`);
    if (params.genesisHash !== undefined) same(gh, idBytes(params.genesisHash, 'genesisHash'), 'GENESIS_HASH_MISMATCH', 'the peer serves another chain');
    const b0 = await client.getBlock(0, opts);
    same(b0.header.height, 0, 'FIELD_MISMATCH', 'block 0 has another height');
    same(b0.header.prevHash, gh, 'GENESIS_HASH_MISMATCH', "header 0's prevHash is not the genesis hash");
    same(headerHash(suite.hash, b0.header), b0.headerHash, 'HEADER_HASH_MISMATCH', 'header 0 does not hash to the headerHash the peer sent');
    const base = { suite, trustedHeader: b0.header, client };
    return new LightClient(params.checkHeader === undefined ? base : { ...base, checkHeader: params.checkHeader });
  }

  /** The trusted header. */
  get header(): BlockHeader {
    return this.#header;
  }

  /** Its hash (computed here). */
  get headerHash(): Uint8Array {
    return this.#hash.slice();
  }

  /** Its height. */
  get height(): number {
    return this.#header.height;
  }

  /**
   * Trusts `newHeader` (height N > M) if the proofs show the trusted history (size M) is a prefix of its history
   * and the trusted header is its leaf M. A header at the same height must be the trusted one.
   * @throws ProofError (NOT_NEWER, CHAIN_MISMATCH, FIELD_MISMATCH, TRUSTED_HEADER_MISMATCH, or a history proof's reason)
   * @example lc.advance(block.header, { consistency, inclusion });
   */
  advance(newHeader: BlockHeader, proofs: AdvanceProofs): void {
    const next = trustedHeaderOf(newHeader, 'newHeader');
    const old = this.#header;
    const nextHash = headerHash(this.suite.hash, next);
    if (next.height < old.height) fail('NOT_NEWER', `header ${next.height} is older than the trusted header ${old.height}`);
    same(next.chainId, old.chainId, 'CHAIN_MISMATCH', `header of chain "${next.chainId}", trusted chain is "${old.chainId}"`);
    if (next.height === old.height) {
      if (!equalBytes(nextHash, this.#hash)) fail('TRUSTED_HEADER_MISMATCH', `a different header at the trusted height ${old.height}: a fork`);
      return;
    }
    if (next.timestamp < old.timestamp) fail('FIELD_MISMATCH', 'the newer header has an earlier timestamp');
    if (next.height === old.height + 1) same(next.prevHash, this.#hash, 'FIELD_MISMATCH', "the next header's prevHash is not the trusted header's hash");
    if (old.height > 0) {
      if (proofs.consistency === undefined) fail('PROOF_MISSING', 'a consistency proof is needed to advance from a header above 0');
      verifyHistoryConsistency(this.suite, proofs.consistency, { trustedHeader: old, newHeader: next });
    }
    verifyHistoryInclusion(this.suite, proofs.inclusion, { treeSize: next.height, root: next.historyRoot, headerHash: this.#hash });
    this.#checkHeader?.(next, nextHash);
    this.#header = next;
    this.#hash = nextHash;
  }

  #transport(): LightClientTransport {
    if (this.#client === undefined) return invalidArgument('this LightClient has no client: pass { client } to fetch proofs');
    return this.#client;
  }

  /** Fetches the proofs linking `header` to the trusted header, then advances. */
  async #linkTo(header: BlockHeader, opts: RequestOptions): Promise<void> {
    const m = this.#header.height;
    const n = header.height;
    if (n <= m) return this.advance(header, { inclusion: undefined });
    const c = this.#transport();
    const [consistency, inclusion] = await Promise.all([
      m > 0 ? c.historyConsistency({ first: m, second: n }, opts) : Promise.resolve(undefined),
      c.historyInclusion({ height: m, treeSize: n }, opts),
    ]);
    this.advance(header, { consistency, inclusion });
  }

  /**
   * Moves the trusted header to `target` (default the peer's latest), verifying the history proofs on the way.
   * A target at or below the trusted height changes nothing (the trusted header never moves back).
   * @throws ProofError, SubmitError, RejectedError
   * @example const header = await lc.sync();
   */
  async sync(target: number | 'latest' = 'latest', opts: RequestOptions = {}): Promise<BlockHeader> {
    if (typeof target === 'number' && target <= this.#header.height) return this.#header;
    const b = await this.#transport().getBlock(target, opts);
    same(headerHash(this.suite.hash, b.header), b.headerHash, 'HEADER_HASH_MISMATCH', `header ${b.header.height} does not hash to the headerHash the peer sent`);
    if (b.header.height > this.#header.height) await this.#linkTo(b.header, opts);
    return this.#header;
  }

  /** Checks that a header proven by another proof is in the trusted history. */
  #anchor(height: number, hash: Uint8Array, history: unknown, txId?: string): void {
    const m = this.#header.height;
    if (height > m) fail('HEADER_NOT_TRUSTED', `the proof rests on header ${height}, above the trusted ${m}: sync first`, txId);
    if (height === m) {
      if (!equalBytes(hash, this.#hash)) fail('TRUSTED_HEADER_MISMATCH', `header ${m} differs from the trusted one`, txId);
      return;
    }
    if (history === undefined) fail('PROOF_MISSING', `header ${height} is below the trusted ${m}: a history inclusion proof is needed`, txId);
    const v = verifyHistoryInclusion(this.suite, history, { trustedHeader: this.#header, headerHash: hash });
    if (v.height !== height) fail('FIELD_MISMATCH', `the history proof is for height ${v.height}, not ${height}`, txId);
  }

  /**
   * Verifies a tx proof against the trusted header; for an older block pass the history inclusion proof of
   * that block at the trusted size (GET /v1/history/inclusion?height=h&treeSize=trusted height).
   * @throws ProofError
   * @example lc.verifyTx(proof, tx.id, await client.historyInclusion({ height: proof.height, treeSize: lc.height }));
   */
  verifyTx(proof: unknown, txId: IdLike, history?: unknown): VerifiedTxProof {
    const r = verifyTxProof(this.suite, proof, { txId });
    this.#anchor(r.height, r.headerHash, history, bytesToHex(r.txId));
    return r;
  }

  /**
   * Verifies a state response against the trusted header (older headers need a history inclusion proof).
   * @throws ProofError
   * @example lc.verifyState(await client.getState('charity', 'fund/42'), { module: 'charity', key: 'fund/42' });
   */
  verifyState(response: unknown, entry: { readonly module: string; readonly key: string }, history?: unknown): VerifiedState {
    const r = verifyStateProof(this.suite, response, entry);
    this.#anchor(r.height, r.headerHash, history);
    return r;
  }

  /**
   * Fetches and verifies a tx's inclusion, syncing forward if the tx is in a newer block than the trusted one.
   * @throws ProofError, SubmitError, RejectedError (TX_NOT_FOUND while pending)
   * @example const { height } = await lc.getVerifiedTx(tx.id);
   */
  async getVerifiedTx(txId: IdLike, opts: RequestOptions = {}): Promise<VerifiedTxProof> {
    const c = this.#transport();
    const proof = await c.getTxProof(txId, opts);
    const r = verifyTxProof(this.suite, proof, { txId });
    if (r.height > this.#header.height) await this.#linkTo(r.header, opts);
    const history = r.height < this.#header.height ? await c.historyInclusion({ height: r.height, treeSize: this.#header.height }, opts) : undefined;
    this.#anchor(r.height, r.headerHash, history, bytesToHex(r.txId));
    return r;
  }

  /**
   * Fetches and verifies a state entry (present or absent), syncing forward to the header it was read at.
   * @throws ProofError, SubmitError, RejectedError
   * @example const { found, value } = await lc.getVerifiedState('identity', 'org/cdc');
   */
  async getVerifiedState(module: string, key: string, opts: RequestOptions = {}): Promise<VerifiedState> {
    const c = this.#transport();
    const response = await c.getState(module, key, opts);
    const r = verifyStateProof(this.suite, response, { module, key });
    if (r.height > this.#header.height) await this.#linkTo(r.header, opts);
    const history = r.height < this.#header.height ? await c.historyInclusion({ height: r.height, treeSize: this.#header.height }, opts) : undefined;
    this.#anchor(r.height, r.headerHash, history);
    return r;
  }
}
