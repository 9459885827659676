const { TestEnvironment } = require('jest-environment-node');

/**
 * Node, as for every project, and one thing more for the browser suites: the running test's failure
 * is visible to its afterEach hooks (`globalThis.__currentTestFailed`), so `BrowserPages.closeAll`
 * can keep a screenshot and say what each page showed when a test failed, in the run's own output.
 */
class E2eEnvironment extends TestEnvironment {
  handleTestEvent(event) {
    if (event.name === 'test_start') this.global.__currentTestFailed = false;
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure') this.global.__currentTestFailed = true;
  }
}

module.exports = E2eEnvironment;
