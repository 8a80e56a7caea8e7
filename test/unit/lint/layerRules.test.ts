// The layer table of docs/ARCHITECTURE.md is the source of truth: every "must not import" named
// there must be a lint error. This test reads the table, plants each forbidden import in a probe
// file of the layer's folder (at its top and two folders down, since relative specifiers grow with
// depth), lints it with the repository's own eslint.config.mjs and expects the layer rule to fire;
// allowed directions are linted as controls and must pass.
//
// Speed: the probes are linted with `lintText` + `filePath` (the file need not exist) and only the
// layer rule, with type information off (the layer rule is syntactic; the typed rules would build a
// whole TypeScript program per run). One test lints a real scratch file with the unmodified
// configuration, as `npx eslint` does, to show the same rule fires there.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..', '..');
const RULE = '@typescript-eslint/no-restricted-imports';

const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => ruleId === RULE,
});

interface LayerRow {
  /** Folder relative to the repository root, e.g. `src/views` or `webview-ui`. */
  readonly folder: string;
  /** The backticked names of the "must not import" cell. */
  readonly forbidden: readonly string[];
}

/** The rows of the "Layers" table: `| \`src/x\` | holds | may import | must not import |`. */
function layerTable(): LayerRow[] {
  const doc = readFileSync(join(root, 'docs', 'ARCHITECTURE.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Layers'), doc.indexOf('\n## ', doc.indexOf('## Layers') + 1));
  const rows: LayerRow[] = [];
  for (const line of section.split('\n')) {
    const cells = line.split(' | ');
    const folder = /^\| `([^`]+)`$/.exec(cells[0] ?? '')?.[1];
    if (folder === undefined || cells.length !== 4) continue;
    const forbidden = [...cells[3]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    rows.push({ folder: folder.replace(/\/$/, ''), forbidden });
  }
  return rows;
}

/** How to plant one forbidden name, and what the lint message must mention. */
function probesFor(name: string, upToRoot: string): { specifier: string; mentions: string }[] {
  if (name === 'vscode') return [{ specifier: 'vscode', mentions: 'vscode' }];
  if (name === 'node:*') return [{ specifier: 'node:fs', mentions: 'Node built-ins' }, { specifier: 'path', mentions: 'Node built-ins' }];
  if (name === '@aws-sdk/*') return [{ specifier: '@aws-sdk/client-sts', mentions: 'AWS' }];
  if (name === '@vscode/webview-ui-toolkit') return [{ specifier: '@vscode/webview-ui-toolkit', mentions: 'toolkit' }];
  if (name === 'webview-ui') return [{ specifier: `${upToRoot}webview-ui/diagram/model`, mentions: 'webview-ui' }];
  if (/^src\/[a-z]+$/.test(name)) return [{ specifier: `${upToRoot}${name}/probeTarget`, mentions: name }];
  throw new Error(`docs/ARCHITECTURE.md names "${name}" as forbidden, but this test does not know how to plant it: teach probesFor.`);
}

async function lintImport(file: string, source: string): Promise<ESLint.LintResult['messages']> {
  const [result] = await eslint.lintText(source, { filePath: join(root, file) });
  return result!.messages;
}

/** A probe file `depth` folders below `folder`, and the `../` chain from it to the repository root. */
function probeFile(folder: string, depth: number): { file: string; upToRoot: string } {
  const below = ['probeA', 'probeB'].slice(0, depth);
  const file = [folder, ...below, '__layerProbe.ts'].join('/');
  const levels = file.split('/').length - 1;
  return { file, upToRoot: '../'.repeat(levels) };
}

/** `../../src/views/x` seen from the repository root is `../../views/x` seen from inside src. */
function relativeSpecifier(specifier: string, file: string): string {
  if (!specifier.startsWith('../') || !file.startsWith('src/')) return specifier;
  return specifier.replace(/^((\.\.\/)*)\.\.\/src\//, '$1');
}

const rows = layerTable();

describe('layer rules: every "must not import" of docs/ARCHITECTURE.md is a lint error', () => {
  it('reads a row for every layer folder', () => {
    assert.deepEqual(
      rows.map((row) => row.folder).sort(),
      ['src/aws', 'src/cli', 'src/engine', 'src/extension', 'src/node', 'src/operations', 'src/server', 'src/shared', 'src/views', 'webview-ui'],
    );
    for (const row of rows) assert.ok(row.forbidden.length > 0, `${row.folder} forbids nothing`);
  });

  for (const row of rows) {
    for (const name of row.forbidden) {
      it(`${row.folder} must not import ${name}`, async () => {
        for (const depth of [0, 2]) {
          const { file, upToRoot } = probeFile(row.folder, depth);
          for (const probe of probesFor(name, upToRoot)) {
            const specifier = relativeSpecifier(probe.specifier, file);
            const messages = await lintImport(file, `import { probe } from '${specifier}';\nexport const used = probe;\n`);
            const hit = messages.find((message) => message.ruleId === RULE);
            assert.ok(hit, `${file}: import from '${specifier}' was accepted; lint said ${JSON.stringify(messages)}`);
            assert.equal(hit.severity, 2);
            assert.match(hit.message, new RegExp(probe.mentions.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')), `${file}: '${specifier}'`);
          }
        }
      });
    }
  }
});

describe('layer rules: allowed directions pass', () => {
  const allowed: { file: string; source: string }[] = [
    { file: 'src/engine/cfn/__layerProbe.ts', source: "import { x } from '../rules/registry';\nimport { load } from 'js-yaml';\nexport const y = [x, load];" },
    { file: 'src/shared/webview/__layerProbe.ts', source: "import type { GraphNode } from '../../engine/graph/graphTypes';\nexport type N = GraphNode;" },
    { file: 'src/node/__layerProbe.ts', source: "import { readFileSync } from 'node:fs';\nimport type { JournalStore } from '../operations/journal';\nexport type S = JournalStore;\nexport const r = readFileSync;" },
    { file: 'src/aws/services/__layerProbe.ts', source: "import { STSClient } from '@aws-sdk/client-sts';\nimport { AwsError } from '../errors';\nexport const c = [STSClient, AwsError];" },
    { file: 'src/operations/__layerProbe.ts', source: "import { AwsError } from '../aws/errors';\nimport { x } from '../engine/findings';\nexport const c = [AwsError, x];" },
    { file: 'src/views/stacks/__layerProbe.ts', source: "import { AwsError } from '../../aws/errors';\nimport { run } from '../../operations/executor';\nexport const c = [AwsError, run];" },
    { file: 'src/cli/__layerProbe.ts', source: "import { loadCatalog } from '../node/catalogLoader';\nimport { x } from '../shared/protocol';\nexport const c = [loadCatalog, x];" },
    { file: 'src/server/__layerProbe.ts', source: "import { createConnection } from 'vscode-languageserver/node';\nimport { x } from '../node/catalogLoader';\nexport const c = [createConnection, x];" },
    { file: 'src/extension/webview/__layerProbe.ts', source: "import * as vscode from 'vscode';\nimport { x } from '../../views/viewNode';\nimport { y } from '../../shared/webview/diagramProtocol';\nexport const c = [vscode, x, y];" },
    { file: 'webview-ui/diagram/__layerProbe.ts', source: "import type { GraphNode } from '../../src/engine/graph/graphTypes';\nimport { x } from '../../src/shared/webview/diagramProtocol';\nexport type N = GraphNode;\nexport const c = x;" },
    { file: 'webview-ui/diagram/toolkit.ts', source: "import { provideVSCodeDesignSystem } from '@vscode/webview-ui-toolkit';\nexport const c = provideVSCodeDesignSystem;" },
  ];
  for (const { file, source } of allowed) {
    it(file, async () => {
      assert.deepEqual(await lintImport(file, source), []);
    });
  }
});

describe('layer rules: the unmodified configuration, as `npx eslint` runs it', () => {
  it('rejects src/views importing src/extension in a real file', async () => {
    const probe = join(root, 'src', 'views', '__layerProbe.ts');
    writeFileSync(probe, "import { activate } from '../extension/extension';\nexport const used = activate;\n");
    try {
      const [result] = await new ESLint({ cwd: root }).lintFiles([probe]);
      const hit = result!.messages.find((message) => message.ruleId === RULE);
      assert.ok(hit, JSON.stringify(result!.messages));
      assert.match(hit.message, /src\/views must not import src\/extension/);
    } finally {
      rmSync(probe, { force: true });
    }
  });
});
