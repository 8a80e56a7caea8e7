// The integration checks as a VS Code extension test suite: it runs INSIDE the extension host
// (loaded through --extensionTestsPath), so it uses the vscode API where the workbench tier
// (../workbench.test.ts) uses the UI. Same four checks: (a) findings, (b) hover, (c) completion,
// (d) the trust mode the runner asked for. Runners:
//   - desktop VS Code through @vscode/test-electron: scripts/workbench/testDesktop.mjs
//   - code-server's extension host (works offline): scripts/workbench/testDesktop.mjs --code-server
// Bundled by the runner with esbuild into its temp folder (`vscode` external).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'archlens.archlens';
/** Written into the workspace folder so a runner without the process' exit code (code-server) sees the outcome. */
export const RESULT_FILE = '.archlens-suite-result.json';

interface StepResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `'${needle}' not found in ${document.uri.fsPath}`);
  return document.positionAt(index + offset);
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

async function open(folder: vscode.Uri, path: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, path));
  await vscode.window.showTextDocument(document);
  return document;
}

function steps(folder: vscode.Uri): [string, () => Promise<void> | void][] {
  return [
    ['the extension is installed and activates', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is not loaded`);
      await open(folder, 'templates/orders-api-with-mistakes.yaml');
      await eventually(() => (extension.isActive ? true : undefined), 30_000, `${EXTENSION_ID} to activate`);
    }],
    ['(a) findings for orders-api-with-mistakes.yaml', async () => {
      const document = await open(folder, 'templates/orders-api-with-mistakes.yaml');
      const typo = await eventually(
        () => vscode.languages.getDiagnostics(document.uri).find((d) => d.source === 'archlens' && d.message.includes("'AWS::SQS::Queu'")),
        60_000,
        'the ArchLens finding for AWS::SQS::Queu',
      );
      assert.equal(codeOf(typo), 'cfn-unknown-resource-type');
      assert.equal(typo.range.start.line, positionOf(document, 'AWS::SQS::Queu').line);
    }],
    ['(b) hover on AWS::DynamoDB::Table shows its documentation', async () => {
      const document = await open(folder, 'templates/orders-api-with-mistakes.yaml');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'AWS::DynamoDB::Table', 2));
      assert.match(hoverText(hovers), /creates a DynamoDB table/);
    }],
    ['(c) completion after `Type: AWS::S3::B` offers AWS::S3::Bucket', async () => {
      const scratch = vscode.Uri.joinPath(folder, 'templates', 'completion-scratch.yaml');
      await vscode.workspace.fs.writeFile(scratch, Buffer.from('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Scratch:\n    Type: AWS::S3::B\n'));
      const document = await open(folder, 'templates/completion-scratch.yaml');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionOf(document, 'AWS::S3::B', 'AWS::S3::B'.length));
      const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      assert.ok(labels.includes('AWS::S3::Bucket'), `offered: ${labels.slice(0, 20).join(', ')}`);
    }],
    ['(d) the workspace trust is what the runner asked for', () => {
      const expected = process.env.ARCHLENS_EXPECT_TRUSTED;
      // code-server cannot pass environment variables to the suite; its runner checks `trusted` in the result file.
      if (expected !== undefined) assert.equal(vscode.workspace.isTrusted, expected === '1', 'workspace trust');
    }],
  ];
}

/** Entry point called by the extension host (--extensionTestsPath). Throws when a step failed. */
export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'the suite needs a workspace folder (a copy of demo/)');
  const results: StepResult[] = [];
  for (const [name, body] of steps(folder)) {
    const t0 = Date.now();
    try {
      await body();
      results.push({ name, ok: true, ms: Date.now() - t0 });
    } catch (error) {
      results.push({ name, ok: false, ms: Date.now() - t0, error: error instanceof Error ? error.message : String(error) });
    }
    const last = results[results.length - 1]!;
    console.log(`${last.ok ? 'ok    ' : 'FAILED'} ${name} (${last.ms} ms)${last.error ? `\n       ${last.error}` : ''}`);
  }
  const summary = { trusted: vscode.workspace.isTrusted, vscodeVersion: vscode.version, appHost: vscode.env.appHost, results };
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, RESULT_FILE), Buffer.from(JSON.stringify(summary, null, 2)));
  const failed = results.filter((result) => !result.ok);
  if (failed.length > 0) throw new Error(`${failed.length} of ${results.length} integration checks failed: ${failed.map((f) => f.name).join('; ')}`);
}
