// Commands of the open-stats module (SCENARIOS.md §6): health authorities publish daily figures, the publishing
// org corrects them with new revisions, other orgs' authorities dispute a revision. Nothing is overwritten.
import { GongxinError, type ReadContext, type Value } from '@gongxin/core';
import { defineCommand } from '../../shared/define.js';
import { parseArgs } from '../../shared/parse-args.js';
import { afterFigureChange, latestRevision } from './compare.js';
import { assertDate, blockDay, dayNumber } from './dates.js';
import { STATS_ERRORS } from './errors.js';
import { STATS_EVENTS } from './events.js';
import { assertRegion } from './regions.js';
import { correctArgs, disputeArgs, METRICS, publishArgs, STATS_LIMITS, type CorrectArgs, type DisputeArgs, type Metrics, type PublishArgs } from './schema.js';
import { asRecord, STATS_KEYS, toValue, type DisputeRecord, type FigureHead, type RevisionRecord } from './state.js';

/** The role that publishes, corrects and disputes figures. */
export const ROLE_HEALTH_AUTHORITY = 'health-authority';

/** Keeps only the metrics present, in METRICS order; throws when none is. */
function cleanMetrics(m: Readonly<Record<string, number | undefined>>): Metrics {
  const out: Metrics = {};
  for (const name of METRICS) {
    const v = m[name];
    if (v !== undefined) out[name] = v;
  }
  if (Object.keys(out).length === 0) throw new GongxinError(STATS_ERRORS.NO_METRICS, 'args.metrics names no metric', { field: 'args.metrics' });
  return out;
}

function checkPlace(region: string, date: string): void {
  assertRegion(region, 'args.region');
  assertDate(date, 'args.date');
}

function callerOrg(ctx: ReadContext): string {
  if (ctx.caller.org === null) throw new GongxinError(STATS_ERRORS.NO_ORG, 'the signer belongs to no org');
  return ctx.caller.org;
}

function requireHead(ctx: ReadContext, region: string, date: string): FigureHead {
  const head = asRecord<FigureHead>(ctx.get(STATS_KEYS.figure(region, date)));
  if (head === undefined) throw new GongxinError(STATS_ERRORS.FIGURE_NOT_FOUND, `no figure for ${region} on ${date}`, { region, date });
  return head;
}

function sameMetrics(a: Metrics, b: Metrics): boolean {
  return METRICS.every((m) => a[m] === b[m]);
}

function revisionRecord(ctx: ReadContext, a: PublishArgs, org: string, revision: number, corrects: string | null, reason: string | null): RevisionRecord {
  return { region: a.region, date: a.date, revision, metrics: a.metrics, org, signer: ctx.caller.publicKeyHex, txId: ctx.txIdHex, height: ctx.height, at: ctx.timestamp, corrects, reason };
}

/** `publish { region, date, metrics }`: revision 1 of the (region, date) figure, owned by the caller's org. */
export const publish = defineCommand<PublishArgs>({
  roles: [ROLE_HEALTH_AUTHORITY],
  parse(v: Value): PublishArgs {
    const a = parseArgs(publishArgs, v);
    checkPlace(a.region, a.date);
    return { region: a.region, date: a.date, metrics: cleanMetrics(a.metrics) };
  },
  check(ctx, a) {
    callerOrg(ctx);
    if (dayNumber(a.date) > blockDay(ctx.timestamp)) throw new GongxinError(STATS_ERRORS.FUTURE_DATE, `${a.date} is after the block's day`, { date: a.date });
    const head = asRecord<FigureHead>(ctx.get(STATS_KEYS.figure(a.region, a.date)));
    if (head !== undefined) throw new GongxinError(STATS_ERRORS.FIGURE_EXISTS, `${a.region} on ${a.date} is published by ${head.org}: it corrects, others dispute`, { region: a.region, date: a.date, org: head.org });
  },
  apply(ctx, a) {
    const org = callerOrg(ctx);
    ctx.set(STATS_KEYS.revision(a.region, a.date, 1), toValue(revisionRecord(ctx, a, org, 1, null, null)));
    const head: FigureHead = { region: a.region, date: a.date, org, latest: 1, latestTxId: ctx.txIdHex, disputes: 0 };
    ctx.set(STATS_KEYS.figure(a.region, a.date), toValue(head));
    ctx.emit(STATS_EVENTS.published, { region: a.region, date: a.date, revision: 1, org, txId: ctx.txIdHex });
    afterFigureChange(ctx, a.region, a.date, true);
  },
});

