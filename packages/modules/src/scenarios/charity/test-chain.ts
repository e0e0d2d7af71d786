// Test support: the consortium genesis of the scenario chain plus a second charity (`charity-b`), so tests can show
// that one charity cannot act on another's campaign. Member keys follow the testkit's fixture labels.
import { bytesToHex, type ValueMap } from '@gongxin/core';

/** Orgs of the charity tests: the testkit's scenario orgs that matter here, plus charity-b. */
export const CHARITY_TEST_ORGS: Readonly<Record<string, string>> = {
  'charity-a': 'charity',
  'charity-b': 'charity',
  'hospital-a': 'hospital',
  'hospital-b': 'hospital',
  'clinic-a': 'clinic',
};

/**
 * The `genesisModules` to pass to createScenarioChain: a consortium section with CHARITY_TEST_ORGS.
 * @param publicKeyOf the public key of a fixture label (`member:{org}` / `admin:{org}`)
 */
export function charityTestGenesis(publicKeyOf: (label: string) => Uint8Array): ValueMap {
  const entries = Object.entries(CHARITY_TEST_ORGS);
  const orgs = entries.map(([id, role]) => ({ id, name: id, roles: [role], admins: [bytesToHex(publicKeyOf(`admin:${id}`))] }));
  const members = entries.map(([id, role]) => ({ publicKeyHex: bytesToHex(publicKeyOf(`member:${id}`)), org: id, roles: [role] }));
  return { consortium: { orgs, members } };
}
