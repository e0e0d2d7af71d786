// API snapshot (STYLE.md §5): the names @gongxin/store exports. A change here is an API change: review it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as store from './index.js';

test('@gongxin/store exports exactly these names', () => {
  assert.deepEqual(Object.keys(store).sort(), ['MemoryStore', 'SCHEMA_VERSION', 'SqliteStore', 'compareUtf8', 'openSqliteStore', 'prefixUpperBound']);
});
