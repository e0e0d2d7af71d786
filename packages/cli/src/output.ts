// Printing results (docs/cli.md §Output): readable text by default, or one JSON document with --json. Bytes print
// as lowercase hex, as in the HTTP API, so saved output can be fed back to `gongxin verify`.
import { bytesToHex, type BlockHeader } from '@gongxin/core';
import type { JsonValue, StateResponse } from '@gongxin/sdk';
import type { Command } from 'commander';
import { println, type CliContext } from './context.js';

/**
 * The JSON view of anything the SDK returns: Uint8Array → hex, bigint → decimal string, undefined dropped.
 * @example jsonOf({ hash: new Uint8Array([1, 2]) }) // { hash: '0102' }
 */
export function jsonOf(v: unknown): JsonValue {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return bytesToHex(v);
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : jsonOf(x)));
  if (typeof v === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (x !== undefined) out[k] = jsonOf(x);
    return out;
  }
  return null;
}

/**
 * A state response back in the API's JSON shape (docs/api.md GET /v1/state), e.g. to save it for `verify`.
 * @example writeFileSync(out, JSON.stringify(stateResponseJson(r)));
 */
export function stateResponseJson(r: StateResponse): JsonValue {
  return {
    module: r.module,
    key: r.key,
    height: r.height,
    found: r.found,
    value: r.value,
    valueHex: r.valueBytes === null ? null : bytesToHex(r.valueBytes),
    proof: jsonOf(r.proof),
    header: jsonOf(r.header),
    headerHash: jsonOf(r.headerHash),
  };
}

/** True when the global --json flag is set. */
export function wantsJson(cmd: Command): boolean {
  return (cmd.optsWithGlobals() as { json?: boolean }).json === true;
}

/**
 * Prints a result: `json` with --json, else the text lines.
 * @example emit(ctx, cmd, jsonOf(status), () => [`height ${status.height}`]);
 */
export function emit(ctx: CliContext, cmd: Command, json: JsonValue, text: () => readonly string[]): void {
  if (wantsJson(cmd)) println(ctx, JSON.stringify(json, null, 2));
  else println(ctx, ...text());
}

/**
 * Aligned `key  value` lines.
 * @example table([['height', '12'], ['head', 'ab…']]) // ['height  12', 'head    ab…']
 */
export function table(rows: ReadonlyArray<readonly [string, string]>, indent = ''): string[] {
  const w = Math.max(0, ...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${indent}${k.padEnd(w)}  ${v}`);
}

/** Header fields as table rows. */
export function headerRows(h: BlockHeader, hash: Uint8Array): Array<readonly [string, string]> {
  return [
    ['height', String(h.height)],
    ['hash', bytesToHex(hash)],
    ['time', `${new Date(h.timestamp).toISOString()} (${h.timestamp})`],
    ['txs', String(h.txCount)],
    ['prevHash', bytesToHex(h.prevHash)],
    ['txRoot', bytesToHex(h.txRoot)],
    ['receiptsRoot', bytesToHex(h.receiptsRoot)],
    ['stateRoot', bytesToHex(h.stateRoot)],
    ['historyRoot', bytesToHex(h.historyRoot)],
    ['proposer', h.proposer.length === 0 ? '(none)' : bytesToHex(h.proposer)],
  ];
}

/**
 * A JSON value on one line, cut to `max` characters.
 * @example brief({ a: 1 }) // '{"a":1}'
 */
export function brief(v: JsonValue, max = 160): string {
  const s = JSON.stringify(v);
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
