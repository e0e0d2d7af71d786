// Writes vectors/encoding.json. Run: npm run vectors. Read the diff before committing; never regenerate blindly.
import { writeFileSync } from 'node:fs';
import { bytesToHex, decode, encode, GongxinError, hexToBytes, type Value } from '@gongxin/core';
import { toJsonValue } from './json-value.js';

const valid: Array<[string, Value]> = [
  ['zero', 0],
  ['largest one-byte head', 23],
  ['smallest 1-byte argument', 24],
  ['255', 255],
  ['256', 256],
  ['65535', 65535],
  ['65536', 65536],
  ['2^32-1', 4294967295],
  ['2^32', 4294967296],
  ['2^53-1', Number.MAX_SAFE_INTEGER],
  ['2^64-1', 18446744073709551615n],
  ['-1', -1],
  ['-24', -24],
  ['-25', -25],
  ['-2^64', -18446744073709551616n],
  ['false', false],
  ['true', true],
  ['null', null],
  ['empty bytes', new Uint8Array(0)],
  ['bytes', hexToBytes('00ff10')],
  ['empty text', ''],
  ['ascii text', 'gongxin'],
  ['chinese text', '公信链'],
  ['astral text', '𝄞'],
  ['empty array', []],
  ['nested array', [1, [2, [3]]]],
  ['empty map', {}],
  ['map key order: length first', { aa: 1, b: 2 }],
  ['map key order: bytes', { b: 1, a: 2, c: 3 }],
  ['map with nested values', { amount: 100, item: 'n95-mask', proof: hexToBytes('abcd'), tags: ['a', 'b'], ok: true, none: null }],
  ['tx-like body', { chainId: 'gongxin-dev', module: 'charity', command: 'donate', args: { campaign: 'c1', amount: 5000 }, signer: new Uint8Array(32), nonce: 7, notBefore: 0, notAfter: 60000 }],
];

const invalid: Array<[string, string, string]> = [
  ['trailing byte', '0000', 'ENCODING_TRAILING_BYTES'],
  ['empty input', '', 'ENCODING_TRUNCATED'],
  ['truncated bytes', '44010203', 'ENCODING_TRUNCATED'],
  ['truncated array', '830102', 'ENCODING_TRUNCATED'],
  ['huge length', '5bffffffffffffffff00', 'ENCODING_TRUNCATED'],
  ['non-shortest 1-byte int', '1817', 'ENCODING_NON_CANONICAL'],
  ['non-shortest 2-byte int', '1900ff', 'ENCODING_NON_CANONICAL'],
  ['non-shortest 4-byte int', '1a0000ffff', 'ENCODING_NON_CANONICAL'],
  ['non-shortest 8-byte int', '1b00000000ffffffff', 'ENCODING_NON_CANONICAL'],
  ['non-shortest length', '5801aa', 'ENCODING_NON_CANONICAL'],
  ['unsorted keys', 'a2616201616102', 'ENCODING_UNSORTED_KEYS'],
  ['longer key first', 'a262616101616202', 'ENCODING_UNSORTED_KEYS'],
  ['duplicate key', 'a2616101616102', 'ENCODING_DUPLICATE_KEY'],
  ['integer key', 'a10101', 'ENCODING_NON_TEXT_KEY'],
  ['half float', 'f93c00', 'ENCODING_FLOAT'],
  ['single float', 'fa47c35000', 'ENCODING_FLOAT'],
  ['double float', 'fb3ff199999999999a', 'ENCODING_FLOAT'],
  ['undefined', 'f7', 'ENCODING_UNSUPPORTED_TYPE'],
  ['simple value 16', 'f0', 'ENCODING_UNSUPPORTED_TYPE'],
  ['tag', 'c11a514b67b0', 'ENCODING_UNSUPPORTED_TYPE'],
  ['bignum tag', 'c249010000000000000000', 'ENCODING_UNSUPPORTED_TYPE'],
  ['indefinite array', '9f01ff', 'ENCODING_UNSUPPORTED_TYPE'],
  ['indefinite text', '7f6161ff', 'ENCODING_UNSUPPORTED_TYPE'],
  ['reserved additional info', '1c', 'ENCODING_UNSUPPORTED_TYPE'],
  ['invalid utf-8 continuation', '62c328', 'ENCODING_INVALID_UTF8'],
  ['utf-8 surrogate', '63eda080', 'ENCODING_INVALID_UTF8'],
  ['utf-8 overlong', '62c0af', 'ENCODING_INVALID_UTF8'],
  ['utf-8 above U+10FFFF', '64f4908080', 'ENCODING_INVALID_UTF8'],
  ['too deep', '81'.repeat(40) + '00', 'ENCODING_TOO_DEEP'],
];

for (const [desc, hex, code] of invalid) {
  try {
    decode(hexToBytes(hex));
    throw new Error(`invalid case "${desc}" decoded`);
  } catch (e) {
    if (!(e instanceof GongxinError) || e.code !== code) throw new Error(`invalid case "${desc}": got ${String(e)}`);
  }
}

const out = {
  spec: 'docs/spec/encoding.md',
  valid: valid.map(([desc, v]) => ({ desc, hex: bytesToHex(encode(v)), json: toJsonValue(decode(encode(v))) })),
  invalid: invalid.map(([desc, hex, code]) => ({ desc, hex, code })),
};
writeFileSync(new URL('./encoding.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
console.log(`vectors/encoding.json: ${out.valid.length} valid, ${out.invalid.length} invalid`);
