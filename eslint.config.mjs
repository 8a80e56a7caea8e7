// ESLint 9 flat config. Typed linting for all TypeScript (src, test, bench, scripts), plus
// the layer boundaries of docs/ARCHITECTURE.md enforced with no-restricted-imports.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'fs/promises', 'path', 'child_process', 'os', 'crypto', 'http', 'https', 'net', 'util', 'url', 'stream', 'zlib', 'worker_threads'];

const vscodeBan = { name: 'vscode', message: 'Only src/extension may import vscode (see docs/ARCHITECTURE.md).' };

/**
 * Layer boundaries (docs/ARCHITECTURE.md, "Layers"): every "must not import" of the layer table is
 * one entry here, and test/unit/lint/layerRules.test.ts plants each forbidden import and expects
 * this message. One `@typescript-eslint/no-restricted-imports` rule per folder (it is the base rule
 * plus `allowTypeImports`, for the layers that may use engine *types* only). Flat config replaces a
 * rule's options wholesale when two blocks match a file, so each folder gets exactly one block.
 *
 * Relative specifiers are matched, not resolved: `^(\.\./)+views(/|$)` catches `../views/x` from
 * `src/engine/a.ts` and `../../../views/x` from `src/engine/rules/cfn/a.ts` alike. The price: a
 * subfolder may not be named like a layer it must not import (none is).
 */
const LAYER_BANS = {
  'src/engine': {
    builtins: 'src/engine is pure: no Node built-ins. Inject I/O through the AnalyzerHost.',
    packages: { '@aws-sdk': 'src/engine never calls AWS; gateways live in src/aws.' },
    layers: ['shared', 'node', 'aws', 'operations', 'views', 'cli', 'server', 'extension'],
  },
  'src/shared': {
    builtins: 'src/shared is loaded by every bundle: no Node built-ins.',
    packages: { '@aws-sdk': 'src/shared holds contracts only; AWS calls live in src/aws.' },
    layers: ['node', 'aws', 'operations', 'views', 'cli', 'server', 'extension'],
    typeOnly: ['engine'],
  },
  'src/node': {
    layers: ['aws', 'views', 'cli', 'server', 'extension'],
  },
  'src/aws': {
    layers: ['operations', 'views', 'cli', 'server', 'extension'],
  },
  'src/operations': {
    builtins: 'src/operations is host-neutral: no Node built-ins. File I/O (the journal store) lives in src/node.',
    packages: { '@aws-sdk': 'src/operations reaches AWS only through the gateways of src/aws.' },
    layers: ['node', 'views', 'cli', 'server', 'extension'],
  },
  'src/views': {
    packages: { '@aws-sdk': 'src/views reaches AWS only through the gateways of src/aws (AwsServices).' },
    layers: ['cli', 'server', 'extension'],
  },
  'src/cli': {
    layers: ['views', 'server', 'extension'],
  },
  'src/server': {
    packages: { '@aws-sdk': 'The language server never calls AWS.' },
    layers: ['aws', 'operations', 'views', 'cli', 'extension'],
  },
};

const NODE_BUILTIN_PATTERN = ['node:*'];

/** The `no-restricted-imports` options for one folder of LAYER_BANS. */
function layerRule(folder, { builtins, packages = {}, layers = [], typeOnly = [] }) {
  const paths = [vscodeBan];
  const patterns = [];
  if (builtins) {
    paths.push(...NODE_BUILTINS.map((name) => ({ name, message: builtins })));
    patterns.push({ group: NODE_BUILTIN_PATTERN, message: builtins });
  }
  for (const [scope, message] of Object.entries(packages)) patterns.push({ group: [`${scope}/*`], message });
  for (const layer of layers) {
    patterns.push({ regex: `^(\\.\\./)+${layer}(/|$)`, message: `${folder} must not import src/${layer} (layers point one way: see docs/ARCHITECTURE.md).` });
  }
  for (const layer of typeOnly) {
    patterns.push({ regex: `^(\\.\\./)+${layer}(/|$)`, allowTypeImports: true, message: `${folder} may import only types from src/${layer} (use \`import type\`).` });
  }
  return ['error', { paths, patterns }];
}

const layerBlocks = Object.entries(LAYER_BANS).map(([folder, bans]) => ({
  files: [`${folder}/**/*.ts`],
  rules: { '@typescript-eslint/no-restricted-imports': layerRule(folder, bans) },
}));

/** Browser bundles: DOM only; from src only the webview contracts and engine types. */
function webviewRule({ allowToolkit }) {
  const builtins = 'Webview bundles run in a browser: no Node built-ins.';
  const patterns = [
    { group: NODE_BUILTIN_PATTERN, message: builtins },
    ...['node', 'aws', 'operations', 'views', 'cli', 'server', 'extension'].map((layer) => ({
      regex: `^(\\.\\./)+src/${layer}(/|$)`,
      message: `webview-ui must not import src/${layer}: from src, only src/shared/webview and engine types (see docs/ARCHITECTURE.md).`,
    })),
    { regex: '^(\\.\\./)+src/shared/(?!webview(/|$))', message: 'webview-ui must not import src/shared outside src/shared/webview.' },
    { regex: '^(\\.\\./)+src/engine(/|$)', allowTypeImports: true, message: 'webview-ui may import only types from src/engine (use `import type`).' },
    { group: ['@aws-sdk/*'], message: 'Webview bundles never call AWS; the extension host does.' },
  ];
  if (!allowToolkit) {
    patterns.push({ group: ['@vscode/webview-ui-toolkit', '@vscode/webview-ui-toolkit/*'], message: 'Use the toolkit wrapper module (webview-ui/**/toolkit.ts) so the archived toolkit can be swapped.' });
  }
  return ['error', { paths: [vscodeBan, ...NODE_BUILTINS.map((name) => ({ name, message: builtins }))], patterns }];
}

export default tseslint.config(
  // test/fixtures and demo/ hold sample user projects (CDK apps with their own tsconfig and
  // aws-cdk-lib types), not our code: type-checking them would load a whole CDK program each.
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'webview-ui/dist/**', 'out/**', '.test-artifacts/**', 'src/engine/openapi/generated/**', 'test/fixtures/**', 'demo/**'] },

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

  // Layer boundaries (LAYER_BANS above).
  ...layerBlocks,
  {
    files: ['src/extension/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+webview-ui(/|$)', message: 'src/extension must not import webview-ui internals: share types through src/shared/webview.' }] },
      ],
    },
  },
  // The archived toolkit only through its wrapper module(s), so it can be swapped in one place.
  { files: ['webview-ui/**/*.ts'], ignores: ['webview-ui/**/toolkit.ts'], rules: { '@typescript-eslint/no-restricted-imports': webviewRule({ allowToolkit: false }) } },
  { files: ['webview-ui/**/toolkit.ts'], rules: { '@typescript-eslint/no-restricted-imports': webviewRule({ allowToolkit: true }) } },
);
