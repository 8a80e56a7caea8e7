import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../src/engine/analyzedDocument';
import type { AnalyzedDocument } from '../../src/engine/analyzedDocument';
import type { FixEdit } from '../../src/engine/findings';
import { openApiCodeActionsFor } from '../../src/engine/openapi/language/codeActions';
import { openApiCompletionsAt } from '../../src/engine/openapi/language/completion';
import { openApiHoverAt } from '../../src/engine/openapi/language/hover';
import { openApiDefinitionAt, openApiPrepareRename, openApiReferencesAt, openApiRenameAt, rewriteRef } from '../../src/engine/openapi/language/navigation';
import { openApiDocumentSymbols } from '../../src/engine/openapi/language/symbols';
import type { OpenApiDocumentSymbol } from '../../src/engine/openapi/language/symbols';
import { realAnalyzer } from '../support/lintHelpers';

/** Text with a `|` cursor marker -> [text, offset]. */
function cursor(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

function complete(marked: string, file = 'api.yaml'): ReturnType<typeof openApiCompletionsAt> {
  const [text, offset] = cursor(marked);
  return openApiCompletionsAt(analyzeDocument(file, text), offset);
}

function labels(marked: string, file = 'api.yaml'): string[] {
  return complete(marked, file).map((item) => item.label);
}

/** Offset of the `n`th occurrence of `needle` plus `delta`. */
function at(text: string, needle: string, delta = 0, n = 1): number {
  let index = -1;
  for (let i = 0; i < n; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `'${needle}' not found`);
  return index + delta;
}

function apply(text: string, edits: readonly FixEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((out, edit) => out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end), text);
}

function slice(analyzed: AnalyzedDocument, span: { start: number; end: number }): string {
  return analyzed.text.slice(span.start, span.end);
}

const PETS_30 = `openapi: 3.0.3
info:
  title: Pets
  version: '1'
paths:
  /pets/{id}:
    get:
      operationId: getPet
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Pet'
        default:
          $ref: '#/components/responses/Error'
components:
  schemas:
    Pet:
      type: object
      title: A pet
      description: Something furry
      required: [id, name]
      properties:
        id: {type: integer, format: int64}
        name: {type: string}
        owner: {$ref: "#/components/schemas/Pet/properties/name"}
    Cat:
      allOf:
        - $ref: '#/components/schemas/Pet'
      discriminator:
        propertyName: name
        mapping:
          cat: Pet
  responses:
    Error:
      description: Failure
`;

const PETS_20_JSON = `{
  "swagger": "2.0",
  "info": {"title": "Pets", "version": "1"},
  "paths": {
    "/pets": {
      "get": {
        "operationId": "listPets",
        "parameters": [{"$ref": "#/parameters/limit"}],
        "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Pets~1List"}}}
      }
    }
  },
  "definitions": {
    "Pets/List": {"type": "array", "items": {"$ref": "#/definitions/Pet"}},
    "Pet": {"type": "object"}
  },
  "parameters": {"limit": {"name": "limit", "in": "query", "type": "integer"}},
  "responses": {"NotFound": {"description": "nf"}},
  "securityDefinitions": {"key": {"type": "apiKey", "name": "X-Key", "in": "header"}},
  "security": [{"key": []}]
}
`;

