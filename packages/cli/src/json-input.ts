// JSON from the command line (--args, --params) → canonical values (docs/spec/encoding.md): integers only, as the
// encoding has no floats. A small parser of its own, because JSON.parse turns 1.0 into 1 and 2^64 into a float.
import { GongxinError, MAX_DEPTH, type Value } from '@gongxin/core';
import { CLI_ERRORS } from './errors.js';

class Parser {
  readonly text: string;
  readonly what: string;
  pos = 0;
  constructor(text: string, what: string) {
    this.text = text;
    this.what = what;
  }

  fail(message: string, path: string): never {
    throw new GongxinError(CLI_ERRORS.jsonInvalid, `${this.what}: ${message}`, { at: path, offset: this.pos });
  }

  ws(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos]!)) this.pos++;
  }

  value(path: string, depth: number): Value {
    if (depth > MAX_DEPTH) this.fail(`nested deeper than ${MAX_DEPTH}`, path);
    this.ws();
    const c = this.text[this.pos];
    if (c === '{') return this.object(path, depth);
    if (c === '[') return this.array(path, depth);
    if (c === '"') return this.string(path);
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number(path);
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    return this.fail(c === undefined ? 'unexpected end of input' : `unexpected character '${c}'`, path);
  }

  object(path: string, depth: number): Value {
    this.pos++;
    const out: Record<string, Value> = {};
    this.ws();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.text[this.pos] !== '"') this.fail('expected a "quoted" key', path);
      const key = this.string(path);
      if (Object.hasOwn(out, key)) this.fail(`duplicate key "${key}"`, path);
      this.ws();
      if (this.text[this.pos++] !== ':') this.fail(`expected ':' after "${key}"`, path);
      // defineProperty: a "__proto__" key is data, not a prototype change.
      Object.defineProperty(out, key, { value: this.value(`${path}.${key}`, depth + 1), enumerable: true, writable: true, configurable: true });
      this.ws();
      const sep = this.text[this.pos++];
      if (sep === '}') return out;
      if (sep !== ',') this.fail("expected ',' or '}'", path);
    }
  }

  array(path: string, depth: number): Value {
    this.pos++;
    const out: Value[] = [];
    this.ws();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value(`${path}[${out.length}]`, depth + 1));
      this.ws();
      const sep = this.text[this.pos++];
      if (sep === ']') return out;
      if (sep !== ',') this.fail("expected ',' or ']'", path);
    }
  }

  string(path: string): string {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length && this.text[this.pos] !== '"') this.pos += this.text[this.pos] === '\\' ? 2 : 1;
    if (this.pos >= this.text.length) this.fail('unterminated string', path);
    this.pos++;
    try {
      return JSON.parse(this.text.slice(start, this.pos)) as string;
    } catch {
      return this.fail('invalid string escape', path);
    }
  }

  number(path: string): Value {
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (m === null) return this.fail('invalid number', path);
    if (m[1] !== undefined || m[2] !== undefined) {
      this.fail(`${m[0]} is not an integer: amounts and counts are integers (no floats, no exponents)`, path);
    }
    this.pos += m[0].length;
    const n = Number(m[0]);
    return Number.isSafeInteger(n) ? n : BigInt(m[0]);
  }
}

/**
 * Parses JSON text into a canonical value: integers (beyond 2^53 as bigint), strings, booleans, null, arrays,
 * maps. Floats, exponents, duplicate keys and trailing text are refused.
 * @param what the option it came from, for messages (e.g. '--args')
 * @throws CLI_JSON_INVALID (details: at = the JSON path, offset)
 * @example parseJsonValue('{"amount":100}', '--args') // { amount: 100 }
 */
export function parseJsonValue(text: string, what: string): Value {
  const p = new Parser(text, what);
  const v = p.value('$', 0);
  p.ws();
  if (p.pos !== text.length) p.fail('unexpected text after the value', '$');
  return v;
}
