// Zod schemas of the consortium module: genesis section, command args, governance actions (SCENARIOS.md §0).
// Keys and hashes travel as lowercase hex strings; ids are short lowercase words; no floats anywhere.
import type { Value } from '@gongxin/core';
import { z } from 'zod';

/** On-chain module name. */
export const CONSORTIUM_MODULE = 'consortium';

/** Roles an org's members may hold (SCENARIOS.md §0). `public` is implicit for every key and never granted. */
export const ORG_ROLES = [
  'charity',
  'hospital',
  'manufacturer',
  'logistics',
  'inspector',
  'health-authority',
  'clinic',
  'insurer',
  'publisher',
  'employer',
  'member',
] as const;
/** One org role. */
export type OrgRole = (typeof ORG_ROLES)[number];

/** The role of an org admin: enrols, suspends and revokes its org's keys and votes on proposals. */
export const ROLE_ADMIN = 'admin';
/** Roles a member key may hold: an org role or `admin`. */
export const MEMBER_ROLES = [...ORG_ROLES, ROLE_ADMIN] as const;
/** One member role. */
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Governance action types a proposal can carry. */
export const ACTION_TYPES = ['add-org', 'remove-org', 'add-peer', 'remove-peer', 'set-policy', 'set-param'] as const;
/** One action type. */
export type ActionType = (typeof ACTION_TYPES)[number];

/** Policy names: `default` governs every action type that has no policy of its own. */
export const POLICY_NAMES = ['default', ...ACTION_TYPES] as const;
/** One policy name. */
export type PolicyName = (typeof POLICY_NAMES)[number];

/** Bounds every peer enforces identically. */
export const CONSORTIUM_LIMITS = {
  maxOrgs: 256,
  maxGenesisMembers: 10_000,
  maxAdminsPerOrg: 16,
  maxPeersPerOrg: 16,
  maxNameLength: 128,
  maxReasonLength: 256,
  /** A proposal's deadline is at most this far after the block that creates it (90 days). */
  maxProposalTtlMs: 90 * 24 * 60 * 60 * 1000,
  /** Deadline when `propose` gives none (7 days). */
  defaultProposalTtlMs: 7 * 24 * 60 * 60 * 1000,
  maxQueryLimit: 1000,
  defaultQueryLimit: 100,
} as const;

const ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MODULE_RE = /^[a-z][a-z0-9-]{0,63}$/;
const PARAM_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
/** Ed25519 keys are 32 bytes; SM2 keys 33 (compressed) or 65 (uncompressed) bytes. */
const KEY_RE = /^(?:[0-9a-f]{64}|[0-9a-f]{66}|[0-9a-f]{130})$/;

function uniqueArray<T extends z.ZodType<string>>(item: T, what: string): z.ZodArray<T> {
  return z.array(item).superRefine((arr, ctx) => {
    const seen = new Set<string>();
    arr.forEach((x, i) => {
      if (seen.has(x)) ctx.addIssue({ code: 'custom', message: `duplicate ${what} "${x}"`, path: [i] });
      seen.add(x);
    });
  });
}

/** An org, peer or proposal id: lowercase letters, digits and dashes, 1..64 characters. */
export const idSchema = z.string().regex(ID_RE, 'must be 1-64 lowercase letters, digits or dashes, not starting with a dash');
/** A public key as lowercase hex (32, 33 or 65 bytes). */
export const publicKeyHexSchema = z.string().regex(KEY_RE, 'must be a public key in lowercase hex (64, 66 or 130 hex digits)');
const nameSchema = z.string().min(1).max(CONSORTIUM_LIMITS.maxNameLength);
const reasonSchema = z.string().max(CONSORTIUM_LIMITS.maxReasonLength);
const orgRolesSchema = uniqueArray(z.enum(ORG_ROLES), 'role').min(1);
const memberRolesSchema = uniqueArray(z.enum(MEMBER_ROLES), 'role').min(1);
const adminsSchema = uniqueArray(publicKeyHexSchema, 'admin key').min(1).max(CONSORTIUM_LIMITS.maxAdminsPerOrg);
const peerSchema = z.strictObject({ id: idSchema, publicKeyHex: publicKeyHexSchema });
const peersSchema = z.array(peerSchema).max(CONSORTIUM_LIMITS.maxPeersPerOrg);

/** A quorum: a majority of active orgs, all of them, or at least `min` of them (capped at their number). */
export const quorumSchema = z.union([z.literal('majority'), z.literal('all'), z.strictObject({ min: z.number().int().min(1).max(CONSORTIUM_LIMITS.maxOrgs) })]);
/** A quorum as parsed. */
export type Quorum = z.infer<typeof quorumSchema>;

