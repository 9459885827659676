/**
 * The Jest configuration Stryker runs: the project's own, without the global setup (the mutation
 * script starts the servers once and hands their addresses down) and with only the specs of the
 * library under test (MUTATION_SPECS, comma-separated globs relative to the repository).
 */
const base = require('../jest.config.js');

const specs = (process.env.MUTATION_SPECS ?? '').split(',').filter(Boolean);
module.exports = {
  ...base,
  rootDir: require('node:path').join(__dirname, '..'),
  testMatch: specs.length > 0 ? specs.map((s) => `<rootDir>/${s}`) : base.testMatch,
  globalSetup: undefined,
  globalTeardown: undefined,
  reporters: ['default'],
};
