// An abortable delay for polling and reconnect back-off, and an abort check (browser and Node: setTimeout, AbortSignal).

/**
 * Waits `ms` milliseconds; resolves early (to false) when `signal` aborts, otherwise to true. Never rejects.
 * @example if (!(await sleep(500, signal))) return; // aborted
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve(false);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * True once `signal` has aborted. A function, not an inline check, so TypeScript does not keep a narrowing of
 * `signal.aborted` across awaits (it can change while we wait).
 * @example if (isAborted(signal)) return;
 */
export function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
