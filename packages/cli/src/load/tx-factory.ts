// What a load run sends: a pluggable factory of calls, by sequence number. The default anchors a document digest
// with the notary module (a public command writing three state entries: a realistic light transaction).
import type { Value } from '@gongxin/core';

/** One call of a load run. */
export interface LoadCall {
  readonly module: string;
  readonly command: string;
  readonly args: Value;
}

/** Makes the i-th call of a run (i = 0, 1, …). Must be cheap: it runs once per tx. */
export type TxFactory = (i: number) => LoadCall;

/**
 * The default factory: notary.anchor { digest } with a distinct 64-hex digest per i.
 * @example notaryAnchorFactory(7) // { module: 'notary', command: 'anchor', args: { digest: '00…07' } }
 */
export const notaryAnchorFactory: TxFactory = (i) => ({ module: 'notary', command: 'anchor', args: { digest: i.toString(16).padStart(64, '0') } });

/**
 * A factory calling one command with fixed args plus `n: i` when the args are a map (so every tx differs in args
 * as well as nonce).
 * @example callFactory('notary', 'anchor', { digest })
 */
export function callFactory(module: string, command: string, args: Value | undefined): TxFactory {
  if (args === undefined) return (i) => ({ module, command, args: { n: i } });
  return () => ({ module, command, args });
}
