// The module API (docs/architecture.md §Modules): a module declares commands (with allowed roles), queries and events.
// Commands first `check` (read-only), then `apply` writes to a tx-scoped view that is dropped if anything throws.
import type { Value } from './encoding.js';
import type { ValueMap } from './fields.js';

/** Who signed the tx, as the identity module knows them. Unknown keys are `public` with no org. */
export interface Caller {
  readonly publicKey: Uint8Array;
  readonly publicKeyHex: string;
  readonly org: string | null;
  readonly roles: readonly string[];
}

/** Role every key has, registered or not. */
export const ROLE_PUBLIC = 'public';
/** Pseudo-role in a command's list: any active registered member, whatever their roles. */
export const ROLE_ANY_MEMBER = 'member';

/** Read access during `check`, and for reads during `apply`. Values are decoded canonical values. */
export interface ReadContext {
  readonly chainId: string;
  readonly height: number;
  /** The block timestamp (ms): the only clock a module has. */
  readonly timestamp: number;
  readonly txId: Uint8Array;
  readonly txIdHex: string;
  readonly caller: Caller;
  /** This module's entry at `key`, seeing earlier writes of this block and this tx. */
  get(key: string): Value | undefined;
  /** Another module's entry (read-only). */
  read(module: string, key: string): Value | undefined;
}

/** What `apply` may do: read, write this module's keys, emit events. */
export interface CommandContext extends ReadContext {
  set(key: string, value: Value): void;
  delete(key: string): void;
  emit(type: string, attrs: ValueMap): void;
}

/** A command: who may call it, how its arguments are validated, what it checks and does. */
export interface CommandDef<A> {
  /** Roles allowed to call it: ROLE_PUBLIC for anyone, ROLE_ANY_MEMBER for any active member, or role names. */
  readonly roles: readonly string[];
  /** Validates and types the args; throws GongxinError (e.g. TX_INVALID_ARGS) on bad input. */
  parse(args: Value): A;
  /** Read-only preconditions; throws GongxinError to reject. */
  check?(ctx: ReadContext, args: A): void;
  /** The state transition; throws GongxinError to reject (all writes of the tx are dropped). */
  apply(ctx: CommandContext, args: A): void;
}

/** Read access for queries: committed state of this module, other modules, and ordered scans. */
export interface QueryContext {
  readonly height: number;
  get(key: string): Value | undefined;
  read(module: string, key: string): Value | undefined;
  /** Entries whose key starts with `prefix`, in key order, after `after` (exclusive), at most `limit`. */
  scan(prefix: string, opts?: { after?: string; limit?: number }): Array<readonly [string, Value]>;
}

/** A query: validated params in, a canonical value out. */
export interface QueryDef<P> {
  parse(params: Value): P;
  run(ctx: QueryContext, params: P): Value;
}

/** Writes at genesis: a module seeds its own keys from its part of the genesis document. */
export interface GenesisContext {
  readonly chainId: string;
  readonly timestamp: number;
  get(key: string): Value | undefined;
  read(module: string, key: string): Value | undefined;
  set(key: string, value: Value): void;
}

/** A ledger module: a scenario, or identity & governance. */
export interface LedgerModule {
  /** On-chain name, a string literal (never derived from a class name). */
  readonly name: string;
  readonly commands: Readonly<Record<string, CommandDef<never>>>;
  readonly queries: Readonly<Record<string, QueryDef<never>>>;
  /** Event types this module emits. */
  readonly events: readonly string[];
  /** Seeds state from genesis.modules[name] (may be undefined when the genesis has no section). */
  initGenesis?(ctx: GenesisContext, config: Value | undefined): void;
}

/** Resolves the caller of a tx from state; throws GongxinError (e.g. a revoked key) to reject the tx. */
export type CallerResolver = (read: (module: string, key: string) => Value | undefined, publicKey: Uint8Array) => Caller;
