// Validates a command's args (or a query's params, or a genesis section) with a zod schema and maps the first
// zod issue to one GongxinError that names the field (SCENARIOS.md "What every scenario shares": stable code + message).
import { GongxinError, type Value } from '@gongxin/core';
import { z } from 'zod';

/** Stable code for any argument that fails its schema. */
export const TX_INVALID_ARGS = 'TX_INVALID_ARGS';

/** Options of `parseArgs`. */
export interface ParseArgsOptions {
  /** Error code to throw (default `TX_INVALID_ARGS`), e.g. a module's genesis code. */
  readonly code?: string;
  /** Name of the root in messages and `details.field` (default `args`). */
  readonly root?: string;
}

function fieldPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return out;
}

function describe(issue: z.core.$ZodIssue, root: string): { field: string; message: string } {
  if (issue.code === 'unrecognized_keys') {
    const field = fieldPath(root, [...issue.path, issue.keys[0] ?? '?']);
    return { field, message: `${field} is not a known field` };
  }
  const field = fieldPath(root, issue.path);
  if (issue.path.length > 0 && 'input' in issue && issue.input === undefined) return { field, message: `${field} is required` };
  return { field, message: `${field}: ${issue.message}` };
}

/**
 * Parses `value` with `schema`; on failure throws one GongxinError naming the first offending field.
 * Object schemas should be strict (`z.strictObject`) so unknown fields are rejected, not ignored.
 * @param schema zod schema of the expected shape
 * @param value decoded canonical value (a tx's args, a query's params, a genesis section)
 * @returns the parsed, typed value
 * @throws TX_INVALID_ARGS (or `opts.code`) with `details.field` (e.g. `args.roles[2]`) and `details.issue` (zod's issue code)
 * @example const a = parseArgs(z.strictObject({ id: z.string() }), args); // throws TX_INVALID_ARGS "args.id is required"
 */
export function parseArgs<T>(schema: z.ZodType<T>, value: Value | undefined, opts: ParseArgsOptions = {}): T {
  const code = opts.code ?? TX_INVALID_ARGS;
  const root = opts.root ?? 'args';
  // zod takes a byte string for an object (it is one in JS): say plainly that a map was expected.
  if (schema instanceof z.ZodObject && value instanceof Uint8Array) throw new GongxinError(code, `${root}: expected a map, received bytes`, { field: root, issue: 'invalid_type' });
  // reportInput: lets a missing field (input undefined) read "is required" rather than a type mismatch.
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  if (issue === undefined) throw new GongxinError(code, `${root} is invalid`, { field: root });
  const { field, message } = describe(issue, root);
  throw new GongxinError(code, message, { field, issue: issue.code });
}
