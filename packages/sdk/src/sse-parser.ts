// An incremental Server-Sent Events parser (WHATWG HTML §9.2.6 "event stream interpretation"): bytes in any
// chunking → messages. Lines end in CRLF, LF or CR (a CR at a chunk's end may pair with the next chunk's LF).
import { SDK_ERROR_CODES, SubmitError } from './errors.js';

/** One dispatched SSE message. */
export interface SseMessage {
  /** The `event:` field, 'message' when absent. */
  readonly event: string;
  /** The `data:` lines joined with '\n'. */
  readonly data: string;
  /** The last event id in effect when this message was dispatched ('' when none was ever set). */
  readonly id: string;
}

/** Feeds an event stream piece by piece. */
export interface SseParser {
  /** Feeds decoded text; returns the messages completed by it. */
  pushText(text: string): SseMessage[];
  /** Feeds raw bytes (UTF-8, a character may be split across chunks); returns the messages completed by them. */
  push(bytes: Uint8Array): SseMessage[];
  /** The end of the stream: an unterminated message is dropped, as the spec says. */
  end(): void;
  /** The last event id seen (persists across messages, as in EventSource). */
  readonly lastEventId: string;
  /** The last `retry:` value in ms, if the server sent one. */
  readonly retry: number | undefined;
}

/** Options of `createSseParser`. */
export interface SseParserParams {
  /** Longest line accepted, in UTF-16 units (default 16 MiB): a stream without newlines cannot eat all memory. */
  readonly maxLineLength?: number;
}

/**
 * A new parser.
 * @throws SubmitError SDK_BAD_RESPONSE (from push) when a line exceeds maxLineLength
 * @example
 * const p = createSseParser();
 * p.pushText('id: 7\nevent: block\ndata: {"height":7}\n\n'); // [{ event: 'block', data: '{"height":7}', id: '7' }]
 */
export function createSseParser(params: SseParserParams = {}): SseParser {
  const maxLine = params.maxLineLength ?? 16 * 1024 * 1024;
  const decoder = new TextDecoder('utf-8'); // strips a leading BOM, as the spec requires
  let buf = '';
  let pendingCR = false;
  let data: string[] = [];
  let event = '';
  let lastId = '';
  let retry: number | undefined;

  const field = (line: string, out: SseMessage[]): void => {
    if (line === '') {
      if (data.length > 0) out.push({ event: event === '' ? 'message' : event, data: data.join('\n'), id: lastId });
      data = [];
      event = '';
      return;
    }
    if (line.startsWith(':')) return; // comment (keep-alive)
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'data') data.push(value);
    else if (name === 'event') event = value;
    else if (name === 'id' && !value.includes('\0')) lastId = value;
    else if (name === 'retry' && /^\d+$/.test(value)) retry = Number(value);
  };

  const pushText = (text: string): SseMessage[] => {
    const out: SseMessage[] = [];
    let chunk = text;
    if (pendingCR && chunk !== '') {
      // The previous chunk ended in CR: a LF opening this one completes that CRLF, not a new empty line.
      if (chunk.startsWith('\n')) chunk = chunk.slice(1);
      pendingCR = false;
    }
    buf += chunk;
    let pos = 0;
    for (;;) {
      let i = pos;
      while (i < buf.length && buf[i] !== '\n' && buf[i] !== '\r') i++;
      if (i >= buf.length) break;
      const line = buf.slice(pos, i);
      if (buf[i] === '\r') {
        if (i + 1 < buf.length) pos = buf[i + 1] === '\n' ? i + 2 : i + 1;
        else {
          pendingCR = true;
          pos = i + 1;
        }
      } else {
        pos = i + 1;
      }
      field(line, out);
    }
    buf = buf.slice(pos);
    if (buf.length > maxLine) {
      buf = '';
      throw new SubmitError(SDK_ERROR_CODES.badResponse, `event stream line longer than ${maxLine} characters`);
    }
    return out;
  };

  return {
    pushText,
    push: (bytes) => pushText(decoder.decode(bytes, { stream: true })),
    end: () => {
      decoder.decode();
      buf = '';
      pendingCR = false;
      data = [];
      event = '';
    },
    get lastEventId() {
      return lastId;
    },
    get retry() {
      return retry;
    },
  };
}
