// Prints the closing line CI reads — "total: N passed, N failed, N skipped" — from the JSON
// reports of Vitest and Playwright written during the run, and exits non-zero when anything
// went wrong. A failure that belongs to no single test (a file that does not load, a hook that
// throws, a server that did not start, a missing report, a run in which no test ran) is printed
// on its own line and counted as one failure, so the total never reads green when it is not.
import { existsSync, readFileSync } from 'node:fs';

const firstLine = (text) => String(text ?? '').split('\n')[0];

/**
 * Vitest's JSON report (from scripts/vitest-ci-reporter.mjs, which adds the errors raised outside
 * any test): test counts, and per file its status and first file-level error.
 */
function vitest(report, problem) {
  const counts = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
  for (const file of report.testResults ?? []) {
    const testFailed = file.assertionResults.some((test) => test.status === 'failed');
    // A failed file without a failed test: it did not load, or a hook or suite around the tests threw.
    if (file.status === 'failed' && !testFailed) {
      problem(`${file.name}: ${firstLine(file.message) || 'a hook or suite failed outside any test'}`);
    }
  }
  for (const error of report.unhandledErrors ?? []) {
    problem(`unhandled error: ${error.name}: ${firstLine(error.message)}`);
  }
  if (report.reason === 'interrupted') problem('the run was interrupted');
  if (report.numTotalTests === 0) problem('no test ran');
  return counts;
}

/** Playwright's JSON reporter: stats, and errors outside any test (the web server, a spec that does not load). */
function playwright(report, problem) {
  const { expected, unexpected, flaky, skipped } = report.stats;
  for (const error of report.errors ?? []) problem(firstLine(error.message ?? error));
  if (expected + unexpected + flaky === 0) problem('no test ran');
  return { passed: expected + flaky, failed: unexpected, skipped };
}

const total = { passed: 0, failed: 0, skipped: 0 };
for (const file of process.argv.slice(2)) {
  const problem = (message) => {
    console.log(`${file}: ${message}`);
    total.failed++;
  };
  if (!existsSync(file)) {
    problem('missing report');
    continue;
  }
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problem(`unreadable report (${firstLine(error.message)})`);
    continue;
  }
  const counts =
    'numTotalTests' in report
      ? vitest(report, problem)
      : report.stats
        ? playwright(report, problem)
        : (problem('not a Vitest or Playwright report'), { passed: 0, failed: 0, skipped: 0 });
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
console.log(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
