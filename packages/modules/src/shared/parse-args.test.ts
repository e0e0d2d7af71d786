// parseArgs: one GongxinError naming the first bad field, with a stable code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isGongxinError, type Value } from '@gongxin/core';
import { z } from 'zod';
import { parseArgs } from './parse-args.js';

const schema = z.strictObject({
  id: z.string().regex(/^[a-z]+$/, 'must be lowercase letters'),
  tags: z.array(z.string()).max(2).optional(),
  inner: z.strictObject({ n: z.number().int() }).optional(),
});

function fails(v: Value | undefined, field: string, message: RegExp, opts?: Parameters<typeof parseArgs>[2]): void {
  assert.throws(
    () => parseArgs(schema, v, opts),
    (e: unknown) => isGongxinError(e, opts?.code ?? 'TX_INVALID_ARGS') && e.details.field === field && message.test(e.message),
  );
}

test('returns the typed value when valid', () => {
  assert.deepEqual(parseArgs(schema, { id: 'abc', tags: ['x'] }), { id: 'abc', tags: ['x'] });
});

test('names the field: missing, wrong type, nested, array index, unknown key, regex message', () => {
  fails({}, 'args.id', /^args\.id is required$/);
  fails({ id: 5 }, 'args.id', /^args\.id: .*expected string/);
  fails({ id: 'ABC' }, 'args.id', /must be lowercase letters/);
  fails({ id: 'a', tags: ['x', 3] }, 'args.tags[1]', /args\.tags\[1\]/);
  fails({ id: 'a', tags: ['x', 'y', 'z'] }, 'args.tags', /args\.tags/);
  fails({ id: 'a', inner: { n: 1n } }, 'args.inner.n', /args\.inner\.n/);
  fails({ id: 'a', extra: true }, 'args.extra', /^args\.extra is not a known field$/);
  fails(null, 'args', /^args: /);
  fails(undefined, 'args', /^args: /);
  fails(new Uint8Array(2), 'args', /^args: /);
});

test('custom code and root', () => {
  fails({ id: 'a', x: 1 }, 'genesis.m.x', /genesis\.m\.x is not a known field/, { code: 'M_GENESIS_INVALID', root: 'genesis.m' });
});
