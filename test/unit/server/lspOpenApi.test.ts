import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, CompletionList, Hover, Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../../support/lspClient';

const API = [
  'openapi: 3.0.3', // 0
  'info:', // 1
  '  title: Pets', // 2
  "  version: '1'", // 3
  'paths:', // 4
  '  /pets/{petId}:', // 5
  '    get:', // 6
  '      operationId: getPet', // 7
  '      responses:', // 8
  "        '200':", // 9
  '          description: ok', // 10
  '          content:', // 11
  '            application/json:', // 12
  '              schema:', // 13
  "                $ref: '#/components/schemas/Pet'", // 14
  "        '404':", // 15
  '          description: not found', // 16
  '          content:', // 17
  '            application/json:', // 18
  '              schema:', // 19
  "                $ref: 'common/errors.yaml#/components/schemas/Error'", // 20
  'components:', // 21
  '  schemas:', // 22
  '    Pet:', // 23
  '      type: object', // 24
  '      description: A pet', // 25
  '      required: [id]', // 26
  '      properties:', // 27
  '        id: {type: integer}', // 28
  "        sibling: {$ref: '#/components/schemas/Pet'}", // 29
  '',
].join('\n');

const ERRORS = ['components:', '  schemas:', '    Error:', '      type: object', '      description: Something went wrong', ''].join('\n');

