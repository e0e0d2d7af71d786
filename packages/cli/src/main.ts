// Entry point of the `gongxin` binary (bin/gongxin.js runs it): process context, signals, exit code.
import { processContext } from './context.js';
import { runCli } from './program.js';

const stop = new AbortController();
let firstSignalAt = 0;
const onSignal = (signal: NodeJS.Signals): void => {
  if (!stop.signal.aborted) {
    firstSignalAt = Date.now();
    stop.abort(signal);
    // Commands that do not watch `stop` end when their requests are aborted; this is the backstop.
    setTimeout(() => process.exit(130), 30_000).unref();
    return;
  }
  // One Ctrl-C can arrive twice (terminal group + launcher forwarding): only a later one forces the exit.
  if (Date.now() - firstSignalAt > 500) process.exit(130);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const code = await runCli(process.argv.slice(2), processContext(stop.signal));
// A peer that stopped on a failed block sets its own code (70): keep it.
process.exitCode = typeof process.exitCode === 'number' && process.exitCode !== 0 ? process.exitCode : code;
