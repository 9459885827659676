// ESLint: typescript-eslint's type-checked recommendations on every TypeScript file, the rules of
// hooks on the console, and nothing about layout (Prettier owns that: eslint-config-prettier).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      'reports/**',
      'test-output/**',
      'test-results/**',
      'infra/kafka/target/**',
      '.stryker-tmp*/**',
      '.bench/**',
      'coverage/**',
      // Generated from /api/docs-json by openapi-typescript; the test command checks it is current.
      'apps/console/src/api/schema.d.ts',
    ],
  },
  {
    files: ['**/*.{ts,tsx,mts}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['apps/console/vite.config.mts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A leading underscore names what is left out on purpose: `const { hash: _hash, ...rest } = e`.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrors: 'none',
          ignoreRestSiblings: true,
        },
      ],
      // An async method that implements an async port (a store's `ping`, a projection's `apply`)
      // turns a throw into a rejection, which its callers rely on; dropping `async` to please this
      // rule would make such a method throw synchronously instead.
      '@typescript-eslint/require-await': 'off',
      // Passing on what was caught (`catch (e) { return Promise.reject(e) }`) is not inventing a non-Error.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      '@typescript-eslint/only-throw-error': ['error', { allowThrowingUnknown: true }],
      // `let wrote; … callback reads wrote … wrote = x` cannot be a const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['apps/console/src/**/*.tsx', 'apps/console/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Tests read JSON answers (light-my-request's `json()`, Playwright's `evaluate`) whose shape is
    // exactly what they assert: typing every answer first would repeat the DTOs in 60 files and
    // assert nothing more. `any` stays out of the code they test (the rules hold there).
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...nodeGlobals() } },
  },
  {
    files: ['test/fixtures/**/*.js'],
    languageOptions: { globals: { describe: 'readonly', it: 'readonly', expect: 'readonly' } },
  },
  prettier,
);

function nodeGlobals() {
  const names = [
    'process',
    'console',
    'require',
    'module',
    '__dirname',
    '__filename',
    'Buffer',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'URL',
    'URLSearchParams',
    'fetch',
    'structuredClone',
    'AbortController',
  ];
  return Object.fromEntries(names.map((n) => [n, 'readonly']));
}
