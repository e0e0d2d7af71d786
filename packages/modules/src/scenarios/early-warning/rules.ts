// Warning rules come from governance (SCENARIOS.md §2): consortium param `param/early-warning/rules`, a list of
// { id, disease, region, windowMs, threshold }. Read and validated on every use; invalid entries are set aside, never fatal.
import type { Value } from '@gongxin/core';
import { readConsortiumParam } from '../../consortium/params.js';
import { diseaseInfo } from './diseases.js';
import { regionLevel } from './regions.js';
import { RULES_PARAM, ruleSchema, WARNING_LIMITS, WARNING_MODULE, type WarningRule } from './schema.js';

/** An entry of the rules parameter that is not used, and why. */
export interface InvalidRule {
  readonly index: number;
  readonly id: string | null;
  readonly reason: string;
}

/** The rules in force and the entries set aside. */
export interface RuleSet {
  /** Valid rules, sorted by id (the order alerts are evaluated in). */
  readonly active: readonly WarningRule[];
  readonly invalid: readonly InvalidRule[];
}

function idOf(v: Value | undefined): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Uint8Array) return null;
  const id = (v as Record<string, Value | undefined>).id;
  return typeof id === 'string' ? id.slice(0, 64) : null;
}

function checkEntry(v: Value | undefined, seen: ReadonlySet<string>): WarningRule | string {
  const r = ruleSchema.safeParse(v);
  if (!r.success) {
    const issue = r.error.issues[0];
    return `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`;
  }
  if (diseaseInfo(r.data.disease) === undefined) return `disease ${r.data.disease} is not in the table`;
  if (regionLevel(r.data.region) === undefined) return `region ${r.data.region} is not a GB/T 2260 code`;
  if (seen.has(r.data.id)) return `duplicate id ${r.data.id}`;
  return r.data;
}

/**
 * Validates a raw rules value deterministically: entries beyond `maxRules`, malformed entries, unknown diseases or
 * regions, and repeated ids (the first wins) are listed in `invalid` and ignored.
 * @param raw the governance parameter's value (undefined or null: no rules)
 * @example validateRules([{ id: 'r1', disease: 'A00', region: '420000', windowMs: 86_400_000, threshold: 3 }]).active.length // 1
 */
export function validateRules(raw: Value | undefined): RuleSet {
  if (raw === undefined || raw === null) return { active: [], invalid: [] };
  if (!Array.isArray(raw)) return { active: [], invalid: [{ index: -1, id: null, reason: 'the rules parameter is not a list' }] };
  const list = raw as readonly Value[];
  const active: WarningRule[] = [];
  const invalid: InvalidRule[] = [];
  const seen = new Set<string>();
  list.forEach((v, index) => {
    if (index >= WARNING_LIMITS.maxRules) {
      invalid.push({ index, id: idOf(v), reason: `more than ${WARNING_LIMITS.maxRules} rules` });
      return;
    }
    const r = checkEntry(v, seen);
    if (typeof r === 'string') invalid.push({ index, id: idOf(v), reason: r });
    else {
      seen.add(r.id);
      active.push(r);
    }
  });
  active.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { active, invalid };
}

/**
 * Reads and validates the rules set through governance.
 * @param read another module's state, e.g. `(m, k) => ctx.read(m, k)`
 * @example const { active } = readRules((m, k) => ctx.read(m, k));
 */
export function readRules(read: (module: string, key: string) => Value | undefined): RuleSet {
  return validateRules(readConsortiumParam(read, WARNING_MODULE, RULES_PARAM));
}
