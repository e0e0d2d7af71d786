// The SSE parser: same messages for every chunking (split at every byte, CRLF torn between chunks, UTF-8 split
// inside a character), the WHATWG field rules, and the line-length guard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isGongxinError } from '@gongxin/core';
import { createSseParser, type SseMessage } from './sse-parser.js';

const enc = new TextEncoder();

const STREAM =
  ': keep-alive comment\r\n' +
  'retry: 2500\r\n' +
  'id: 5\r\nevent: block\r\ndata: {"height":5,"note":"区块 ✓"}\r\n\r\n' +
  'id: 5\nevent: receipt\ndata: {"a":1}\ndata: {"b":2}\n\n' +
  'event: event\rdata:no-space\r\r' +
  'data: only data\n\n' +
  'id: 6\nevent: block\ndata\n\n' +
  'id: 7\nevent: block\ndata: unterminated';

const EXPECTED: SseMessage[] = [
  { event: 'block', data: '{"height":5,"note":"区块 ✓"}', id: '5' },
  { event: 'receipt', data: '{"a":1}\n{"b":2}', id: '5' },
  { event: 'event', data: 'no-space', id: '5' },
  { event: 'message', data: 'only data', id: '5' },
  { event: 'block', data: '', id: '6' },
];

function runChunks(chunks: readonly Uint8Array[]): { messages: SseMessage[]; retry: number | undefined; lastId: string } {
  const p = createSseParser();
  const messages: SseMessage[] = [];
  for (const c of chunks) messages.push(...p.push(c));
  p.end();
  return { messages, retry: p.retry, lastId: p.lastEventId };
}

test('one chunk: fields, comments, multi-line data, CR / LF / CRLF endings, id persistence, unterminated tail dropped', () => {
  const r = runChunks([enc.encode(STREAM)]);
  assert.deepEqual(r.messages, EXPECTED);
  assert.equal(r.retry, 2500);
  assert.equal(r.lastId, '7');
});

test('every two-way split of the byte stream gives the same messages (CRLF and UTF-8 torn included)', () => {
  const bytes = enc.encode(STREAM);
  for (let i = 0; i <= bytes.length; i++) {
    const r = runChunks([bytes.subarray(0, i), bytes.subarray(i)]);
    assert.deepEqual(r.messages, EXPECTED, `split at byte ${i}`);
  }
});

test('byte-by-byte feeding gives the same messages', () => {
  const bytes = enc.encode(STREAM);
  const chunks = Array.from(bytes, (b) => Uint8Array.of(b));
  assert.deepEqual(runChunks(chunks).messages, EXPECTED);
});

test('a CR ending one chunk and a LF opening the next are one line break, not two', () => {
  const p = createSseParser();
  assert.deepEqual(p.pushText('data: a\r'), []);
  // Were the LF read as a second (empty) line, the message would be dispatched here.
  assert.deepEqual(p.pushText('\n'), []);
  assert.deepEqual(p.pushText('data: b\r\n\r'), [{ event: 'message', data: 'a\nb', id: '' }]);
  assert.deepEqual(p.pushText('\ndata: c\n\n'), [{ event: 'message', data: 'c', id: '' }]);
});

test('a leading BOM is ignored; a field with no colon has an empty value; unknown fields are ignored', () => {
  const p = createSseParser();
  const out = p.push(Uint8Array.of(0xef, 0xbb, 0xbf, ...enc.encode('foo: bar\nevent: x\ndata\ndata\n\n')));
  assert.deepEqual(out, [{ event: 'x', data: '\n', id: '' }]);
});

test('id with NUL is ignored; retry must be digits; an empty message (no data) is not dispatched', () => {
  const p = createSseParser();
  const out = p.pushText('id: 3\n\nid: 4\0x\nretry: 12a\nevent: block\n\ndata: d\n\n');
  assert.deepEqual(out, [{ event: 'message', data: 'd', id: '3' }]);
  assert.equal(p.retry, undefined);
});

test('a line longer than maxLineLength is refused (SDK_BAD_RESPONSE)', () => {
  const p = createSseParser({ maxLineLength: 100 });
  p.pushText('data: ' + 'x'.repeat(50));
  assert.throws(() => p.pushText('y'.repeat(60)), (e) => isGongxinError(e, 'SDK_BAD_RESPONSE'));
});
