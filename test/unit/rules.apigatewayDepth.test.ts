/**
 * API Gateway checks nobody else makes: fields per integration type and API kind, path
 * parameter mappings, aws_proxy URIs in 3.x, REST-only / HTTP-only features, and `${...}`
 * without Fn::Sub in inline bodies (with its quick fix), standalone and embedded.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRuleCase, realAnalyzer } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';

/** A standalone OpenAPI 3.0 file with one `GET /pets/{id}` operation whose integration is `integration` (indented 8). */
function oas3(integration: string, extra = ''): string {
  return `openapi: 3.0.1\ninfo: {title: t, version: "1"}\n${extra}paths:\n  /pets/{id}:\n    get:\n      x-amazon-apigateway-integration:\n${integration}`;
}

const lambdaUri = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:F/invocations';
const fn = '  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Role: arn:aws:iam::123456789012:role/r\n      Code: {ZipFile: x}\n';

/** A template whose API resource of `type` carries a body with `POST /items/{id}` and the given integration (indented 16). */
function template(type: string, integration: string, rootExtra = '', bodyKey = 'Body'): string {
  const header = type.startsWith('AWS::Serverless') ? 'Transform: AWS::Serverless-2016-10-31\n' : 'AWSTemplateFormatVersion: "2010-09-09"\n';
  return `${header}Parameters:\n  Stage: {Type: String}\nResources:\n${fn}  Api:\n    Type: ${type}\n    Properties:\n      ${type.startsWith('AWS::Serverless') ? '' : 'Name: a\n      '}${bodyKey}:\n        openapi: 3.0.1\n        info: {title: t, version: "1"}\n${rootExtra}        paths:\n          /items/{id}:\n            post:\n              x-amazon-apigateway-integration:\n${integration}`;
}

const table: Record<string, RuleCase[]> = {
  'apigw-integration': [
    { name: 'path mapping of a path parameter', doc: oas3(`        type: http\n        httpMethod: GET\n        uri: 'https://example.com/{id}'\n        requestParameters: {integration.request.path.id: method.request.path.id}\n`) },
    { name: 'path mapping of a parameter not in the path (REST form)', doc: oas3(`        type: http\n        httpMethod: GET\n        uri: 'https://example.com/{id}'\n        requestParameters: {integration.request.path.id: «method.request.path.petId»}\n`), messages: ["reads path parameter 'petId', which is not in the path '/pets/{id}' (its parameters: id)"] },
    { name: 'path mapping of a parameter not in the path (HTTP API form)', doc: oas3(`        type: http_proxy\n        httpMethod: GET\n        uri: 'https://example.com'\n        payloadFormatVersion: '1.0'\n        requestParameters: {overwrite:path: «$request.path.name»}\n`), messages: ["'name'"] },
    { name: 'a greedy path parameter', doc: `openapi: 3.0.1\ninfo: {title: t, version: "1"}\npaths:\n  /{proxy+}:\n    x-amazon-apigateway-any-method:\n      x-amazon-apigateway-integration:\n        type: http_proxy\n        httpMethod: ANY\n        uri: 'https://example.com/{proxy}'\n        requestParameters: {integration.request.path.proxy: method.request.path.proxy}\n` },
    { name: 'connectionId without VPC_LINK', doc: oas3(`        type: http_proxy\n        httpMethod: GET\n        uri: 'https://example.com'\n        «connectionId»: abc123\n`), messages: ['connectionId is used only with connectionType: VPC_LINK'] },
    { name: 'connectionId with VPC_LINK', doc: oas3(`        type: http_proxy\n        httpMethod: GET\n        uri: 'https://example.com'\n        connectionType: VPC_LINK\n        connectionId: abc123\n`) },
    { name: 'aws_proxy to an S3 ARN in a 3.x document of unknown kind', doc: oas3(`        type: aws_proxy\n        httpMethod: POST\n        uri: «'arn:aws:s3:::bucket/key'»\n`), messages: ["'arn:aws:s3:' is neither an API Gateway service ARN nor a Lambda function ARN"] },
    { name: 'aws_proxy to a URL in a 3.x document', doc: oas3(`        type: aws_proxy\n        httpMethod: POST\n        uri: «'https://example.com'»\n`), messages: ["'https://example.com' is not an ARN"] },
    { name: 'aws_proxy to a Lambda function ARN (HTTP API)', doc: oas3(`        type: aws_proxy\n        httpMethod: POST\n        uri: 'arn:aws:lambda:us-east-1:123456789012:function:F'\n        payloadFormatVersion: '2.0'\n`) },
    { name: 'aws_proxy with the Lambda path', doc: oas3(`        type: aws_proxy\n        httpMethod: POST\n        uri: ${lambdaUri}\n`) },
    { name: 'embedded HTTP API: aws_proxy to an SQS ARN', doc: template('AWS::ApiGatewayV2::Api', `                type: aws_proxy\n                httpMethod: POST\n                uri: «!Sub 'arn:aws:sqs:\${AWS::Region}:123456789012:q'»\n                payloadFormatVersion: '1.0'\n`), messages: ['neither an API Gateway service ARN nor a Lambda function ARN'] },
  ],
  'apigw-api-kind': [
    { name: 'REST-only extensions and fields in an embedded HTTP API', doc: template('AWS::ApiGatewayV2::Api', `                type: aws_proxy\n                httpMethod: POST\n                uri: !GetAtt Fn.Arn\n                payloadFormatVersion: '2.0'\n                «passthroughBehavior»: WHEN_NO_MATCH\n`, '        «x-amazon-apigateway-binary-media-types»: [image/png]\n'), messages: ['x-amazon-apigateway-binary-media-types is a REST API feature', 'integration passthroughBehavior is a REST API feature'] },
    { name: 'HTTP-only fields in an embedded REST API (SAM Api)', doc: template('AWS::Serverless::Api', `                type: aws_proxy\n                httpMethod: POST\n                uri: !Sub 'arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations'\n                «integrationSubtype»: SQS-SendMessage\n`, '', 'DefinitionBody'), messages: ['integration integrationSubtype is an HTTP API feature: this REST API ignores it'] },
    { name: 'standalone file mixing both kinds', doc: oas3(`        type: aws_proxy\n        httpMethod: POST\n        uri: ${lambdaUri}\n        «payloadFormatVersion»: '2.0'\n`, 'x-amazon-apigateway-binary-media-types: [image/png]\n'), messages: ['mixes REST API features (x-amazon-apigateway-binary-media-types) and HTTP API features (integration payloadFormatVersion)'] },
    { name: 'a consistent REST document', doc: oas3(`        type: aws\n        httpMethod: POST\n        uri: ${lambdaUri}\n        passthroughBehavior: WHEN_NO_MATCH\n        requestTemplates: {application/json: '{}'}\n`, 'x-amazon-apigateway-binary-media-types: [image/png]\n') },
  ],
  'apigw-missing-sub': [
    { name: 'inline uri with ${} and no Sub', doc: template('AWS::ApiGateway::RestApi', `                type: aws_proxy\n                httpMethod: POST\n                uri: «arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations»\n`), messages: ['${AWS::Region}, ${Fn.Arn} is written without Fn::Sub'] },
    { name: 'a parameter in a description string', doc: template('AWS::ApiGateway::RestApi', `                type: mock\n`, '        x-note: «"stage \${Stage}"»\n'), messages: ['${Stage}'] },
    { name: 'with !Sub it is fine, and stage variables are API Gateway\'s', doc: template('AWS::ApiGateway::RestApi', `                type: http_proxy\n                httpMethod: GET\n                uri: 'https://\${stageVariables.host}/x'\n                requestTemplates: {application/json: !Sub '{"r": "\${AWS::Region}"}'}\n`) },
    { name: 'an escaped ${!Name} and unknown names are left alone', doc: template('AWS::ApiGateway::RestApi', `                type: mock\n                requestTemplates: {application/json: '{"a": "\${!Fn}", "b": "\${Unknown}"}'}\n`) },
  ],
};

