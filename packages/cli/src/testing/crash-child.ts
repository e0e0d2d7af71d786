// Child process of the crash test: a peer on a data dir, "READY <url>" once listening. Killed with SIGKILL.
import { runPeer } from '@gongxin/node';

const running = await runPeer({ dataDir: process.argv[2]!, port: 0, verifyThreads: 1, rateLimitPerMinute: 0, demo: false });
process.stdout.write(`READY ${running.url}\n`);
