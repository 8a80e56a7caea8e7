import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAnalyzer } from '../../src/engine/analyzer';
import type { Finding } from '../../src/engine/findings';
import { defaultCatalogDir, loadCatalogFromDir } from '../../src/node/catalogLoader';
import { joinPath, parseRef } from '../../src/engine/openapi/refs';
import { parsePointer } from '../../src/engine/openapi/pointer';
import { draft4ToDraft7 } from '../../src/engine/openapi/schemaSources';
import { locationKind } from '../../src/engine/openapi/locations';

describe('JSON pointers and $ref parsing', () => {
  test('pointer escapes (RFC 6901)', () => {
    assert.deepEqual(parsePointer('/paths/~1pets~1{id}/get'), ['paths', '/pets/{id}', 'get']);
    assert.deepEqual(parsePointer('/a~01'), ['a~1']);
    assert.deepEqual(parsePointer(''), []);
    assert.equal(parsePointer('/a~2'), undefined);
    assert.equal(parsePointer('a'), undefined);
  });
  test('ref kinds', () => {
    assert.deepEqual(parseRef('#/components/schemas/A%20B'), { kind: 'pointer', file: undefined, tokens: ['components', 'schemas', 'A B'] });
    assert.deepEqual(parseRef('common/Error.yaml'), { kind: 'pointer', file: 'common/Error.yaml', tokens: [] });
    assert.deepEqual(parseRef('../a%20b.json#/X'), { kind: 'pointer', file: '../a b.json', tokens: ['X'] });
    assert.deepEqual(parseRef('#node'), { kind: 'anchor', file: undefined, anchor: 'node' });
    assert.equal(parseRef('https://example.com/a.json').kind, 'remote');
    assert.equal(parseRef('file:///etc/passwd').kind, 'absolute');
    assert.equal(parseRef('/etc/passwd').kind, 'absolute');
    assert.equal(parseRef('C:\\specs\\a.yaml').kind, 'absolute');
    assert.equal(parseRef('urn:example:a').kind, 'uri');
    assert.equal(parseRef('#/a%zz').kind, 'invalid');
  });
  test('paths join against the linted file and normalize', () => {
    assert.equal(joinPath('specs/', '../common/Error.yaml'), 'common/Error.yaml');
    assert.equal(joinPath('', './a.yaml'), 'a.yaml');
    assert.equal(joinPath('', '../a.yaml'), '../a.yaml');
    assert.equal(joinPath('/w/specs/', '../../../a.yaml'), '/a.yaml');
    assert.equal(joinPath('C:\\w\\specs\\', 'a.yaml'), 'C:/w/specs/a.yaml');
  });
  test('draft-04 to draft-07: ids and boolean exclusive bounds, only at keyword positions', () => {
    const converted = draft4ToDraft7({
      id: 'http://x/schema.json#',
      $schema: 'http://json-schema.org/draft-04/schema#',
      properties: { id: { type: 'string' }, n: { type: 'number', minimum: 0, exclusiveMinimum: true }, exclusiveMaximum: { type: 'boolean' } },
      definitions: { title: { $ref: 'http://json-schema.org/draft-04/schema#/properties/title' } },
    });
    assert.deepEqual(converted, {
      $id: 'http://x/schema.json',
      properties: { id: { type: 'string' }, n: { type: 'number', exclusiveMinimum: 0 }, exclusiveMaximum: { type: 'boolean' } },
      definitions: { title: { type: 'string' } },
    });
  });
  test('location names for messages', () => {
    assert.equal(locationKind(['paths', '/pets', 'get']), 'operation');
    assert.equal(locationKind(['paths', '/pets', 'get', 'parameters', '0']), 'parameter');
    assert.equal(locationKind(['components', 'schemas', 'Pet', 'properties', 'get']), 'schema');
    assert.equal(locationKind(['paths', '/pets', 'get', 'responses', '200', 'content', 'application/json']), 'mediaType');
    assert.equal(locationKind([]), 'document');
  });
});

