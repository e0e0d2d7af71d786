// A peer in its own process for the benchmark, run from the compiled packages (dist/, as in production; the bench
// builds them first): prints "READY <url>" when listening; stops on SIGTERM.
import { runPeer } from '@gongxin/node';

const [dataDir, port] = process.argv.slice(2);
const running = await runPeer({ dataDir, port: Number(port ?? 0), rateLimitPerMinute: 0 });
process.stdout.write(`READY ${running.url}\n`);
const stop = () => {
  void running.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