/** Any canonical value (set-param's `value`): args are decoded canonical values already. */
const anyValueSchema = z.custom<Value>((v) => v !== undefined, 'is required');

/** Genesis section `modules.consortium`. */
export const genesisSchema = z.strictObject({
  orgs: z
    .array(z.strictObject({ id: idSchema, name: nameSchema, roles: orgRolesSchema, admins: adminsSchema, peers: peersSchema.optional() }))
    .min(1)
    .max(CONSORTIUM_LIMITS.maxOrgs),
  members: z
    .array(z.strictObject({ publicKeyHex: publicKeyHexSchema, org: idSchema, roles: memberRolesSchema }))
    .max(CONSORTIUM_LIMITS.maxGenesisMembers)
    .optional(),
  policies: z.partialRecord(z.enum(POLICY_NAMES), z.strictObject({ quorum: quorumSchema })).optional(),
});
/** The genesis section as parsed. */
export type ConsortiumGenesis = z.infer<typeof genesisSchema>;

/** Governance actions, by `type`. */
export const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('add-org'), id: idSchema, name: nameSchema, roles: orgRolesSchema, admins: adminsSchema, peers: peersSchema.optional() }),
  z.strictObject({ type: z.literal('remove-org'), id: idSchema }),
  z.strictObject({ type: z.literal('add-peer'), org: idSchema, id: idSchema, publicKeyHex: publicKeyHexSchema }),
  z.strictObject({ type: z.literal('remove-peer'), id: idSchema }),
  z.strictObject({ type: z.literal('set-policy'), name: z.enum(POLICY_NAMES), quorum: quorumSchema.nullable() }),
  z.strictObject({ type: z.literal('set-param'), module: z.string().regex(MODULE_RE, 'must be a module name'), name: z.string().regex(PARAM_NAME_RE, 'must be 1-128 letters, digits, or . _ : -'), value: anyValueSchema }),
]);
/** A governance action as parsed. */
export type GovernanceAction = z.infer<typeof actionSchema>;

/** Args of `enrol-member`; `org` defaults to the caller's org and must equal it. */
export const enrolMemberArgs = z.strictObject({ publicKeyHex: publicKeyHexSchema, roles: memberRolesSchema, org: idSchema.optional() });
/** Args of `suspend-member`, `reinstate-member` and `revoke-member`. */
export const memberStatusArgs = z.strictObject({ publicKeyHex: publicKeyHexSchema, reason: reasonSchema.optional() });
/** Args of `propose`: `id` defaults to the tx id in hex; `deadline` (block-time ms) to 7 days after the block. */
export const proposeArgs = z.strictObject({ id: idSchema.optional(), action: actionSchema, deadline: z.number().int().min(0).optional() });
/** Args of `approve` and `withdraw`. */
export const proposalRefArgs = z.strictObject({ id: idSchema });
/** Args of `reject`. */
export const rejectArgs = z.strictObject({ id: idSchema, reason: reasonSchema.optional() });

/** Parsed args of `enrol-member`. */
export type EnrolMemberArgs = z.infer<typeof enrolMemberArgs>;
/** Parsed args of the member status commands. */
export type MemberStatusArgs = z.infer<typeof memberStatusArgs>;
/** Parsed args of `propose`. */
export type ProposeArgs = z.infer<typeof proposeArgs>;
/** Parsed args of `approve` / `withdraw`. */
export type ProposalRefArgs = z.infer<typeof proposalRefArgs>;
/** Parsed args of `reject`. */
export type RejectArgs = z.infer<typeof rejectArgs>;

const afterSchema = z.string().max(512).optional();
const limitSchema = z.number().int().min(1).max(CONSORTIUM_LIMITS.maxQueryLimit).optional();

/** Params of each query (null params mean `{}`). */
export const queryParams = {
  orgs: z.strictObject({ includeRemoved: z.boolean().optional() }),
  org: z.strictObject({ id: idSchema }),
  member: z.strictObject({ publicKeyHex: publicKeyHexSchema }),
  members: z.strictObject({ org: idSchema, after: afterSchema, limit: limitSchema }),
  peers: z.strictObject({ org: idSchema.optional() }),
  proposals: z.strictObject({ status: z.enum(['open', 'all']).optional(), at: z.number().int().min(0).optional(), after: afterSchema, limit: limitSchema }),
  proposal: z.strictObject({ id: idSchema }),
  policies: z.strictObject({}),
  param: z.strictObject({ module: z.string().regex(MODULE_RE, 'must be a module name'), name: z.string().regex(PARAM_NAME_RE, 'must be a parameter name') }),
} as const;
