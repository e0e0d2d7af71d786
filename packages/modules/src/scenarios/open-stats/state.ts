// State layout of the open-stats module (README.md "State"): write-once revision, dispute and flag records,
// plus three small indexes (figure head, children list, open flag) that later txs update.
import type { Value } from '@gongxin/core';
import type { Metrics } from './schema.js';

const pad = (n: number): string => String(n).padStart(6, '0');

/**
 * State keys of the module. Revisions and disputes sort by number inside their figure.
 * @example STATS_KEYS.revision('420000', '2020-02-01', 2) // 'rev/420000/2020-02-01/000002'
 */
export const STATS_KEYS = {
  /** Figure head (index): owner org, latest revision, dispute count. */
  figure: (region: string, date: string): string => `fig/${region}/${date}`,
  /** One revision (write-once). */
  revision: (region: string, date: string, n: number): string => `rev/${region}/${date}/${pad(n)}`,
  /** One dispute (write-once), numbered per figure. */
  dispute: (region: string, date: string, seq: number): string => `dispute/${region}/${date}/${pad(seq)}`,
  /** Marker (write-once): this org disputed this revision; value = the dispute's sequence number. */
  disputedBy: (region: string, date: string, revision: number, org: string): string => `dby/${region}/${date}/${pad(revision)}/${org}`,
  /** Children of `parent` with a figure on `date` (index, sorted, append-only). */
  children: (parent: string, date: string): string => `kids/${parent}/${date}`,
  /** One province/cities comparison that found a mismatch (write-once), keyed by the tx that made it. */
  flag: (parent: string, date: string, txId: string): string => `flag/${parent}/${date}/${txId}`,
  /** The tx id of the parent's current mismatch flag (index; deleted once a later comparison matches). */
  openFlag: (parent: string, date: string): string => `open/${parent}/${date}`,
} as const;

/** `fig/{region}/{date}`: who owns the figure and where its history ends. */
export interface FigureHead {
  readonly region: string;
  readonly date: string;
  readonly org: string;
  readonly latest: number;
  readonly latestTxId: string;
  readonly disputes: number;
}

/** `rev/{region}/{date}/{n}`: one revision, never changed after it is written. */
export interface RevisionRecord {
  readonly region: string;
  readonly date: string;
  readonly revision: number;
  readonly metrics: Metrics;
  readonly org: string;
  readonly signer: string;
  readonly txId: string;
  readonly height: number;
  readonly at: number;
  /** Tx id of the revision this one corrects (null for revision 1). */
  readonly corrects: string | null;
  readonly reason: string | null;
}

/** `dispute/{region}/{date}/{seq}`: one dispute of one revision. */
export interface DisputeRecord {
  readonly region: string;
  readonly date: string;
  readonly seq: number;
  readonly revision: number;
  readonly revisionTxId: string;
  readonly org: string;
  readonly signer: string;
  readonly reason: string;
  readonly txId: string;
  readonly height: number;
  readonly at: number;
}

/** One metric whose parent value differs from the sum of the children's. */
export interface Mismatch {
  readonly metric: string;
  readonly parent: number;
  readonly childrenSum: number;
}

/** `flag/{parent}/{date}/{txId}`: a comparison that found mismatches, with the revisions it compared. */
export interface FlagRecord {
  readonly parent: string;
  readonly date: string;
  readonly parentRevision: number;
  readonly children: ReadonlyArray<{ readonly region: string; readonly revision: number }>;
  readonly mismatches: readonly Mismatch[];
  readonly txId: string;
  readonly height: number;
  readonly at: number;
}

/**
 * Views a stored value as one of the module's records (the module alone writes its keys, in these shapes).
 * @example const head = asRecord<FigureHead>(ctx.get(STATS_KEYS.figure(r, d)));
 */
export function asRecord<T>(v: Value | undefined): T | undefined {
  return v === undefined || v === null ? undefined : (v as unknown as T);
}

/**
 * A record as a canonical value, for `ctx.set`.
 * @example ctx.set(key, toValue(record));
 */
export function toValue(record: object): Value {
  return record as unknown as Value;
}
