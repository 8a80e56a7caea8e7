// Editing a template re-parses only the edited entry, on the lint worker and on the server's own
// thread (engine/document/yamlEdit.ts). Through the real server over stdio: after each edit of a
// sequence (inside a resource, a new resource, a broken then mended line, a top-level key, an
// output) the published diagnostics are exactly those a fresh lint of that text gives, and hover
// answers on the edited text.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { toDiagnostic } from '../../../src/server/convert';
import { realAnalyzer } from '../../support/lintHelpers';
import { TestLspClient } from '../../support/lspClient';

const TEMPLATE = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Parameters:',
  '  Stage:',
  '    Type: String',
  'Resources:',
  '  Queue:',
  '    Type: AWS::SQS::Queue',
  '    Properties:',
  '      DelaySeconds: 5',
  '  Table:',
  '    Type: AWS::DynamoDB::Table',
  '    Properties:',
  '      TableName: !Sub "${Stage}-orders"',
  '      BillingMode: PAY_PER_REQUEST',
  'Outputs:',
  '  QueueUrl:',
  '    Value: !Ref Queue',
  '',
].join('\n');

const EDITS: ReadonlyArray<[string, (text: string) => string]> = [
  ['a value made invalid', (text) => text.replace('DelaySeconds: 5', 'DelaySeconds: 5000')],
  ['a property misspelt', (text) => text.replace('BillingMode:', 'BilingMode:')],
  ['a resource added', (text) => text.replace('  Table:\n', '  Topic:\n    Type: AWS::SNS::Topc\n  Table:\n')],
  ['a line broken', (text) => text.replace('    Type: AWS::SNS::Topc', '    Type: [AWS::SNS::Topic')],
  ['the line mended', (text) => text.replace('    Type: [AWS::SNS::Topic', '    Type: AWS::SNS::Topic')],
  ['a reference to a missing resource in an output', (text) => text.replace('!Ref Queue', '!Ref Queue2')],
  ['a top-level key misspelt', (text) => text.replace('Outputs:', 'Output:')],
  ['everything mended', () => TEMPLATE],
];

const uri = 'file:///tmp/archlens-incremental/template.yaml';

void describe('edits re-parse one entry and publish what a full lint gives', () => {
  const client = new TestLspClient();
  before(async () => {
    client.settings = { debounceMs: 0 };
    await client.initialize();
    await client.open(uri, TEMPLATE);
    await client.diagnosticsFor(uri, 1);
  });
  after(() => client.dispose());

  void test('each edit of the sequence', async () => {
    let text = TEMPLATE;
    let version = 1;
    for (const [name, edit] of EDITS) {
      text = edit(text);
      version++;
      await client.change(uri, version, text);
      const published = await client.diagnosticsFor(uri, version);
      const expected = realAnalyzer()
        .lint('/tmp/archlens-incremental/template.yaml', text)
        .findings.map((finding) => toDiagnostic(finding));
      const key = (d: { code?: unknown; range: unknown; message: unknown }): string => JSON.stringify([d.code, d.range, d.message]);
      assert.deepEqual(published.diagnostics.map(key).sort(), expected.map(key).sort(), `after ${name}`);
      if (name === 'a property misspelt') assert.ok(published.diagnostics.some((d) => d.code === 'cfn-unknown-property'), 'the edit is seen');
    }
    // Hover on the resource type of the resource added by an edit.
    const line = text.split('\n').findIndex((l) => l.includes('AWS::DynamoDB::Table'));
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 14 } })) as Hover | null;
    assert.match(JSON.stringify(hover?.contents ?? ''), /DynamoDB/);
  });
});
