// Governance parameters other modules read (SCENARIOS.md §2: e.g. early-warning rules set through governance).
import type { Value } from '@gongxin/core';
import { CONSORTIUM_MODULE } from './schema.js';
import { KEYS } from './state.js';

/**
 * The state key of parameter `name` of `module`, under module `consortium`.
 * @example ctx.read('consortium', consortiumParamKey('early-warning', 'rules')) // same as 'param/early-warning/rules'
 */
export function consortiumParamKey(module: string, name: string): string {
  return KEYS.param(module, name);
}

/**
 * Reads a governance parameter through a ReadContext-like `read`; undefined when it was never set (or cleared).
 * @param read e.g. `ctx.read.bind(ctx)` in a command, or `(m, k) => q.read(m, k)` in a query
 * @example const rules = readConsortiumParam((m, k) => ctx.read(m, k), 'early-warning', 'rules');
 */
export function readConsortiumParam(read: (module: string, key: string) => Value | undefined, module: string, name: string): Value | undefined {
  return read(CONSORTIUM_MODULE, KEYS.param(module, name));
}
