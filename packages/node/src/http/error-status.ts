// One table from error code to HTTP status (STYLE.md §4). Codes not listed are client errors (400).

const STATUS: Readonly<Record<string, number>> = {
  TX_TOO_LARGE: 413,
  REQUEST_TOO_LARGE: 413,
  TX_DUPLICATE: 409,
  TX_UNAUTHORIZED: 403,
  TX_KEY_REVOKED: 403,
  TX_KEY_SUSPENDED: 403,
  TX_ORG_REMOVED: 403,
  TX_UNKNOWN_MODULE: 404,
  TX_UNKNOWN_COMMAND: 404,
  TX_NOT_FOUND: 404,
  BLOCK_NOT_FOUND: 404,
  QUERY_NOT_FOUND: 404,
  DEMO_NOT_LOADED: 404,
  ROUTE_NOT_FOUND: 404,
  STATE_VERSION_PRUNED: 410,
  RATE_LIMITED: 429,
  MEMPOOL_FULL: 503,
  ORDERER_BUSY: 503,
  ORDERER_CLOSED: 503,
  INTERNAL: 500,
};

/** HTTP status for a stable error code. */
export function statusForCode(code: string): number {
  return STATUS[code] ?? 400;
}
