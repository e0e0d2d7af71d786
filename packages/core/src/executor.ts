// The block executor (docs/spec/blocks.md §Execution): pure and deterministic. Same inputs, same header, in any process.
import { bytesToHex, utf8Encode } from './bytes.js';
import type { ChainParams } from './chain-params.js';
import type { Value } from './encoding.js';
import { GongxinError, isGongxinError } from './errors.js';
import { genesisHash, type GenesisDoc } from './genesis.js';
import { headerHash, type BlockHeader } from './header.js';
import { leafHash, merkleRoot } from './merkle/index.js';
import { ROLE_ANY_MEMBER, ROLE_PUBLIC, type Caller, type CallerResolver, type CommandContext, type CommandDef, type LedgerModule, type ReadContext } from './module-api.js';
import { encodeReceipt, type LedgerEvent, type Receipt } from './receipt.js';
import { statePath } from './state/index.js';
import type { StateCommitment, StateReader, StateWrite } from './state-reader.js';
import { StateOverlay } from './state-overlay.js';
import type { Suite } from './suite.js';
import { assertTxStateless, decodeTx, type DecodedTx } from './tx.js';

/** The modules a chain runs, by name. */
export type ModuleRegistry = ReadonlyMap<string, LedgerModule>;

/** Everything `executeBlock` needs; all of it is data or pure functions. */
export interface ExecuteBlockParams {
  readonly suite: Suite;
  readonly chainId: string;
  readonly params: ChainParams;
  readonly modules: ModuleRegistry;
  readonly resolveCaller: CallerResolver;
  readonly prevHeader: BlockHeader;
  readonly prevHash: Uint8Array;
  /** Ordered batch from the ordering service. */
  readonly timestamp: number;
  readonly proposer: Uint8Array;
  readonly txs: readonly Uint8Array[];
  readonly state: StateReader;
  readonly stateTree: StateCommitment;
  /** History root over headers 0..height-1 (includes prevHeader). */
  readonly historyRoot: Uint8Array;
  /** True when a tx id was committed in an earlier block (within the validity horizon). */
  isCommitted(txId: Uint8Array): boolean;
  /** Optional: the decoded form of these exact bytes, when already known (the mempool's). Never changes outcomes. */
  preDecoded?(bytes: Uint8Array): DecodedTx | undefined;
  /** Optional: true when this exact tx's signature was already verified (mempool cache). Never changes outcomes. */
  isSignatureVerified?(txId: Uint8Array): boolean;
}

/** A tx of the block with its outcome. */
export interface ExecutedTx {
  readonly id: Uint8Array;
  readonly bytes: Uint8Array;
  readonly tx: DecodedTx | null;
  readonly receipt: Receipt;
  /** Canonical receipt bytes (the receipts tree's leaf data), so the store need not encode them again. */
  readonly receiptBytes: Uint8Array;
}

/** What a block execution produced: the header and everything the store must persist with it. */
export interface ExecuteBlockResult {
  readonly header: BlockHeader;
  readonly hash: Uint8Array;
  readonly txs: readonly ExecutedTx[];
  readonly writes: readonly StateWrite[];
}

function failedReceipt(txId: Uint8Array, e: GongxinError): Receipt {
  return { txId, ok: false, code: e.code, message: e.message, events: [] };
}

/**
 * Finds the module and command a tx calls and checks the caller's roles against it. The executor runs it for
 * every tx; the mempool runs it at admission against committed state, so callers learn early.
 * @throws TX_UNKNOWN_MODULE, TX_UNKNOWN_COMMAND, TX_UNAUTHORIZED, and the resolver's codes (TX_KEY_REVOKED …)
 */
export function authorizeCall(
  modules: ModuleRegistry,
  resolveCaller: CallerResolver,
  read: (module: string, key: string) => Value | undefined,
  body: { readonly module: string; readonly command: string; readonly signer: Uint8Array },
): { mod: LedgerModule; cmd: CommandDef<never>; caller: Caller } {
  const mod = modules.get(body.module);
  if (!mod) throw new GongxinError('TX_UNKNOWN_MODULE', `no module "${body.module}"`, { module: body.module });
  const cmd = Object.hasOwn(mod.commands, body.command) ? mod.commands[body.command] : undefined;
  if (!cmd) throw new GongxinError('TX_UNKNOWN_COMMAND', `module "${mod.name}" has no command "${body.command}"`, { module: mod.name, command: body.command });
  const caller = resolveCaller(read, body.signer);
  const allowed =
    cmd.roles.includes(ROLE_PUBLIC) ||
    (caller.org !== null && cmd.roles.includes(ROLE_ANY_MEMBER)) ||
    caller.roles.some((r) => r !== ROLE_PUBLIC && cmd.roles.includes(r));
  if (!allowed) {
    throw new GongxinError('TX_UNAUTHORIZED', `${mod.name}.${body.command} needs one of the roles: ${cmd.roles.join(', ')}`, {
      module: mod.name,
      command: body.command,
    });
  }
  return { mod, cmd, caller };
}

