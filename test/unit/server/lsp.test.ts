import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, CompletionList, Hover, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../../support/lspClient';

const TEMPLATE = [
  'AWSTemplateFormatVersion: "2010-09-09"', // 0
  'Parameters:', // 1
  '  Stage:', // 2
  '    Type: String', // 3
  '    Default: dev', // 4
  '    Description: Deployment stage', // 5
  'Resources:', // 6
  '  Queue:', // 7
  '    Type: AWS::SQS::Queu', // 8
  '  Table:', // 9
  '    Type: AWS::DynamoDB::Table', // 10
  '    Properties:', // 11
  '      TableName: !Sub "${Stage}-orders"', // 12
  '      BillingMode: PAY_PER_REQUEST', // 13
  '  Topic:', // 14
  '    Type: AWS::SNS::Topic', // 15
  '    DependsOn: Table', // 16
  '    Properties:', // 17
  '      DisplayName: !Ref Stage', // 18
  '      TopicName: !GetAtt Table.Arn', // 19
  '',
].join('\n');

const uri = 'file:///tmp/archlens-lsp/template.yaml';

void describe('language server over stdio', () => {
  const client = new TestLspClient();
  before(async () => {
    const init = (await client.initialize()) as { capabilities: Record<string, unknown> };
    assert.equal(init.capabilities.hoverProvider, true);
    await client.open(uri, TEMPLATE);
  });
  after(() => client.dispose());

  void test('publishes diagnostics with the rule id as code, a doc link and exact ranges', async () => {
    const published = await client.diagnosticsFor(uri, 1);
    const typo = published.diagnostics.find((d) => d.code === 'cfn-unknown-resource-type');
    assert.ok(typo, JSON.stringify(published.diagnostics));
    assert.deepEqual(typo.range, { start: { line: 8, character: 10 }, end: { line: 8, character: 24 } });
    assert.equal(typo.source, 'archlens');
    assert.match(typo.codeDescription?.href ?? '', /docs\/rules\/cfn-unknown-resource-type\.md$/);
    const deadline = Date.now() + 5000;
    while (!client.notifications.some((n) => n.method === 'archlens/documentStatusChanged') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const status = client.notifications.find((n) => n.method === 'archlens/documentStatusChanged');
    assert.equal((status?.params as { kind: string } | undefined)?.kind, 'cloudformation');
  });

  void test('didChange republishes for the new version only', async () => {
    await client.change(uri, 2, TEMPLATE.replace('AWS::SQS::Queu', 'AWS::SQS::Queue'));
    const published = await client.diagnosticsFor(uri, 2);
    assert.equal(published.diagnostics.filter((d) => d.code === 'cfn-unknown-resource-type').length, 0);
    await client.change(uri, 3, TEMPLATE);
    const again = await client.diagnosticsFor(uri, 3);
    assert.equal(again.diagnostics.filter((d) => d.code === 'cfn-unknown-resource-type').length, 1);
  });

  void test('a burst of edits is debounced into one validation of the latest version', async () => {
    const before = client.publishedFor(uri).length;
    for (let v = 4; v <= 12; v++) await client.change(uri, v, TEMPLATE.replace('Deployment stage', `stage ${v}`));
    await client.diagnosticsFor(uri, 12);
    const newer = client.publishedFor(uri).slice(before);
    assert.ok(newer.length <= 2, `published ${newer.length} times`);
    assert.equal(newer[newer.length - 1]!.version, 12);
  });

  void test('hover on a resource type shows its documentation', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 16 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*AWS::DynamoDB::Table\*\*/);
    assert.match(value, /Documentation\]\(https:\/\/docs\.aws\.amazon\.com/);
  });

  void test('hover on a Ref shows the parameter', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 18, character: 25 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /Parameter `Stage`: String/);
    assert.match(value, /Default: `dev`/);
  });

  void test('hover on a property shows type, required and replacement', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 12, character: 8 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*TableName\*\*/);
    assert.match(value, /replacement/);
  });

  void test('completion offers resource types after Type:', async () => {
    const text = TEMPLATE.replace('    Type: AWS::SQS::Queu', '    Type: AWS::S3::B');
    await client.change(uri, 20, text);
    const result = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 19 } })) as CompletionItem[] | CompletionList;
    const items = Array.isArray(result) ? result : result.items;
    const bucket = items.find((item) => item.label === 'AWS::S3::Bucket');
    assert.ok(bucket);
    assert.deepEqual((bucket.textEdit as { range: unknown }).range, { start: { line: 8, character: 10 }, end: { line: 8, character: 19 } });
    await client.change(uri, 21, TEMPLATE);
  });

  void test('completion offers properties with required ones first', async () => {
    const text = TEMPLATE.replace('      BillingMode: PAY_PER_REQUEST', '      BillingMode: PAY_PER_REQUEST\n      Key');
    await client.change(uri, 22, text);
    const result = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 14, character: 9 } })) as CompletionItem[];
    const labels = result.map((item) => item.label);
    assert.ok(labels.includes('KeySchema'));
    const keySchema = result.find((item) => item.label === 'KeySchema')!;
    assert.equal(keySchema.sortText?.[0], '0');
    assert.match(keySchema.textEdit!.newText, /AttributeName/);
    await client.change(uri, 23, TEMPLATE);
  });

  void test('completion after !GetAtt Resource. offers attributes', async () => {
    const text = TEMPLATE.replace('!GetAtt Table.Arn', '!GetAtt Table.');
    await client.change(uri, 24, text);
    const result = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 19, character: 31 } })) as CompletionItem[];
    assert.ok(result.some((item) => item.label === 'StreamArn'), JSON.stringify(result.map((i) => i.label)));
    await client.change(uri, 25, TEMPLATE);
  });

  void test('go to definition from a Sub variable and a DependsOn', async () => {
    const fromSub = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 12, character: 25 } })) as Location;
    assert.deepEqual(fromSub.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 7 } });
    const fromDependsOn = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 16, character: 16 } })) as Location;
    assert.deepEqual(fromDependsOn.range, { start: { line: 9, character: 2 }, end: { line: 9, character: 7 } });
  });

  void test('find references includes Sub strings, Ref and the declaration', async () => {
    const refs = (await client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: { line: 2, character: 3 }, context: { includeDeclaration: true } })) as Location[];
    assert.deepEqual(
      refs.map((r) => [r.range.start.line, r.range.start.character]),
      [
        [2, 2],
        [12, 25],
        [18, 24],
      ],
    );
  });

  void test('rename updates the key and every reference; collisions are refused', async () => {
    const edit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 9, character: 3 }, newName: 'OrdersTable' })) as WorkspaceEdit;
    const edits = edit.changes![uri]!;
    assert.deepEqual(
      edits.map((e) => [e.range.start.line, e.range.start.character, e.newText]),
      [
        [9, 2, 'OrdersTable'],
        [16, 15, 'OrdersTable'],
        [19, 25, 'OrdersTable'],
      ],
    );
    await assert.rejects(client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 9, character: 3 }, newName: 'Stage' }), /already exists/);
    await assert.rejects(client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 9, character: 3 }, newName: 'bad-name' }), /not a valid logical id/);
  });

  void test('code actions: did-you-mean first, then suppressions', async () => {
    await client.diagnosticsFor(uri, 25);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 8, character: 12 }, end: { line: 8, character: 12 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.equal(titles[0], "Change to 'AWS::SQS::Queue'");
    assert.ok(titles.includes('Suppress cfn-unknown-resource-type for this line'));
    const fix = actions[0]!.edit!.changes![uri]![0]!;
    assert.deepEqual(fix, { range: { start: { line: 8, character: 10 }, end: { line: 8, character: 24 } }, newText: 'AWS::SQS::Queue' });
  });

  void test('document symbols outline sections and entries', async () => {
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as Array<{ name: string; children: Array<{ name: string; detail?: string }> }>;
    assert.deepEqual(symbols.map((s) => s.name), ['AWSTemplateFormatVersion', 'Parameters', 'Resources']);
    assert.deepEqual(symbols[2]!.children.map((c) => [c.name, c.detail]), [
      ['Queue', 'AWS::SQS::Queu'],
      ['Table', 'AWS::DynamoDB::Table'],
      ['Topic', 'AWS::SNS::Topic'],
    ]);
  });

  void test('settings are pulled per document and applied', async () => {
    client.settings = { ignoreRules: ['cfn-unknown-resource-type'] };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const deadline = Date.now() + 5000;
    for (;;) {
      const last = client.publishedFor(uri).at(-1)!;
      if (!last.diagnostics.some((d) => d.code === 'cfn-unknown-resource-type')) break;
      assert.ok(Date.now() < deadline, 'settings were not applied');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    client.settings = {};
  });

  void test('non-templates get no diagnostics and no features', async () => {
    const other = 'file:///tmp/archlens-lsp/buildspec.yml';
    await client.open(other, 'version: 0.2\nphases:\n  build:\n    commands: [make]\n');
    const published = await client.diagnosticsFor(other);
    assert.deepEqual(published.diagnostics, []);
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: other }, position: { line: 0, character: 1 } });
    assert.equal(hover, null);
  });
});
