// Suite id checks shared by every factory that takes a suite id from callers.
import { GongxinError, SUITE_IDS, type SuiteId } from '@gongxin/core';

/**
 * Narrows `id` to a SuiteId.
 * @throws CRYPTO_UNKNOWN_SUITE when `id` is not 'ed25519-sha256' or 'sm2-sm3'
 */
export function assertSuiteId(id: unknown): asserts id is SuiteId {
  if (!(SUITE_IDS as readonly unknown[]).includes(id)) {
    throw new GongxinError('CRYPTO_UNKNOWN_SUITE', `unknown crypto suite "${String(id)}"`, { suite: String(id) });
  }
}