describe('API Gateway depth rules', () => {
  for (const [rule, cases] of Object.entries(table)) {
    for (const testCase of cases) test(`${rule}: ${testCase.name}`, () => assertRuleCase(rule, testCase));
  }
});

describe('apigw-missing-sub quick fix', () => {
  test('YAML: wraps the string in !Sub, and the fixed template is clean', () => {
    const doc = template('AWS::ApiGateway::RestApi', `                type: aws_proxy\n                httpMethod: POST\n                uri: arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations\n`);
    const finding = realAnalyzer().lint('t.yaml', doc).findings.find((f) => f.rule === 'apigw-missing-sub');
    assert.ok(finding?.fixes?.[0]);
    const edit = finding.fixes[0].edits[0]!;
    assert.equal(finding.fixes[0].title, 'Wrap in !Sub');
    const fixed = doc.slice(0, edit.span.start) + edit.newText + doc.slice(edit.span.end);
    assert.match(fixed, /uri: !Sub arn:aws:apigateway:\$\{AWS::Region\}/);
    assert.deepEqual(realAnalyzer().lint('t.yaml', fixed).findings.filter((f) => f.severity === 'error' && f.rule.startsWith('apigw-')).map((f) => `${f.rule}: ${f.message}`), []);
  });

  test('JSON: wraps the string in {"Fn::Sub": ...}', () => {
    const doc = JSON.stringify({
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'a', Body: { openapi: '3.0.1', info: { title: 't', version: '1' }, paths: { '/': { get: { 'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'GET', uri: 'https://${AWS::Region}.example.com' } } } } } } },
      },
    }, null, 2);
    const finding = realAnalyzer().lint('t.json', doc).findings.find((f) => f.rule === 'apigw-missing-sub');
    assert.equal(finding?.fixes?.[0]?.edits[0]?.newText, '{"Fn::Sub": "https://${AWS::Region}.example.com"}');
  });
});
