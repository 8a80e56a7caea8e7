import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestLspClient } from '../../support/lspClient';

/**
 * Multi-file `$ref`s in the language server: open documents win over the disk, and only files
 * inside the workspace folder are read (a symlink out of it does not count as inside).
 */
void describe('language server: multi-file OpenAPI $refs', () => {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-lsp-oas-')));
  const workspace = path.join(tmp, 'ws');
  fs.mkdirSync(path.join(workspace, 'schemas'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'schemas', 'pet.yaml'), 'type: object\nproperties:\n  id: {type: integer}\n');
  fs.writeFileSync(path.join(tmp, 'outside.yaml'), 'type: object\n');
  let linked = true;
  try {
    fs.symlinkSync(path.join(tmp, 'outside.yaml'), path.join(workspace, 'link.yaml'));
  } catch {
    linked = false; // no symlinks (Windows without privileges): that case is not exercised
  }
  const uriOf = (file: string): string => pathToFileURL(file).href;
  const apiUri = uriOf(path.join(workspace, 'api.yaml'));
  const refs = ['schemas/pet.yaml', 'schemas/draft.yaml', '../outside.yaml', 'schemas/pet.yaml#/properties/nope', ...(linked ? ['link.yaml'] : [])];
  const api = [
    'openapi: 3.0.3',
    "info: {title: t, version: '1'}",
    'paths:',
    '  /pets:',
    '    get:',
    '      responses:',
    ...refs.map((ref, i) => `        '${200 + i}': {description: r, content: {application/json: {schema: {$ref: '${ref}'}}}}`),
    '',
  ].join('\n');
  const client = new TestLspClient();

  before(async () => {
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(workspace),
      workspaceFolders: [{ uri: uriOf(workspace), name: 'ws' }],
      capabilities: { workspace: { configuration: true } },
    });
    await client.connection.sendNotification('initialized', {});
    // Not on disk: only the editor has it.
    await client.open(uriOf(path.join(workspace, 'schemas', 'draft.yaml')), 'type: string\n');
    await client.open(apiUri, api);
  });
  after(() => client.dispose());

  void test('reads open documents and workspace files; never outside the workspace', async () => {
    const published = await client.diagnosticsFor(apiUri, 1);
    const lines = published.diagnostics.filter((d) => d.code === 'oas-ref-resolves').map((d) => refs[d.range.start.line - 6]);
    assert.deepEqual(lines, ['../outside.yaml', 'schemas/pet.yaml#/properties/nope', ...(linked ? ['link.yaml'] : [])], JSON.stringify(published.diagnostics));
  });

  void test('a document with a file://host URI open does not break the others\' $ref checks', async () => {
    // fileURLToPath throws for a host on Linux: it used to make every read fail.
    const hostUri = 'file://fileserver/share/api.yaml';
    await client.open(hostUri, api);
    const hostPublished = await client.diagnosticsFor(hostUri, 1);
    assert.ok(hostPublished.diagnostics.every((d) => d.code !== 'archlens-internal'), JSON.stringify(hostPublished.diagnostics));
    const otherUri = uriOf(path.join(workspace, 'api2.yaml'));
    await client.open(otherUri, api);
    const published = await client.diagnosticsFor(otherUri, 1);
    const lines = published.diagnostics.filter((d) => d.code === 'oas-ref-resolves').map((d) => refs[d.range.start.line - 6]);
    assert.deepEqual(lines, ['../outside.yaml', 'schemas/pet.yaml#/properties/nope', ...(linked ? ['link.yaml'] : [])], JSON.stringify(published.diagnostics));
  });
});
