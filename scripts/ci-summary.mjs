// Prints the closing line CI reads — "total: N passed, N failed" — from the JSON reports of
// Vitest and Playwright written during the run.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.log(`${file}: missing report`);
    failed++;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if ('numPassedTests' in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  } else if (report.stats) {
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
    // Errors outside any test (a server that did not start) fail the run too.
    for (const error of report.errors ?? []) {
      console.log(`${file}: ${String(error.message ?? error).split('\n')[0]}`);
      failed++;
    }
    if (report.stats.expected + report.stats.unexpected + report.stats.flaky === 0) {
      console.log(`${file}: no test ran`);
      failed++;
    }
  }
}
console.log(`total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
