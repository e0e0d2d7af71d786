// The peer package, loaded on demand: commands that only talk HTTP or verify files start without loading the
// peer's server, store and worker code.
import type * as NodeModule from '@gongxin/node';

/** What @gongxin/node exports. */
export type NodeApi = typeof NodeModule;

/**
 * Imports @gongxin/node (once; later calls reuse the module).
 * @example const { runPeer } = await loadNodeApi();
 */
export function loadNodeApi(): Promise<NodeApi> {
  return import('@gongxin/node');
}