describe('multi-file $refs through the host', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-oas-'));
  fs.mkdirSync(path.join(dir, 'spec'));
  fs.mkdirSync(path.join(dir, 'common'));
  fs.writeFileSync(path.join(dir, 'common', 'Error.yaml'), 'type: object\nrequired: [code]\nproperties:\n  code: {type: integer}\n  next: {$ref: "#/properties/code"}\n');
  fs.writeFileSync(path.join(dir, 'spec', 'Pet.json'), '{"type": "object", "properties": {"error": {"$ref": "../common/Error.yaml"}}}');
  fs.writeFileSync(path.join(dir, 'spec', 'broken.yaml'), 'a: [\n');
  const main = path.join(dir, 'spec', 'api.yaml');
  const text = [
    'openapi: 3.0.3',
    "info: {title: t, version: '1'}",
    'paths:',
    '  /pets:',
    '    get:',
    '      responses:',
    "        '200': {description: ok, content: {application/json: {schema: {$ref: 'Pet.json'}, example: {error: {code: 1}}}}}",
    "        '400': {description: bad, content: {application/json: {schema: {$ref: '../common/Error.yaml#/properties/code'}}}}",
    "        '404': {description: gone, content: {application/json: {schema: {$ref: 'Missing.yaml'}}}}",
    "        '409': {description: bad, content: {application/json: {schema: {$ref: 'broken.yaml'}}}}",
    "        '410': {description: bad, content: {application/json: {schema: {$ref: 'Pet.json#/properties/eror'}}}}",
    "        '500': {description: bad, content: {application/json: {schema: {$ref: './api.yaml#/components/schemas/Local'}, example: {code: x}}}}",
    'components:',
    '  schemas:',
    '    Local: {$ref: "../common/Error.yaml"}',
    '',
  ].join('\n');
  const reads: string[] = [];
  const readFile = (filePath: string): string | undefined => {
    reads.push(filePath);
    try {
      return fs.readFileSync(filePath, 'utf8');
    } catch {
      return undefined;
    }
  };
  const analyzer = createAnalyzer({ catalog: loadCatalogFromDir(defaultCatalogDir()), readFile });
  const findings = analyzer.lint(main, text).findings;
  const of = (rule: string): Finding[] => findings.filter((finding) => finding.rule === rule);
  const quoted = (finding: Finding): string => text.slice(finding.span.start, finding.span.end);

  test('relative files resolve; missing, unparsable and wrong pointers are reported at the $ref', () => {
    assert.deepEqual(of('oas-ref-resolves').map((finding) => [quoted(finding), finding.message.replace(dir, '<dir>')]), [
      ["'Missing.yaml'", "$ref 'Missing.yaml': cannot read '<dir>/spec/Missing.yaml'."],
      ["'broken.yaml'", "$ref 'broken.yaml': '<dir>/spec/broken.yaml' is not valid YAML or JSON."],
      ["'Pet.json#/properties/eror'", "$ref 'Pet.json#/properties/eror' does not resolve: no 'eror' at '#/properties'. Did you mean 'Pet.json#/properties/error'?"],
    ]);
  });
  test('each file is read once, paths joined against the linted file', () => {
    assert.deepEqual([...new Set(reads)].length, reads.length);
    assert.ok(reads.includes(path.join(dir, 'common', 'Error.yaml').replace(/\\/g, '/')));
  });
  test('examples are checked against schemas from other files', () => {
    assert.deepEqual(of('oas-example-matches-schema').map((finding) => [quoted(finding), finding.message]), [["x", "Example does not match its schema: 'code' must be of type integer."]]);
  });
  test('a ref back into the linted file by name sees the linted text', () => {
    assert.deepEqual(of('oas-unused-component').map(quoted), []);
  });
  test('without a readFile host, other files are not claimed missing', () => {
    const bare = createAnalyzer({ catalog: loadCatalogFromDir(defaultCatalogDir()) });
    assert.deepEqual(bare.lint(main, text).findings.filter((finding) => finding.rule === 'oas-ref-resolves'), []);
  });
});
