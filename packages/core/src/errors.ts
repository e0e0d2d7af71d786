// Typed errors with stable codes (STYLE.md §4). A code is API: never reuse or rename one.

/** Details carried by an error: flat, JSON-safe, stable for clients to read. */
export type ErrorDetails = Readonly<Record<string, string | number>>;

/**
 * The only error type Gongxin code throws on purpose. `code` is stable API (see docs/errors.md).
 * @example throw new GongxinError('ENCODING_TRAILING_BYTES', 'trailing bytes after value', { offset: 12 });
 */
export class GongxinError extends Error {
  readonly code: string;
  readonly details: ErrorDetails;
  constructor(code: string, message: string, details: Record<string, string | number> = {}, opts?: ErrorOptions) {
    super(message, opts);
    this.name = 'GongxinError';
    this.code = code;
    this.details = Object.freeze({ ...details });
  }
}

/** True when `e` is a GongxinError (optionally with the given code). */
export function isGongxinError(e: unknown, code?: string): e is GongxinError {
  return e instanceof GongxinError && (code === undefined || e.code === code);
}
