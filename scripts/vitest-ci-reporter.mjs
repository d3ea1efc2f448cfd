// Vitest's JSON report plus what it leaves out: errors raised outside any test (an unhandled
// rejection, an error thrown after a test ended) and why the run ended. scripts/ci-summary.mjs
// counts both as failures. Written where `--outputFile.json` says, like the built-in reporter.
import { JsonReporter } from 'vitest/reporters';

export default class CiJsonReporter extends JsonReporter {
  constructor(options = {}) {
    super(options);
  }

  async onTestRunEnd(testModules, unhandledErrors, reason) {
    this.runEnd = {
      reason,
      unhandledErrors: unhandledErrors.map((error) => ({ name: error.name, message: error.message })),
    };
    await super.onTestRunEnd(testModules, unhandledErrors, reason);
  }

  async writeReport(report) {
    await super.writeReport(JSON.stringify({ ...JSON.parse(report), ...this.runEnd }));
  }
}
