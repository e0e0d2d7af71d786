// Starts a worker thread from a module that may be TypeScript source (development and tests run sources through
// tsx; workers do not inherit its loader, so a .ts entry registers tsx first).
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * `new Worker(url)` that also works when `url` is a .ts file run through tsx.
 * @example const w = createModuleWorker(new URL('./verify-worker.ts', import.meta.url), { workerData });
 */
export function createModuleWorker(url: URL, opts: WorkerOptions = {}): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, opts);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { ...opts, eval: true });
}
