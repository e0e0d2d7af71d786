// Fixtures for the consortium tests: named keys, a three-org genesis, and a tiny `probe` module that stands for
// any scenario module (writes per caller, reads a governance parameter).
import { ROLE_ANY_MEMBER, ROLE_PUBLIC, type HashFn, type LedgerModule, type Value, type ValueMap } from '@gongxin/core';
import { defineCommand } from '../shared/define.js';
import { consortiumModule, resolveConsortiumCaller } from './index.js';
import { createTestChain, type TestChain } from './test-harness.js';

/** A 32-byte key in hex whose bytes are all `n` (distinct per n, valid Ed25519 length). */
export function key(n: number): string {
  return n.toString(16).padStart(2, '0').repeat(32);
}

/** Named keys of the fixture consortium. */
export const K = {
  cdcAdmin: key(1),
  hospAdmin: key(2),
  rcAdmin: key(3),
  hospAdmin2: key(4),
  clinician: key(5),
  volunteer: key(6),
  cdcPeer: key(0x11),
  hospPeer: key(0x12),
  rcPeer: key(0x13),
  stranger: key(0x20),
  newAdmin: key(0x30),
  newPeer: key(0x31),
  other: key(0x40),
} as const;

/** Three orgs (health authority, hospital, charity); the hospital has a co-admin and a clinician. */
export function fixtureGenesis(): ValueMap {
  return {
    orgs: [
      { id: 'cdc', name: 'Wuhan CDC', roles: ['health-authority', 'publisher', 'member'], admins: [K.cdcAdmin], peers: [{ id: 'cdc-1', publicKeyHex: K.cdcPeer }] },
      { id: 'hosp', name: 'Union Hospital', roles: ['hospital', 'clinic', 'member'], admins: [K.hospAdmin], peers: [{ id: 'hosp-1', publicKeyHex: K.hospPeer }] },
      { id: 'redcross', name: 'Red Cross Hubei', roles: ['charity', 'member'], admins: [K.rcAdmin], peers: [{ id: 'rc-1', publicKeyHex: K.rcPeer }] },
    ],
    members: [
      { publicKeyHex: K.hospAdmin2, org: 'hosp', roles: ['admin'] },
      { publicKeyHex: K.clinician, org: 'hosp', roles: ['clinic'] },
    ],
  };
}

/** `probe`: `note` (any member) records who wrote; `read-param` (anyone) emits a consortium parameter. */
export const probeModule: LedgerModule = {
  name: 'probe',
  commands: {
    note: defineCommand<null>({
      roles: [ROLE_ANY_MEMBER],
      parse: () => null,
      apply: (ctx) => {
        ctx.set(`note/${ctx.txIdHex}`, ctx.caller.publicKeyHex);
      },
    }),
    'read-param': defineCommand<{ module: string; name: string }>({
      roles: [ROLE_PUBLIC],
      parse: (v) => v as { module: string; name: string },
      apply: (ctx, a) => {
        const value: Value = ctx.read('consortium', `param/${a.module}/${a.name}`) ?? null;
        ctx.emit('param', { value, roles: [...ctx.caller.roles], org: ctx.caller.org });
      },
    }),
  },
  queries: {},
  events: ['param'],
};

/** A fresh fixture chain (consortium + probe) over SHA-256 from the test. */
export function fixtureChain(hash: HashFn, genesis: ValueMap = fixtureGenesis()): TestChain {
  return createTestChain({ hash, modules: [consortiumModule, probeModule], resolveCaller: resolveConsortiumCaller, genesis: { consortium: genesis } });
}

/** Runs `t` alone in a block; reports its receipt and whether committed state stayed exactly the same. */
export function runAndCompare(chain: TestChain, t: Parameters<TestChain['tx']>[0]): { receipt: ReturnType<TestChain['tx']>; unchanged: boolean } {
  const before = chain.snapshot();
  const receipt = chain.tx(t);
  return { receipt, unchanged: chain.snapshot() === before };
}