/** `correct { region, date, corrects, metrics, reason }`: revision n+1 by the publishing org; n stays as it was. */
export const correct = defineCommand<CorrectArgs>({
  roles: [ROLE_HEALTH_AUTHORITY],
  parse(v: Value): CorrectArgs {
    const a = parseArgs(correctArgs, v);
    checkPlace(a.region, a.date);
    return { region: a.region, date: a.date, corrects: a.corrects, reason: a.reason, metrics: cleanMetrics(a.metrics) };
  },
  check(ctx, a) {
    const org = callerOrg(ctx);
    const head = requireHead(ctx, a.region, a.date);
    if (head.org !== org) throw new GongxinError(STATS_ERRORS.NOT_PUBLISHER, `only ${head.org} corrects ${a.region} on ${a.date}; file a dispute instead`, { org: head.org });
    if (head.latestTxId !== a.corrects) throw new GongxinError(STATS_ERRORS.STALE_REVISION, `corrects must be the latest revision's tx id (revision ${head.latest})`, { latest: head.latest, latestTxId: head.latestTxId });
    if (head.latest >= STATS_LIMITS.maxRevisions) throw new GongxinError(STATS_ERRORS.REVISION_LIMIT, `${a.region} on ${a.date} has ${head.latest} revisions`, { latest: head.latest });
    const latest = latestRevision(ctx, a.region, a.date);
    if (latest !== undefined && sameMetrics(latest.metrics, a.metrics)) throw new GongxinError(STATS_ERRORS.NO_CHANGE, 'the correction changes no metric', { revision: head.latest });
  },
  apply(ctx, a) {
    const head = requireHead(ctx, a.region, a.date);
    const n = head.latest + 1;
    ctx.set(STATS_KEYS.revision(a.region, a.date, n), toValue(revisionRecord(ctx, a, head.org, n, a.corrects, a.reason)));
    ctx.set(STATS_KEYS.figure(a.region, a.date), toValue({ ...head, latest: n, latestTxId: ctx.txIdHex }));
    ctx.emit(STATS_EVENTS.corrected, { region: a.region, date: a.date, revision: n, corrects: a.corrects, org: head.org, txId: ctx.txIdHex });
    afterFigureChange(ctx, a.region, a.date, false);
  },
});

/** `dispute { region, date, revision, reason }`: another org's authority contests one revision. */
export const dispute = defineCommand<DisputeArgs>({
  roles: [ROLE_HEALTH_AUTHORITY],
  parse(v: Value): DisputeArgs {
    const a = parseArgs(disputeArgs, v);
    checkPlace(a.region, a.date);
    return a;
  },
  check(ctx, a) {
    const org = callerOrg(ctx);
    const head = requireHead(ctx, a.region, a.date);
    if (a.revision > head.latest) throw new GongxinError(STATS_ERRORS.REVISION_NOT_FOUND, `${a.region} on ${a.date} has no revision ${a.revision}`, { revision: a.revision, latest: head.latest });
    if (head.org === org) throw new GongxinError(STATS_ERRORS.OWN_FIGURE, `${org} published this figure: correct it instead`, { org });
    if (ctx.get(STATS_KEYS.disputedBy(a.region, a.date, a.revision, org)) !== undefined) {
      throw new GongxinError(STATS_ERRORS.ALREADY_DISPUTED, `${org} already disputed revision ${a.revision}`, { org, revision: a.revision });
    }
  },
  apply(ctx, a) {
    const org = callerOrg(ctx);
    const head = requireHead(ctx, a.region, a.date);
    const rev = asRecord<RevisionRecord>(ctx.get(STATS_KEYS.revision(a.region, a.date, a.revision)));
    if (rev === undefined) throw new GongxinError(STATS_ERRORS.REVISION_NOT_FOUND, `${a.region} on ${a.date} has no revision ${a.revision}`, { revision: a.revision });
    const seq = head.disputes + 1;
    const record: DisputeRecord = { region: a.region, date: a.date, seq, revision: a.revision, revisionTxId: rev.txId, org, signer: ctx.caller.publicKeyHex, reason: a.reason, txId: ctx.txIdHex, height: ctx.height, at: ctx.timestamp };
    ctx.set(STATS_KEYS.dispute(a.region, a.date, seq), toValue(record));
    ctx.set(STATS_KEYS.disputedBy(a.region, a.date, a.revision, org), seq);
    ctx.set(STATS_KEYS.figure(a.region, a.date), toValue({ ...head, disputes: seq }));
    ctx.emit(STATS_EVENTS.disputed, { region: a.region, date: a.date, revision: a.revision, seq, org, txId: ctx.txIdHex });
  },
});