function runTx(p: ExecuteBlockParams, overlay: StateOverlay, tx: DecodedTx, height: number, seen: Set<string>): Receipt {
  const idHex = bytesToHex(tx.id);
  if (seen.has(idHex) || p.isCommitted(tx.id)) throw new GongxinError('TX_DUPLICATE', 'transaction already included', { txId: idHex });
  seen.add(idHex);
  const rules = { chainId: p.chainId, maxTxBytes: p.params.maxTxBytes, maxValidityMs: p.params.maxValidityMs };
  assertTxStateless(p.suite, rules, tx, p.timestamp, p.isSignatureVerified?.(tx.id) ?? false);
  const read = (module: string, key: string): Value | undefined => overlay.get(module, key);
  const { mod, cmd, caller } = authorizeCall(p.modules, p.resolveCaller, read, tx.body);
  const events: LedgerEvent[] = [];
  const readCtx: ReadContext = {
    chainId: p.chainId,
    height,
    timestamp: p.timestamp,
    txId: tx.id,
    txIdHex: idHex,
    caller,
    get: (key) => overlay.get(mod.name, key),
    read,
  };
  const ctx: CommandContext = {
    ...readCtx,
    set: (key, value) => overlay.set(mod.name, key, value),
    delete: (key) => overlay.delete(mod.name, key),
    emit: (type, attrs) => {
      events.push({ module: mod.name, type, attrs });
    },
  };
  const args = (cmd.parse as (a: Value) => never)(tx.body.args);
  cmd.check?.(readCtx, args);
  cmd.apply(ctx, args);
  return { txId: tx.id, ok: true, code: '', message: '', events };
}

/**
 * Executes an ordered batch on top of committed state and returns the header and the writes.
 * Invalid txs get failed receipts and change nothing; only a non-Gongxin exception (a bug) aborts the block.
 * @throws BLOCK_TOO_LARGE when the batch breaks the block limits; rethrows bugs.
 */
export function executeBlock(p: ExecuteBlockParams): ExecuteBlockResult {
  const height = p.prevHeader.height + 1;
  if (p.txs.length > p.params.maxBlockTxs) throw new GongxinError('BLOCK_TOO_LARGE', `block has ${p.txs.length} txs; limit ${p.params.maxBlockTxs}`);
  if (p.timestamp < p.prevHeader.timestamp) throw new GongxinError('BLOCK_TIME_REGRESSED', 'block timestamp is before the previous block');
  const overlay = new StateOverlay(p.state);
  const seen = new Set<string>();
  const executed: ExecutedTx[] = [];
  for (const bytes of p.txs) {
    let tx: DecodedTx | null = null;
    let receipt: Receipt;
    try {
      tx = p.preDecoded?.(bytes) ?? decodeTx(p.suite.hash, bytes, p.params.maxTxBytes);
      receipt = runTx(p, overlay, tx, height, seen);
      overlay.commitTx();
    } catch (e) {
      overlay.dropTx();
      if (!isGongxinError(e)) throw e;
      receipt = failedReceipt(tx?.id ?? p.suite.hash(bytes), e);
    }
    executed.push({ id: receipt.txId, bytes, tx, receipt, receiptBytes: encodeReceipt(receipt) });
  }
  const writes = overlay.writes();
  const stateRoot = commitWrites(p.suite, p.stateTree, height, writes);
  const header: BlockHeader = {
    chainId: p.chainId,
    height,
    prevHash: p.prevHash,
    timestamp: p.timestamp,
    txCount: executed.length,
    txRoot: merkleRoot(p.suite.hash, executed.map((t) => leafHash(p.suite.hash, t.id))),
    receiptsRoot: merkleRoot(p.suite.hash, executed.map((t) => leafHash(p.suite.hash, t.receiptBytes))),
    stateRoot,
    historyRoot: p.historyRoot,
    proposer: p.proposer,
  };
  return { header, hash: headerHash(p.suite.hash, header), txs: executed, writes };
}

function commitWrites(suite: Suite, tree: StateCommitment, version: number, writes: readonly StateWrite[]): Uint8Array {
  return tree.applyBatch(
    version,
    writes.map((w) => ({ path: statePath(suite.hash, w.module, utf8Encode(w.key)), valueHash: w.value === null ? null : suite.hash(w.value) })),
  );
}

/** Parameters of `executeGenesis`. */
export interface ExecuteGenesisParams {
  readonly suite: Suite;
  readonly genesis: GenesisDoc;
  readonly modules: ModuleRegistry;
  readonly state: StateReader;
  readonly stateTree: StateCommitment;
}

/**
 * Block 0: each module seeds its state from its genesis section. The header's prevHash is the genesis hash.
 * @throws GongxinError from a module rejecting its genesis section
 */
export function executeGenesis(p: ExecuteGenesisParams): ExecuteBlockResult {
  const g = p.genesis;
  const overlay = new StateOverlay(p.state);
  const names = [...p.modules.keys()].sort();
  for (const name of names) {
    const mod = p.modules.get(name)!;
    mod.initGenesis?.(
      {
        chainId: g.chainId,
        timestamp: g.timestamp,
        get: (key) => overlay.get(name, key),
        read: (module, key) => overlay.get(module, key),
        set: (key, value) => overlay.set(name, key, value),
      },
      Object.hasOwn(g.modules, name) ? g.modules[name] : undefined,
    );
  }
  overlay.commitTx();
  const writes = overlay.writes();
  const empty = merkleRoot(p.suite.hash, []);
  const header: BlockHeader = {
    chainId: g.chainId,
    height: 0,
    prevHash: genesisHash(p.suite.hash, g),
    timestamp: g.timestamp,
    txCount: 0,
    txRoot: empty,
    receiptsRoot: empty,
    stateRoot: commitWrites(p.suite, p.stateTree, 0, writes),
    historyRoot: empty,
    proposer: new Uint8Array(0),
  };
  return { header, hash: headerHash(p.suite.hash, header), txs: [], writes };
}
