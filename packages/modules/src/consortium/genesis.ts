// Genesis of the consortium (SCENARIOS.md §0): orgs with their roles, admin keys and peers; optional members
// and policies. The whole section is validated before anything is written.
import { GongxinError, type GenesisContext, type Value } from '@gongxin/core';
import { parseArgs } from '../shared/parse-args.js';
import { CONSORTIUM_ERRORS } from './errors.js';
import { ROLE_ADMIN, genesisSchema, type ConsortiumGenesis } from './schema.js';
import { KEYS } from './state.js';
import { writeNewMember, writeNewOrg } from './store.js';

const C = CONSORTIUM_ERRORS.GENESIS_INVALID;

function claim(seen: Set<string>, x: string, message: string, field: string): void {
  if (seen.has(x)) throw new GongxinError(C, message, { field });
  seen.add(x);
}

function validate(g: ConsortiumGenesis): void {
  const orgs = new Map<string, readonly string[]>();
  const keys = new Set<string>();
  const peerIds = new Set<string>();
  const peerKeys = new Set<string>();
  g.orgs.forEach((o, i) => {
    if (orgs.has(o.id)) throw new GongxinError(C, `org id "${o.id}" appears twice`, { field: `genesis.consortium.orgs[${i}].id` });
    orgs.set(o.id, o.roles);
    o.admins.forEach((k, j) => {
      claim(keys, k, `admin key ${k} is used twice`, `genesis.consortium.orgs[${i}].admins[${j}]`);
    });
    (o.peers ?? []).forEach((p, j) => {
      claim(peerIds, p.id, `peer id "${p.id}" appears twice`, `genesis.consortium.orgs[${i}].peers[${j}].id`);
      claim(peerKeys, p.publicKeyHex, `peer key ${p.publicKeyHex} is used twice`, `genesis.consortium.orgs[${i}].peers[${j}].publicKeyHex`);
    });
  });
  (g.members ?? []).forEach((m, i) => {
    const field = `genesis.consortium.members[${i}]`;
    const roles = orgs.get(m.org);
    if (!roles) throw new GongxinError(C, `member of unknown org "${m.org}"`, { field: `${field}.org` });
    claim(keys, m.publicKeyHex, `member key ${m.publicKeyHex} is already used`, `${field}.publicKeyHex`);
    for (const r of m.roles) {
      if (r !== ROLE_ADMIN && !(roles as readonly string[]).includes(r)) {
        throw new GongxinError(C, `org "${m.org}" may not hold role "${r}"`, { field: `${field}.roles` });
      }
    }
  });
}

/**
 * Seeds the consortium from `genesis.modules.consortium`: at least one org; org ids, member/admin keys, peer ids
 * and peer keys unique; members' roles among their org's roles (or `admin`).
 * @throws CONSORTIUM_GENESIS_INVALID naming the offending field
 * @example initConsortiumGenesis(ctx, { orgs: [{ id: 'cdc', name: 'CDC', roles: ['health-authority'], admins: ['ab…'], peers: [] }] })
 */
export function initConsortiumGenesis(ctx: GenesisContext, config: Value | undefined): void {
  if (config === undefined) throw new GongxinError(C, 'the genesis has no consortium section: at least one org is needed', { field: 'genesis.consortium' });
  const g = parseArgs(genesisSchema, config, { code: C, root: 'genesis.consortium' });
  validate(g);
  for (const o of g.orgs) writeNewOrg(ctx, { id: o.id, name: o.name, roles: o.roles, admins: o.admins, peers: o.peers ?? [] }, ctx.timestamp);
  for (const m of g.members ?? []) writeNewMember(ctx, m, ctx.timestamp, null);
  for (const [name, p] of Object.entries(g.policies ?? {})) {
    if (p !== undefined) ctx.set(KEYS.policy(name), { name, quorum: p.quorum, changedAt: ctx.timestamp });
  }
}
