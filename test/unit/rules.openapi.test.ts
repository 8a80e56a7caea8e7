import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRuleCase, findingsOf } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';

const info = "info: {title: Pets, version: '1'}\n";
const oas30 = `openapi: 3.0.3\n${info}`;
const oas31 = `openapi: 3.1.0\n${info}`;
const swagger = `swagger: '2.0'\n${info}`;
const ok = "      responses: {'200': {description: ok}}\n";
/** A 3.0 document with one GET operation whose body is `operation` (indented 6). */
const withOperation = (operation: string, tail = ''): string => `${oas30}paths:\n  /pets:\n    get:\n${operation}${tail}`;

const table: Record<string, RuleCase[]> = {
  'oas-schema': [
    { name: 'valid 3.0 document', doc: withOperation(`      summary: List${'\n'}${ok}`) },
    { name: 'valid 2.0 document', doc: `${swagger}paths:\n  /pets:\n    get:\n${ok}` },
    { name: 'valid 3.1 document with webhooks only', doc: `${oas31}webhooks:\n  newPet:\n    post:\n${ok}` },
    { name: 'unknown field with a suggestion', doc: withOperation(`      «summery»: List\n${ok}`), messages: ['unknown field `summery` in an operation; did you mean `summary`?'] },
    { name: 'unknown field in 3.1 (unevaluatedProperties)', doc: `${oas31}paths:\n  /pets:\n    get:\n      «summery»: List\n${ok}`, messages: ['did you mean `summary`?'] },
    { name: 'required field of a parameter, one message despite oneOf', doc: withOperation(`      parameters:\n        - «in»: query\n          schema: {type: string}\n${ok}`), messages: ['`name` is required in a parameter'] },
    { name: 'missing description of a response', doc: withOperation("      responses:\n        «'200'»: {content: {}}\n"), messages: ['`description` is required in a response'] },
    { name: 'wrong value type at the value', doc: withOperation(`      deprecated: «yes please»\n${ok}`), messages: ['`deprecated` must be a boolean'] },
    { name: 'bad response code', doc: withOperation("      responses:\n        «'20'»: {description: ok}\n"), messages: ['is not a response code'] },
    { name: 'path without a slash', doc: `${oas30}paths:\n  «pets»: {}\n`, messages: ['must start with /'] },
    { name: 'missing info version at the info key', doc: `openapi: 3.0.3\n«info»: {title: Pets}\npaths: {}\n`, messages: ['`version` is required in info'] },
    { name: 'short openapi version', doc: `openapi: «'3.0'»\n${info}paths: {}\n`, messages: ['full version number'] },
    { name: 'mutually exclusive example and examples', doc: withOperation(`      parameters:\n        - «name»: id\n          in: query\n          schema: {type: string}\n          example: a\n          examples: {}\n${ok}`), messages: ['mutually exclusive'] },
    { name: '3.1 needs paths, components or webhooks', doc: `«openapi»: 3.1.0\n${info}`, messages: ['one of `paths`, `components` or `webhooks` is required in the document'] },
    { name: '2.0 query parameter typo (four alternatives)', doc: `${swagger}paths:\n  /pets:\n    get:\n      parameters:\n        - {name: id, in: query, type: string, «requird»: true}\n${ok}`, messages: ['unknown field `requird` in a parameter; did you mean `required`?'] },
    { name: 'security scheme of an unknown form', doc: `${oas30}paths: {}\ncomponents:\n  securitySchemes:\n    «b»: {type: http}\n`, messages: ['`scheme` is required in a security scheme'] },
    { name: 'JSON document', file: 'api.json', doc: '{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"get": {«"summery"»: "x", "responses": {"200": {"description": "ok"}}}}}}' },
    { name: 'missing responses is left to oas-responses', doc: withOperation('      summary: x\n') },
    { name: 'a bad in is left to oas-parameter-in', doc: withOperation(`      parameters:\n        - {name: id, in: qurey, schema: {type: string}}\n${ok}`) },
    { name: 'a bad schema type is left to oas-schema-type', doc: withOperation(`      parameters:\n        - {name: id, in: query, schema: {type: strin}}\n${ok}`) },
    { name: 'a later 3.x version is checked as 3.1 without a version complaint', doc: `openapi: 3.2.0\n${info}paths: {}\n` },
  ],
  'oas-ref-resolves': [
    { name: 'local refs resolve, with ~1 and percent escapes', doc: withOperation(`      parameters:\n        - $ref: '#/components/parameters/Id'\n${ok}`, `  /a/{b}:\n    parameters: [{$ref: '#/paths/~1pets/get/parameters/0'}]\n    get: {parameters: [{name: b, in: path, required: true, schema: {$ref: '#/components/schemas/A%20B'}}], responses: {'200': {description: ok}}}\ncomponents:\n  parameters:\n    Id: {name: id, in: query, schema: {type: string}}\n  schemas:\n    A B: {type: string}\n`) },
    { name: 'missing schema with a suggestion', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    Pet: {type: object, properties: {tag: {$ref: «'#/components/schemas/Tga'»}}}\n    Tag: {type: string}\n`, messages: ["Did you mean '#/components/schemas/Tag'?"] },
    { name: 'Swagger-style ref in a 3.0 document', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    Pet: {items: {$ref: «'#/definitions/Tag'»}}\n    Tag: {type: string}\n`, messages: ["'#/components/schemas/Tag'"] },
    { name: 'invalid pointer escape', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    A: {$ref: «'#/components/schemas/~2'»}\n`, messages: ['not a valid JSON pointer'] },
    { name: 'circular ref chain', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    A: {$ref: «'#/components/schemas/B'»}\n    B: {$ref: «'#/components/schemas/A'»}\n`, messages: ['circular', 'circular'] },
    { name: 'recursive schemas are fine', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    Node: {type: object, properties: {children: {type: array, items: {$ref: '#/components/schemas/Node'}}}}\n` },
    { name: 'refs in examples and extensions are data', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    A: {type: object, example: {$ref: nowhere}, x-meta: {$ref: nowhere}}\n` },
    { name: 'a property named $ref is not a reference', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    A: {type: object, properties: {$ref: {type: string}}}\n` },
    { name: 'remote refs are left to oas-ref-not-followed', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    A: {$ref: 'https://example.com/a.json'}\n` },
    { name: 'a file without host file access is not claimed missing', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    A: {$ref: './a.yaml'}\n` },
    { name: '3.1 anchors and $id', doc: `${oas31}components:\n  schemas:\n    A: {$anchor: a, type: string}\n    B: {$id: 'https://example.com/b', type: string}\n    C: {anyOf: [{$ref: '#a'}, {$ref: 'https://example.com/b'}, {$ref: «'#nope'»}]}\n` },
    { name: 'discriminator mapping names and refs', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    Pet:\n      oneOf: [{$ref: '#/components/schemas/Cat'}]\n      discriminator: {propertyName: kind, mapping: {cat: Cat, dog: «Dgo», cow: «'#/components/schemas/Cow'»}}\n    Cat: {type: object}\n` },
  ],
  'oas-ref-not-followed': [
    { name: 'remote ref', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    A: {$ref: «'https://example.com/a.json#/A'»}\n`, messages: ['remote $ref'] },
    { name: 'absolute file URL', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    A: {$ref: «'file:///etc/a.yaml'»}\n`, messages: ['absolute file $ref'] },
    { name: 'relative and local refs are followed', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: 'b.yaml'}\n` },
  ],
  'oas-unused-component': [
    { name: 'unused schema, used one, self-reference only', doc: withOperation(`      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}}\n`, `components:\n  schemas:\n    Pet: {type: object}\n    «Old»: {type: object}\n    «Tree»: {properties: {kids: {items: {$ref: '#/components/schemas/Tree'}}}}\n`), messages: ["Component schema 'Old' is never referenced"] },
    { name: 'a deep pointer into a component uses it', doc: withOperation(`      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet/properties/id'}}}}}\n`, 'components:\n  schemas:\n    Pet: {properties: {id: {type: string}}}\n') },
    { name: '2.0 definitions and parameters', doc: `${swagger}paths:\n  /pets:\n    get:\n      parameters: [{$ref: '#/parameters/Id'}]\n${ok}parameters:\n  Id: {name: id, in: query, type: string}\n  «Limit»: {name: limit, in: query, type: integer}\ndefinitions:\n  «Pet»: {type: object}\n`, messages: ["Parameter 'Limit'", "Definition 'Pet'"] },
    { name: 'a component library without paths is not checked', doc: `${oas31}components:\n  schemas:\n    Pet: {type: object}\n` },
    { name: 'discriminator mapping by name counts as use', doc: withOperation(`      responses: {'200': {description: ok, content: {application/json: {schema: {oneOf: [{$ref: '#/components/schemas/Cat'}], discriminator: {propertyName: k, mapping: {dog: Dog}}}}}}}\n`, 'components:\n  schemas:\n    Cat: {type: object}\n    Dog: {type: object}\n') },
  ],
  'oas-operation-id-unique': [
    { name: 'unique ids', doc: `${oas30}paths:\n  /a:\n    get: {operationId: a, responses: {'200': {description: ok}}}\n    put: {operationId: b, responses: {'200': {description: ok}}}\n` },
    { name: 'duplicate across paths', doc: `${oas30}paths:\n  /a:\n    get: {operationId: list, responses: {'200': {description: ok}}}\n  /b:\n    get: {operationId: «list», responses: {'200': {description: ok}}}\n`, messages: ["operationId 'list' is already used by GET /a"] },
    { name: 'webhook and path share an id', doc: `${oas31}paths:\n  /a:\n    post: {operationId: ping}\nwebhooks:\n  hook:\n    post: {operationId: «ping»}\n`, messages: ['POST /a'] },
  ],
  'oas-path-parameters': [
    { name: 'declared at path level and in operations', doc: `${oas30}paths:\n  /pets/{id}/toys/{toy}:\n    parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n    get:\n      parameters: [{$ref: '#/components/parameters/Toy'}]\n${ok}components:\n  parameters:\n    Toy: {name: toy, in: path, required: true, schema: {type: string}}\n` },
    { name: 'template variable not declared', doc: `${oas30}paths:\n  /pets/«{id}»:\n    get:\n${ok}`, messages: ["Path parameter 'id' is not declared: add a parameter"] },
    { name: 'declared only for one of two operations', doc: `${oas30}paths:\n  /pets/«{id}»:\n    get:\n      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n${ok}    delete:\n${ok}`, messages: ['is not declared for DELETE'] },
    { name: 'declared but not in the path (operation and path level)', doc: `${oas30}paths:\n  /pets:\n    parameters: [{name: «petId», in: path, required: true, schema: {type: string}}]\n    get:\n      parameters: [{name: «id», in: path, required: true, schema: {type: string}}]\n${ok}`, messages: ["'petId' does not appear in the path '/pets'", "'id' does not appear"] },
    { name: 'a referenced parameter not in the path is reported at the $ref', doc: `${oas30}paths:\n  /pets:\n    get:\n      parameters: [{$ref: «'#/components/parameters/Id'»}]\n${ok}components:\n  parameters:\n    Id: {name: id, in: path, required: true, schema: {type: string}}\n` },
    { name: 'quoted JSON key gets an exact span', file: 'api.json', doc: '{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/a/«{b}»/«{b}»": {"get": {"responses": {"200": {"description": "ok"}}}}}}', messages: ["'b' is not declared", "'b' appears twice"] },
    { name: 'an unresolvable parameter ref suspends the check', doc: `${oas30}paths:\n  /pets/{id}:\n    get:\n      parameters: [{$ref: '#/components/parameters/Nope'}]\n${ok}` },
    { name: '2.0 path parameters', doc: `${swagger}paths:\n  /pets/{id}:\n    get:\n      parameters: [{name: id, in: path, required: true, type: string}]\n${ok}` },
  ],
  'oas-equivalent-paths': [
    { name: 'different names, same shape', doc: `${oas30}paths:\n  /pets/{id}:\n    get:\n${ok.replace(/^ {6}/, '      ')}  «/pets/{name}»:\n    get:\n${ok}`, messages: ["equivalent to '/pets/{id}'"] },
    { name: 'different shapes are fine', doc: `${oas30}paths:\n  /pets/{id}: {}\n  /pets/{id}/toys: {}\n  /pets/mine: {}\n` },
  ],
  'oas-security-scheme-defined': [
    { name: 'defined schemes', doc: `${oas30}security: [{key: []}, {oauth: [read]}]\npaths: {}\ncomponents:\n  securitySchemes:\n    key: {type: apiKey, name: k, in: header}\n    oauth: {type: oauth2, flows: {implicit: {authorizationUrl: 'https://a', scopes: {read: r}}}}\n` },
    { name: 'unknown scheme with a suggestion', doc: withOperation(`      security: [{«api_kye»: []}]\n${ok}`, 'components:\n  securitySchemes:\n    api_key: {type: apiKey, name: k, in: header}\n'), messages: ["Did you mean 'api_key'?"] },
    { name: 'scopes on an apiKey scheme before 3.1', doc: `${oas30}security: [{key: «[admin]»}]\npaths: {}\ncomponents:\n  securitySchemes:\n    key: {type: apiKey, name: k, in: header}\n`, messages: ['must be an empty list'] },
    { name: '3.1 allows roles for any scheme', doc: `${oas31}security: [{key: [admin]}]\npaths: {}\ncomponents:\n  securitySchemes:\n    key: {type: apiKey, name: k, in: header}\n` },
    { name: '2.0 securityDefinitions', doc: `${swagger}security: [{«basic»: []}]\npaths: {}\nsecurityDefinitions:\n  basicAuth: {type: basic}\n`, messages: ['not defined in securityDefinitions'] },
  ],
  'oas-responses': [
    { name: 'missing in 3.0', doc: `${oas30}paths:\n  /pets:\n    «get»:\n      summary: x\n`, messages: ['GET /pets has no responses: OpenAPI 3.0 requires at least one'] },
    { name: 'missing in 2.0', doc: `${swagger}paths:\n  /pets:\n    «post»: {summary: x}\n` },
    { name: 'optional in 3.1', doc: `${oas31}paths:\n  /pets:\n    get:\n      summary: x\n` },
    { name: 'empty or extensions only', doc: `${oas31}paths:\n  /pets:\n    get:\n      «responses»: {}\n    put:\n      «responses»: {x-note: a}\n`, messages: ['at least one response code', 'at least one response code'] },
  ],
  'oas-parameter-in': [
    { name: 'valid locations', doc: withOperation(`      parameters:\n        - {name: a, in: query, schema: {type: string}}\n        - {name: b, in: cookie, schema: {type: string}}\n${ok}`) },
    { name: 'typo', doc: withOperation(`      parameters:\n        - {name: a, in: «qurey», schema: {type: string}}\n${ok}`), messages: ["Did you mean 'query'?"] },
    { name: 'body in OpenAPI 3', doc: withOperation(`      parameters:\n        - {name: a, in: «body», schema: {type: string}}\n${ok}`), messages: ['requestBody'] },
    { name: 'formData is fine in 2.0, cookie is not', doc: `${swagger}paths:\n  /pets:\n    post:\n      parameters:\n        - {name: a, in: formData, type: string}\n        - {name: b, in: «cookie», type: string}\n${ok}` },
    { name: 'path parameter not required', doc: `${oas30}paths:\n  /pets/{id}:\n    get:\n      parameters:\n        - {name: id, in: path, required: «false», schema: {type: string}}\n        - {name: id, in: «path», schema: {type: string}}\n${ok}`, messages: ['required: true', 'required: true'] },
    { name: 'components parameters are checked too', doc: `${oas30}paths: {}\ncomponents:\n  parameters:\n    P: {name: a, in: «Query», schema: {type: string}}\n` },
  ],
  'oas-schema-type': [
    { name: 'valid 3.0 types', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    A: {type: object, properties: {a: {type: integer}, b: {type: array, items: {type: string, nullable: true}}}}\n` },
    { name: 'typo with a suggestion', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    A: {type: object, properties: {a: {type: «strng»}}}\n`, messages: ["Did you mean 'string'?"] },
    { name: 'a type from another language', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    A: {type: «int»}\n`, messages: ['write type: integer'] },
    { name: 'type list and null in 3.0', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    A: {type: «[string, 'null']»}\n    B: {type: «'null'»}\n`, messages: ['needs OpenAPI 3.1', 'nullable: true'] },
    { name: '3.1 type lists and null', doc: `${oas31}components:\n  schemas:\n    A: {type: [string, 'null']}\n    B: {type: 'null'}\n    C: {type: [string, «strin», «string»]}\n`, messages: ["'strin' is not a type", 'listed twice'] },
    { name: '3.1 JSON Schema 2020-12 keywords are walked', doc: `${oas31}components:\n  schemas:\n    A: {prefixItems: [{type: «strin»}], $defs: {B: {type: «numbr»}}, if: {type: object}, then: {type: «objet»}}\n` },
    { name: 'array without items in 3.0', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    A: {type: «array»}\n`, messages: ['needs items'] },
    { name: 'file in 2.0 forms and response roots only', doc: `${swagger}paths:\n  /up:\n    post:\n      parameters:\n        - {name: f, in: formData, type: file}\n        - {name: q, in: query, type: «file»}\n      responses: {'200': {description: ok, schema: {type: file}}}\n` },
    { name: '2.0 schemas take JSON Schema types, parameters one primitive', doc: `${swagger}paths:\n  /a:\n    get:\n      parameters:\n        - {name: q, in: query, type: «[string, integer]»}\n${ok}definitions:\n  A: {type: [string, 'null']}\n` },
  ],
  'oas-example-matches-schema': [
    { name: 'matching examples', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    Pet:\n      type: object\n      required: [id]\n      properties: {id: {type: integer, example: 1}, tag: {type: string, nullable: true, example: null}}\n      example: {id: 1, tag: dog}\n` },
    { name: 'wrong property type at the exact value', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    Pet:\n      type: object\n      properties: {id: {type: integer}}\n      example: {id: «one»}\n`, messages: ["'id' must be of type integer"] },
    { name: 'missing required property (readOnly ones may be left out)', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    Pet:\n      type: object\n      required: [id, name]\n      properties: {id: {type: integer, readOnly: true}, name: {type: string}}\n      example: «{tag: x}»\n`, messages: ["lacks the required property 'name'"] },
    { name: 'media type examples through refs', doc: withOperation(`      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Pet'}\n              examples:\n                good: {value: {id: 1}}\n                bad: {value: {id: «'1x'»}}\n                shared: {$ref: «'#/components/examples/Bad'»}\n`, 'components:\n  schemas:\n    Pet: {type: object, properties: {id: {type: integer}}}\n  examples:\n    Bad: {value: {id: true}}\n') },
    { name: 'serialized examples are accepted', doc: withOperation(`      parameters:\n        - {name: q, in: query, schema: {type: boolean}, example: 'true'}\n      requestBody:\n        content:\n          application/json:\n            schema: {type: object, required: [a]}\n            example: '{"a": 1}'\n${ok}`) },
    { name: 'XML strings are not compared', doc: withOperation(`      responses:\n        '200':\n          description: ok\n          content:\n            application/xml:\n              schema: {type: object}\n              example: '<pet/>'\n`) },
    { name: '3.1 examples list and type lists', doc: `${oas31}components:\n  schemas:\n    A: {type: [integer, 'null'], examples: [1, null, «x»]}\n` },
    { name: '2.0 response examples by media type', doc: `${swagger}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          schema: {type: array, items: {type: integer}}\n          examples:\n            application/json: [1, «two»]\n` },
    { name: 'a discriminated oneOf accepts an example matching several alternatives', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    Pet:\n      oneOf: [{type: object}, {type: object}]\n      discriminator: {propertyName: kind}\n      example: {kind: a}\n` },
  ],
};

describe('OpenAPI rules', () => {
  for (const [rule, cases] of Object.entries(table)) {
    describe(rule, () => {
      for (const testCase of cases) test(testCase.name, () => assertRuleCase(rule, testCase));
    });
  }
});

describe('OpenAPI 3.1 specifics', () => {
  test('webhooks, type lists and JSON Schema 2020-12 keywords are clean for every rule', () => {
    const doc = [
      'openapi: 3.1.0',
      "info: {title: Pets, version: '1', summary: Pets API, license: {name: MIT, identifier: MIT}}",
      'jsonSchemaDialect: https://spec.openapis.org/oas/3.1/dialect/base',
      'webhooks:',
      '  newPet:',
      '    post:',
      '      operationId: newPet',
      '      requestBody:',
      '        content:',
      '          application/json:',
      "            schema: {$ref: '#/components/schemas/Pet'}",
      "      responses: {'200': {description: ok}}",
      'paths:',
      '  /pets/{id}:',
      '    get:',
      '      operationId: getPet',
      '      parameters: [{name: id, in: path, required: true, schema: {type: [string, integer]}}]',
      "      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}}",
      'components:',
      '  schemas:',
      '    Pet:',
      '      type: object',
      '      $defs: {Tag: {type: string, const: dog}}',
      "      properties: {id: {type: integer, exclusiveMinimum: 0}, tag: {type: ['string', 'null']}, kind: {$ref: '#/components/schemas/Pet/$defs/Tag'}, pair: {type: array, prefixItems: [{type: string}, {type: integer}], items: false}}",
      '      dependentRequired: {tag: [id]}',
      '      unevaluatedProperties: false',
      "      examples: [{id: 1, tag: null, kind: dog, pair: [a, 1]}]",
      '',
    ].join('\n');
    const findings = Object.keys(table).flatMap((rule) => findingsOf(rule, doc));
    assert.deepEqual(findings.map((finding) => `${finding.rule}: ${finding.message}`), []);
  });
});

describe('OpenAPI rules stay on OpenAPI documents', () => {
  test('no oas- finding on a CloudFormation template with OpenAPI-looking content', () => {
    const template = 'Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Body:\n        openapi: 3.0.3\n        paths:\n          /a: {get: {}}\n';
    for (const rule of Object.keys(table)) assert.deepEqual(findingsOf(rule, template), [], rule);
  });
  test('an AsyncAPI document is not linted', () => {
    assert.deepEqual(findingsOf('oas-schema', 'asyncapi: 2.0.0\ninfo: {title: t, version: "1"}\nchannels: {}\n'), []);
  });
});
