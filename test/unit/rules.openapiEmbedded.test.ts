import { describe, test } from 'node:test';
import { assertRuleCase } from '../support/lintHelpers';

/** A RestApi whose Body is OpenAPI 3, with intrinsic functions where templates put them. */
const restApi = (paths: string, components = '        components:\n          schemas:\n            Order: {type: object}\n'): string =>
  [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  Fn:',
    '    Type: AWS::Lambda::Function',
    '    Properties: {Role: arn:aws:iam::123456789012:role/x, Runtime: python3.12, Handler: a.b, Code: {ZipFile: x}}',
    '  Api:',
    '    Type: AWS::ApiGateway::RestApi',
    '    Properties:',
    '      Body:',
    '        openapi: 3.0.1',
    '        info: {title: orders, version: "1"}',
    '        paths:',
    paths,
  ].join('\n') + '\n' + components;

const integration = '            x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"}';

void describe('OpenAPI embedded in templates is checked in place', () => {
  void test('a clean body with !Sub integration URIs and the built-in Empty model', () => {
    const paths = ['          /orders/{id}:', '            get:', '              parameters: [{name: id, in: path, required: true, schema: {type: string}}]', '              responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Empty"}}}}}', integration.replace('            ', '              ')].join('\n');
    for (const rule of ['oas-path-parameters', 'oas-ref-resolves', 'oas-schema-type']) assertRuleCase(rule, { name: `clean ${rule}`, doc: restApi(paths) });
  });
  void test('an undeclared path parameter is reported on the template', () => {
    const paths = ['          /orders/«{id}»:', '            get:', '              responses: {"200": {description: ok}}'].join('\n');
    assertRuleCase('oas-path-parameters', { name: 'undeclared', doc: restApi(paths), messages: ["'id'"] });
  });
  void test('a $ref that does not resolve gets a did-you-mean', () => {
    const paths = ['          /orders:', '            get:', '              responses: {"200": {description: ok, content: {application/json: {schema: {$ref: «"#/components/schemas/Ordr"»}}}}}'].join('\n');
    assertRuleCase('oas-ref-resolves', { name: 'unresolved', doc: restApi(paths), messages: ['#/components/schemas/Order'] });
  });
  void test('structural completeness is not demanded of embedded bodies (API Gateway imports them)', () => {
    const paths = ['          /orders:', '            get:', '              responses: {}'].join('\n');
    for (const rule of ['oas-responses', 'oas-schema', 'oas-unused-component']) assertRuleCase(rule, { name: `lenient ${rule}`, doc: restApi(paths) });
  });
});

void describe('API Gateway built-in models in standalone documents', () => {
  const doc = (extension: string): string =>
    `swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "500": {description: e, schema: {$ref: «"#/definitions/Error"»}}\n${extension}`;
  void test('with x-amazon-apigateway-* the built-in Error model resolves', () => {
    assertRuleCase('oas-ref-resolves', { name: 'api gateway', file: 'api.yaml', doc: doc('x-amazon-apigateway-binary-media-types: [image/png]\n').replace(/[«»]/g, '') });
  });
  void test('without API Gateway extensions it is an unresolved $ref', () => {
    assertRuleCase('oas-ref-resolves', { name: 'plain', file: 'api.yaml', doc: doc('') });
  });
});