void describe('OpenAPI document symbols', () => {
  const names = (symbols: readonly OpenApiDocumentSymbol[]): unknown => symbols.map((symbol) => (symbol.children.length > 0 ? { [symbol.name]: names(symbol.children) } : symbol.name));

  void test('3.0 YAML: paths -> operations with operationId, components -> sections -> names', () => {
    const symbols = openApiDocumentSymbols(analyzeDocument('api.yaml', PETS_30));
    assert.deepEqual(names(symbols), ['openapi', 'info', { paths: [{ '/pets/{id}': ['GET /pets/{id}'] }] }, { components: [{ schemas: ['Pet', 'Cat'] }, { responses: ['Error'] }] }]);
    const operation = symbols[2]!.children[0]!.children[0]!;
    assert.equal(operation.detail, 'getPet');
    assert.equal(operation.kind, 'operation');
    assert.equal(symbols[1]!.detail, 'Pets 1');
    assert.equal(symbols[3]!.children[0]!.children[0]!.detail, 'object');
  });

  void test('2.0 JSON: definitions, parameters, responses, securityDefinitions', () => {
    const symbols = openApiDocumentSymbols(analyzeDocument('api.json', PETS_20_JSON));
    assert.deepEqual(names(symbols), ['swagger', 'info', { paths: [{ '/pets': ['GET /pets'] }] }, { definitions: ['Pets/List', 'Pet'] }, { parameters: ['limit'] }, { responses: ['NotFound'] }, { securityDefinitions: ['key'] }, 'security']);
    assert.equal(symbols[6]!.children[0]!.kind, 'securityScheme');
  });

  void test('3.1 webhooks and x-amazon-apigateway-any-method', () => {
    const doc = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\nwebhooks:\n  newPet:\n    post:\n      operationId: onNewPet\npaths:\n  /{proxy+}:\n    x-amazon-apigateway-any-method: {}\n";
    const symbols = openApiDocumentSymbols(analyzeDocument('api.yaml', doc));
    assert.deepEqual(names(symbols), ['openapi', 'info', { webhooks: [{ newPet: ['POST newPet'] }] }, { paths: [{ '/{proxy+}': ['ANY /{proxy+}'] }] }]);
    assert.equal(symbols[2]!.children[0]!.kind, 'webhook');
  });

  void test('nothing for a document that does not parse', () => {
    assert.deepEqual(openApiDocumentSymbols(analyzeDocument('api.yaml', 'openapi: 3.0.3\npaths: [\n')), []);
  });
});

void describe('OpenAPI go to definition', () => {
  const analyzed = analyzeDocument('api.yaml', PETS_30);

  void test('a local $ref goes to the component key (from anywhere in the string, and from the $ref key)', () => {
    const target = { span: { start: at(PETS_30, '    Pet:', 4), end: at(PETS_30, '    Pet:', 7) } };
    assert.deepEqual(openApiDefinitionAt(analyzed, at(PETS_30, "'#/components/schemas/Pet'", 1)), target);
    assert.deepEqual(openApiDefinitionAt(analyzed, at(PETS_30, "'#/components/schemas/Pet'", 24)), target);
    assert.deepEqual(openApiDefinitionAt(analyzed, at(PETS_30, '$ref', 1)), target);
  });

  void test('a pointer into a component goes to that key; a discriminator mapping name to its schema', () => {
    const definition = openApiDefinitionAt(analyzed, at(PETS_30, '#/components/schemas/Pet/properties/name', 3))!;
    assert.equal(slice(analyzed, definition.span), 'name');
    assert.equal(definition.span.start, at(PETS_30, 'name: {type: string}'));
    assert.equal(slice(analyzed, openApiDefinitionAt(analyzed, at(PETS_30, 'cat: Pet', 6))!.span), 'Pet');
  });

  void test('JSON: escaped pointer tokens (~1) resolve', () => {
    const json = analyzeDocument('api.json', PETS_20_JSON);
    const definition = openApiDefinitionAt(json, at(PETS_20_JSON, '#/definitions/Pets~1List', 5))!;
    assert.equal(slice(json, definition.span), '"Pets/List"');
    assert.equal(definition.fileName, undefined);
  });

  void test('nothing on an unresolved $ref or plain text', () => {
    const broken = PETS_30.replace("'#/components/schemas/Pet'", "'#/components/schemas/Nope'");
    assert.equal(openApiDefinitionAt(analyzeDocument('api.yaml', broken), at(broken, 'Nope')), undefined);
    assert.equal(openApiDefinitionAt(analyzed, at(PETS_30, 'title: Pets', 2)), undefined);
  });
});

void describe('OpenAPI find references', () => {
  const analyzed = analyzeDocument('api.yaml', PETS_30);

  void test('from the component key: the definition, every $ref to or into it, and discriminator mappings', () => {
    const found = openApiReferencesAt(analyzed, at(PETS_30, '    Pet:', 5), true).map((location) => slice(analyzed, location.span));
    assert.deepEqual(found, ['Pet', "'#/components/schemas/Pet'", '"#/components/schemas/Pet/properties/name"', "'#/components/schemas/Pet'", 'Pet']);
  });

  void test('from a $ref, without the declaration', () => {
    const found = openApiReferencesAt(analyzed, at(PETS_30, '#/components/responses/Error', 5), false).map((location) => slice(analyzed, location.span));
    assert.deepEqual(found, ["'#/components/responses/Error'"]);
  });

  void test('security requirements name a security scheme (2.0 JSON)', () => {
    const json = analyzeDocument('api.json', PETS_20_JSON);
    const found = openApiReferencesAt(json, at(PETS_20_JSON, '"key": {"type"', 2), true).map((location) => slice(json, location.span));
    assert.deepEqual(found, ['"key"', '"key"']);
    assert.ok(openApiReferencesAt(json, at(PETS_20_JSON, '[{"key"', 3), true).length === 2);
  });
});