/** Applies LSP text edits to a text. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (position: Range['start']): number => lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((out, edit) => out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end)), text);
}

function items(result: CompletionItem[] | CompletionList | null): CompletionItem[] {
  return result === null ? [] : Array.isArray(result) ? result : result.items;
}

void describe('language server over stdio: OpenAPI language features', () => {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-lsp-oas-lang-')));
  fs.mkdirSync(path.join(tmp, 'common'));
  fs.writeFileSync(path.join(tmp, 'api.yaml'), API);
  fs.writeFileSync(path.join(tmp, 'common', 'errors.yaml'), ERRORS);
  const uriOf = (file: string): string => pathToFileURL(path.join(tmp, file)).href;
  const uri = uriOf('api.yaml');
  const errorsUri = uriOf('common/errors.yaml');
  const client = new TestLspClient();

  before(async () => {
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(tmp).href,
      workspaceFolders: [{ uri: pathToFileURL(tmp).href, name: 'ws' }],
      capabilities: { workspace: { configuration: true }, textDocument: { rename: { prepareSupport: true } } },
    });
    await client.connection.sendNotification('initialized', {});
    await client.open(uri, API);
  });
  after(async () => {
    await client.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  void test('hover on a $ref summarizes the schema', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 14, character: 30 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /^\*\*Schema\*\* `Pet`/);
    assert.match(value, /Required: `id`/);
    assert.deepEqual(hover.range, { start: { line: 14, character: 22 }, end: { line: 14, character: 48 } });
  });

  void test('completion: status codes under responses and $ref targets', async () => {
    const draftUri = uriOf('draft.yaml');
    const draft = API.replace("        '404':", "        4\n        '404':");
    await client.open(draftUri, draft);
    const codes = items((await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: draftUri }, position: { line: 15, character: 9 } })) as CompletionList);
    assert.deepEqual(codes.map((item) => item.label), ['201', '204', '400', '401', '403', '409', '422', '500', 'default']);
    assert.equal(codes[0]!.insertTextFormat, 2, 'a snippet');
    assert.deepEqual(codes[0]!.textEdit, { range: { start: { line: 15, character: 8 }, end: { line: 15, character: 9 } }, newText: "'201':\n  description: ${1:Created}" });

    const refDraft = API.replace("{$ref: '#/components/schemas/Pet'}", "{$ref: '#/c'}");
    await client.change(draftUri, 2, refDraft);
    const refs = items((await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: draftUri }, position: { line: 29, character: 28 } })) as CompletionList);
    assert.deepEqual(refs.map((item) => item.label), ['#/components/schemas/Pet']);
    assert.deepEqual(refs[0]!.textEdit, { range: { start: { line: 29, character: 25 }, end: { line: 29, character: 28 } }, newText: '#/components/schemas/Pet' });
  });

  // Files only on disk are read through the server's workspace-confined reader (server.ts passes it to registerFeatures).
  void test('definition into a file that is only on disk', async () => {
    fs.writeFileSync(path.join(tmp, 'common', 'disk.yaml'), ERRORS);
    const diskDraftUri = uriOf('disk-draft.yaml');
    await client.open(diskDraftUri, API.replace('common/errors.yaml', 'common/disk.yaml'));
    const other = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: diskDraftUri }, position: { line: 20, character: 30 } })) as Location | null;
    assert.deepEqual(other, { uri: uriOf('common/disk.yaml'), range: { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } } });
  });

  void test('definition of a local $ref and of a $ref into another file (file URI, range in that file)', async () => {
    const local = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 14, character: 30 } })) as Location;
    assert.deepEqual(local, { uri, range: { start: { line: 23, character: 4 }, end: { line: 23, character: 7 } } });
    await client.open(errorsUri, ERRORS);
    const other = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 20, character: 30 } })) as Location;
    assert.deepEqual(other, { uri: errorsUri, range: { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } } });
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 20, character: 30 } })) as Hover;
    assert.match((hover.contents as { value: string }).value, /\*\*Schema\*\* `Error` in `common\/errors\.yaml`\n\nType: `object`\n\nSomething went wrong/);
  });

  void test('references of a schema: the declaration first, then every $ref', async () => {
    const refs = (await client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: { line: 23, character: 5 }, context: { includeDeclaration: true } })) as Location[];
    assert.deepEqual(
      refs.map((location) => [location.uri === uri, location.range.start.line, location.range.start.character]),
      [
        [true, 23, 4],
        [true, 14, 22],
        [true, 29, 24],
      ],
    );
  });

  void test('rename of a schema updates the key and every $ref; invalid names are refused', async () => {
    const prepared = (await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: { line: 14, character: 45 } })) as { range: Range; placeholder: string };
    assert.deepEqual(prepared, { range: { start: { line: 14, character: 44 }, end: { line: 14, character: 47 } }, placeholder: 'Pet' });
    const edit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 14, character: 45 }, newName: 'Animal' })) as WorkspaceEdit;
    const renamed = applyEdits(API, edit.changes![uri]!);
    assert.equal(renamed, API.replace('    Pet:', '    Animal:').replaceAll("'#/components/schemas/Pet'", "'#/components/schemas/Animal'"));
    await assert.rejects(client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 23, character: 5 }, newName: 'bad name' }), /not a valid component name/);
    await assert.rejects(client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 20, character: 40 }, newName: 'Problem' }), /open that file to rename it/);
  });

  void test('document symbols: paths with operations, components with names', async () => {
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as Array<{ name: string; kind: number; children: Array<{ name: string; children: Array<{ name: string; detail?: string; kind: number }> }> }>;
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['openapi', 'info', 'paths', 'components']);
    const operation = symbols[2]!.children[0]!.children[0]!;
    assert.deepEqual([operation.name, operation.detail, operation.kind], ['GET /pets/{petId}', 'getPet', 6]);
    assert.deepEqual(symbols[3]!.children[0]!.children.map((child) => child.name), ['Pet']);
  });

  void test('quick fix: declare the missing path parameter', async () => {
    const published = await client.diagnosticsFor(uri, 1);
    const diagnostic = published.diagnostics.find((d) => d.code === 'oas-path-parameters');
    assert.ok(diagnostic, JSON.stringify(published.diagnostics));
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    const fix = actions[0]!;
    assert.equal(fix.title, "Declare path parameter 'petId' in GET /pets/{petId}");
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [diagnostic]);
    assert.ok(actions.some((action) => action.title === 'Suppress oas-path-parameters for this line'));
    const fixed = applyEdits(API, fix.edit!.changes![uri]!);
    assert.ok(fixed.includes('      operationId: getPet\n      parameters:\n        - name: petId\n          in: path\n          required: true\n          schema: {type: string}\n      responses:\n'), fixed);
    await client.change(uri, 2, fixed);
    const after = await client.diagnosticsFor(uri, 2);
    assert.equal(after.diagnostics.filter((d) => d.code === 'oas-path-parameters').length, 0, JSON.stringify(after.diagnostics));
  });
});
