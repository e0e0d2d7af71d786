// Chain archives (docs/cli.md §Archive format): genesis, then blocks 0..N-1 as length-prefixed canonical bytes, then
// an end marker. Written through a temporary file (an interrupted export leaves none); truncation or padding is refused.
import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { decode, encode, encodeBlock, genesisFromValue, genesisToValue, GongxinError, type Block, type GenesisDoc } from '@gongxin/core';
import { CLI_ERRORS } from '../errors.js';

/** "GXARCHIV": the first 8 bytes of every archive. */
export const ARCHIVE_MAGIC: Uint8Array = new TextEncoder().encode('GXARCHIV');
/** The format version this code writes and reads. */
export const ARCHIVE_VERSION = 1;
const PREAMBLE = 8 + 4 + 4 + 8 + 4;

function malformed(message: string, details: Record<string, string | number> = {}): never {
  throw new GongxinError(CLI_ERRORS.archiveMalformed, message, details);
}

/** Writes an archive: `writeBlock` for heights 0..blockCount-1 in order, then `finish`. */
export interface ArchiveWriter {
  writeBlock(block: Block): void;
  /** Writes the end marker and moves the file into place. @throws CLI_ARCHIVE_MALFORMED when blocks are missing */
  finish(): { readonly bytes: number };
  /** Drops the partial file (after a failure). */
  abort(): void;
}

/**
 * Starts an archive at `path` for `blockCount` blocks holding `txCount` txs (counts go in the preamble so readers
 * can show progress).
 * @example const w = createArchiveWriter({ path, genesis, blockCount: head + 1, txCount }); … w.finish();
 */
export function createArchiveWriter(p: { readonly path: string; readonly genesis: GenesisDoc; readonly blockCount: number; readonly txCount: number }): ArchiveWriter {
  const tmp = `${p.path}.partial-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o644);
  let buf = new Uint8Array(1 << 20);
  let len = 0;
  let total = 0;
  let written = 0;
  const flush = (): void => {
    let off = 0;
    while (off < len) off += writeSync(fd, buf, off, len - off);
    total += len;
    len = 0;
  };
  const put = (bytes: Uint8Array): void => {
    if (len + bytes.length > buf.length) flush();
    if (bytes.length > buf.length) buf = new Uint8Array(bytes.length);
    buf.set(bytes, len);
    len += bytes.length;
  };
  const u32 = (n: number): Uint8Array => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, n);
    return b;
  };
  const genesisBytes = encode(genesisToValue(p.genesis));
  const pre = new Uint8Array(PREAMBLE);
  const dv = new DataView(pre.buffer);
  pre.set(ARCHIVE_MAGIC, 0);
  dv.setUint32(8, ARCHIVE_VERSION);
  dv.setUint32(12, p.blockCount);
  dv.setBigUint64(16, BigInt(p.txCount));
  dv.setUint32(24, genesisBytes.length);
  put(pre);
  put(genesisBytes);
  return {
    writeBlock(block) {
      if (block.header.height !== written) malformed(`expected block ${written}, got ${block.header.height}`);
      const bytes = encodeBlock(block);
      put(u32(bytes.length));
      put(bytes);
      written++;
    },
    finish() {
      if (written !== p.blockCount) malformed(`wrote ${written} of ${p.blockCount} blocks`);
      put(u32(0));
      flush();
      closeSync(fd);
      renameSync(tmp, p.path);
      return { bytes: total };
    },
    abort() {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      rmSync(tmp, { force: true });
    },
  };
}

/** An archive opened for reading. */
export interface ArchiveReader {
  readonly genesis: GenesisDoc;
  readonly blockCount: number;
  readonly txCount: number;
  /** Canonical bytes of blocks 0..blockCount-1, in order; checks the end marker and that nothing follows. */
  blocks(): Generator<Uint8Array, void, undefined>;
  close(): void;
}

/**
 * Opens an archive: reads and checks the preamble and the genesis document.
 * @throws CLI_ARCHIVE_MALFORMED, CLI_FILE_UNREADABLE, GENESIS_INVALID
 * @example const a = openArchive('chain.gxa'); for (const bytes of a.blocks()) …; a.close();
 */
export function openArchive(path: string, maxRecordBytes = 64 * 1024 * 1024): ArchiveReader {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new GongxinError(CLI_ERRORS.fileUnreadable, `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { path });
  }
  let pos = 0;
  const read = (n: number, what: string): Uint8Array => {
    const out = new Uint8Array(n);
    let got = 0;
    while (got < n) {
      const r = readSync(fd, out, got, n - got, pos + got);
      if (r === 0) malformed(`the archive ends inside ${what} (truncated?)`, { offset: pos + got });
      got += r;
    }
    pos += n;
    return out;
  };
  const u32 = (what: string): number => new DataView(read(4, what).buffer).getUint32(0);
  try {
    const pre = read(PREAMBLE, 'the preamble');
    if (!pre.subarray(0, 8).every((b, i) => b === ARCHIVE_MAGIC[i])) malformed('not a Gongxin chain archive (bad magic)');
    const dv = new DataView(pre.buffer);
    const version = dv.getUint32(8);
    if (version !== ARCHIVE_VERSION) malformed(`archive version ${version}; this gongxin reads version ${ARCHIVE_VERSION}`, { version });
    const blockCount = dv.getUint32(12);
    const txCount = Number(dv.getBigUint64(16));
    const gLen = dv.getUint32(24);
    if (blockCount < 1) malformed('the archive holds no blocks (block 0 is required)');
    if (gLen > maxRecordBytes) malformed(`genesis record of ${gLen} bytes`);
    const genesis = genesisFromValue(decode(read(gLen, 'the genesis document')));
    return {
      genesis,
      blockCount,
      txCount,
      *blocks() {
        for (let i = 0; i < blockCount; i++) {
          const n = u32(`the length of block ${i}`);
          if (n === 0) malformed(`the archive ends after ${i} of ${blockCount} blocks`);
          if (n > maxRecordBytes) malformed(`block ${i} record of ${n} bytes is larger than allowed`, { height: i });
          yield read(n, `block ${i}`);
        }
        if (u32('the end marker') !== 0) malformed(`more than the ${blockCount} announced blocks`);
        const extra = new Uint8Array(1);
        if (readSync(fd, extra, 0, 1, pos) !== 0) malformed('bytes after the end marker');
      },
      close: () => closeSync(fd),
    };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}
