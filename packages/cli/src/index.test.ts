// API snapshot (STYLE.md §5): the names @gongxin/cli exports. A change here is an API change: update docs/cli.md.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as api from './index.js';

test('@gongxin/cli exports exactly these names', () => {
  assert.deepEqual(Object.keys(api).sort(), [
    'ARCHIVE_MAGIC',
    'ARCHIVE_VERSION',
    'CLI_ERRORS',
    'CLI_VERSION',
    'PROOF_KINDS',
    'batchSizes',
    'blocksSource',
    'callFactory',
    'createArchiveWriter',
    'createCommitTracker',
    'createMemoryLedger',
    'createProgram',
    'defaultRuntime',
    'dueBy',
    'eventsSource',
    'exitCodeFor',
    'exportChain',
    'formatError',
    'handlerFor',
    'notaryAnchorFactory',
    'openArchive',
    'pacingIntervalMs',
    'parseJsonValue',
    'parseProofFile',
    'percentile',
    'processContext',
    'proofFileJson',
    'replayArchive',
    'replayBlocks',
    'runCli',
    'runLoad',
    'suiteFor',
    'summarizeLatencies',
    'verifyChain',
  ]);
});
