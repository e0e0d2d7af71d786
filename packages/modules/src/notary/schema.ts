// Argument schemas of the notary module: a document digest (SHA-256 or SM3, 64 hex) and an optional short note.
import { z } from 'zod';

/** Lowercase 64-hex digest. */
export const digestHex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters');

/** args of `anchor`. */
export const anchorArgs = z.strictObject({
  digest: digestHex,
  note: z.string().max(140).optional(),
});
/** Parsed args of `anchor`. */
export type AnchorArgs = z.infer<typeof anchorArgs>;

/** params of the `digest` query. */
export const digestParams = z.strictObject({ digest: digestHex, limit: z.int().min(1).max(100).optional() });
/** params of the `anchor` query. */
export const anchorParams = z.strictObject({ digest: digestHex, txId: digestHex });
