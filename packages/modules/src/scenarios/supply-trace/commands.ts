// The commands of the supply-trace module by on-chain name; each lives in commands/ with its rules.
import type { CommandDef } from '@gongxin/core';
import { transfer, split } from './commands/custody.js';
import { attest, recall } from './commands/inspect.js';
import { receiveSerial } from './commands/receive-serial.js';
import { registerBatch } from './commands/register.js';

/** Commands by name: register-batch, attest, transfer, split, recall, receive-serial. */
export const SUPPLY_COMMANDS: Readonly<Record<string, CommandDef<never>>> = {
  'register-batch': registerBatch,
  attest,
  transfer,
  split,
  recall,
  'receive-serial': receiveSerial,
};
