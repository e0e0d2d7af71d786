// What an offline verification bundle of a published figure holds (issue 4 "Offline verification bundles"):
// the state keys of the figure's head, every revision, every dispute and the open mismatch flags beside it.
import { GongxinError, type Value } from '@gongxin/core';
import { assertDate } from './dates.js';
import { STATS_ERRORS } from './errors.js';
import { assertRegion } from './regions.js';
import { openFlagsBeside } from './select.js';
import { asRecord, STATS_KEYS, type DisputeRecord, type FigureHead, type FlagRecord, type RevisionRecord } from './state.js';

/** Keys and tx ids a bundle must carry (state proofs for the keys, inclusion proofs for the txs). */
export interface StatsBundleKeys {
  readonly keys: string[];
  readonly txIds: string[];
}

/**
 * The state keys (module `open-stats`) and tx ids an offline bundle of one figure must include: its head, all its
 * revisions, its disputes, and the open mismatch flags (with their `open/` pointers) shown beside it.
 * @param kind bundle kind; only `figure`
 * @param id `${region}/${date}`, e.g. `420000/2020-02-01`
 * @param read this module's committed state at the bundle's height
 * @throws STATS_BAD_BUNDLE_ID (unknown kind, malformed id), STATS_FIGURE_NOT_FOUND
 * @example const { keys, txIds } = statsBundleKeys('figure', '420000/2020-02-01', (k) => state.get(k));
 */
export function statsBundleKeys(kind: 'figure', id: string, read: (key: string) => Value | undefined): StatsBundleKeys {
  const m = /^(\d{6})\/(\d{4}-\d{2}-\d{2})$/.exec(id);
  if ((kind as string) !== 'figure' || m === null) throw new GongxinError(STATS_ERRORS.BAD_BUNDLE_ID, `no ${String(kind)} bundle "${id.slice(0, 40)}": expected figure {region}/{date}`, { kind: String(kind) });
  const [region, date] = [m[1]!, m[2]!];
  assertRegion(region, 'id');
  assertDate(date, 'id');
  const headKey = STATS_KEYS.figure(region, date);
  const head = asRecord<FigureHead>(read(headKey));
  if (head === undefined) throw new GongxinError(STATS_ERRORS.FIGURE_NOT_FOUND, `no figure for ${region} on ${date}`, { region, date });
  const keys = [headKey];
  const txIds: string[] = [];
  const add = (key: string, txId: string | undefined): void => {
    keys.push(key);
    if (txId !== undefined && !txIds.includes(txId)) txIds.push(txId);
  };
  for (let n = 1; n <= head.latest; n++) {
    const key = STATS_KEYS.revision(region, date, n);
    add(key, asRecord<RevisionRecord>(read(key))?.txId);
  }
  for (let s = 1; s <= head.disputes; s++) {
    const key = STATS_KEYS.dispute(region, date, s);
    add(key, asRecord<DisputeRecord>(read(key))?.txId);
  }
  for (const flagKey of openFlagsBeside({ get: read }, region, date)) {
    const flag = asRecord<FlagRecord>(read(flagKey));
    if (flag === undefined) continue;
    keys.push(STATS_KEYS.openFlag(flag.parent, date));
    add(flagKey, flag.txId);
  }
  return { keys, txIds };
}
