// A small module for executor tests: public puts, a command that writes then fails, one that crashes (a bug),
// and one only a role may call. Not part of any chain.
import { GongxinError, ROLE_PUBLIC, bytesToHex, expectInt, expectMap, expectString, type Caller, type CallerResolver, type LedgerModule } from '@gongxin/core';

const parsePut = (v: Parameters<LedgerModule['commands'][string]['parse']>[0]): { key: string; value: number } => {
  const m = expectMap(v, 'args', 'TX_INVALID_ARGS', ['key', 'value']);
  return { key: expectString(m.key, 'args.key', 'TX_INVALID_ARGS', 64, 1), value: expectInt(m.value, 'args.value', 'TX_INVALID_ARGS') };
};

/** The `kv` test module. */
export const kvModule: LedgerModule = {
  name: 'kv',
  events: ['put'],
  commands: {
    put: {
      roles: [ROLE_PUBLIC],
      parse: parsePut as never,
      apply(ctx, a: { key: string; value: number }) {
        ctx.set(`v/${a.key}`, a.value);
        ctx.emit('put', { key: a.key, by: ctx.caller.publicKeyHex });
      },
    },
    'put-then-fail': {
      roles: [ROLE_PUBLIC],
      parse: parsePut as never,
      apply(ctx, a: { key: string; value: number }) {
        ctx.set(`v/${a.key}`, a.value);
        ctx.emit('put', { key: a.key });
        throw new GongxinError('KV_REFUSED', 'refused after writing');
      },
    },
    'add': {
      roles: [ROLE_PUBLIC],
      parse: parsePut as never,
      check(ctx, a: { key: string; value: number }) {
        if (ctx.get(`v/${a.key}`) === undefined) throw new GongxinError('KV_NOT_FOUND', `no key ${a.key}`);
      },
      apply(ctx, a: { key: string; value: number }) {
        ctx.set(`v/${a.key}`, (ctx.get(`v/${a.key}`) as number) + a.value);
      },
    },
    crash: {
      roles: [ROLE_PUBLIC],
      parse: (() => ({})) as never,
      apply() {
        throw new TypeError('a bug');
      },
    },
    'authority-put': {
      roles: ['health-authority'],
      parse: parsePut as never,
      apply(ctx, a: { key: string; value: number }) {
        ctx.set(`v/${a.key}`, a.value);
      },
    },
  },
  queries: {},
};

/** A resolver for tests: keys listed in `members` get those roles; anyone else is public. */
export function staticResolver(members: ReadonlyMap<string, { org: string; roles: readonly string[] }>): CallerResolver {
  return (_read, publicKey): Caller => {
    const hex = bytesToHex(publicKey);
    const m = members.get(hex);
    return { publicKey, publicKeyHex: hex, org: m?.org ?? null, roles: m ? [...m.roles] : [ROLE_PUBLIC] };
  };
}
