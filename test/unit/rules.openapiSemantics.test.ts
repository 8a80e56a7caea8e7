/** Table tests of the checks Spectral and Redocly make beyond the JSON schemas (openapiSemanticRules.ts). */
import { describe, test } from 'node:test';
import { assertRuleCase } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';

const info = "info: {title: T, version: '1'}\n";
const oas30 = `openapi: 3.0.3\n${info}`;
const oas31 = `openapi: 3.1.0\n${info}`;
const oas32 = `openapi: 3.2.0\n${info}`;
const swagger = `swagger: '2.0'\n${info}`;
const ok = "      responses: {'200': {description: ok}}\n";

const table: Record<string, RuleCase[]> = {
  'oas-schema': [
    // 3.1 fixtures that must fail (from the OAI suite, written small).
    // The 3.1 schema says it with `not: {required: [example, examples]}`, which fails the whole
    // parameter form: reported, but as the two fields (a clearer message is left to do).
    { name: '3.1 example together with examples', doc: `${oas31}paths:\n  /a:\n    get:\n      parameters:\n        - «name»: q\n          in: query\n          schema: {type: string}\n          «example»: a\n          «examples»: {b: {value: b}}\n${ok}`, messages: ['is not allowed in this form', 'unknown field `example`', 'unknown field `examples`'] },
    { name: '3.1 allowReserved on a header parameter', doc: `${oas31}paths:\n  /a:\n    get:\n      parameters:\n        - {name: X-A, in: header, schema: {type: string}, «allowReserved»: true}\n${ok}`, messages: ['allowReserved'] },
    { name: '3.1 allowReserved on a header object', doc: `${oas31}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          headers:\n            X-A: {schema: {type: string}, «allowReserved»: true}\n`, messages: ['allowReserved'] },
    { name: '3.1 allowReserved on a query parameter is fine', doc: `${oas31}paths:\n  /a:\n    get:\n      parameters:\n        - {name: q, in: query, schema: {type: string}, allowReserved: true}\n${ok}` },
  ],
  'oas-parameter-unique': [
    { name: 'same name in different locations is fine', doc: `${oas30}paths:\n  /a:\n    get:\n      parameters:\n        - {name: id, in: query, schema: {type: string}}\n        - {name: id, in: header, schema: {type: string}}\n${ok}` },
    { name: 'same name and location twice, one by $ref', doc: `${oas30}paths:\n  /a:\n    get:\n      parameters:\n        - {name: id, in: query, schema: {type: string}}\n        - $ref: «'#/components/parameters/Id'»\n${ok}components:\n  parameters:\n    Id: {name: id, in: query, schema: {type: integer}}\n`, messages: ["Parameter 'id' in query is defined twice"] },
    { name: 'header names are case-insensitive', doc: `${oas30}paths:\n  /a:\n    get:\n      parameters:\n        - {name: X-Id, in: header, schema: {type: string}}\n        - {name: «x-id», in: header, schema: {type: string}}\n${ok}` , messages: ['defined twice'] },
    { name: 'an operation parameter overrides its path item parameter', doc: `${oas30}paths:\n  /a:\n    parameters: [{name: q, in: query, schema: {type: string}}]\n    get:\n      parameters: [{name: q, in: query, schema: {type: integer}}]\n${ok}` },
    { name: '2.0 two body parameters', doc: `${swagger}paths:\n  /a:\n    post:\n      parameters:\n        - {name: a, in: body, schema: {type: object}}\n        - {name: «b», in: body, schema: {type: object}}\n${ok}`, messages: ['more than one body parameter'] },
    { name: '2.0 body with formData', doc: `${swagger}paths:\n  /a:\n    post:\n      consumes: [multipart/form-data]\n      parameters:\n        - {name: a, in: body, schema: {type: object}}\n        - {name: «f», in: formData, type: string}\n${ok}`, messages: ['body and formData parameters cannot be used together'] },
    { name: '2.0 formData without a form consumes', doc: `${swagger}consumes: [application/json]\npaths:\n  /a:\n    post:\n      parameters:\n        - {name: «f», in: formData, type: string}\n${ok}`, messages: ['formData parameters need consumes'] },
    { name: '2.0 formData with an operation-level form consumes', doc: `${swagger}consumes: [application/json]\npaths:\n  /a:\n    post:\n      consumes: [application/x-www-form-urlencoded]\n      parameters:\n        - {name: f, in: formData, type: string}\n${ok}` },
  ],
  'oas-server-variables': [
    { name: 'defined and used variables', doc: `${oas30}servers: [{url: 'https://{env}.example.com', variables: {env: {default: prod, enum: [prod, dev]}}}]\npaths: {}\n` },
    { name: 'default not in enum', doc: `${oas30}servers: [{url: 'https://{env}.example.com', variables: {env: {default: «test», enum: [prod, dev]}}}]\npaths: {}\n`, messages: ["default 'test' of server variable 'env' is not one of its enum values"] },
    { name: 'url variable with no definition', doc: `${oas30}servers: [{url: «'https://{env}.example.com/{version}'», variables: {env: {default: prod}}}]\npaths: {}\n`, messages: ["'version' is used in the url but not defined"] },
    { name: 'url variable, no variables at all (operation servers)', doc: `${oas30}paths:\n  /a:\n    get:\n      servers: [{url: «'https://{region}.example.com'»}]\n${ok}`, messages: ["'region'"] },
    { name: 'a Fn::Sub variable in an included file is not a server variable', doc: `${oas30}servers: [{url: 'https://\${Api}.execute-api.\${AWS::Region}.amazonaws.com/{stage}', variables: {stage: {default: prod}}}]\npaths: {}\n` },
    { name: 'defined but unused variable (warning)', doc: `${oas30}servers: [{url: 'https://example.com', variables: {«env»: {default: prod}}}]\npaths: {}\n`, messages: ["'env' is not used in the url"] },
  ],
  'oas-security-scopes': [
    { name: 'defined scopes (3.x, any flow)', doc: `${oas30}security: [{o: [read, write]}]\npaths: {}\ncomponents:\n  securitySchemes:\n    o: {type: oauth2, flows: {implicit: {authorizationUrl: 'https://a', scopes: {read: r}}, clientCredentials: {tokenUrl: 'https://t', scopes: {write: w}}}}\n` },
    { name: 'undefined scope (3.x)', doc: `${oas30}security: [{o: [read, «admin»]}]\npaths: {}\ncomponents:\n  securitySchemes:\n    o: {type: oauth2, flows: {implicit: {authorizationUrl: 'https://a', scopes: {read: r}}}}\n`, messages: ["Scope 'admin' is not defined by the OAuth2 scheme 'o' (it defines read)"] },
    { name: 'undefined scope (2.0), in an operation', doc: `${swagger}paths:\n  /a:\n    get:\n      security: [{o: [«write»]}]\n${ok}securityDefinitions:\n  o: {type: oauth2, flow: implicit, authorizationUrl: 'https://a', scopes: {read: r}}\n`, messages: ["Scope 'write'"] },
    { name: 'openIdConnect scopes are not listed in the document', doc: `${oas30}security: [{oidc: [profile]}]\npaths: {}\ncomponents:\n  securitySchemes:\n    oidc: {type: openIdConnect, openIdConnectUrl: 'https://a/.well-known/openid-configuration'}\n` },
  ],
  'oas-example-value': [
    { name: 'value and externalValue in components', doc: `${oas30}paths: {}\ncomponents:\n  examples:\n    A: {value: 1, «externalValue»: 'https://a/1.json'}\n    B: {externalValue: 'https://a/2.json'}\n`, messages: ['value and externalValue are mutually exclusive'] },
    { name: 'value and externalValue in a media type', doc: `${oas31}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              examples:\n                one: {value: {a: 1}, «externalValue»: 'https://a/1.json'}\n`, messages: ['mutually exclusive'] },
  ],
  'oas-schema-semantics': [
    { name: 'duplicate enum entries (a warning)', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    A: {type: string, enum: [a, b, «a»]}\n    B: {type: object, enum: [{x: 1}, «{x: 1}»]}\n`, messages: ['Duplicate enum value "a"', 'Duplicate enum value'] },
    { name: 'readOnly and writeOnly both true (3.x)', doc: `${oas30}paths: {}\ncomponents:\n  schemas:\n    A: {type: string, readOnly: true, «writeOnly»: true}\n    B: {type: string, readOnly: true, writeOnly: false}\n`, messages: ['both readOnly and writeOnly'] },
    { name: '2.0 discriminator not required', doc: `${swagger}paths: {}\ndefinitions:\n  Pet: {type: object, discriminator: «kind», properties: {kind: {type: string}}}\n  Cat: {type: object, discriminator: kind, required: [kind], properties: {kind: {type: string}}}\n`, messages: ["The discriminator 'kind' must be listed in required"] },
    { name: '2.0 discriminator not a property', doc: `${swagger}paths: {}\ndefinitions:\n  Pet: {type: object, discriminator: «kind», required: [kind]}\n`, messages: ['must be a property defined in this schema'] },
    { name: '2.0 items without type in a parameter', doc: `${swagger}paths:\n  /a:\n    get:\n      parameters:\n        - {name: ids, in: query, type: array, «items»: {}}\n        - {name: tags, in: query, type: array, items: {type: string}}\n${ok}`, messages: ['items needs a type'] },
    { name: '3.2 xml nodeType with attribute or wrapped', doc: `${oas32}components:\n  schemas:\n    A: {type: string, xml: {nodeType: attribute, «attribute»: true}}\n    B: {type: array, xml: {nodeType: element, «wrapped»: true}}\n    C: {type: string, xml: {attribute: true}}\n`, messages: ['xml.attribute cannot be used with xml.nodeType', 'xml.wrapped'] },
  ],
  'oas-response-code-quoted': [
    { name: 'unquoted YAML status code', doc: `${oas30}paths:\n  /a:\n    get:\n      responses:\n        «200»: {description: ok}\n        '404': {description: no}\n        default: {description: err}\n`, messages: ["Response code 200 is a YAML number: quote it ('200')"] },
    { name: 'JSON keys are strings', file: 'api.json', doc: '{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}}}' },
  ],
};

describe('OpenAPI semantic rules', () => {
  for (const [rule, cases] of Object.entries(table)) {
    for (const testCase of cases) test(`${rule}: ${testCase.name}`, () => assertRuleCase(rule, testCase));
  }
});
