// Keeps key material out of logs: objects that hold private keys get a toJSON and a Node inspect hook
// (found by its registered symbol, so this file needs no node:* import) that show only public parts.
import { bytesToHex, type SuiteId } from '@gongxin/core';
import type { KeyPair } from './types.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');
/** What printing shows in place of a private key. */
export const REDACTED = '[redacted]';

/** Adds non-enumerable `toJSON` and inspect hooks to `target` returning `view()`; returns `target`. */
export function withRedaction<T extends object>(target: T, view: () => Record<string, string>): T {
  Object.defineProperty(target, 'toJSON', { value: view, enumerable: false });
  Object.defineProperty(target, INSPECT, { value: view, enumerable: false });
  return target;
}

/** A frozen KeyPair that prints as { suite, publicKey: hex, privateKey: '[redacted]' }. */
export function makeKeyPair(suite: SuiteId, privateKey: Uint8Array, publicKey: Uint8Array): KeyPair {
  const pair = { suite, publicKey, privateKey };
  const view = (): Record<string, string> => ({ suite, publicKey: bytesToHex(publicKey), privateKey: REDACTED });
  return Object.freeze(withRedaction(pair, view));
}
