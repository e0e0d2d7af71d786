// Demo data for a newcomer's first start: governance in action (a new org voted in), member enrolment and
// revocation, and notarised documents, so every API route has something to show. Scenario stories join here.
import { createHash } from 'node:crypto';
import { bytesToHex, GongxinError, type Receipt, type SyncSigner } from '@gongxin/core';
import { createSigner, generateKeyPair } from '@gongxin/crypto';
import { gs1CheckDigit } from '@gongxin/modules';
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
  ids.alert = await seedEarlyWarning(peer, admins, key);
  ids.figure = await seedOpenStats(peer, key);
  ids.batch = await seedSupplyTrace(peer, key);
  ids.donation = await seedCharity(peer, key);
  return ids;
}

/** Charity: a campaign, donations from pseudonymous donors, a hospital's need, an allocation and its confirmation. */
async function seedCharity(peer: Peer, key: (name: string) => SyncSigner): Promise<string[]> {
  const charity = key('hubei-charity-charity');
  const union = key('union-hospital-hospital');
  const jinyintan = key('jinyintan-hospital-hospital');
  const donors = [0, 1, 2].map(() => createSigner(peer.suite.id, generateKeyPair(peer.suite.id).privateKey));
  const c = (signer: SyncSigner, command: string, args: LocalCall['args']): LocalCall => ({ module: 'charity', command, args, signer });
  assertOk(
    await submitLocal(peer, [
      c(charity, 'open-campaign', { id: 'wuhan-ppe-2026', title: '驰援武汉防护物资 Protective equipment for Wuhan', goal: 5_000_000_00, accepts: { funds: true, items: ['n95-respirator', 'protective-suit'] } }),
    ]),
    'campaign',
  );
  const gifts = await submitLocal(peer, [
    c(donors[0]!, 'donate', { campaign: 'wuhan-ppe-2026', kind: 'funds', amount: 200_000_00, note: '一位市民 a citizen' }),
    c(donors[1]!, 'donate', { campaign: 'wuhan-ppe-2026', kind: 'item', itemType: 'n95-respirator', quantity: 3_000 }),
    c(donors[2]!, 'donate', { campaign: 'wuhan-ppe-2026', kind: 'item', itemType: 'n95-respirator', quantity: 2_000 }),
  ]);
  assertOk(gifts, 'donations');
  const [money, masksA, masksB] = gifts.map((g) => bytesToHex(g.txId));
  assertOk(
    await submitLocal(peer, [
      c(union, 'post-need', { id: 'union-icu-n95', kind: 'item', itemType: 'n95-respirator', quantity: 4_000, urgency: 'critical' }),
      c(jinyintan, 'post-need', { id: 'jinyintan-suits', kind: 'item', itemType: 'protective-suit', quantity: 1_500, urgency: 'high' }),
    ]),
    'needs',
  );
  const [alloc] = await submitLocal(peer, [c(charity, 'allocate', { campaign: 'wuhan-ppe-2026', need: 'union-icu-n95', draws: [{ donation: masksA!, quantity: 3_000 }, { donation: masksB!, quantity: 1_000 }] })]);
  assertOk([alloc!], 'allocate');
  assertOk(await submitLocal(peer, [c(union, 'confirm', { allocation: bytesToHex(alloc!.txId), quantity: 3_980, proofHash: digestOf('Union Hospital goods-received note GRN-2026-11-0457'), note: '20 damaged in transit' })]), 'confirm');
  return [masksA!, masksB!, money!];
}

/** A GTIN-14 with its GS1 check digit, from a 13-digit body. */
function gtinOf(body13: string): string {
  return body13 + String(gs1CheckDigit(body13));
}

/** Medical supplies: two batches registered and inspected; one travels to a hospital, one fails and is recalled. */
async function seedSupplyTrace(peer: Peer, key: (name: string) => SyncSigner): Promise<string[]> {
  const maker = key('hanyang-masks-manufacturer');
  const other = key('jiangxia-protect-manufacturer');
  const inspector = key('hubei-inspect-inspector');
  const logistics = key('changjiang-logistics-logistics');
  const hospital = key('union-hospital-hospital');
  const n95 = gtinOf('0690123456789');
  const kn95 = gtinOf('0690987654321');
  const n95Batch = `${n95}-N95-2611A`;
  const kn95Batch = `${kn95}-KN-2611B`;
  const call = (signer: SyncSigner, command: string, args: LocalCall['args']): LocalCall => ({ module: 'supply-trace', command, args, signer });
  assertOk(
    await submitLocal(peer, [
      call(maker, 'register-batch', { gtin: n95, lot: 'N95-2611A', productType: 'n95-respirator', standard: 'GB 19083-2010', quantity: 20_000, productionDate: '261101', expiryDate: '281031', serialRange: { first: '100000001', last: '100020000' } }),
      call(other, 'register-batch', { gtin: kn95, lot: 'KN-2611B', productType: 'kn95-respirator', standard: 'GB 2626-2019', quantity: 50_000, productionDate: '261103' }),
    ]),
    'register batches',
  );
  assertOk(
    await submitLocal(peer, [
      call(inspector, 'attest', { batch: n95Batch, certificate: digestOf('certificate HBJ-2026-1187 N95-2611A'), result: 'pass', standard: 'GB 19083-2010' }),
      call(inspector, 'attest', { batch: kn95Batch, certificate: digestOf('certificate HBJ-2026-1190 KN-2611B'), result: 'fail', standard: 'GB 2626-2019' }),
    ]),
    'attest',
  );
  const sscc = '069012345' + '00000001';
  const ssccFull = sscc + String(gs1CheckDigit(sscc));
  assertOk(await submitLocal(peer, [call(maker, 'split', { code: n95Batch, sscc: ssccFull, quantity: 5_000 })]), 'split');
  assertOk(await submitLocal(peer, [call(maker, 'transfer', { code: ssccFull, to: 'changjiang-logistics', quantity: 5_000 })]), 'to logistics');
  assertOk(await submitLocal(peer, [call(logistics, 'transfer', { code: ssccFull, to: 'union-hospital', quantity: 5_000 })]), 'to hospital');
  assertOk(await submitLocal(peer, [call(hospital, 'receive-serial', { gtin: n95, serial: '100000042', lot: 'N95-2611A' })]), 'receive serial');
  assertOk(await submitLocal(peer, [call(other, 'recall', { code: kn95Batch, reason: 'failed filtration test (GB 2626-2019 §6.3)' })]), 'recall');
  return [n95Batch, ssccFull, kn95Batch];
}

