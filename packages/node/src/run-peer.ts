// Starts a whole peer from a data directory: dev consortium on first start, SQLite store, solo ordering, HTTP API.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GongxinError, type LedgerModule, type ModuleRegistry } from '@gongxin/core';
import { getSuite } from '@gongxin/crypto';
import {
  charityBundleKeys,
  charityModule,
  consortiumModule,
  earlyWarningModule,
  notaryModule,
  openStatsModule,
  resolveConsortiumCaller,
  statsBundleKeys,
  supplyBundleKeys,
  supplyTraceModule,
  warningBundleKeys,
} from '@gongxin/modules';
import { createSoloOrderer } from '@gongxin/ordering';
import { openSqliteStore, type SqliteTuning } from '@gongxin/store';
import type { FastifyInstance } from 'fastify';
import { createBundleKinds, moduleBundleKind, type BundleKinds } from './bundles/kinds.js';
import { registerBundleRoutes } from './bundles/routes.js';
import { createDevConsortium } from './dev-consortium.js';
import { seedDemo } from './demo-seed.js';
import { dataPaths, DEV_KEY_PASSWORD, hasGenesis, loadKey, readGenesis, writeDevConsortium } from './data-dir.js';
import { createApi } from './http/server.js';
import { openPeer, type Peer } from './peer.js';

/** Options of `runPeer`. */
export interface RunPeerParams {
  readonly dataDir: string;
  readonly port: number;
  readonly host?: string;
  /** Key-file password (default: GONGXIN_KEY_PASSWORD or the dev password). */
  readonly password?: string;
  /** Chain id for a new dev consortium. */
  readonly chainId?: string;
  readonly suite?: 'ed25519-sha256' | 'sm2-sm3';
  readonly verifyThreads?: number;
  readonly rateLimitPerMinute?: number;
  readonly logger?: boolean;
  /** SQLite tuning (default: 96 MiB page cache, no mmap — sized so a peer stays within a few hundred MB). */
  readonly sqlite?: SqliteTuning;
  /** Time a client gets to send its request headers (default 10 s). */
  readonly headersTimeoutMs?: number;
  /** Bundle kinds served at /v1/bundles (default: defaultBundleKinds()); null serves none. */
  readonly bundleKinds?: BundleKinds | null;
  /** Load the demo story when this start creates the chain (default true). */
  readonly demo?: boolean;
  /** Called once, after genesis, before listening: e.g. to load demo data. */
  readonly extend?: (app: FastifyInstance) => void;
}

/** A running peer and its HTTP server. */
export interface RunningPeer {
  readonly peer: Peer;
  readonly app: FastifyInstance;
  readonly url: string;
  /** True when this start created the chain. */
  readonly created: boolean;
  close(): Promise<void>;
}

/** The modules every peer runs. Scenario modules join here. */
export function defaultModules(): ModuleRegistry {
  const list: LedgerModule[] = [consortiumModule, notaryModule, charityModule, supplyTraceModule, openStatsModule, earlyWarningModule];
  return new Map(list.map((m) => [m.name, m]));
}

/** Bundle kinds served at GET /v1/bundles/{kind}/{id}: notary anchors and the four public scenarios. */
export function defaultBundleKinds(): BundleKinds {
  const kinds = createBundleKinds();
  kinds.set('donation', moduleBundleKind('donation', 'charity', charityBundleKeys));
  kinds.set('batch', moduleBundleKind('batch', 'supply-trace', supplyBundleKeys));
  kinds.set('figure', moduleBundleKind('figure', 'open-stats', statsBundleKeys));
  kinds.set('alert', moduleBundleKind('alert', 'early-warning', warningBundleKeys));
  return kinds;
}

/**
 * Runs a peer: creates a dev consortium in an empty data dir, opens the SQLite ledger, starts solo ordering
 * and the HTTP API.
 * @example const running = await runPeer({ dataDir: './data', port: 7070 });
 */
export async function runPeer(p: RunPeerParams): Promise<RunningPeer> {
  const password = p.password ?? process.env.GONGXIN_KEY_PASSWORD ?? DEV_KEY_PASSWORD;
  mkdirSync(p.dataDir, { recursive: true });
  let created = false;
  if (!hasGenesis(p.dataDir)) {
    const dev = createDevConsortium({ suite: p.suite ?? 'ed25519-sha256', chainId: p.chainId ?? 'gongxin-dev', timestamp: Date.now() });
    writeDevConsortium(p.dataDir, dev, password);
    created = true;
  }
  const genesis = readGenesis(p.dataDir);
  const suite = getSuite(genesis.suite);
  const peerKey = loadKey(p.dataDir, 'peer', password);
  // No mmap window by default: touched mmap pages count as the peer's resident memory.
  const store = openSqliteStore({ path: dataPaths(p.dataDir).ledger, cacheMiB: 96, mmapMiB: 0, walAutocheckpointPages: 4096, ...p.sqlite });
  const orderer = createSoloOrderer({ proposer: peerKey.publicKey });
  const peer = openPeer({
    store,
    genesis,
    suite,
    modules: defaultModules(),
    resolveCaller: resolveConsortiumCaller,
    orderer,
    ...(p.verifyThreads !== undefined ? { verifyThreads: p.verifyThreads } : {}),
  });
  peer.start();
  const app = await createApi({
    peer,
    ...(p.rateLimitPerMinute !== undefined ? { rateLimitPerMinute: p.rateLimitPerMinute } : {}),
    ...(p.logger !== undefined ? { logger: p.logger } : {}),
    ...(p.headersTimeoutMs !== undefined ? { headersTimeoutMs: p.headersTimeoutMs } : {}),
    extend: (a) => {
      if (p.bundleKinds !== null) registerBundleRoutes(a, peer, p.bundleKinds ?? defaultBundleKinds());
      a.get('/v1/demo', async () => {
        const file = join(p.dataDir, 'demo.json');
        if (!existsSync(file)) throw new GongxinError('DEMO_NOT_LOADED', 'this chain was started without demo data');
        return JSON.parse(readFileSync(file, 'utf8')) as object;
      });
      p.extend?.(a);
    },
  });
  if (created && p.demo !== false) {
    const ids = await seedDemo(peer, p.dataDir, password);
    writeFileSync(join(p.dataDir, 'demo.json'), JSON.stringify(ids, null, 2) + '\n');
  }
  const host = p.host ?? '127.0.0.1';
  try {
    await app.listen({ port: p.port, host });
  } catch (e) {
    // e.g. the port is taken: release what was opened, so an in-process caller leaks nothing.
    await app.close();
    await peer.stop();
    store.close();
    throw e;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : p.port;
  let closing: Promise<void> | null = null;
  return {
    peer,
    app,
    url: `http://${host}:${port}`,
    created,
    close() {
      closing ??= (async () => {
        await app.close();
        await peer.stop();
        store.close();
      })();
      return closing;
    },
  };
}
