// GET /v1/bundles/{kind}/{id} (docs/spec/bundles.md §HTTP): a bundle as the proof-file JSON (default), canonical
// CBOR (?format=cbor, a .gxb file) or QR text (?format=qr); GET /v1/bundles lists the kinds.
import { encode, isGongxinError } from '@gongxin/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { bundleFileJson, bundleQrText, QR_MAX_BUNDLE_BYTES, type BundleSource } from './build.js';
import { bundleFor, createBundleKinds, type BundleKinds } from './kinds.js';

/** HTTP status of each bundle error code (other codes: …_NOT_FOUND → 404, else 400). */
export const BUNDLE_ERROR_STATUS: Readonly<Record<string, number>> = {
  BUNDLE_UNKNOWN_KIND: 404,
  BUNDLE_NOT_FOUND: 404,
  BUNDLE_ID_INVALID: 400,
  BUNDLE_FORMAT_INVALID: 400,
  BUNDLE_TOO_LARGE: 413,
  BUNDLE_TOO_LARGE_FOR_QR: 413,
  STATE_VERSION_PRUNED: 410,
};

const FORMATS = ['json', 'cbor', 'qr'] as const;

function sendError(reply: FastifyReply, code: string, message: string, details: Record<string, string | number>): FastifyReply {
  const status = BUNDLE_ERROR_STATUS[code] ?? (code.endsWith('_NOT_FOUND') ? 404 : 400);
  return reply.status(status).send({ code, message, details });
}

/** `name.gxb` for a download: the kind and id with anything but [A-Za-z0-9._-] turned into '_'. */
function fileName(kind: string, id: string): string {
  return `${kind}-${id}`.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120) + '.gxb';
}

/**
 * Adds GET /v1/bundles and GET /v1/bundles/{kind}/{id}[?format=json|cbor|qr] to `app`.
 * Errors: BUNDLE_UNKNOWN_KIND (404), BUNDLE_NOT_FOUND (404), BUNDLE_ID_INVALID, BUNDLE_FORMAT_INVALID (400),
 * BUNDLE_TOO_LARGE, BUNDLE_TOO_LARGE_FOR_QR (413; details.path is the URL to put in the QR instead).
 * @example registerBundleRoutes(app, peer, kinds);
 */
export function registerBundleRoutes(app: FastifyInstance, peer: BundleSource, kinds: BundleKinds = createBundleKinds()): void {
  app.get('/v1/bundles', async () => ({ kinds: [...kinds.keys()].sort(), qrMaxBytes: QR_MAX_BUNDLE_BYTES }));

  app.get('/v1/bundles/:kind/*', async (req, reply) => {
    const { kind, '*': id } = req.params as { kind: string; '*': string };
    const format = (req.query as { format?: string }).format ?? 'json';
    const path = `/v1/bundles/${encodeURIComponent(kind)}/${id.split('/').map(encodeURIComponent).join('/')}`;
    try {
      if (!(FORMATS as readonly string[]).includes(format)) {
        return sendError(reply, 'BUNDLE_FORMAT_INVALID', `format must be one of ${FORMATS.join(', ')}`, { format });
      }
      const value = bundleFor(peer, kinds, kind, id);
      if (format === 'json') return bundleFileJson(value, peer.suite.id);
      const bytes = encode(value);
      if (format === 'cbor') {
        return reply.type('application/cbor').header('content-disposition', `attachment; filename="${fileName(kind, id)}"`).send(Buffer.from(bytes));
      }
      const text = bundleQrText(value);
      if (text === undefined) {
        return sendError(reply, 'BUNDLE_TOO_LARGE_FOR_QR', `the bundle is ${bytes.length} bytes; a QR code holds ${QR_MAX_BUNDLE_BYTES}: encode the URL instead`, {
          size: bytes.length,
          limit: QR_MAX_BUNDLE_BYTES,
          path,
        });
      }
      return { kind, id, bytes: bytes.length, text };
    } catch (e) {
      if (isGongxinError(e)) return sendError(reply, e.code, e.message, { ...e.details });
      throw e;
    }
  });
}
