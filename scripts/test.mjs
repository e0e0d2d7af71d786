// The whole test suite: typecheck, lint, then every *.test.ts under packages/ (and vectors/, bench/)
// with node's test runner. Closes with a plain `N passed, N failed` line for CI.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  return r.status ?? 1;
}

function findTests(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

if (only.length === 0) {
  console.log('» typecheck (tsc -b, tests)');
  if (run(join(root, 'node_modules/.bin/tsc'), ['-b']) !== 0) process.exit(1);
  if (run(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.tests.json']) !== 0) process.exit(1);
  console.log('» lint');
  if (run(join(root, 'node_modules/.bin/eslint'), ['.']) !== 0) process.exit(1);
}

const files = (only.length > 0 ? only : ['packages', 'vectors', 'bench'])
  .flatMap((d) => (d.endsWith('.ts') ? [join(root, d)] : findTests(join(root, d), [])))
  .sort();
console.log(`» ${files.length} test files`);
const status = run(process.execPath, [
  '--conditions=gongxin-source',
  '--import',
  'tsx',
  '--test',
  '--test-concurrency=2',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  `--test-reporter=${join(root, 'scripts/summary-reporter.mjs')}`,
  '--test-reporter-destination=stdout',
  ...files,
]);
process.exit(status);
