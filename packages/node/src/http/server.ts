// The peer's HTTP API (docs/api.md) on Fastify: JSON, lowercase hex for bytes, stable error codes, size and rate limits.
import { createServer } from 'node:http';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { bytesToHex, GongxinError, isGongxinError } from '@gongxin/core';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Peer } from '../peer.js';
import { createMetrics } from '../metrics.js';
import { statusForCode } from './error-status.js';
import { registerEventsRoute } from './events-route.js';
import { parseHexBody } from './hex-input.js';
import { registerReadRoutes } from './read-routes.js';

/** HTTP options. */
export interface ApiParams {
  readonly peer: Peer;
  /** Largest request body (default 16 MiB: a batch of txs). */
  readonly bodyLimit?: number;
  /** Requests per client (IP) per minute (default 120,000; 0 disables). */
  readonly rateLimitPerMinute?: number;
  readonly logger?: boolean;
  /** Time a client gets to send its request headers (default 10 s): slow-loris clients are cut off. */
  readonly headersTimeoutMs?: number;
  /** Time a client gets to send its whole request (default 30 s). */
  readonly requestTimeoutMs?: number;
  /** Extra routes (e.g. the demo listing). */
  readonly extend?: (app: FastifyInstance) => void;
}

const VERSION = '0.1.0';

function errorBody(code: string, message: string, details: Record<string, string | number> = {}): object {
  return { code, message, details };
}

/**
 * Builds the Fastify app for a peer (not yet listening).
 * @example const app = await createApi({ peer }); await app.listen({ port: 7070, host: '127.0.0.1' });
 */
export async function createApi(p: ApiParams): Promise<FastifyInstance> {
  const { peer } = p;
  const app = Fastify({
    logger: p.logger ?? false,
    bodyLimit: p.bodyLimit ?? 16 * 1024 * 1024,
    // Slow clients (slow-loris) are cut off instead of holding sockets forever.
    connectionTimeout: 60_000,
    requestTimeout: p.requestTimeoutMs ?? 30_000,
    keepAliveTimeout: 10_000,
    return503OnClosing: true,
    // Our own server so headers/request timeouts are checked every second (Node's default check is every 30 s).
    serverFactory: (handler) =>
      createServer({ connectionsCheckingInterval: 1000, headersTimeout: p.headersTimeoutMs ?? 10_000, requestTimeout: p.requestTimeoutMs ?? 30_000 }, handler),
  });

  app.setErrorHandler((err, _req, reply) => {
    if (isGongxinError(err)) {
      const status = statusForCode(err.code);
      if (status === 503) void reply.header('retry-after', '1');
      return reply.status(status).send(errorBody(err.code, err.message, { ...err.details }));
    }
    const e = err as { code?: string; statusCode?: number; message: string; validation?: unknown };
    if (e.validation) return reply.status(400).send(errorBody('REQUEST_INVALID', e.message));
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.status(413).send(errorBody('REQUEST_TOO_LARGE', 'request body is larger than the limit'));
    if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.status(400).send(errorBody('REQUEST_MALFORMED_JSON', 'request body is not valid JSON'));
    }
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.status(415).send(errorBody('REQUEST_UNSUPPORTED_MEDIA_TYPE', 'send application/json'));
    if (e.statusCode === 429) return reply.status(429).send(errorBody('RATE_LIMITED', 'too many requests; slow down'));
    if (e.statusCode !== undefined && e.statusCode < 500) return reply.status(e.statusCode).send(errorBody('REQUEST_INVALID', e.message));
    app.log.error(err);
    return reply.status(500).send(errorBody('INTERNAL', 'internal error'));
  });
  app.setNotFoundHandler((req, reply) => reply.status(404).send(errorBody('ROUTE_NOT_FOUND', `no route ${req.method} ${req.url}`)));

  await app.register(swagger, {
    openapi: { info: { title: 'Gongxin peer API', version: VERSION, description: 'See docs/api.md' } },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  // Browsers (the portal, light clients) call peers directly: allow any origin to read; nothing uses cookies.
  await app.register(cors, {
    origin: true,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'last-event-id'],
    exposedHeaders: ['retry-after'],
  });
  const perMinute = p.rateLimitPerMinute ?? 120_000;
  if (perMinute > 0) {
    await app.register(rateLimit, {
      max: perMinute,
      timeWindow: 60_000,
      errorResponseBuilder: () => ({ statusCode: 429, code: 'RATE_LIMITED', message: 'too many requests; slow down' }),
    });
  }

  const metrics = createMetrics(peer);
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/metrics', async (_req, reply) => reply.type(metrics.contentType).send(await metrics.render()));

  app.get('/v1/status', async () => {
    const head = peer.head();
    return {
      chainId: peer.genesis.chainId,
      suite: peer.suite.id,
      height: head.header.height,
      headerHash: bytesToHex(head.hash),
      stateRoot: bytesToHex(head.header.stateRoot),
      historyRoot: bytesToHex(head.header.historyRoot),
      timestamp: head.header.timestamp,
      genesisHash: bytesToHex(peer.genesisHash),
      mempool: { size: peer.mempool.size, capacity: peer.mempool.capacity },
      version: VERSION,
    };
  });

  app.post(
    '/v1/txs',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { tx: { type: 'string', maxLength: 4 * 1024 * 1024 }, txs: { type: 'array', maxItems: 20_000, items: { type: 'string' } } },
        },
      },
    },
    async (req, reply) => {
      const body = req.body as { tx?: string; txs?: string[] };
      if ((body.tx === undefined) === (body.txs === undefined)) throw new GongxinError('REQUEST_INVALID', 'send either "tx" or "txs"');
      if (body.tx !== undefined) {
        const [r] = await peer.mempool.admit([parseHexBody(body.tx, 'tx')]);
        if (!r!.ok) throw new GongxinError(r!.code, r!.message, r!.txId ? { txId: r!.txId } : {});
        return reply.status(202).send({ txId: r!.txId });
      }
      const txs = body.txs!.map((h, i) => parseHexBody(h, `txs[${i}]`));
      const results = await peer.mempool.admit(txs);
      const accepted: string[] = [];
      const rejected: object[] = [];
      results.forEach((r, index) => {
        if (r.ok) accepted.push(r.txId);
        else rejected.push({ index, ...(r.txId ? { txId: r.txId } : {}), code: r.code, message: r.message });
      });
      return reply.status(202).send({ accepted, rejected });
    },
  );

  registerReadRoutes(app, peer);
  registerEventsRoute(app, peer);
  p.extend?.(app);
  return app;
}
