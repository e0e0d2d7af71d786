// Exporting a stored chain to an archive (docs/cli.md §export): genesis and blocks 0..head read from a ledger store
// (the SQLite ledger, opened read-only, or any LedgerStore) and written in the archive format.
import { genesisHash, GongxinError, type ChainHead, type LedgerStore } from '@gongxin/core';
import { getSuite } from '@gongxin/crypto';
import { CLI_ERRORS } from '../errors.js';
import { createArchiveWriter } from './format.js';

/** What an export reads: a LedgerStore's block accessors. */
export type ArchiveSource = Pick<LedgerStore, 'getGenesis' | 'head' | 'getHeader' | 'getBlockTxs'>;

/** What was exported. */
export interface ExportResult {
  readonly blocks: number;
  readonly txs: number;
  readonly bytes: number;
  readonly head: ChainHead;
  readonly genesisHash: Uint8Array;
}

/**
 * Writes blocks 0..head of `source` (its head when the export starts) to an archive at `path`.
 * @throws CLI_LEDGER_MISSING (empty store), CLI_STORE_MISMATCH (a block's stored txs disagree with its header)
 * @example const r = exportChain({ source: store, path: 'chain.gxa', onBlock: (h) => bar.update(h) });
 */
export function exportChain(p: { readonly source: ArchiveSource; readonly path: string; readonly onBlock?: (height: number, txs: number) => void; readonly onStart?: (blocks: number, txs: number) => void }): ExportResult {
  const { source } = p;
  const genesis = source.getGenesis();
  const head = source.head();
  if (genesis === undefined || head === undefined) throw new GongxinError(CLI_ERRORS.ledgerMissing, 'the ledger holds no chain yet');
  const last = head.header.height;
  const headerAt = (h: number): ChainHead => {
    const x = source.getHeader(h);
    if (x === undefined) throw new GongxinError(CLI_ERRORS.storeMismatch, `the ledger has no block ${h} below its head ${last}`, { height: h });
    return x;
  };
  let txCount = 0;
  for (let h = 0; h <= last; h++) txCount += headerAt(h).header.txCount;
  p.onStart?.(last + 1, txCount);
  const w = createArchiveWriter({ path: p.path, genesis, blockCount: last + 1, txCount });
  try {
    for (let h = 0; h <= last; h++) {
      const { header } = headerAt(h);
      const txs = source.getBlockTxs(h).map((t) => t.bytes);
      if (txs.length !== header.txCount) {
        throw new GongxinError(CLI_ERRORS.storeMismatch, `block ${h}: the header counts ${header.txCount} txs, the ledger holds ${txs.length}`, { height: h });
      }
      w.writeBlock({ header, txs });
      p.onBlock?.(h, txs.length);
    }
    const { bytes } = w.finish();
    return { blocks: last + 1, txs: txCount, bytes, head, genesisHash: genesisHash(getSuite(genesis.suite).hash, genesis) };
  } catch (e) {
    w.abort();
    throw e;
  }
}
