// Schemas of the event stream's messages (docs/api.md GET /v1/events): `block`, `receipt`, `event`.
import { z } from 'zod';
import { SDK_ERROR_CODES, SubmitError } from '../errors.js';
import type { SseMessage } from '../sse-parser.js';
import type { BlockEvent, LedgerStreamEvent, ModuleStreamEvent, ReceiptStreamEvent } from '../types.js';
import { headerSchema } from './header.js';
import { hash32, jsonRecord, uint } from './primitives.js';
import { describeIssues, receiptSchema } from './responses.js';

const blockEventSchema: z.ZodType<BlockEvent, unknown> = z
  .object({ height: uint, headerHash: hash32, header: headerSchema, txCount: uint })
  .transform((b): BlockEvent => ({ kind: 'block', ...b }));

const receiptEventSchema: z.ZodType<ReceiptStreamEvent, unknown> = z
  .object({ height: uint, index: uint, txId: hash32, receipt: receiptSchema })
  .transform((r): ReceiptStreamEvent => ({ kind: 'receipt', ...r }));

const moduleEventSchema: z.ZodType<ModuleStreamEvent, unknown> = z
  .object({ height: uint, txId: hash32, module: z.string(), type: z.string(), attrs: jsonRecord })
  .transform((e): ModuleStreamEvent => ({ kind: 'event', ...e }));

const SCHEMAS: Readonly<Record<string, z.ZodType<LedgerStreamEvent, unknown>>> = {
  block: blockEventSchema,
  receipt: receiptEventSchema,
  event: moduleEventSchema,
};

/**
 * The typed event of one SSE message; undefined for event names this SDK does not know (newer peers).
 * @throws SubmitError SDK_BAD_RESPONSE when a known event's data is not the documented JSON
 * @example parseStreamEvent({ event: 'block', id: '3', data: '{"height":3,…}' }) // { kind: 'block', height: 3, … }
 */
export function parseStreamEvent(msg: SseMessage): LedgerStreamEvent | undefined {
  const schema = Object.hasOwn(SCHEMAS, msg.event) ? SCHEMAS[msg.event] : undefined;
  if (schema === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(msg.data);
  } catch (e) {
    throw new SubmitError(SDK_ERROR_CODES.badResponse, `event "${msg.event}" (id ${msg.id}): data is not JSON`, { cause: e });
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    throw new SubmitError(SDK_ERROR_CODES.badResponse, `event "${msg.event}" (id ${msg.id}): ${describeIssues(r.error)}`, { cause: r.error });
  }
  return r.data;
}
