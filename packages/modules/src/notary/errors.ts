// Stable error codes of the notary module (docs/errors.md). Argument errors use the shared TX_INVALID_ARGS.
export const NOTARY_ERRORS = {} as const;
