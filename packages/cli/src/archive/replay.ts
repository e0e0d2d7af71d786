// Replay from genesis (docs/cli.md §import, STYLE.md §5 Determinism): each block checked by core assertBlockRules,
// re-executed by executeBlock, required to reproduce its header hash, and committed to a target store as a peer would.
import {
  assertBlockRules,
  bytesToHex,
  createHistoryTree,
  createStateTreeFromLeaves,
  decodeBlock,
  equalBytes,
  executeBlock,
  executeGenesis,
  genesisHash,
  GongxinError,
  headerHash,
  headerToValue,
  encode,
  leafHash,
  type Block,
  type BlockHeader,
  type BlockRecord,
  type CallerResolver,
  type ExecuteBlockResult,
  type GenesisDoc,
  type LedgerStore,
  type ModuleRegistry,
  type Suite,
  type Value,
} from '@gongxin/core';
import { getSuite } from '@gongxin/crypto';
import { CLI_ERRORS } from '../errors.js';
import { openArchive } from './format.js';

/** Where replayed blocks are committed: a LedgerStore (SQLite for import, memory for verification). */
export type ReplayTarget = Pick<LedgerStore, 'get' | 'scan' | 'hasTx' | 'commitGenesis' | 'commitBlock'>;

/** The chain's rules: the modules it runs and how it resolves callers (the peer's own, see node defaultModules). */
export interface ChainRuntime {
  readonly modules: ModuleRegistry;
  readonly resolveCaller: CallerResolver;
}

/** Options of `replayBlocks`. */
export interface ReplayBlocksParams extends ChainRuntime {
  readonly genesis: GenesisDoc;
  /** Blocks 0, 1, 2 … in order: canonical bytes (an archive) or decoded blocks (a store). */
  readonly blocks: Iterable<Uint8Array | Block>;
  readonly target: ReplayTarget;
  /** Default: the Node suite of the genesis. */
  readonly suite?: Suite;
  /** Called after each block is committed to the target, with the re-executed result. */
  readonly onBlock?: (result: ExecuteBlockResult) => void;
}

/** Where a replay ended. */
export interface ReplayResult {
  readonly genesisHash: Uint8Array;
  readonly height: number;
  readonly headHash: Uint8Array;
  readonly stateRoot: Uint8Array;
  /** History root over all replayed headers (the next block's historyRoot). */
  readonly historyRoot: Uint8Array;
  readonly blocks: number;
  readonly txs: number;
}

const HEADER_FIELDS = ['chainId', 'height', 'prevHash', 'timestamp', 'txCount', 'txRoot', 'receiptsRoot', 'stateRoot', 'historyRoot', 'proposer'] as const;

/** The header fields that differ, for the mismatch message. */
function differingFields(a: BlockHeader, b: BlockHeader): string[] {
  const va = headerToValue(a) as Record<string, Value>;
  const vb = headerToValue(b) as Record<string, Value>;
  return HEADER_FIELDS.filter((f) => !equalBytes(encode(va[f] ?? null), encode(vb[f] ?? null)));
}

function mismatch(height: number, archived: BlockHeader, replayed: BlockHeader, hash: Uint8Array, expected: Uint8Array): never {
  const fields = differingFields(archived, replayed);
  throw new GongxinError(
    CLI_ERRORS.replayMismatch,
    `block ${height} does not replay: re-executed header hash ${bytesToHex(hash)} ≠ recorded ${bytesToHex(expected)} (differs in ${fields.join(', ') || 'encoding'})`,
    { height, fields: fields.join(','), expected: bytesToHex(expected), replayed: bytesToHex(hash) },
  );
}

function asBlock(b: Uint8Array | Block, genesis: GenesisDoc): Block {
  return b instanceof Uint8Array ? decodeBlock(b, genesis.params) : b;
}

/**
 * Replays blocks from genesis into `target`, failing at the first block whose rules or re-executed header differ.
 * @throws CLI_REPLAY_MISMATCH (details: height, fields), CLI_ARCHIVE_MALFORMED (no block 0), BLOCK_* (block rules),
 *   STORE_* from the target
 * @example const r = replayBlocks({ genesis, blocks, target: createMemoryLedger(), modules, resolveCaller });
 */
