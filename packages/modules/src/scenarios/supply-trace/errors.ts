// Stable error codes of the supply-trace module (SCENARIOS.md §5). A code is API: never reuse or rename one.
// Argument shape errors use the shared TX_INVALID_ARGS (commands) and QUERY_INVALID_PARAMS (queries).

/**
 * Codes the supply-trace module throws. Listed in docs/scenarios/supply-trace.md.
 * @example throw new GongxinError(SUPPLY_ERRORS.NOT_HOLDER, 'org "hospital-a" holds none of lot …');
 */
export const SUPPLY_ERRORS = {
  /** A GTIN or SSCC whose check digit is wrong (a mistyped or forged code). */
  BAD_CHECK_DIGIT: 'SUPPLY_BAD_CHECK_DIGIT',
  /** A code that is not a GS1 Digital Link, element string, SSCC, batch id or lot this ledger reads. */
  BAD_CODE: 'SUPPLY_BAD_CODE',
  /** A date that is not YYMMDD or YYYY-MM-DD, is not a real day, or is out of order (production after expiry or block time). */
  BAD_DATE: 'SUPPLY_BAD_DATE',
  /** A batch with this GTIN and lot is already registered. */
  BATCH_EXISTS: 'SUPPLY_BATCH_EXISTS',
  /** No batch has this id (GTIN + lot). */
  UNKNOWN_BATCH: 'SUPPLY_UNKNOWN_BATCH',
  /** No logistic unit has this SSCC. */
  UNKNOWN_UNIT: 'SUPPLY_UNKNOWN_UNIT',
  /** The receiving org is not an active org of the consortium. */
  UNKNOWN_ORG: 'SUPPLY_UNKNOWN_ORG',
  /** The caller's org holds none of this batch or lot. */
  NOT_HOLDER: 'SUPPLY_NOT_HOLDER',
  /** The caller's org holds less than the quantity asked for. */
  INSUFFICIENT_QUANTITY: 'SUPPLY_INSUFFICIENT_QUANTITY',
  /** The batch or lot (or one it was split from) is recalled: it can't move. */
  RECALLED: 'SUPPLY_RECALLED',
  /** The batch failed inspection: it can't move. */
  FAILED_INSPECTION: 'SUPPLY_FAILED_INSPECTION',
  /** The attestation names a standard other than the batch's. */
  STANDARD_MISMATCH: 'SUPPLY_STANDARD_MISMATCH',
  /** A logistic unit with this SSCC exists already. */
  SSCC_EXISTS: 'SUPPLY_SSCC_EXISTS',
  /** Splitting would make the ancestry chain longer than the limit. */
  SPLIT_TOO_DEEP: 'SUPPLY_SPLIT_TOO_DEEP',
  /** A manufacturer recalls only batches it made. */
  NOT_MANUFACTURER: 'SUPPLY_NOT_MANUFACTURER',
  /** The batch or lot is already recalled (itself or through an ancestor). */
  ALREADY_RECALLED: 'SUPPLY_ALREADY_RECALLED',
  /** The serial range is malformed or its size differs from the quantity. */
  SERIAL_RANGE_MISMATCH: 'SUPPLY_SERIAL_RANGE_MISMATCH',
  /** The serial is outside the serial range registered for its batch. */
  SERIAL_OUT_OF_RANGE: 'SUPPLY_SERIAL_OUT_OF_RANGE',
  /** The caller's org already registered this serial as received. */
  SERIAL_ALREADY_RECEIVED: 'SUPPLY_SERIAL_ALREADY_RECEIVED',
  /** A transfer to the caller's own org. */
  SELF_TRANSFER: 'SUPPLY_SELF_TRANSFER',
} as const;
