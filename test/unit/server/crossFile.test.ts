import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../../support/lspClient';

/**
 * Findings across files in the language server, over stdio: a template's finding in the OpenAPI
 * file it includes is published on that file (open or not) next to the file's own diagnostics,
 * and documents are re-checked when a file they read changes, in the editor or on disk.
 */
void describe('language server: findings across files and dependents', () => {
  const workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-lsp-cross-')));
  const uriOf = (file: string): string => pathToFileURL(path.join(workspace, file)).href;
  const write = (file: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    fs.writeFileSync(path.join(workspace, file), text);
  };
  const template = [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  ApiLambda:',
    '    Type: AWS::Serverless::Function',
    '    Properties: {Handler: app.handler, Runtime: python3.12, CodeUri: src/}',
    '  Api:',
    '    Type: AWS::Serverless::Api',
    '    Properties:',
    '      StageName: prod',
    '      DefinitionBody:',
    '        Fn::Transform:',
    '          Name: AWS::Include',
    '          Parameters:',
    '            Location: ./api/openapi.yaml',
    '',
  ].join('\n');
  const openApi = (name: string): string =>
    [
      'openapi: 3.0.1',
      'info: {title: pets, version: "1"}',
      'paths:',
      '  /pets:',
      '    get:',
      '      responses:',
      '        "200": {description: ok}',
      '      x-amazon-apigateway-integration:',
      '        type: aws_proxy',
      '        httpMethod: POST',
      `        uri: {"Fn::Sub": "arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${name}.Arn}/invocations"}`,
      '',
    ].join('\n');
  const spec = ['openapi: 3.0.3', "info: {title: t, version: '1'}", 'paths:', '  /pets:', '    get:', '      responses:', "        '200': {description: r, content: {application/json: {schema: {$ref: 'schemas/pet.yaml#/properties/name'}}}}", ''].join('\n');
  const templateUri = uriOf('template.yaml');
  const openApiUri = uriOf('api/openapi.yaml');
  const specUri = uriOf('spec.yaml');
  const petUri = uriOf('schemas/pet.yaml');
  const client = new TestLspClient();
  const rule = (params: PublishDiagnosticsParams, code: string) => params.diagnostics.filter((diagnostic) => diagnostic.code === code);
  const crossFile = (params: PublishDiagnosticsParams) => rule(params, 'apigw-template-references');
  const text = (message: string | { value: string }): string => (typeof message === 'string' ? message : message.value);

  before(async () => {
    write('template.yaml', template);
    write('api/openapi.yaml', openApi('APILambda'));
    write('schemas/pet.yaml', 'type: object\nproperties:\n  id: {type: integer}\n');
    await client.initializeWorkspace(pathToFileURL(workspace).href);
  });
  after(async () => {
    await client.dispose();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  void test('a template finding in an included file is published on that file, never opened', async () => {
    await client.open(templateUri, template);
    const own = await client.diagnosticsFor(templateUri, 1);
    assert.deepEqual(crossFile(own), [], 'not on the template');
    const published = await client.diagnosticsMatching(openApiUri, (params) => crossFile(params).length === 1);
    const [diagnostic] = crossFile(published);
    assert.equal(published.version, undefined, 'the file is not open');
    assert.equal(diagnostic!.range.start.line, 10);
    assert.equal(diagnostic!.range.start.character, openApi('APILambda').split('\n')[10]!.indexOf('APILambda.Arn'));
    assert.match(text(diagnostic!.message), /names 'APILambda', which is not a resource of the including template\. Did you mean 'ApiLambda'\?/);
    assert.deepEqual(diagnostic!.relatedInformation, [{ location: { uri: templateUri, range: { start: { line: 13, character: 22 }, end: { line: 13, character: 40 } } }, message: 'Api includes this file here' }]);
  });

  void test('opening the included file merges its own diagnostics with the template\'s', async () => {
    // An extra problem of the file's own: a response without a description.
    const text = openApi('APILambda').replace('"200": {description: ok}', '"200": {}');
    await client.open(openApiUri, text, 'yaml', 1);
    const published = await client.diagnosticsMatching(openApiUri, (params) => params.version === 1 && params.diagnostics.some((d) => d.code !== 'apigw-template-references'));
    assert.equal(crossFile(published).length, 1, JSON.stringify(published.diagnostics));
  });

  void test('editing the included file in the editor re-checks the template: the finding goes, the file\'s own stay', async () => {
    await client.change(openApiUri, 2, openApi('ApiLambda').replace('"200": {description: ok}', '"200": {}'));
    const published = await client.diagnosticsMatching(openApiUri, (params) => params.version === 2 && crossFile(params).length === 0 && params.diagnostics.length > 0);
    assert.ok(published.diagnostics.every((d) => d.code !== 'apigw-template-references'));
  });

  void test('closing the included file: the template reads the disk again, the finding comes back alone', async () => {
    await client.close(openApiUri);
    const published = await client.diagnosticsMatching(openApiUri, (params) => params.diagnostics.length === 1 && crossFile(params).length === 1);
    assert.equal(published.version, undefined);
  });

  void test('a change on disk (watched file) re-checks the template', async () => {
    write('api/openapi.yaml', openApi('ApiLambda'));
    await client.filesChanged([{ uri: openApiUri, type: 2 }]);
    await client.diagnosticsMatching(openApiUri, (params) => params.diagnostics.length === 0);
    write('api/openapi.yaml', openApi('Nope'));
    await client.filesChanged([{ uri: openApiUri, type: 2 }]);
    const published = await client.diagnosticsMatching(openApiUri, (params) => crossFile(params).length === 1);
    assert.match(text(crossFile(published)[0]!.message), /names 'Nope'/);
  });

  void test('closing the template clears what it put on the included file', async () => {
    await client.close(templateUri);
    await client.diagnosticsMatching(openApiUri, (params) => params.diagnostics.length === 0);
  });

  void test('a $ref\'d file changed on disk re-checks the referring spec', async () => {
    await client.open(specUri, spec);
    const first = await client.diagnosticsFor(specUri, 1);
    assert.equal(rule(first, 'oas-ref-resolves').length, 1, JSON.stringify(first.diagnostics));
    write('schemas/pet.yaml', 'type: object\nproperties:\n  id: {type: integer}\n  name: {type: string}\n');
    await client.filesChanged([{ uri: petUri, type: 2 }]);
    await client.diagnosticsMatching(specUri, (params) => rule(params, 'oas-ref-resolves').length === 0);
    fs.rmSync(path.join(workspace, 'schemas', 'pet.yaml'));
    await client.filesChanged([{ uri: petUri, type: 3 }]);
    await client.diagnosticsMatching(specUri, (params) => rule(params, 'oas-ref-resolves').length === 1);
  });

  void test('a $ref\'d file edited in the editor re-checks the referring spec', async () => {
    await client.open(petUri, 'type: object\nproperties:\n  id: {type: integer}\n');
    await client.diagnosticsMatching(specUri, (params) => rule(params, 'oas-ref-resolves').length === 1);
    await client.change(petUri, 2, 'type: object\nproperties:\n  name: {type: string}\n');
    await client.diagnosticsMatching(specUri, (params) => rule(params, 'oas-ref-resolves').length === 0);
    await client.change(petUri, 3, 'type: object\nproperties:\n  nam: {type: string}\n');
    await client.diagnosticsMatching(specUri, (params) => rule(params, 'oas-ref-resolves').length === 1);
  });
});
