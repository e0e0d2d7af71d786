// Quorum arithmetic: one vote per org; majority, all, and min capped at the number of active orgs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { requiredApprovals } from './quorum.js';

test('requiredApprovals table', () => {
  const rows: Array<[Parameters<typeof requiredApprovals>[0], number, number]> = [
    ['majority', 1, 1],
    ['majority', 2, 2],
    ['majority', 3, 2],
    ['majority', 4, 3],
    ['majority', 5, 3],
    ['all', 1, 1],
    ['all', 7, 7],
    [{ min: 2 }, 5, 2],
    [{ min: 9 }, 5, 5],
    ['majority', 0, 1],
  ];
  for (const [q, n, want] of rows) assert.equal(requiredApprovals(q, n), want, `${JSON.stringify(q)} of ${n}`);
});

test('a majority is always more than half and never more than all', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 256 }), (n) => {
      const m = requiredApprovals('majority', n);
      return 2 * m > n && m <= n && 2 * (m - 1) <= n;
    }),
  );
});
