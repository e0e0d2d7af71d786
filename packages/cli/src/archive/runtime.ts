// The modules and caller resolver a peer runs (node defaultModules, modules resolveConsortiumCaller): what a replay
// must execute blocks with to reproduce the peer's headers.
import { loadNodeApi } from '../node-api.js';
import type { ChainRuntime } from './replay.js';

/**
 * The runtime of a standard peer.
 * @example replayArchive({ path, target, ...(await defaultRuntime()) });
 */
export async function defaultRuntime(): Promise<ChainRuntime> {
  const [node, modules] = await Promise.all([loadNodeApi(), import('@gongxin/modules')]);
  return { modules: node.defaultModules(), resolveCaller: modules.resolveConsortiumCaller };
}
