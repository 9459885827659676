/** The import rules of shared/STYLE.md, checked on every test run. */

/** The folders of aggregates (one folder per use case inside) and of pure rules shared by a library. */
const AGGREGATES = '(plan|agency|case|referral|commitment|user|access|dashboard)';
/** Files in those folders that are wiring or tests, not decisions. */
const NOT_PURE = '(\\.handlers?|\\.commands\\.handler|\\.module|\\.spec|\\.int-spec|\\.e2e-spec|\\.fixtures)\\.ts$';
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ imports only the kernel and its own domain: no framework, driver or validator',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/domain/' },
      to: { pathNot: ['^libs/kernel/src/', '^libs/$1/src/domain/'] },
    },
    {
      name: 'decisions-are-pure',
      comment:
        "an aggregate's decisions (its commands, decide functions, state, events, errors, guards; need-to-know and dashboard rules) import only the kernel and other pure files of their library: no framework, driver, validator, handler or projection",
      severity: 'error',
      from: {
        path: `^libs/([^/]+)/src/${AGGREGATES}/`,
        pathNot: NOT_PURE,
      },
      to: {
        pathNot: [
          '^libs/kernel/src/',
          `^libs/$1/src/${AGGREGATES}/(?!.*${NOT_PURE})`,
          '^libs/$1/src/command\\.ts$',
          // Reference data without imports (provinces, event type names), which the console reads too.
          '^libs/$1/src/domain/',
        ],
      },
    },
    {
      name: 'use-case-stands-alone',
      comment:
        'a use-case folder (libs/<lib>/src/<aggregate>/<use-case>/) imports no other use-case folder: what they share lives beside the decider',
      severity: 'error',
      from: { path: `^libs/[^/]+/src/${AGGREGATES}/([^/]+)/` },
      to: { path: `^libs/[^/]+/src/${AGGREGATES}/[^/]+/`, pathNot: '^libs/[^/]+/src/$1/$2/' },
    },
    {
      name: 'readers-import-no-writer',
      comment:
        "a projection's writer (*-projections.ts) is imported only by its library's index and module: queries, handlers and other projections read its tables, its row mapping and its names from their own files",
      severity: 'error',
      from: { path: '^libs/', pathNot: ['/index\\.ts$', '\\.module\\.ts$', '\\.(spec|int-spec|e2e-spec)\\.ts$'] },
      to: { path: '^libs/[^/]+/src/projections/[^/]+-projections\\.ts$' },
    },
    {
      name: 'kernel-imports-nothing',
      comment: 'the kernel imports nothing but Immutable.js (a pure data structure) and node:crypto-free code',
      severity: 'error',
      from: { path: '^libs/kernel/src/' },
      to: { pathNot: ['^libs/kernel/src/', '^node_modules/immutable/'] },
    },
    {
      name: 'apps-use-lib-index',
      comment: 'apps reach a lib only through its public index.ts',
      severity: 'error',
      from: { path: '^apps/', pathNot: '^apps/console/' },
      to: { path: '^libs/[^/]+/src/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'console-reads-only-pure-reference-data',
      comment:
        'the browser console imports no lib (they pull in Node and the server), except the reference data the API checks against, a module with no imports, so that it keeps no copy of it',
      severity: 'error',
      from: { path: '^apps/console/' },
      to: {
        path: '^libs/',
        pathNot: [
          '^libs/planning/src/domain/(provinces|plan-event-types)\\.ts$',
          '^libs/kernel/src/(provinces|actor)\\.ts$',
        ],
      },
    },
    {
      name: 'privacy-knows-no-context',
      comment:
        'the key store and vault serve every context and import none (@ruamjai/privacy stays below @ruamjai/cases)',
      severity: 'error',
      from: { path: '^libs/privacy/src/' },
      to: { path: '^libs/(cases|planning|messaging|platform)/' },
    },
    {
      name: 'keys-only-through-the-vault',
      comment:
        'no context reads the key store or node:crypto ciphers directly: personal data is sealed and opened by @ruamjai/privacy',
      severity: 'error',
      from: { path: '^libs/cases/src/' },
      to: { path: '^libs/privacy/src/key-store\\.ts$' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'fixtures-are-for-specs',
      comment: 'a *.fixtures.ts file holds test data: only specs import it',
      severity: 'error',
      from: { pathNot: '\\.(spec|int-spec|e2e-spec|fixtures)\\.ts$' },
      to: { path: '\\.fixtures\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$|\\.int-spec\\.ts$|\\.e2e-spec\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
};
