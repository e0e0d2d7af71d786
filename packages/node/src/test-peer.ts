// Test helper: a real peer (SQLite in a temp dir, solo ordering, HTTP on a free port) and signing helpers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeTx, txSigningDigest, type SyncSigner, type TxBody, type Value } from '@gongxin/core';
import { createSigner } from '@gongxin/crypto';
import { DEV_KEY_PASSWORD, loadKey } from './data-dir.js';
import { runPeer, type RunningPeer, type RunPeerParams } from './run-peer.js';

/** A peer for one test file. */
export interface TestPeer extends RunningPeer {
  readonly dataDir: string;
  key(name: string): SyncSigner;
  /** Signed tx bytes; `patch` changes the body before signing, `sign` replaces the signer. */
  tx(p: { module: string; command: string; args: Value; signer: SyncSigner; patch?: Partial<TxBody> }): Uint8Array;
  get(path: string): Promise<{ status: number; body: Record<string, unknown> }>;
  post(path: string, body: string, contentType?: string): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }>;
  dispose(): Promise<void>;
}

let nonce = 1;

/** Starts a peer in a fresh temp dir (demo story loaded unless `demo: false`). */
export async function startTestPeer(opts: Partial<RunPeerParams> = {}): Promise<TestPeer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongxin-test-'));
  const running = await runPeer({ dataDir, port: 0, verifyThreads: 1, rateLimitPerMinute: 0, ...opts });
  const call = async (method: string, path: string, body?: string, contentType = 'application/json') => {
    const res = await fetch(running.url + path, { method, ...(body !== undefined ? { body, headers: { 'content-type': contentType } } : {}) });
    const text = await res.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      parsed = { text };
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  return {
    ...running,
    dataDir,
    key(name) {
      const k = loadKey(dataDir, name, DEV_KEY_PASSWORD);
      return createSigner(k.suite, k.privateKey);
    },
    tx({ module, command, args, signer, patch }) {
      const now = Date.now();
      const body: TxBody = {
        chainId: running.peer.genesis.chainId,
        module,
        command,
        args,
        signer: signer.publicKey,
        nonce: nonce++,
        notBefore: now - 60_000,
        notAfter: now + 60_000,
        ...patch,
      };
      return encodeTx({ body, signature: signer.signSync(txSigningDigest(running.peer.suite.hash, body)) });
    },
    get: (path) => call('GET', path),
    post: (path, body, ct) => call('POST', path, body, ct),
    async dispose() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
