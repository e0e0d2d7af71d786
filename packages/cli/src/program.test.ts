// Argument parsing and error output of every command, run in-process (exit codes 0/1/2, `error CODE: message`,
// hints, no stack traces), with a fake peer built from a real chain where a command needs one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestChain } from './testing/test-chain.js';
import { fakePeerFetch } from './testing/fake-peer.js';
import { run } from './testing/run.js';

const noPeer = async (): Promise<Response> => {
  throw new TypeError('fetch failed');
};

test('--help and --version exit 0 and list every command', async () => {
  const r = await run(['--help']);
  assert.equal(r.code, 0);
  for (const c of ['init', 'start', 'status', 'keys', 'tx', 'query', 'state', 'block', 'tx-proof', 'verify', 'export', 'import', 'verify-chain', 'load']) {
    assert.match(r.out, new RegExp(`\\n  ${c} `), `help lists ${c}`);
  }
  const v = await run(['--version']);
  assert.equal(v.code, 0);
  assert.match(v.out, /^\d+\.\d+\.\d+\n$/);
});

test('every command has its own help', async () => {
  for (const c of [['init'], ['start'], ['status'], ['keys', 'generate'], ['keys', 'list'], ['keys', 'show'], ['keys', 'export'], ['keys', 'import'], ['tx'], ['query'], ['state'], ['block'], ['tx-proof'], ['verify'], ['export'], ['import'], ['verify-chain'], ['load']]) {
    const r = await run([...c, '--help']);
    assert.equal(r.code, 0, c.join(' '));
    assert.match(r.out, new RegExp(`Usage: gongxin ${c.join(' ')}`), c.join(' '));
  }
});

test('usage errors exit 2 with error CLI_USAGE and a hint naming the command', async () => {
  const cases: Array<[string[], RegExp]> = [
    [[], /Usage: gongxin/],
    [['frobnicate'], /error CLI_USAGE: unknown command 'frobnicate'/],
    [['status', '--bogus'], /error CLI_USAGE: unknown option '--bogus'\nhint: see "gongxin status --help"/],
    [['tx', 'kv', '--as', 'k'], /error CLI_USAGE: missing required argument 'command'/],
    [['tx', 'kv', 'set'], /error CLI_USAGE: required option '--as <key>' not specified/],
    [['tx', 'kv', 'set', '--as', 'k', '--timeout', '0'], /error CLI_USAGE: option '--timeout <ms>' argument '0' is invalid/],
    [['block', 'tip'], /error CLI_USAGE: command-argument value 'tip' is invalid for argument 'height'/],
    [['block', '-1'], /error CLI_USAGE: /],
    [['tx-proof', 'abc'], /expected 64 hex digits/],
    [['verify'], /missing required argument 'file'/],
    [['init', '--suite', 'rsa'], /Allowed choices are ed25519-sha256, sm2-sm3/],
    [['init', '--chain-id', 'Bad_Chain'], /lowercase letters, digits and dashes/],
    [['start', '--port', '70000'], /expected an integer from 0 to 65535/],
    [['status', '--url', 'ftp://x'], /expected an http: or https: URL/],
    [['load', '--rate', '0'], /expected an integer from 1 to 1000000/],
    [['load', '--track', 'psychic'], /Allowed choices are blocks, events/],
    [['keys', 'show'], /missing required argument 'name'/],
    [['keys', 'generate'], /required option '-o, --out <file>' not specified/],
    [['export'], /required option '-o, --out <file>' not specified/],
    [['keys', 'frob'], /unknown command 'frob'/],
  ];
  for (const [argv, want] of cases) {
    const r = await run(argv);
    assert.equal(r.code, 2, `${argv.join(' ')}: ${r.err}`);
    assert.match(r.err, want, argv.join(' '));
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
  }
});

test('--args and --params must be JSON of integers: floats are a usage error (exit 2) naming the field', async () => {
  const r = await run(['tx', 'kv', 'set', '--as', 'k', '--args', '{"key":"a","value":{"amount":1.5}}'], { fetch: noPeer });
  assert.equal(r.code, 2);
  assert.match(r.err, /^error CLI_JSON_INVALID: --args: 1\.5 is not an integer/);
  assert.match(r.err, /at: \$\.value\.amount/);
  assert.match(r.err, /hint: pass JSON with integers only/);
  const q = await run(['query', 'kv', 'get', '--params', '{"n":1e3}'], { fetch: noPeer });
  assert.equal(q.code, 2);
  assert.match(q.err, /error CLI_JSON_INVALID: --params: 1e3 is not an integer/);
  const bad = await run(['query', 'kv', 'get', '--params', '{"n":'], { fetch: noPeer });
  assert.equal(bad.code, 2);
  assert.match(bad.err, /error CLI_JSON_INVALID: --params: unexpected end of input/);
});

test('an unreachable peer is error SDK_SUBMIT_FAILED, exit 1, with a hint to start one', async () => {
  for (const argv of [['status'], ['block', '0'], ['query', 'kv', 'get'], ['state', 'kv', 'a'], ['tx-proof', '00'.repeat(32)]]) {
    const r = await run(argv, { fetch: noPeer });
    assert.equal(r.code, 1, argv.join(' '));
    assert.match(r.err, /^error SDK_SUBMIT_FAILED: GET \/v1\/\S+: fetch failed\n/, argv.join(' '));
    assert.match(r.err, /hint: is a peer running there\? Start one with "gongxin start"/);
    assert.doesNotMatch(r.err, /\n\s+at /);
  }
});

test('status, block and query print what the peer serves; --json prints JSON', async () => {
  const chain = createTestChain();
  chain.commit([chain.tx('kv', 'set', { key: 'a', value: 1 }), chain.tx('kv', 'fail', {})]);
  const fetch = fakePeerFetch(chain);
  const s = await run(['status'], { fetch });
  assert.equal(s.code, 0, s.err);
  assert.match(s.out, /chain +test-chain \(ed25519-sha256\)\nheight +1\n/);
  const sj = await run(['--json', 'status'], { fetch });
  const status = JSON.parse(sj.out) as { height: number; chainId: string };
  assert.equal(status.height, 1);
  assert.equal(status.chainId, 'test-chain');

  const b = await run(['block', '1', '--receipts'], { fetch });
  assert.equal(b.code, 0, b.err);
  assert.match(b.out, /recomputed from the fields: matches/);
  assert.match(b.out, /tx ids \(2\):/);
  assert.match(b.out, /event kv\.set \{"key":"a"\}/);
  assert.match(b.out, /failed KV_REFUSED: refused on purpose/);
  const q = await run(['query', 'kv', 'get', '--params', '{"key":"a"}'], { fetch });
  assert.equal(q.code, 0, q.err);
  assert.deepEqual(JSON.parse(q.out), { height: 1, result: { found: true } });
});

test('block exits 1 when the peer serves a header that does not hash to its headerHash', async () => {
  const chain = createTestChain();
  const fetch = fakePeerFetch(chain, { tamper: (path, body) => (path === '/v1/blocks/0' ? { ...body, headerHash: 'ab'.repeat(32) } : body) });
  const r = await run(['block', '0'], { fetch });
  assert.equal(r.code, 1);
  assert.match(r.out, /MISMATCH/);
  assert.match(r.err, /error SDK_PROOF_INVALID: .*\n {2}reason: HEADER_HASH_MISMATCH/);
});
