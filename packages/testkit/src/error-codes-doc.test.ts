// docs/errors.md lists every stable error code the source uses: regenerate it with
// `node scripts/error-codes.mjs --write` when you add a code.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../../', import.meta.url).pathname.replace(/\/$/, '');

test('docs/errors.md is generated from the current source', async () => {
  const { collectErrorCodes, renderErrorsDoc } = (await import(`${root}/scripts/error-codes.mjs`)) as {
    collectErrorCodes(r: string): Map<string, unknown>;
    renderErrorsDoc(c: Map<string, unknown>): string;
  };
  const codes = collectErrorCodes(root);
  assert.ok(codes.has('TX_BAD_SIGNATURE') && codes.has('ENCODING_TRUNCATED') && codes.has('TX_KEY_REVOKED'));
  assert.equal(readFileSync(`${root}/docs/errors.md`, 'utf8'), renderErrorsDoc(codes), 'docs/errors.md is stale: run node scripts/error-codes.mjs --write');
});
