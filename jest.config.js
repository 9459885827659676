/**
 * One Jest run, three projects: `unit` (pure *.spec.ts, no servers), `integration` (*.int-spec.ts,
 * real stores, Kafka and PostgreSQL) and `e2e` (*.e2e-spec.ts, HTTP end to end). The servers are
 * started by the integration and e2e projects' global setup, which Jest runs only when the run
 * selects a test of that project: `npx jest path/to/one.spec.ts` starts nothing.
 */
const esmPackages = [
  '@nestjs',
  'file-type',
  'jose',
  'openid-client',
  'oauth4webapi',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  'load-esm',
  'uuid',
  'content-disposition',
];
const paths = require('./tsconfig.json').compilerOptions.paths;

/** What every project shares: TypeScript through SWC, the path aliases, Node as the environment. */
const shared = {
  rootDir: __dirname,
  // Only the sources are crawled for tests and modules, not node_modules, dist or the data folders.
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testEnvironment: 'node',
  // Stryker's sandboxes (a copy of the repository each) are not part of the run.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/.stryker-tmp'],
  // ESM-only packages (NestJS 12 among them) are compiled to CommonJS for Jest, wherever they nest.
  transformIgnorePatterns: [`/node_modules/(?!(?:.*/node_modules/)?(?:${esmPackages.join('|')})/)`],
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: Object.fromEntries(
    Object.entries(paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
  ),
};

/** The servers, for the projects that need them (started once per run however many projects ask). */
const servers = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'] },
    { ...shared, ...servers, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'] },
    {
      ...shared,
      ...servers,
      displayName: 'e2e',
      testEnvironment: '<rootDir>/test/support/e2e-environment.js',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.e2e-spec.ts'],
    },
  ],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  // A guard against hangs, not a measure of speed: suites with real servers share 2 cores with the image build.
  testTimeout: 120000,
  maxWorkers: 2,
};