export function replayBlocks(p: ReplayBlocksParams): ReplayResult {
  const { genesis, target } = p;
  const suite = p.suite ?? getSuite(genesis.suite);
  const gHash = genesisHash(suite.hash, genesis);
  // One retained version is enough: replay never serves proofs of past heights.
  const stateTree = createStateTreeFromLeaves(suite.hash, [], { retain: 1 });
  const history = createHistoryTree(suite.hash);
  let prev: { header: BlockHeader; hash: Uint8Array } | undefined;
  let txs = 0;
  let count = 0;
  for (const item of p.blocks) {
    const block = asBlock(item, genesis);
    const expected = headerHash(suite.hash, block.header);
    let result: ExecuteBlockResult;
    if (prev === undefined) {
      if (block.header.height !== 0 || block.txs.length !== 0) {
        throw new GongxinError(CLI_ERRORS.archiveMalformed, 'the chain must start with block 0 (no txs)', { height: block.header.height });
      }
      result = executeGenesis({ suite, genesis, modules: p.modules, state: target, stateTree });
      if (!equalBytes(result.hash, expected)) mismatch(0, block.header, result.header, result.hash, expected);
      const historyNodes = history.append(leafHash(suite.hash, result.hash));
      target.commitGenesis(genesis, { header: result.header, hash: result.hash, txs: [], writes: result.writes, historyNodes });
    } else {
      assertBlockRules(suite.hash, genesis.params, prev.header, block);
      result = executeBlock({
        suite,
        chainId: genesis.chainId,
        params: genesis.params,
        modules: p.modules,
        resolveCaller: p.resolveCaller,
        prevHeader: prev.header,
        prevHash: prev.hash,
        timestamp: block.header.timestamp,
        proposer: block.header.proposer,
        txs: block.txs,
        state: target,
        stateTree,
        historyRoot: history.root(),
        isCommitted: (id) => target.hasTx(id),
      });
      if (!equalBytes(result.hash, expected)) mismatch(block.header.height, block.header, result.header, result.hash, expected);
      const record: BlockRecord = {
        header: result.header,
        hash: result.hash,
        txs: result.txs,
        writes: result.writes,
        historyNodes: history.append(leafHash(suite.hash, result.hash)),
      };
      target.commitBlock(record);
    }
    txs += block.txs.length;
    count++;
    prev = { header: result.header, hash: result.hash };
    p.onBlock?.(result);
  }
  if (prev === undefined) throw new GongxinError(CLI_ERRORS.archiveMalformed, 'no blocks to replay (block 0 is required)');
  return { genesisHash: gHash, height: prev.header.height, headHash: prev.hash, stateRoot: prev.header.stateRoot, historyRoot: history.root(), blocks: count, txs };
}

/** Options of `replayArchive`. */
export interface ReplayArchiveParams extends ChainRuntime {
  /** Archive file written by `gongxin export`. */
  readonly path: string;
  readonly target: ReplayTarget;
  readonly onBlock?: (result: ExecuteBlockResult) => void;
  /** Called once the archive's preamble is read, before any block (e.g. to size a progress bar). */
  readonly onOpen?: (info: { readonly genesis: GenesisDoc; readonly blockCount: number; readonly txCount: number }) => void;
}

/**
 * Replays an archive into `target`: the archive's genesis, then every block, each re-executed and compared.
 * @throws CLI_ARCHIVE_MALFORMED, CLI_REPLAY_MISMATCH, BLOCK_*, and the target's errors
 * @example const r = replayArchive({ path: 'chain.gxa', target: createMemoryLedger(), ...runtime });
 */
export function replayArchive(p: ReplayArchiveParams): ReplayResult & { readonly genesis: GenesisDoc } {
  const archive = openArchive(p.path);
  try {
    p.onOpen?.(archive);
    const r = replayBlocks({
      genesis: archive.genesis,
      blocks: archive.blocks(),
      target: p.target,
      modules: p.modules,
      resolveCaller: p.resolveCaller,
      ...(p.onBlock !== undefined ? { onBlock: p.onBlock } : {}),
    });
    if (r.blocks !== archive.blockCount) throw new GongxinError(CLI_ERRORS.archiveMalformed, `replayed ${r.blocks} of ${archive.blockCount} blocks`);
    return { ...r, genesis: archive.genesis };
  } finally {
    archive.close();
  }
}
