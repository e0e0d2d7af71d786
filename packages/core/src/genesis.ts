// The genesis document and block 0 (docs/spec/blocks.md §Genesis): chain id, suite, params, each module's seed.
import { DOMAIN, domainDigest } from './domain.js';
import type { Value } from './encoding.js';
import { GongxinError } from './errors.js';
import { expectInt, expectMap, expectString, isValueMap, type ValueMap } from './fields.js';
import { chainParamsFromValue, chainParamsToValue, type ChainParams } from './chain-params.js';
import { SUITE_IDS, type HashFn, type SuiteId } from './suite.js';

/** What a consortium agrees on before block 0. */
export interface GenesisDoc {
  readonly chainId: string;
  readonly suite: SuiteId;
  /** Block 0's timestamp (ms). */
  readonly timestamp: number;
  readonly params: ChainParams;
  /** Each module's genesis section, by module name. */
  readonly modules: ValueMap;
}

/** The genesis document as a canonical value. */
export function genesisToValue(g: GenesisDoc): Value {
  return { chainId: g.chainId, suite: g.suite, timestamp: g.timestamp, params: chainParamsToValue(g.params), modules: g.modules };
}

/**
 * Genesis document from a decoded value (e.g. a genesis.json parsed to canonical values).
 * @throws GENESIS_INVALID
 */
export function genesisFromValue(v: Value): GenesisDoc {
  const c = 'GENESIS_INVALID';
  const m = expectMap(v, 'genesis', c, ['chainId', 'suite', 'timestamp', 'params', 'modules']);
  const suite = expectString(m.suite, 'genesis.suite', c);
  if (!(SUITE_IDS as readonly string[]).includes(suite)) throw new GongxinError(c, `unknown suite "${suite}"`, { suite });
  const chainId = expectString(m.chainId, 'genesis.chainId', c, 64, 1);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(chainId)) throw new GongxinError(c, 'chainId is lowercase letters, digits and dashes');
  if (!isValueMap(m.modules)) throw new GongxinError(c, 'genesis.modules must be a map');
  return {
    chainId,
    suite: suite as SuiteId,
    timestamp: expectInt(m.timestamp, 'genesis.timestamp', c),
    params: chainParamsFromValue(m.params),
    modules: m.modules,
  };
}

/** The genesis hash, which block 0's header carries as prevHash. */
export function genesisHash(hash: HashFn, g: GenesisDoc): Uint8Array {
  return domainDigest(hash, DOMAIN.genesis, g.chainId, genesisToValue(g));
}
