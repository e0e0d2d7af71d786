// A consortium chain in memory for scenario tests: the consortium module with one org per role (two for hospitals
// and health authorities), each with an admin key and a member key holding the org's role, plus any scenario
// modules. Keys are deterministic fixtures.
import { bytesToHex, type LedgerModule, type SyncSigner, type Value, type ValueMap } from '@gongxin/core';
import { consortiumModule, resolveConsortiumCaller } from '@gongxin/modules';
import { createTestChain, type TestChain } from './chain-harness.js';
import { fixtureSigner } from './fixtures.js';

/** Orgs of the scenario chain: id → role. */
export const SCENARIO_ORGS: Readonly<Record<string, string>> = {
  'charity-a': 'charity',
  'hospital-a': 'hospital',
  'hospital-b': 'hospital',
  'maker-a': 'manufacturer',
  'maker-b': 'manufacturer',
  'inspector-a': 'inspector',
  'logistics-a': 'logistics',
  'authority-a': 'health-authority',
  'authority-b': 'health-authority',
  'clinic-a': 'clinic',
  'clinic-b': 'clinic',
};

/** A scenario chain and its keys. */
export interface ScenarioChain extends TestChain {
  /** The member key of an org (holding the org's role), e.g. member('hospital-a'). */
  member(org: string): SyncSigner;
  /** The admin key of an org. */
  admin(org: string): SyncSigner;
  /** A key no org knows (role `public`). */
  stranger(label?: string): SyncSigner;
  /** Signs and runs one block with one call; returns the executed block result. */
  run(signer: SyncSigner, module: string, command: string, args: Value, timestamp?: number): ReturnType<TestChain['block']>;
}

/**
 * Creates the chain with `modules` after the consortium module; `genesisModules` adds their genesis sections.
 * @example const c = createScenarioChain({ modules: [charityModule] }); c.run(c.member('charity-a'), 'charity', 'open-campaign', {...});
 */
export function createScenarioChain(p: { modules: readonly LedgerModule[]; genesisModules?: ValueMap; timestamp?: number }): ScenarioChain {
  const member = (org: string): SyncSigner => fixtureSigner(`member:${org}`);
  const admin = (org: string): SyncSigner => fixtureSigner(`admin:${org}`);
  const orgs = Object.entries(SCENARIO_ORGS).map(([id, role]) => ({ id, name: id, roles: [role], admins: [bytesToHex(admin(id).publicKey)] }));
  const members = Object.entries(SCENARIO_ORGS).map(([id, role]) => ({ publicKeyHex: bytesToHex(member(id).publicKey), org: id, roles: [role] }));
  const chain = createTestChain({
    modules: [consortiumModule, ...p.modules],
    resolveCaller: resolveConsortiumCaller,
    genesisModules: { consortium: { orgs, members }, ...p.genesisModules },
    ...(p.timestamp !== undefined ? { timestamp: p.timestamp } : {}),
  });
  return Object.assign(chain, {
    member,
    admin,
    stranger: (label = 'stranger') => fixtureSigner(`stranger:${label}`),
    run(signer: SyncSigner, module: string, command: string, args: Value, timestamp?: number) {
      const at = timestamp ?? chain.head().header.timestamp + 1000;
      return chain.block([chain.tx({ module, command, args, signer, at })], at);
    },
  });
}
