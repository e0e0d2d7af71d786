// Child process of the determinism test: replays batches on a fresh chain and prints the header hashes as JSON.
import { readFileSync } from 'node:fs';
import { bytesToHex, hexToBytes } from '@gongxin/core';
import { createTestChain } from './chain-harness.js';
import { kvModule, staticResolver } from './test-module.js';

const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { batches: Array<{ timestamp: number; txs: string[] }>; authority: string };
const chain = createTestChain({ modules: [kvModule], resolveCaller: staticResolver(new Map([[input.authority, { org: 'hc', roles: ['health-authority'] }]])) });
process.stdout.write(JSON.stringify(input.batches.map((b) => bytesToHex(chain.block(b.txs.map(hexToBytes), b.timestamp).hash))));
