// Follows a peer's committed blocks over SSE (block events only) and reports each block's height, tx count and time seen.
import { createSseParser } from '@gongxin/sdk';

/** A block as the watcher saw it. */
export interface SeenBlock {
  readonly height: number;
  readonly txCount: number;
  readonly at: number;
}

/** Streams block events from `from`; calls `onBlock` for each; resolves when `signal` aborts. */
export async function watchBlocks(url: string, from: number, onBlock: (b: SeenBlock) => void, signal: AbortSignal): Promise<void> {
  const res = await fetch(`${url}/v1/events?from=${from}&blocks=1`, { signal });
  const parser = createSseParser();
  const reader = res.body!.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      for (const m of parser.push(value)) {
        if (m.event !== 'block') continue;
        const d = JSON.parse(m.data) as { height: number; txCount: number };
        onBlock({ height: d.height, txCount: d.txCount, at: performance.now() });
      }
    }
  } catch (e) {
    if (!signal.aborted) throw e;
  }
}
