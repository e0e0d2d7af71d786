// A development consortium for the embedded default: realistic organisations (SCENARIOS.md), a key per admin,
// member role and peer, and a genesis document. For trying Gongxin out, not for production keys.
import { DEFAULT_CHAIN_PARAMS, type GenesisDoc, type SuiteId, type Value, bytesToHex } from '@gongxin/core';
import { generateKeyPair, type KeyPair } from '@gongxin/crypto';

/** One organisation of the dev consortium. */
export interface DevOrg {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string;
  readonly roles: readonly string[];
}

/** The organisations of the demo story (SCENARIOS.md; issue "Scenarios I" names who takes part). */
export const DEV_ORGS: readonly DevOrg[] = [
  { id: 'hubei-cdc', name: 'Hubei Provincial Health Commission', nameZh: '湖北省卫生健康委员会', roles: ['health-authority'] },
  { id: 'wuhan-hc', name: 'Wuhan Municipal Health Commission', nameZh: '武汉市卫生健康委员会', roles: ['health-authority'] },
  { id: 'hubei-charity', name: 'Hubei Charity Federation', nameZh: '湖北省慈善总会', roles: ['charity'] },
  { id: 'union-hospital', name: 'Wuhan Union Hospital', nameZh: '武汉协和医院', roles: ['hospital'] },
  { id: 'tongji-hospital', name: 'Tongji Hospital', nameZh: '同济医院', roles: ['hospital'] },
  { id: 'jinyintan-hospital', name: 'Jinyintan Hospital', nameZh: '金银潭医院', roles: ['hospital'] },
  { id: 'hanyang-masks', name: 'Hanyang Medical Supplies Co.', nameZh: '汉阳医疗用品有限公司', roles: ['manufacturer'] },
  { id: 'jiangxia-protect', name: 'Jiangxia Protective Equipment Co.', nameZh: '江夏防护用品有限公司', roles: ['manufacturer'] },
  { id: 'hubei-inspect', name: 'Hubei Medical Device Inspection Institute', nameZh: '湖北省医疗器械质量监督检验研究院', roles: ['inspector'] },
  { id: 'changjiang-logistics', name: 'Changjiang Logistics', nameZh: '长江物流', roles: ['logistics'] },
  { id: 'jianghan-clinics', name: 'Jianghan District Community Clinics', nameZh: '江汉区社区卫生服务中心', roles: ['clinic'] },
  { id: 'wuchang-clinics', name: 'Wuchang District Community Clinics', nameZh: '武昌区社区卫生服务中心', roles: ['clinic'] },
];

/** A key of the dev consortium and what it is for. */
export interface DevKey {
  readonly name: string;
  readonly org: string | null;
  readonly roles: readonly string[];
  readonly pair: KeyPair;
}

/** The dev consortium: genesis and every key. */
export interface DevConsortium {
  readonly genesis: GenesisDoc;
  readonly keys: readonly DevKey[];
  readonly peerKey: DevKey;
}

/**
 * Generates a fresh dev consortium: per org an admin key and a member key holding the org's roles, plus one
 * peer key (run by the first health authority).
 * @example const dev = createDevConsortium({ suite: 'ed25519-sha256', chainId: 'gongxin-dev', timestamp: Date.now() });
 */
export function createDevConsortium(p: { suite: SuiteId; chainId: string; timestamp: number }): DevConsortium {
  const keys: DevKey[] = [];
  const orgs: Value[] = [];
  const members: Value[] = [];
  const peerKey: DevKey = { name: 'peer', org: DEV_ORGS[0]!.id, roles: [], pair: generateKeyPair(p.suite) };
  for (const org of DEV_ORGS) {
    const admin: DevKey = { name: `${org.id}-admin`, org: org.id, roles: ['admin'], pair: generateKeyPair(p.suite) };
    const member: DevKey = { name: `${org.id}-${org.roles[0]!}`, org: org.id, roles: org.roles, pair: generateKeyPair(p.suite) };
    keys.push(admin, member);
    const peers = org === DEV_ORGS[0] ? [{ id: 'peer-0', publicKeyHex: bytesToHex(peerKey.pair.publicKey) }] : [];
    orgs.push({ id: org.id, name: org.name, roles: [...org.roles], admins: [bytesToHex(admin.pair.publicKey)], peers });
    members.push({ publicKeyHex: bytesToHex(member.pair.publicKey), org: org.id, roles: [...org.roles] });
  }
  keys.push(peerKey);
  const genesis: GenesisDoc = {
    chainId: p.chainId,
    suite: p.suite,
    timestamp: p.timestamp,
    params: DEFAULT_CHAIN_PARAMS,
    modules: { consortium: { orgs, members, policies: { default: { quorum: 'majority' } } } },
  };
  return { genesis, keys, peerKey };
}
