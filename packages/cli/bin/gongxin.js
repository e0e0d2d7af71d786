#!/usr/bin/env node
// Launcher of the `gongxin` command (docs/cli.md): runs dist/main.js when the build is present and up to date,
// otherwise the TypeScript source through tsx with the `gongxin-source` condition. GONGXIN_CLI_SOURCE=1 forces
// the source, =0 the build. Exit codes and signals are passed through.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const pkgRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** Newest mtime of files under `dir` whose name passes `keep` (0 when none). */
function newest(dir, keep) {
  let t = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) t = Math.max(t, newest(p, keep));
    else if (keep(entry.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/** The build is usable when every workspace package the CLI runs has a dist newer than its sources. */
function buildIsFresh() {
  if (!existsSync(join(pkgRoot, 'dist', 'main.js'))) return false;
  const deps = Object.keys(JSON.parse(readFileSync(join(pkgRoot, 'package.json'), 'utf8')).dependencies ?? {});
  const dirs = [pkgRoot, ...deps.filter((d) => d.startsWith('@gongxin/')).map((d) => join(pkgRoot, '..', d.slice('@gongxin/'.length)))];
  return dirs.every((dir) => {
    const src = newest(join(dir, 'src'), (n) => n.endsWith('.ts') && !n.endsWith('.test.ts'));
    return src === 0 || newest(join(dir, 'dist'), (n) => n.endsWith('.js')) >= src;
  });
}

function useSource() {
  const forced = process.env.GONGXIN_CLI_SOURCE;
  if (forced === '1') return true;
  if (forced === '0') return !existsSync(join(pkgRoot, 'dist', 'main.js'));
  return !buildIsFresh();
}

let nodeArgs;
if (useSource()) {
  let tsx;
  try {
    tsx = import.meta.resolve('tsx');
  } catch {
    process.stderr.write('error CLI_NOT_BUILT: tsx is not installed and packages/cli/dist is missing\nhint: run "npm install" then "npx tsc -b packages/cli"\n');
    process.exit(1);
  }
  nodeArgs = ['--conditions=gongxin-source', '--import', tsx, join(pkgRoot, 'src', 'main.ts'), ...args];
} else {
  nodeArgs = [pathToFileURL(join(pkgRoot, 'dist', 'main.js')).pathname, ...args];
}

const child = spawn(process.execPath, nodeArgs, { stdio: 'inherit' });
const forward = (signal) => () => {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const handlers = signals.map((s) => [s, forward(s)]);
for (const [s, h] of handlers) process.on(s, h);
child.on('error', (e) => {
  process.stderr.write(`error CLI_LAUNCH_FAILED: ${e.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  for (const [s, h] of handlers) process.off(s, h);
  if (signal !== null) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
