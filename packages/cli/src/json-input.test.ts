// --args / --params parsing: integers only (exact beyond 2^53), strict JSON, errors that name the field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encode, isGongxinError } from '@gongxin/core';
import { parseJsonValue } from './json-input.js';

test('JSON values become canonical values; big integers stay exact as bigint', () => {
  assert.deepEqual(parseJsonValue(' {"a":1,"b":[true,false,null,"x\\u00e9\\n"],"c":{}} ', 'x'), { a: 1, b: [true, false, null, 'xé\n'], c: {} });
  assert.equal(parseJsonValue('-42', 'x'), -42);
  assert.equal(parseJsonValue('9007199254740991', 'x'), 9007199254740991);
  assert.equal(parseJsonValue('9007199254740993', 'x'), 9007199254740993n);
  assert.equal(parseJsonValue('-18446744073709551616', 'x'), -18446744073709551616n);
  assert.deepEqual(parseJsonValue('[]', 'x'), []);
  // A "__proto__" key is data: it is encoded, and no prototype changes.
  const v = parseJsonValue('{"__proto__":{"polluted":1}}', 'x') as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(v), Object.prototype);
  assert.deepEqual(Object.keys(v), ['__proto__']);
  assert.ok(encode(v as never).length > 0);
});

test('floats, exponents, duplicate keys and malformed JSON are CLI_JSON_INVALID with the path', () => {
  const cases: Array<[string, RegExp, string]> = [
    ['{"amount":1.5}', /1\.5 is not an integer/, '$.amount'],
    ['{"a":[1,2,3.0]}', /3\.0 is not an integer/, '$.a[2]'],
    ['1e3', /1e3 is not an integer/, '$'],
    ['{"a":-2E-1}', /-2E-1 is not an integer/, '$.a'],
    ['{"a":1,"a":2}', /duplicate key "a"/, '$'],
    ['{"a":1', /expected ',' or '}'/, '$'],
    ['{a:1}', /expected a "quoted" key/, '$'],
    ['[1,]', /unexpected character ']'/, '$[1]'],
    ['01', /unexpected text after the value/, '$'],
    ['"abc', /unterminated string/, '$'],
    ['"\\x"', /invalid string escape/, '$'],
    ['NaN', /unexpected character 'N'/, '$'],
    ['', /unexpected end of input/, '$'],
    ['{"a":1} {"b":2}', /unexpected text after the value/, '$'],
    ['['.repeat(40) + ']'.repeat(40), /nested deeper than 32/, '$' + '[0]'.repeat(33)],
  ];
  for (const [text, message, at] of cases) {
    assert.throws(
      () => parseJsonValue(text, '--args'),
      (e: unknown) => isGongxinError(e, 'CLI_JSON_INVALID') && message.test(e.message) && e.message.startsWith('--args: ') && e.details.at === at,
      text,
    );
  }
});
