// @gongxin/testkit: in-memory chains, key fixtures and conformance suites for tests.
export { createTestChain } from './chain-harness.js';
export type { TestChain, TestChainParams } from './chain-harness.js';
export { fixtureSigner } from './fixtures.js';
export { kvModule, staticResolver } from './test-module.js';
export { createScenarioChain, SCENARIO_ORGS } from './scenario-chain.js';
export type { ScenarioChain } from './scenario-chain.js';
