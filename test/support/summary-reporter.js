/** Ends the run with a plain "N passed, N failed, N skipped" line that any CI can read. */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped\n`);
  }
}
module.exports = SummaryReporter;
