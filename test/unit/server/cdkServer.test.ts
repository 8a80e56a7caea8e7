/**
 * The language server over stdio on a workspace holding a CDK app: the findings of its synthesized
 * stacks are published on the `.ts` sources (never opened), re-published when the assembly changes,
 * and a stale assembly is said on cdk.json.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../../support/lspClient';

const APP = path.resolve(__dirname, '..', '..', 'fixtures', 'cdk-app');

void describe('language server: CDK apps', () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-cdk-lsp-'));
  const app = path.join(workspace, 'infra');
  const uri = (file: string): string => pathToFileURL(path.join(app, file)).href;
  const client = new TestLspClient();
  const codes = (params: PublishDiagnosticsParams): string[] => params.diagnostics.map((diagnostic) => String(diagnostic.code)).sort();

  before(async () => {
    fs.cpSync(APP, app, { recursive: true });
    // The copy is newer than nothing: make the sources older than the assembly.
    const past = new Date(Date.now() - 60_000);
    for (const file of ['lib/dataStack.ts', 'lib/edgeStack.ts', 'lib/apiStack.ts', 'bin/app.ts', 'cdk.json']) fs.utimesSync(path.join(app, file), past, past);
    await client.initializeWorkspace(pathToFileURL(workspace).href);
  });
  after(async () => {
    await client.dispose();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  void test('publishes stack findings on the source property, with the template as related information', async () => {
    const published = await client.diagnosticsMatching(uri('lib/dataStack.ts'), (params) => params.diagnostics.length === 4, 60_000);
    assert.deepEqual(codes(published), ['cfn-lambda-runtime', 'cfn-lambda-runtime', 'cfn-value-enum', 'cfn-value-enum']);
    const text = fs.readFileSync(path.join(app, 'lib', 'dataStack.ts'), 'utf8').split('\n');
    const enumDiagnostic = published.diagnostics.find((diagnostic) => diagnostic.code === 'cfn-value-enum')!;
    const line = enumDiagnostic.range.start.line;
    assert.equal(text[line]!.slice(enumDiagnostic.range.start.character, enumDiagnostic.range.end.character), 'sseType');
    assert.ok(enumDiagnostic.relatedInformation?.some((related) => related.location.uri.endsWith('.template.json')));
    const edge = await client.diagnosticsMatching(uri('lib/edgeStack.ts'), (params) => params.diagnostics.length === 2, 30_000);
    assert.deepEqual(codes(edge), ['cfn-cloudfront-webacl-arn', 'cfn-waf-cloudfront-region']);
  });

  void test('a new synth (assembly files change) re-lints the app', async () => {
    for (const template of ['cdk.out/DataStack.template.json', 'cdk.out/assembly-Prod/ProdData90A795AA.template.json']) {
      const file = path.join(app, template);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"SSEType": "AES256"', '"SSEType": "KMS"'));
    }
    // A real synth rewrites the validation report too: its W3030 (the same enum problem) goes.
    const reportFile = path.join(app, 'cdk.out', 'validation-report.json');
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { pluginReports: { violations: { ruleName: string }[] }[] };
    for (const plugin of report.pluginReports) plugin.violations = plugin.violations.filter((violation) => violation.ruleName !== 'W3030');
    fs.writeFileSync(reportFile, JSON.stringify(report));
    await client.filesChanged([{ uri: uri('cdk.out/DataStack.template.json'), type: 2 }]);
    const published = await client.diagnosticsMatching(uri('lib/dataStack.ts'), (params) => !codes(params).includes('cfn-value-enum'), 30_000);
    assert.deepEqual(codes(published), ['cfn-lambda-runtime', 'cfn-lambda-runtime']);
  });

  void test('an assembly older than its sources is marked stale on cdk.json', async () => {
    const future = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(app, 'lib', 'edgeStack.ts'), future, future);
    await client.filesChanged([{ uri: uri('cdk.out/manifest.json'), type: 2 }]);
    const published = await client.diagnosticsMatching(uri('cdk.json'), (params) => params.diagnostics.length === 1, 30_000);
    assert.equal(published.diagnostics[0]!.code, 'cdk-stale-assembly');
    const message = published.diagnostics[0]!.message;
    assert.match(typeof message === 'string' ? message : message.value, /older than lib\/edgeStack\.ts/);
  });

  /** How many times the server has linted a CDK app (it logs each lint). */
  const lintCount = (): number =>
    client.notifications.filter((note) => {
      const message = (note.params as { message?: unknown }).message;
      return note.method === 'window/logMessage' && typeof message === 'string' && /CDK app .* templates linted/.test(message);
    }).length;

  /** The zero-based line of each `runtime` diagnostic of dataStack.ts, and what its range covers in `text`. */
  const runtimePlaces = (params: PublishDiagnosticsParams, text: string): string[] =>
    params.diagnostics
      .filter((diagnostic) => diagnostic.code === 'cfn-lambda-runtime')
      .map((diagnostic) => `${diagnostic.range.start.line}:${text.split('\n')[diagnostic.range.start.line]!.slice(diagnostic.range.start.character, diagnostic.range.end.character)}`);

  void test('a source saved on disk with lines added above moves its findings with them, without linting again', async () => {
    const file = path.join(app, 'lib', 'dataStack.ts');
    const before = fs.readFileSync(file, 'utf8');
    const runtimeLine = before.split('\n').findIndex((line) => line.includes('runtime:'));
    const lints = lintCount();
    assert.ok(lints >= 1, 'the server logs each CDK lint');
    const edited = `// one line added\n// and another\n${before}`;
    fs.writeFileSync(file, edited);
    await client.filesChanged([{ uri: uri('lib/dataStack.ts'), type: 2 }]);
    const published = await client.diagnosticsMatching(uri('lib/dataStack.ts'), (params) => params.diagnostics.some((diagnostic) => diagnostic.range.start.line === runtimeLine + 2), 30_000);
    assert.deepEqual(runtimePlaces(published, edited), [`${runtimeLine + 2}:runtime`, `${runtimeLine + 2}:runtime`]);
    assert.equal(lintCount(), lints, 'placement only: the app was not linted again');
  });

  void test('a source edited in the editor (archlens/cdkSourceChanged) moves its findings before it is saved', async () => {
    const file = path.join(app, 'lib', 'dataStack.ts');
    const onDisk = fs.readFileSync(file, 'utf8');
    const lines = onDisk.split('\n');
    const runtimeLine = lines.findIndex((line) => line.includes('runtime:'));
    // Three lines removed above the function, one inserted: the runtime key moves up by two.
    const remove = lines.findIndex((line) => line.includes('// one line added'));
    const edited = [...lines.slice(0, remove), ...lines.slice(remove + 2)];
    edited.splice(edited.findIndex((line) => line.includes('new LambdaFunction')), 0, '    // a comment typed in the editor');
    const text = edited.join('\n');
    const lints = lintCount();
    await client.connection.sendNotification('archlens/cdkSourceChanged', { uri: uri('lib/dataStack.ts'), text });
    const published = await client.diagnosticsMatching(uri('lib/dataStack.ts'), (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'cfn-lambda-runtime' && diagnostic.range.start.line === runtimeLine - 1), 30_000);
    assert.deepEqual(runtimePlaces(published, text), [`${runtimeLine - 1}:runtime`, `${runtimeLine - 1}:runtime`]);
    assert.equal(lintCount(), lints, 'placement only: the app was not linted again');
  });
});
