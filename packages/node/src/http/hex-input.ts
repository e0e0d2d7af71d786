// Fast hex parsing for request bodies (Buffer's decoder), with the same validation as core's hexToBytes.
import { GongxinError } from '@gongxin/core';

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/** @throws HEX_INVALID */
export function parseHexBody(s: string, what: string): Uint8Array {
  if (!HEX.test(s)) throw new GongxinError('HEX_INVALID', `${what} is not an even-length hex string`, { field: what });
  const b = Buffer.from(s, 'hex');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}
