// Child process of crash.test.ts: commits workload blocks to the SQLite store at argv[2] forever, printing `>h` before
// building and committing block h and `h` once commitBlock has returned. The parent SIGKILLs it at random moments.
import { createTestChain, resumeTestChain } from '../test-chain.js';
import { crashBlockSpec } from './crash-workload.js';
import { openSqliteStore } from './sqlite-store.js';

const path = process.argv[2];
if (path === undefined) {
  process.stderr.write('usage: crash-child.ts <db path>\n');
  process.exit(2);
}
const store = openSqliteStore({ path });
if (store.head() === undefined) {
  const chain = createTestChain('crash-test');
  store.commitGenesis(chain.genesis, chain.block0(crashBlockSpec(0)));
  process.stdout.write('0\n');
}
const chain = resumeTestChain(store);
for (let height = store.head()!.header.height + 1; ; height++) {
  process.stdout.write(`>${height}\n`);
  store.commitBlock(chain.next(crashBlockSpec(height)));
  // Writes to a pipe are synchronous on Linux: once the parent reads this line, the commit has returned.
  process.stdout.write(`${height}\n`);
}