void describe('OpenAPI rename', () => {
  void test('renames the key and every $ref, keeping quotes, including pointers into the component and mapping names', () => {
    const analyzed = analyzeDocument('api.yaml', PETS_30);
    const result = openApiRenameAt(analyzed, at(PETS_30, '    Pet:', 5), 'Animal');
    assert.ok('edits' in result, JSON.stringify(result));
    const renamed = apply(PETS_30, result.edits);
    assert.match(renamed, /\n {4}Animal:\n/);
    assert.equal((renamed.match(/'#\/components\/schemas\/Animal'/g) ?? []).length, 2);
    assert.match(renamed, /\{\$ref: "#\/components\/schemas\/Animal\/properties\/name"\}/);
    assert.match(renamed, /cat: Animal\n/);
    const lint = realAnalyzer().lint('api.yaml', renamed);
    assert.deepEqual(lint.findings.filter((finding) => finding.rule.startsWith('oas-ref') || finding.message.includes('Animal')), []);
  });

  void test('from a $ref: prepareRename offers the name segment', () => {
    const analyzed = analyzeDocument('api.yaml', PETS_30);
    const target = openApiPrepareRename(analyzed, at(PETS_30, "'#/components/schemas/Pet'", 3))!;
    assert.equal(target.name, 'Pet');
    assert.equal(slice(analyzed, target.span), 'Pet');
    assert.equal(openApiPrepareRename(analyzed, at(PETS_30, 'title: Pets', 2)), undefined);
  });

  void test('refuses collisions and names invalid for 3.x', () => {
    const analyzed = analyzeDocument('api.yaml', PETS_30);
    const offset = at(PETS_30, '    Pet:', 5);
    assert.match((openApiRenameAt(analyzed, offset, 'Cat') as { error: string }).error, /already exists/);
    assert.match((openApiRenameAt(analyzed, offset, 'My Pet') as { error: string }).error, /not a valid component name/);
    assert.match((openApiRenameAt(analyzed, offset, 'a/b') as { error: string }).error, /not a valid component name/);
    assert.deepEqual(openApiRenameAt(analyzed, offset, 'Pet'), { edits: [] });
    assert.match((openApiRenameAt(analyzed, at(PETS_30, 'title: Pets', 2), 'X') as { error: string }).error, /Nothing to rename/);
  });

  void test('2.0 JSON: names with / are escaped as ~1 in pointers; keys stay JSON strings', () => {
    const analyzed = analyzeDocument('api.json', PETS_20_JSON);
    const result = openApiRenameAt(analyzed, at(PETS_20_JSON, '"Pet": {"type"', 2), 'pets/Pet~v2');
    assert.ok('edits' in result, JSON.stringify(result));
    const renamed = apply(PETS_20_JSON, result.edits);
    assert.match(renamed, /"pets\/Pet~v2": \{"type": "object"\}/);
    assert.match(renamed, /"\$ref": "#\/definitions\/pets~1Pet~0v2"/);
    assert.deepEqual(realAnalyzer().lint('api.json', renamed).findings.filter((finding) => finding.rule.startsWith('oas-ref')), []);
  });

  void test('2.0: renaming a security scheme renames its requirements', () => {
    const analyzed = analyzeDocument('api.json', PETS_20_JSON);
    const result = openApiRenameAt(analyzed, at(PETS_20_JSON, '[{"key"', 3), 'apiKey');
    assert.ok('edits' in result);
    const renamed = apply(PETS_20_JSON, result.edits);
    assert.match(renamed, /"apiKey": \{"type": "apiKey"/);
    assert.match(renamed, /"security": \[\{"apiKey": \[\]\}\]/);
  });

  void test('rewriteRef replaces one pointer segment', () => {
    assert.equal(rewriteRef('#/components/schemas/Old/properties/x', 2, 'New'), '#/components/schemas/New/properties/x');
    assert.equal(rewriteRef('other.yaml#/definitions/Old', 1, 'a b'), 'other.yaml#/definitions/a%20b');
    assert.equal(rewriteRef('other.yaml', 1, 'X'), undefined);
  });
});

void describe('OpenAPI multi-file $refs (readFile host over an in-memory map)', () => {
  const files: Record<string, string> = {
    'specs/common.yaml': 'components:\n  schemas:\n    Error:\n      type: object\n      description: An error\n      required: [code]\n      properties:\n        code: {type: integer}\n',
    'specs/pet.json': '{"type": "object", "title": "Pet file"}',
  };
  const host = { readFile: (path: string): string | undefined => files[path] };
  const main = `openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: pet.json}
        '404':
          description: nf
          content:
            application/json:
              schema:
                $ref: 'common.yaml#/components/schemas/Error'
        '500':
          description: boom
          content:
            application/json:
              schema: {$ref: 'common.yaml#/components/schemas/Error/properties/code'}
`;
  const analyzed = analyzeDocument('specs/api.yaml', main);
  const onError = at(main, 'common.yaml#', 4);

  void test('definition: the key in the other file (resolved and parsed through readFile)', () => {
    const definition = openApiDefinitionAt(analyzed, onError, host)!;
    assert.equal(definition.fileName, 'specs/common.yaml');
    assert.equal(files['specs/common.yaml']!.slice(definition.span.start, definition.span.end), 'Error');
    assert.deepEqual(openApiDefinitionAt(analyzed, at(main, 'pet.json', 2), host), { fileName: 'specs/pet.json', span: { start: 0, end: 0 } });
    assert.equal(openApiDefinitionAt(analyzed, onError), undefined, 'no host: no file access');
  });

  void test('hover names the file and summarizes the target', () => {
    const hover = openApiHoverAt(analyzed, onError, host)!;
    assert.match(hover.markdown, /\*\*Schema\*\* `Error` in `common\.yaml`/);
    assert.match(hover.markdown, /Required: `code`/);
    assert.match(openApiHoverAt(analyzed, at(main, 'pet.json', 2), host)!.markdown, /_Pet file_/);
  });

  void test('references: the other file\'s definition and every ref to it from this file', () => {
    const found = openApiReferencesAt(analyzed, onError, true, host);
    assert.equal(found[0]!.fileName, 'specs/common.yaml');
    assert.deepEqual(found.slice(1).map((location) => [location.fileName, slice(analyzed, location.span)]), [
      [undefined, "'common.yaml#/components/schemas/Error'"],
      [undefined, "'common.yaml#/components/schemas/Error/properties/code'"],
    ]);
  });

  void test('rename refuses a component of another file', () => {
    assert.match((openApiRenameAt(analyzed, onError, 'Problem', host) as { error: string }).error, /defined in specs\/common\.yaml/);
    assert.equal(openApiPrepareRename(analyzed, onError, host), undefined);
  });
});

void describe('OpenAPI hover', () => {
  const analyzed = analyzeDocument('api.yaml', PETS_30);

  void test('on a $ref: kind, type, title, description, required and properties', () => {
    const hover = openApiHoverAt(analyzed, at(PETS_30, "'#/components/schemas/Pet'", 5))!;
    assert.equal(slice(analyzed, hover.span), "'#/components/schemas/Pet'");
    assert.match(hover.markdown, /^\*\*Schema\*\* `Pet`/);
    for (const part of ['Type: `object`', '_A pet_', 'Something furry', 'Required: `id`, `name`', 'Properties: `id`, `name`, `owner`']) assert.ok(hover.markdown.includes(part), part);
    assert.match(openApiHoverAt(analyzed, at(PETS_30, '#/components/responses/Error', 3))!.markdown, /\*\*Response\*\* `Error`\n\nFailure/);
  });

  void test('on an unresolved $ref: the reason', () => {
    const broken = PETS_30.replace("'#/components/schemas/Pet'", "'#/components/schemas/Nope'");
    assert.match(openApiHoverAt(analyzeDocument('api.yaml', broken), at(broken, 'Nope'))!.markdown, /Unresolved reference[\s\S]*no 'Nope'/);
  });

  void test('on field keys: one line for the object it is in, by version', () => {
    assert.match(openApiHoverAt(analyzed, at(PETS_30, 'operationId', 3))!.markdown, /^\*\*operationId\*\* \(Operation\)\n\nA unique string/);
    assert.match(openApiHoverAt(analyzed, at(PETS_30, 'required: [id', 2))!.markdown, /\*\*required\*\* \(Schema\)/);
    assert.match(openApiHoverAt(analyzed, at(PETS_30, '    get:', 5))!.markdown, /The GET operation[\s\S]*operationId `getPet`/);
    const swagger = analyzeDocument('api.json', PETS_20_JSON);
    assert.match(openApiHoverAt(swagger, at(PETS_20_JSON, '"schema"', 2))!.markdown, /\*\*schema\*\* \(Response\)\n\nThe schema of the response body/);
    const misplaced = "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    post:\n      requestBody: {}\n      responses: {'200': {description: ok}}\n";
    assert.match(openApiHoverAt(analyzeDocument('api.yaml', misplaced), at(misplaced, 'requestBody', 2))!.markdown, /Not part of OpenAPI 2\.0/);
  });

  void test('on a component name, a status code and a path', () => {
    assert.match(openApiHoverAt(analyzed, at(PETS_30, '    Cat:', 5))!.markdown, /\*\*Schema\*\* `Cat`\n\nType: `allOf of Pet`/);
    assert.match(openApiHoverAt(analyzed, at(PETS_30, "'200':", 2))!.markdown, /\*\*Response 200\*\* OK\n\nok/);
    assert.match(openApiHoverAt(analyzed, at(PETS_30, '/pets/{id}', 2))!.markdown, /\*\*Path item\*\* `\/pets\/\{id\}`[\s\S]*GET \(`getPet`\)/);
  });

  void test('on x-amazon-apigateway-* keys: description and AWS docs link; on their fields too', () => {
    const doc = "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        type: aws_proxy\n        passthroughBehavior: when_no_match\n";
    const apigw = analyzeDocument('api.yaml', doc);
    const hover = openApiHoverAt(apigw, at(doc, 'x-amazon-apigateway-integration', 3))!;
    assert.match(hover.markdown, /\*\*x-amazon-apigateway-integration\*\* \(API Gateway extension, REST and HTTP APIs\)/);
    assert.match(hover.markdown, /\(https:\/\/docs\.aws\.amazon\.com\/apigateway\/latest\/developerguide\/api-gateway-swagger-extensions-integration\.html\)/);
    assert.match(openApiHoverAt(apigw, at(doc, 'passthroughBehavior', 2))!.markdown, /when_no_match, when_no_templates or never/);
  });
});

void describe('OpenAPI completion', () => {
  const head30 = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n";
  const head20 = "swagger: '2.0'\ninfo: {title: t, version: '1'}\n";
  const head31 = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n";

  void test('operation keys by version, without the keys already present', () => {
    const three = labels(`${head30}paths:\n  /a:\n    get:\n      summary: s\n      |\n      responses: {}\n`);
    assert.ok(three.includes('requestBody') && three.includes('callbacks') && three.includes('operationId'));
    assert.ok(!three.includes('summary') && !three.includes('responses') && !three.includes('consumes'));
    const two = labels(`${head20}paths:\n  /a:\n    get:\n      |\n`);
    assert.ok(two.includes('consumes') && two.includes('produces') && two.includes('responses'));
    assert.ok(!two.includes('requestBody') && !two.includes('callbacks'));
  });

  void test('root keys by version', () => {
    const three = labels(`${head31}|\n`);
    assert.ok(three.includes('webhooks') && three.includes('components') && three.includes('servers') && !three.includes('info'));
    const two = labels(`${head20}|\n`);
    assert.ok(two.includes('definitions') && two.includes('securityDefinitions') && two.includes('basePath') && !two.includes('components'));
  });

  void test('parameter `in` values by version, in a list item', () => {
    assert.deepEqual(labels(`${head30}paths:\n  /a:\n    get:\n      parameters:\n        - name: a\n          in: |\n`), ['query', 'header', 'path', 'cookie']);
    assert.deepEqual(labels(`${head20}paths:\n  /a:\n    get:\n      parameters:\n        - in: |\n`), ['query', 'header', 'path', 'formData', 'body']);
    assert.ok(labels(`${head31}components:\n  schemas:\n    A:\n      type: |\n`).includes('null'));
    assert.ok(!labels(`${head30}components:\n  schemas:\n    A:\n      type: |\n`).includes('null'));
  });

  void test('status codes under responses, minus those present', () => {
    const items = complete(`${head30}paths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n        |\n`);
    assert.deepEqual(
      items.map((item) => item.label),
      ['201', '204', '400', '401', '403', '404', '409', '422', '500', 'default'],
    );
    assert.equal(items[0]!.insertText, "'201':\n  description: ${1:Created}");
    assert.equal(items[0]!.snippet, true);
  });

  void test('media types under content', () => {
    assert.deepEqual(labels(`${head30}paths:\n  /a:\n    post:\n      requestBody:\n        content:\n          app|\n`), [
      'application/json', 'application/xml', 'text/plain', 'multipart/form-data', 'application/x-www-form-urlencoded', 'application/octet-stream',
    ]);
  });

  const components = 'components:\n  schemas:\n    Pet: {type: object, description: A pet}\n    Err: {type: object}\n  parameters:\n    limit: {name: limit, in: query}\n  responses:\n    NotFound: {description: nf}\n';

  void test('$ref targets: the expected section first, quoted for YAML', () => {
    const items = complete(`${head30}paths:\n  /a:\n    get:\n      parameters:\n        - $ref: |\n${components}`);
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((item) => item.label);
    assert.deepEqual(sorted, ['#/components/parameters/limit', '#/components/responses/NotFound', '#/components/schemas/Err', '#/components/schemas/Pet']);
    assert.equal(items.find((item) => item.label === '#/components/schemas/Pet')!.insertText, "'#/components/schemas/Pet'");
    assert.equal(items.find((item) => item.label === '#/components/schemas/Pet')!.documentation, 'A pet');
    const underSchema = complete(`${head30}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: '#/c|'\n${components}`);
    const first = underSchema.filter((item) => item.sortText?.startsWith('0')).map((item) => item.label);
    assert.deepEqual(first, ['#/components/schemas/Pet', '#/components/schemas/Err']);
    assert.equal(underSchema[0]!.insertText, '#/components/schemas/Pet', 'inside quotes: no extra quotes');
    const typed = `${head30}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          $ref: '#/c|'\n${components}`;
    const [, offset] = cursor(typed);
    assert.deepEqual(complete(typed)[0]!.replace, { start: offset - 3, end: offset });
    const flow = labels(`${head30}paths:\n  /a:\n    get:\n      responses:\n        '404': {$ref: |}\n${components}`);
    assert.ok(flow.includes('#/components/responses/NotFound'));
  });

  void test('2.0 $ref targets: #/definitions first under a schema', () => {
    const items = complete(`${head20}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          schema:\n            $ref: |\ndefinitions:\n  Pet: {type: object}\nparameters:\n  limit: {name: limit, in: query, type: integer}\n`);
    assert.deepEqual(items.filter((item) => item.sortText?.startsWith('0')).map((item) => item.label), ['#/definitions/Pet']);
    assert.ok(items.some((item) => item.label === '#/parameters/limit'));
  });

  void test('while the document does not parse (an open quote, a broken flow mapping)', () => {
    const broken = `${head30}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          content:\n            application/json:\n              schema:\n                $ref: '#/comp|\n${components}  broken: [\n`;
    assert.equal(analyzeDocument('api.yaml', cursor(broken)[0]).document.root, undefined);
    assert.deepEqual(labels(broken).slice(0, 2), ['#/components/schemas/Pet', '#/components/schemas/Err']);
    const keys = labels(`${head30}paths:\n  /a:\n    get:\n      |\n  /b: {get: [\n`);
    assert.ok(keys.includes('operationId') && keys.includes('requestBody'));
  });

  void test('JSON: keys, values and $ref targets, also half-typed', () => {
    const keys = labels('{\n  "swagger": "2.0",\n  "paths": {"/a": {"get": {"operationId": "x", "|"}}}\n}', 'api.json');
    assert.ok(keys.includes('consumes') && !keys.includes('operationId') && !keys.includes('requestBody'));
    assert.deepEqual(labels('{\n  "swagger": "2.0",\n  "paths": {"/a": {"get": {"parameters": [{"name": "x", "in": "|', 'api.json'), ['query', 'header', 'path', 'formData', 'body']);
    const refs = complete('{\n  "openapi": "3.0.0",\n  "paths": {"/a": {"get": {"responses": {"200": {"$ref": "|"}}}}},\n  "components": {"responses": {"R": {"description": "r"}}, "schemas": {"S": {}}}\n}', 'api.json');
    assert.equal(refs.find((item) => item.sortText?.startsWith('0'))!.label, '#/components/responses/R');
    assert.equal(refs[0]!.insertText, refs[0]!.label);
    const unquoted = complete('{\n  "openapi": "3.0.0",\n  "paths": {"/a": {"get": {|}}}\n}', 'api.json');
    assert.equal(unquoted.find((item) => item.label === 'operationId')!.insertText, '"operationId": ');
  });

  void test('API Gateway extensions: keys where they belong (with a snippet), fields and values inside', () => {
    const operation = complete(`${head30}paths:\n  /a:\n    get:\n      x-amazon|\n`);
    const integration = operation.find((item) => item.label === 'x-amazon-apigateway-integration')!;
    assert.ok(integration.snippet);
    assert.match(integration.insertText!, /^x-amazon-apigateway-integration:\n {2}type: \$\{1\|aws_proxy,aws,http_proxy,http,mock\|\}\n {2}httpMethod: \$\{2:POST\}\n {2}uri: \$\{3\}\n {2}passthroughBehavior: \$\{4\|when_no_match,when_no_templates,never\|\}$/);
    assert.ok(operation.some((item) => item.label === 'x-amazon-apigateway-request-validator'));
    assert.ok(!operation.some((item) => item.label === 'x-amazon-apigateway-cors'), 'cors belongs to the root');
    assert.ok(labels(`${head30}x-amazon|\npaths: {}\n`).includes('x-amazon-apigateway-cors'));
    const inside = `${head30}paths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        type: aws_proxy\n        |\n`;
    assert.ok(labels(inside).includes('passthroughBehavior') && !labels(inside).includes('type'));
    assert.deepEqual(labels(`${head30}paths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        type: |\n`), ['aws_proxy', 'aws', 'http_proxy', 'http', 'mock']);
    assert.deepEqual(labels(`${head30}paths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        passthroughBehavior: |\n`), ['when_no_match', 'when_no_templates', 'never']);
    assert.deepEqual(labels(`${head30}components:\n  securitySchemes:\n    auth:\n      type: apiKey\n      x-amazon-apigateway-authorizer:\n        type: |\n`), ['token', 'request', 'cognito_user_pools', 'jwt']);
    const validators = `${head20}x-amazon-apigateway-request-validators:\n  basic: {validateRequestBody: true, validateRequestParameters: true}\n  params-only: {validateRequestBody: false, validateRequestParameters: true}\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-request-validator: |\n`;
    assert.deepEqual(labels(validators), ['basic', 'params-only']);
  });

  void test('security requirement names and 2.0 list values', () => {
    assert.deepEqual(labels(`${head30}security:\n  - |\ncomponents:\n  securitySchemes:\n    key: {type: apiKey, name: k, in: header}\n`), ['key']);
    assert.deepEqual(labels(`${head20}schemes:\n  - ht|\npaths: {}\n`), ['https', 'http', 'ws', 'wss']);
  });
});

void describe('OpenAPI quick fixes', () => {
  const analyzer = realAnalyzer();
  const fixesFor = (file: string, text: string, rule: string): { analyzed: AnalyzedDocument; titles: string[]; fixes: ReturnType<typeof openApiCodeActionsFor> } => {
    const analyzed = analyzeDocument(file, text);
    const finding = analyzer.lint(file, text).findings.find((candidate) => candidate.rule === rule);
    assert.ok(finding, `no ${rule} finding`);
    const fixes = openApiCodeActionsFor(analyzed, finding);
    return { analyzed, titles: fixes.map((fix) => fix.title), fixes };
  };

  void test('declare a missing path parameter (3.0): before responses, with the document indentation', () => {
    const doc = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /pets/{petId}:\n    get:\n      summary: s\n      responses:\n        '200': {description: ok}\n";
    const { titles, fixes } = fixesFor('api.yaml', doc, 'oas-path-parameters');
    assert.deepEqual(titles, ["Declare path parameter 'petId' in GET /pets/{petId}", 'Suppress oas-path-parameters for this line', 'Suppress oas-path-parameters for this file']);
    const fixed = apply(doc, fixes[0]!.edits);
    assert.equal(fixed, doc.replace('      responses:', '      parameters:\n        - name: petId\n          in: path\n          required: true\n          schema: {type: string}\n      responses:'));
    assert.deepEqual(analyzer.lint('api.yaml', fixed).findings, []);
  });

  void test('declare a missing path parameter (2.0): appended to an existing list, type: string; or once on the path item', () => {
    const doc = "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /pets/{id}:\n    get:\n      parameters:\n      - name: q\n        in: query\n        type: string\n      responses:\n        '200': {description: ok}\n    delete:\n      responses:\n        '204': {description: gone}\n";
    const { titles, fixes } = fixesFor('api.yaml', doc, 'oas-path-parameters');
    assert.deepEqual(titles.slice(0, 2), ["Declare path parameter 'id' in 2 operations of /pets/{id}", "Declare path parameter 'id' for every operation of /pets/{id}"]);
    const inOperations = apply(doc, fixes[0]!.edits);
    assert.ok(inOperations.includes('        type: string\n      - name: id\n        in: path\n        required: true\n        type: string\n      responses:'), inOperations);
    assert.ok(inOperations.includes('    delete:\n      parameters:\n        - name: id\n'), inOperations);
    assert.deepEqual(analyzer.lint('api.yaml', inOperations).findings, []);
    const onPath = apply(doc, fixes[1]!.edits);
    assert.ok(onPath.endsWith("        '204': {description: gone}\n    parameters:\n      - name: id\n        in: path\n        required: true\n        type: string\n"), onPath);
    assert.deepEqual(analyzer.lint('api.yaml', onPath).findings, []);
  });

  void test('CRLF documents keep CRLF; JSON gets no path-parameter fix', () => {
    const doc = "openapi: 3.0.3\r\ninfo: {title: t, version: '1'}\r\npaths:\r\n  /a/{x}:\r\n    get:\r\n      responses:\r\n        '200': {description: ok}\r\n";
    const { fixes } = fixesFor('api.yaml', doc, 'oas-path-parameters');
    const fixed = apply(doc, fixes[0]!.edits);
    assert.ok(!/[^\r]\n/.test(fixed), JSON.stringify(fixed));
    assert.deepEqual(analyzer.lint('api.yaml', fixed).findings, []);
    const json = '{\n  "openapi": "3.0.3", "info": {"title": "t", "version": "1"},\n  "paths": {"/a/{x}": {"get": {"responses": {"200": {"description": "ok"}}}}}\n}';
    assert.deepEqual(fixesFor('api.json', json, 'oas-path-parameters').titles, []);
  });

  void test('add a default response (YAML block, empty flow mapping, JSON)', () => {
    const doc = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      summary: s\n      description: |\n        long\n";
    const { titles, fixes } = fixesFor('api.yaml', doc, 'oas-responses');
    assert.equal(titles[0], 'Add a default response');
    const fixed = apply(doc, fixes[0]!.edits);
    assert.equal(fixed, `${doc}      responses:\n        default:\n          description: Default response\n`);
    assert.deepEqual(analyzer.lint('api.yaml', fixed).findings, []);
    const empty = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {}\n";
    const emptyFix = fixesFor('api.yaml', empty, 'oas-responses');
    assert.deepEqual(analyzer.lint('api.yaml', apply(empty, emptyFix.fixes[0]!.edits)).findings, []);
    const json = '{\n  "openapi": "3.0.3",\n  "info": {"title": "t", "version": "1"},\n  "paths": {\n    "/a": {\n      "get": {\n        "summary": "s"\n      }\n    }\n  }\n}\n';
    const jsonFix = fixesFor('api.json', json, 'oas-responses');
    const jsonFixed = apply(json, jsonFix.fixes[0]!.edits);
    assert.ok(jsonFixed.includes('"summary": "s",\n        "responses": {"default": {"description": "Default response"}}'), jsonFixed);
    assert.deepEqual(analyzer.lint('api.json', jsonFixed).findings, []);
  });

  void test('an unresolved $ref: the rule\'s "did you mean" fix comes first', () => {
    const doc = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          $ref: '#/components/responses/Eror'\ncomponents:\n  responses:\n    Error: {description: e}\n";
    const { titles, fixes } = fixesFor('api.yaml', doc, 'oas-ref-resolves');
    assert.equal(titles[0], "Change to '#/components/responses/Error'");
    assert.deepEqual(analyzer.lint('api.yaml', apply(doc, fixes[0]!.edits)).findings, []);
  });
});
