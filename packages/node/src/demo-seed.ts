// Demo data for a newcomer's first start: governance in action (a new org voted in), member enrolment and
// revocation, and notarised documents, so every API route has something to show. Scenario stories join here.
import { createHash } from 'node:crypto';
import { bytesToHex, GongxinError, type Receipt, type SyncSigner } from '@gongxin/core';
import { createSigner, generateKeyPair } from '@gongxin/crypto';
import { DEV_ORGS } from './dev-consortium.js';
import { loadKey } from './data-dir.js';
import { submitLocal, type LocalCall } from './local-submit.js';
import type { Peer } from './peer.js';

/** Sample ids per kind, served at GET /v1/demo. */
export type DemoIds = Record<string, string[]>;

const digestOf = (text: string): string => createHash('sha256').update(text).digest('hex');

function assertOk(receipts: readonly Receipt[], what: string): void {
  const bad = receipts.find((r) => !r.ok);
  if (bad) throw new GongxinError('DEMO_SEED_FAILED', `demo step "${what}" failed: ${bad.code} ${bad.message}`);
}

/**
 * Seeds the demo story into a fresh dev chain and returns sample ids.
 * @throws DEMO_SEED_FAILED when a step's tx fails (a bug in the demo or the modules)
 */
export async function seedDemo(peer: Peer, dataDir: string, password: string): Promise<DemoIds> {
  const key = (name: string): SyncSigner => {
    const k = loadKey(dataDir, name, password);
    return createSigner(k.suite, k.privateKey);
  };
  const admins = DEV_ORGS.map((o) => ({ org: o.id, signer: key(`${o.id}-admin`) }));
  const ids: DemoIds = { proposal: [], anchor: [], member: [] };

  // Governance: Wuhan's health commission proposes a new charity org; a majority of orgs approve.
  const redCross = generateKeyPair(peer.suite.id);
  const proposalId = 'add-wuhan-red-cross';
  const propose: LocalCall = {
    module: 'consortium',
    command: 'propose',
    args: { id: proposalId, action: { type: 'add-org', id: 'wuhan-red-cross', name: 'Wuhan Red Cross Society', roles: ['charity'], admins: [bytesToHex(redCross.publicKey)] } },
    signer: admins[1]!.signer,
  };
  assertOk(await submitLocal(peer, [propose]), 'propose add-org');
  const needed = Math.floor(DEV_ORGS.length / 2) + 1;
  const approvals = admins.filter((a) => a.org !== admins[1]!.org).slice(0, needed - 1);
  for (const a of approvals) assertOk(await submitLocal(peer, [{ module: 'consortium', command: 'approve', args: { id: proposalId }, signer: a.signer }]), 'approve');
  ids.proposal!.push(proposalId);

  // Membership: a clinic admin enrols a new reporting key, then revokes it (a lost device).
  const device = generateKeyPair(peer.suite.id);
  const clinicAdmin = admins.find((a) => a.org === 'jianghan-clinics')!.signer;
  const deviceHex = bytesToHex(device.publicKey);
  assertOk(await submitLocal(peer, [{ module: 'consortium', command: 'enrol-member', args: { publicKeyHex: deviceHex, roles: ['clinic'] }, signer: clinicAdmin }]), 'enrol');
  assertOk(await submitLocal(peer, [{ module: 'consortium', command: 'revoke-member', args: { publicKeyHex: deviceHex, reason: 'device lost' }, signer: clinicAdmin }]), 'revoke');
  ids.member!.push(deviceHex);

  // Notarised documents: hospitals and authorities anchor what they published.
  const docs: Array<[string, string]> = [
    ['union-hospital-hospital', 'Union Hospital fever clinic opening hours, 2026-11-20'],
    ['wuhan-hc-health-authority', 'Wuhan notice on mask distribution points, 2026-11-21'],
    ['hubei-charity-charity', 'Hubei Charity Federation appeal for N95 respirators, 2026-11-22'],
  ];
  const receipts = await submitLocal(peer, docs.map(([name, text]) => ({ module: 'notary', command: 'anchor', args: { digest: digestOf(text), note: text.slice(0, 140) }, signer: key(name) })));
  assertOk(receipts, 'anchor');
  ids.anchor = receipts.map((r) => bytesToHex(r.txId));
  return ids;
}
