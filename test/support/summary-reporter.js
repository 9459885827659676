const { readFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '../..');

/**
 * Ends the run with a plain "N passed, N failed, N skipped" line that any CI can read. Under CI
 * (REQUIRE_INFRA=1) it also fails the run when a test was skipped that test/skip-allowlist.json does
 * not name: a suite either runs or is documented as not running there, never skipped in silence.
 */
class SummaryReporter {
  constructor() {
    this.skipped = [];
    this.error = undefined;
  }

  onTestResult(_test, result) {
    for (const test of result.testResults) {
      if (test.status === 'pending' || test.status === 'skipped' || test.status === 'todo') {
        this.skipped.push({
          file: relative(root, result.testFilePath),
          test: [...test.ancestorTitles, test.title].join(' '),
        });
      }
    }
  }

  onRunComplete(_contexts, results) {
    process.stdout.write(
      `\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests + results.numTodoTests} skipped\n`,
    );
    if (process.env.REQUIRE_INFRA !== '1') return;
    const unexpected = unexpectedSkips(this.skipped);
    if (unexpected.length === 0) return;
    const list = unexpected.map((s) => `  ${s.file}: ${s.test}`).join('\n');
    process.stdout.write(
      `\n!! ${unexpected.length} skipped test(s) not on test/skip-allowlist.json; under CI a test runs or is documented as not running:\n${list}\n`,
    );
    this.error = new Error(`${unexpected.length} unexpected skipped test(s)`);
  }

  getLastError() {
    return this.error;
  }
}

/** The skipped tests that the allowlist does not name (by file and full name). */
function unexpectedSkips(
  skipped,
  allowlist = JSON.parse(
    readFileSync(process.env.RUAMJAI_SKIP_ALLOWLIST || join(root, 'test/skip-allowlist.json'), 'utf8'),
  ).allowed,
) {
  return skipped.filter((s) => !allowlist.some((a) => a.file === s.file && a.test === s.test));
}

module.exports = SummaryReporter;
module.exports.unexpectedSkips = unexpectedSkips;
