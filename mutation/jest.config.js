/**
 * The Jest configuration Stryker runs: the project's own, without the global setup (the mutation
 * script starts the servers once and hands their addresses down) and with only the specs of the
 * library under test (MUTATION_SPECS, comma-separated globs relative to the repository).
 *
 * The global setup sits on the project's Jest projects, not at the top, so it is taken off each of
 * them: left there, every mutant's run started its own PostgreSQL and Kafka broker.
 */
const base = require('../jest.config.js');

const specs = (process.env.MUTATION_SPECS ?? '').split(',').filter(Boolean);
/** Which of the project's Jest projects a spec glob belongs to, by its name's ending. */
const projectOf = (glob) =>
  glob.endsWith('.e2e-spec.ts') ? 'e2e' : glob.endsWith('.int-spec.ts') ? 'integration' : 'unit';
const projects = base.projects
  .map((project) => ({
    ...project,
    globalSetup: undefined,
    globalTeardown: undefined,
    testMatch:
      specs.length > 0
        ? specs.filter((s) => projectOf(s) === project.displayName).map((s) => `<rootDir>/${s}`)
        : project.testMatch,
  }))
  .filter((project) => project.testMatch.length > 0);

module.exports = {
  ...base,
  rootDir: require('node:path').join(__dirname, '..'),
  projects,
  reporters: ['default'],
};
