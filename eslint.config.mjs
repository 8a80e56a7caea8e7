// ESLint 9 flat config. Typed linting for all TypeScript (src, test, bench, scripts), plus
// the layer boundaries of docs/ARCHITECTURE.md enforced with no-restricted-imports.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'fs/promises', 'path', 'child_process', 'os', 'crypto', 'http', 'https', 'net', 'util', 'url', 'stream', 'zlib', 'worker_threads'];

/** `no-restricted-imports` options for a layer. */
function restrict({ paths = [], patterns = [] }) {
  return ['error', { paths, patterns }];
}

const vscodeBan = { name: 'vscode', message: 'Only src/extension may import vscode (see docs/ARCHITECTURE.md).' };
const nodeBan = { group: ['node:*'], message: 'This layer is pure: no Node built-ins. Inject I/O through the host.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'webview-ui/dist/**', 'out/**', '.test-artifacts/**', 'src/engine/openapi/generated/**'] },

  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's describe/it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }] },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The code base writes `array[i]!` defensively; without `noUncheckedIndexedAccess` in
      // tsconfig this rule calls every such `!` unnecessary. Re-enable together with that flag.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },

  // Scripts run directly by Node: untyped linting, Node globals.
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', performance: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // No console in product code: the extension and server log through an injected Logger.
  { files: ['src/**/*.ts'], rules: { 'no-console': 'error' } },
  { files: ['src/cli/**/*.ts'], rules: { 'no-console': 'off' } },

  // Layer boundaries.
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [vscodeBan, ...NODE_BUILTINS.map((name) => ({ name, message: 'The engine is pure: no Node built-ins. Inject I/O through the AnalyzerHost.' }))],
        patterns: [
          nodeBan,
          { group: ['@aws-sdk/*'], message: 'The engine never calls AWS; gateways live in src/aws.' },
          // `../cli`, `../../server/x`, ...: climbing out of src/engine into another layer.
          { regex: '^(\\.\\./)+(cli|server|extension|aws)(/|$)', message: 'The engine must not import other layers.' },
        ],
      }),
    },
  },
  { files: ['src/aws/**/*.ts', 'src/views/**/*.ts', 'src/server/**/*.ts', 'src/cli/**/*.ts'], rules: { 'no-restricted-imports': restrict({ paths: [vscodeBan] }) } },
  {
    // Browser bundles: DOM only; the archived webview toolkit only through its one wrapper module.
    files: ['webview-ui/**/*.ts'],
    ignores: ['webview-ui/diagram/toolkit.ts'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [vscodeBan, ...NODE_BUILTINS.map((name) => ({ name, message: 'Webview bundles run in a browser: no Node built-ins.' }))],
        patterns: [nodeBan, { group: ['@vscode/webview-ui-toolkit', '@vscode/webview-ui-toolkit/*'], message: 'Use webview-ui/diagram/toolkit.ts so the archived toolkit can be swapped.' }],
      }),
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [vscodeBan, ...NODE_BUILTINS.map((name) => ({ name, message: 'src/shared is loaded by every bundle: no Node built-ins.' }))],
        patterns: [nodeBan],
      }),
    },
  },
);
