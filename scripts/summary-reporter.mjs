// Test reporter that prints one plain closing line, `N passed, N failed`, which CI reads.
export default async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    // Count leaf tests only: a suite's own pass/fail event carries no extra tests.
    if (event.type === 'test:pass' && event.data.details?.type !== 'suite') passed++;
    if (event.type === 'test:fail' && event.data.details?.type !== 'suite') failed++;
  }
  yield `${passed} passed, ${failed} failed\n`;
}