/** Open statistics: Wuhan and two districts publish daily figures; a mismatch is flagged, corrected, disputed. */
async function seedOpenStats(peer: Peer, key: (name: string) => SyncSigner): Promise<string[]> {
  const city = key('wuhan-hc-health-authority');
  const province = key('hubei-cdc-health-authority');
  const day = (n: number): string => new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);
  const publish = (signer: SyncSigner, region: string, date: string, metrics: Record<string, number>): LocalCall => ({ module: 'open-stats', command: 'publish', args: { region, date, metrics }, signer });
  const d2 = day(2);
  const d1 = day(1);
  assertOk(
    await submitLocal(peer, [
      publish(city, '420103', d2, { 'new-confirmed': 12, 'new-suspected': 30, tests: 2400 }),
      publish(city, '420106', d2, { 'new-confirmed': 9, 'new-suspected': 21, tests: 1900 }),
      publish(city, '420103', d1, { 'new-confirmed': 15, 'new-suspected': 28, tests: 2600 }),
      publish(city, '420106', d1, { 'new-confirmed': 11, 'new-suspected': 25, tests: 2100 }),
    ]),
    'district figures',
  );
  // The city's first figure for d1 does not match the sum of its districts: flagged, then corrected.
  const [first] = await submitLocal(peer, [publish(city, '420100', d1, { 'new-confirmed': 24, 'new-suspected': 53, tests: 4700 })]);
  assertOk([first!], 'city figure');
  assertOk(
    await submitLocal(peer, [
      { module: 'open-stats', command: 'correct', args: { region: '420100', date: d1, corrects: bytesToHex(first!.txId), metrics: { 'new-confirmed': 26, 'new-suspected': 53, tests: 4700 }, reason: 'two late lab results from Wuchang added' }, signer: city },
    ]),
    'correct',
  );
  assertOk([(await submitLocal(peer, [publish(city, '420100', d2, { 'new-confirmed': 21, 'new-suspected': 51, tests: 4300 })]))[0]!], 'city d2');
  assertOk(await submitLocal(peer, [{ module: 'open-stats', command: 'dispute', args: { region: '420100', date: d2, revision: 1, reason: 'provincial lab reports 23 confirmed for this day' }, signer: province }]), 'dispute');
  return [`420100/${d1}`, `420100/${d2}`];
}

/** Early warning: a COVID-19 rule for Wuhan voted in, three clinic reports raise the alert, the city acknowledges. */
async function seedEarlyWarning(peer: Peer, admins: ReadonlyArray<{ org: string; signer: SyncSigner }>, key: (name: string) => SyncSigner): Promise<string[]> {
  const rule = { id: 'covid-wuhan', disease: 'U07.1', region: '420100', windowMs: 7 * 24 * 3_600_000, threshold: 3 };
  const proposer = admins.find((a) => a.org === 'wuhan-hc')!.signer;
  const proposal = 'early-warning-rules-1';
  assertOk(await submitLocal(peer, [{ module: 'consortium', command: 'propose', args: { id: proposal, action: { type: 'set-param', module: 'early-warning', name: 'rules', value: [rule] } }, signer: proposer }]), 'propose rules');
  const orgs = DEV_ORGS.length + 1; // the dev orgs plus the charity voted in above
  const voters = admins.filter((a) => a.org !== 'wuhan-hc').slice(0, Math.floor(orgs / 2));
  for (const v of voters) assertOk(await submitLocal(peer, [{ module: 'consortium', command: 'approve', args: { id: proposal }, signer: v.signer }]), 'approve rules');
  const now = Date.now();
  const report = (clinic: string, region: string, patient: string, hoursAgo: number): LocalCall => ({
    module: 'early-warning',
    command: 'report',
    args: { disease: 'U07.1', symptoms: ['fever', 'dry cough'], onsetDate: new Date(now - 3 * 86_400_000).toISOString().slice(0, 10), diagnosedAt: now - hoursAgo * 3_600_000, region, patientHash: digestOf(`demo-patient-${patient}`) },
    signer: key(clinic),
  });
  assertOk(await submitLocal(peer, [report('jianghan-clinics-clinic', '420103', 'a', 1), report('wuchang-clinics-clinic', '420106', 'b', 5)]), 'reports');
  assertOk(await submitLocal(peer, [report('jianghan-clinics-clinic', '420103', 'c', 1)]), 'threshold report');
  const alertId = `${rule.id}.1`;
  assertOk(await submitLocal(peer, [{ module: 'early-warning', command: 'acknowledge', args: { alertId, note: 'epidemiological investigation team dispatched' }, signer: key('wuhan-hc-health-authority') }]), 'acknowledge');
  return [alertId];
}
