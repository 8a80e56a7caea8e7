import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertRuleCase, realAnalyzer, stripMarkers } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';
import { analyzeDocument } from '../../src/engine/analyzedDocument';
import { createAnalyzer } from '../../src/engine/analyzer';
import { findEmbeddedOpenApi, resolveLocation } from '../../src/engine/apigateway/embedded';
import { checkIncludedReferences } from '../../src/engine/apigateway/templateReferences';
import { apiGatewayTemplateReferencesRule } from '../../src/engine/rules/apiGatewayRules';
import type { RuleContext } from '../../src/engine/rules/rule';
import type { Span } from '../../src/engine/document/located';
import type { FileLocation } from '../../src/engine/findings';

const fn = '  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Role: arn:aws:iam::123456789012:role/r\n      Code: {ZipFile: x}\n';

/** A template with a REST API whose body has one `POST /` operation with the given integration (indented by 14). */
function restApi(integration: string, rootExtra = ''): string {
  return `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${fn}  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: a\n      Body:\n        openapi: 3.0.1\n        info: {title: t, version: "1"}\n${rootExtra}        paths:\n          /:\n            post:\n              x-amazon-apigateway-integration:\n${integration}`;
}

/** A SAM template with an HTTP API whose DefinitionBody has one `GET /` operation. */
function samHttpApi(integration: string, rootExtra = ''): string {
  return `Transform: AWS::Serverless-2016-10-31\nResources:\n${fn}  Http:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      DefinitionBody:\n        openapi: 3.0.1\n        info: {title: t, version: "1"}\n${rootExtra}        paths:\n          /:\n            get:\n              x-amazon-apigateway-integration:\n${integration}`;
}

const subUri = '!Sub arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations';

const table: Record<string, RuleCase[]> = {
  'apigw-integration': [
    { name: 'RestApi Body with a !Sub Lambda URI', doc: restApi(`                type: aws_proxy\n                httpMethod: POST\n                uri: ${subUri}\n`) },
    { name: '!Sub URI without /invocations', doc: restApi(`                type: aws_proxy\n                httpMethod: POST\n                uri: «${subUri.replace('/invocations', '')}»\n`), messages: ['it must end in /invocations after the function ARN'] },
    { name: '!Sub URI with a wrong tail', doc: restApi(`                type: aws_proxy\n                httpMethod: POST\n                uri: «${subUri.replace('/invocations', '/invoke')}»\n`), messages: ["it must end in /invocations, not '/invoke'"] },
    { name: 'GetAtt as a REST AWS URI is accepted (deploy-time value)', doc: restApi('                type: aws_proxy\n                httpMethod: POST\n                uri: !GetAtt Fn.Arn\n') },
    { name: 'Fn::Join URI', doc: restApi("                type: aws\n                httpMethod: POST\n                uri: !Join ['', ['arn:aws:apigateway:', !Ref AWS::Region, ':lambda:path/2015-03-31/functions/', !GetAtt Fn.Arn, '/invocations']]\n") },
    { name: 'Fn::Join URI with a bad version', doc: restApi("                type: aws\n                httpMethod: POST\n                uri: «!Join ['', ['arn:aws:apigateway:', !Ref AWS::Region, ':lambda:path/2015-01-01/functions/', !GetAtt Fn.Arn, '/invocations']]»\n"), messages: ['does not start with 2015-03-31/functions/'] },
    { name: 'intrinsics in value positions are some value', doc: restApi(`                type: !Ref AWS::NoValue\n                httpMethod: POST\n                uri: ${subUri}\n                passthroughBehavior: !If [C, never, when_no_match]\n                timeoutInMillis: !Ref AWS::NoValue\n                requestTemplates: !Ref AWS::NoValue\n`) },
    { name: 'REST: AWS type needs an API Gateway service ARN', doc: restApi('                type: aws\n                httpMethod: POST\n                uri: «!Sub "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:f"»\n'), messages: ['REST APIs call Lambda through an API Gateway service ARN'] },
    { name: 'HTTP API: only proxy integrations', doc: samHttpApi('                type: «aws»\n                httpMethod: POST\n                uri: !GetAtt Fn.Arn\n'), messages: ['HTTP APIs support only aws_proxy and http_proxy integrations'] },
    { name: 'HTTP API: a Lambda ARN is fine, payload 2.0', doc: samHttpApi('                type: aws_proxy\n                uri: !GetAtt Fn.Arn\n                payloadFormatVersion: "2.0"\n                timeoutInMillis: 30000\n') },
    { name: 'HTTP API: timeout ceiling 30 s', doc: samHttpApi('                type: aws_proxy\n                uri: !GetAtt Fn.Arn\n                timeoutInMillis: «30001»\n'), messages: ['from 50 to 30000 for HTTP APIs'] },
    { name: 'HTTP API: private integration URI is a listener ARN', doc: samHttpApi('                type: http_proxy\n                httpMethod: ANY\n                connectionType: VPC_LINK\n                connectionId: !Ref Link\n                uri: arn:aws:elasticloadbalancing:us-east-1:1:listener/app/a/b/c\n                payloadFormatVersion: "1.0"\n') },
    {
      name: 'JSON template: ApiGatewayV2 Body',
      file: 'template.json',
      doc: '{"Resources": {"Api": {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Body": {"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {"/": {"get": {"x-amazon-apigateway-integration": {"type": "aws_proxy", "uri": {"Fn::Sub": "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"}, "payloadFormatVersion": «"1"»}}}}}}}}}',
      messages: ["payloadFormatVersion '1' is not 1.0 or 2.0"],
    },
    {
      name: 'an included body is not checked inline, nor an S3 one',
      doc: 'Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Body:\n        Fn::Transform:\n          Name: AWS::Include\n          Parameters: {Location: ./api.yaml}\n  Api2:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      BodyS3Location: {Bucket: b, Key: api.yaml}\n',
    },
  ],
  'apigw-authorizer': [
    {
      name: 'SAM HttpApi: no token authorizers; HTTP identity sources',
      doc: samHttpApi('                type: aws_proxy\n                uri: !GetAtt Fn.Arn\n', `        components:\n          securitySchemes:\n            a:\n              type: apiKey\n              name: A\n              in: header\n              x-amazon-apigateway-authorizer:\n                type: «token»\n                authorizerUri: ${subUri}\n                authorizerPayloadFormatVersion: "2.0"\n                identitySource: «method.request.header.A»\n`),
      messages: ['HTTP APIs support request (Lambda) and jwt authorizers, not token', 'method.request... is the REST form'],
    },
    {
      name: 'HTTP API request authorizer needs a payload format',
      doc: samHttpApi('                type: aws_proxy\n                uri: !GetAtt Fn.Arn\n', `        components:\n          securitySchemes:\n            a:\n              type: apiKey\n              name: A\n              in: header\n              «x-amazon-apigateway-authorizer»:\n                type: request\n                authorizerUri: ${subUri}\n                identitySource: [$request.header.A]\n`),
      messages: ['needs authorizerPayloadFormatVersion'],
    },
  ],
  'apigw-extension-values': [
    { name: 'CORS on a REST API body', doc: restApi(`                type: aws_proxy\n                httpMethod: POST\n                uri: ${subUri}\n`, '        «x-amazon-apigateway-cors»:\n          allowOrigins: ["*"]\n'), messages: ['configures HTTP APIs only'] },
    { name: 'gateway responses on an HTTP API body', doc: samHttpApi('                type: aws_proxy\n                uri: !GetAtt Fn.Arn\n', '        «x-amazon-apigateway-gateway-responses»: {}\n'), messages: ['HTTP APIs have no gateway responses'] },
    { name: 'binary media types from a parameter', doc: restApi(`                type: aws_proxy\n                httpMethod: POST\n                uri: ${subUri}\n`, '        x-amazon-apigateway-binary-media-types: !Ref Types\n        x-amazon-apigateway-policy: !Ref AWS::NoValue\n') },
  ],
  'apigw-unsupported-feature': [
    { name: 'Swagger 2.0 in an HTTP API', doc: 'Resources:\n  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n      Body:\n        «swagger»: "2.0"\n        info: {title: t, version: "1"}\n        paths: {}\n', messages: ['HTTP APIs import OpenAPI 3.0 definitions only'] },
    { name: 'REST body model name', doc: restApi(`                type: aws_proxy\n                httpMethod: POST\n                uri: ${subUri}\n`, '        components:\n          schemas:\n            «Error-Model»: {type: object}\n'), messages: ["Model name 'Error-Model'"] },
  ],
};

void describe('API Gateway extension rules (bodies in templates)', () => {
  for (const [rule, cases] of Object.entries(table)) {
    void describe(rule, () => {
      for (const testCase of cases) void test(testCase.name, () => assertRuleCase(rule, testCase));
    });
  }
  void test('unmarked cases are clean for every apigw rule', () => {
    for (const cases of Object.values(table)) {
      for (const testCase of cases) {
        if (testCase.doc.includes('«')) continue;
        const findings = realAnalyzer().lint(testCase.file ?? 'template.yaml', testCase.doc).findings.filter((finding) => finding.rule.startsWith('apigw-'));
        assert.deepEqual(findings.map((finding) => `${finding.rule}: ${finding.message}`), [], testCase.name);
      }
    }
  });
});

const includingTemplate =
  'Transform: AWS::Serverless-2016-10-31\nParameters:\n  Stage: {Type: String}\nResources:\n  ApiLambda:\n    Type: AWS::Serverless::Function\n    Properties: {Handler: i.h, Runtime: python3.12, CodeUri: .}\n  Role:\n    Type: AWS::IAM::Role\n    Properties: {AssumeRolePolicyDocument: {}}\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      DefinitionBody:\n        Fn::Transform:\n          Name: AWS::Include\n          Parameters:\n            Location: «./openapi.yaml»\n  Http:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      DefinitionUri: «spec/http.yaml»\n  Rest:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Body: {openapi: 3.0.1, info: {title: t, version: "1"}, paths: {}}\n  FromS3:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      DefinitionUri: s3://bucket/api.yaml\n';

const openApiFile = [
  'openapi: 3.0.1',
  'info: {title: t, version: "1"}',
  'paths:',
  '  /a:',
  '    post:',
  '      x-amazon-apigateway-integration:',
  '        type: aws_proxy',
  '        httpMethod: POST',
  '        uri:',
  '          Fn::Sub: arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${APILambda.Arn}/invocations',
  '        credentials: !GetAtt Role.Arnn',
  '  /b:',
  '    post:',
  '      x-amazon-apigateway-integration:',
  '        type: aws',
  '        httpMethod: POST',
  '        uri: !Sub',
  '          - arn:aws:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/${Queue}-${Stage}',
  '          - {Queue: !Ref Queues}',
  '        requestTemplates:',
  '          application/json: "${foo} is VTL, not a template name"',
  '  /c:',
  '    get:',
  '      x-amazon-apigateway-integration:',
  '        type: http_proxy',
  '        httpMethod: GET',
  '        uri: https://${stageVariables.host}/${ApiLambda.Arn}/${Missing.Arn}',
  '',
].join('\n');

void describe('OpenAPI definitions in templates', () => {
  void test('findEmbeddedOpenApi lists inline bodies, local includes and DefinitionUri files, not S3', () => {
    const { text, spans } = stripMarkers(includingTemplate);
    const analyzed = analyzeDocument('template.yaml', text);
    const found = findEmbeddedOpenApi(analyzed.template!);
    assert.deepEqual(
      found.map((entry) => [entry.resource, entry.flavor, entry.source, entry.includeLocation, entry.root !== undefined]),
      [
        ['Api', 'rest', 'include', './openapi.yaml', false],
        ['Http', 'http', 'definitionUri', 'spec/http.yaml', false],
        ['Rest', 'rest', 'body', undefined, true],
      ],
    );
    assert.deepEqual(found.slice(0, 2).map((entry) => entry.span), spans);
  });

  void test('resolveLocation joins relative paths to the template directory', () => {
    assert.equal(resolveLocation('/w/app/template.yaml', './openapi.yaml'), '/w/app/openapi.yaml');
    assert.equal(resolveLocation('/w/app/template.yaml', '../shared/api.yaml'), '/w/shared/api.yaml');
    assert.equal(resolveLocation('C:\\w\\app\\template.yaml', 'spec\\api.yaml'), 'C:/w/app/spec/api.yaml');
    assert.equal(resolveLocation('template.yaml', 'api.yaml'), 'api.yaml');
    assert.equal(resolveLocation('/w/app/template.yaml', '/abs/api.yaml'), '/abs/api.yaml');
  });

  void test('checkIncludedReferences reports names the template lacks, located in the included file', () => {
    const { text } = stripMarkers(includingTemplate);
    const analyzed = analyzeDocument('template.yaml', text);
    const problems = checkIncludedReferences('openapi.yaml', openApiFile, analyzed.template!, realAnalyzer().catalog);
    assert.deepEqual(
      problems.map((problem) => [problem.range.start.line + 1, openApiFile.slice(problem.span.start, problem.span.end), problem.message]),
      [
        [10, 'APILambda.Arn', "${APILambda.Arn} names 'APILambda', which is not a resource of the including template. Did you mean 'ApiLambda'?"],
        [11, 'Role.Arnn', "!GetAtt Role.Arnn: AWS::IAM::Role 'Role' has no attribute 'Arnn'. Did you mean 'Arn'?"],
        [19, 'Queues', "!Ref Queues names 'Queues', which is not a parameter or resource of the including template."],
        [27, 'Missing.Arn', "${Missing.Arn} names 'Missing', which is not a resource of the including template."],
      ],
    );
    // Ranges and spans agree (the range is what front ends show in the other file).
    const line10 = openApiFile.split('\n')[9]!;
    assert.equal(problems[0]!.range.start.character, line10.indexOf('APILambda.Arn'));
  });

  void test('apigw-template-references reads included files through the host and reports in them, anchored at the location', () => {
    const { text, spans } = stripMarkers(includingTemplate);
    const analyzed = analyzeDocument('/w/app/template.yaml', text);
    const read: string[] = [];
    const found: Array<{ span: Span; file: string; line: number; message: string; anchorMessage: string }> = [];
    const context = {
      document: analyzed.document,
      template: analyzed.template,
      catalog: realAnalyzer().catalog,
      options: {},
      kind: analyzed.kind,
      fileName: '/w/app/template.yaml',
      readFile: (path: string) => {
        read.push(path);
        return path.endsWith('openapi.yaml') ? openApiFile : undefined;
      },
      report: () => assert.fail('every finding of this rule belongs to the included file'),
      reportInFile: (span: Span, location: FileLocation, message: string, anchorMessage: string) => found.push({ span, file: location.file, line: location.range.start.line + 1, message, anchorMessage }),
    } satisfies RuleContext;
    apiGatewayTemplateReferencesRule.check(context);
    assert.deepEqual(read, ['/w/app/openapi.yaml', '/w/app/spec/http.yaml']);
    assert.deepEqual(found.map((finding) => [finding.file, finding.line]), [['/w/app/openapi.yaml', 10], ['/w/app/openapi.yaml', 11], ['/w/app/openapi.yaml', 19], ['/w/app/openapi.yaml', 27]]);
    assert.ok(found.every((finding) => finding.span.start === spans[0]!.start && finding.span.end === spans[0]!.end));
    assert.match(found[0]!.message, /^\$\{APILambda\.Arn\} names 'APILambda'/);
    assert.equal(found[0]!.anchorMessage, 'Api includes this file here');
  });

  void test('through the analyzer: findings on the included file, the Location value as anchor and related location', () => {
    const { text, spans } = stripMarkers(includingTemplate);
    const analyzer = createAnalyzer({ catalog: realAnalyzer().catalog, readFile: (path) => (path === '/w/app/openapi.yaml' ? openApiFile : undefined) });
    const findings = analyzer.lint('/w/app/template.yaml', text).findings.filter((finding) => finding.rule === 'apigw-template-references');
    assert.deepEqual(
      findings.map((finding) => [finding.span.start, finding.span.end, finding.severity, finding.otherFile?.file, finding.otherFile?.range.start.line]),
      [9, 10, 18, 26].map((line) => [spans[0]!.start, spans[0]!.end, 'error', '/w/app/openapi.yaml', line]),
    );
    const anchorLine = text.slice(0, spans[0]!.start).split('\n').length - 1;
    assert.deepEqual(findings[0]!.related, [{ file: '/w/app/template.yaml', range: findings[0]!.range, span: spans[0], message: 'Api includes this file here' }]);
    assert.equal(findings[0]!.range.start.line, anchorLine);
  });

  void test('a suppression at the Location line drops the findings it causes in the included file', () => {
    const { text } = stripMarkers(includingTemplate);
    const suppressed = text.replace('            Location: ./openapi.yaml', '            # archlens-disable-next-line apigw-template-references\n            Location: ./openapi.yaml');
    const analyzer = createAnalyzer({ catalog: realAnalyzer().catalog, readFile: (path) => (path === '/w/app/openapi.yaml' ? openApiFile : undefined) });
    assert.equal(analyzer.lint('/w/app/template.yaml', suppressed).findings.filter((finding) => finding.rule === 'apigw-template-references').length, 0);
  });

  void test('absolute locations are read only when the host allows absolute references', () => {
    const text = stripMarkers(includingTemplate).text.replace('./openapi.yaml', '/abs/openapi.yaml');
    const read: string[] = [];
    const readFile = (path: string): string | undefined => {
      read.push(path);
      return undefined;
    };
    createAnalyzer({ catalog: realAnalyzer().catalog, readFile }).lint('/w/app/template.yaml', text);
    assert.deepEqual(read.filter((path) => path.includes('openapi')), []);
    createAnalyzer({ catalog: realAnalyzer().catalog, readFile, followAbsoluteFileRefs: true }).lint('/w/app/template.yaml', text);
    assert.deepEqual(read.filter((path) => path.includes('openapi')), ['/abs/openapi.yaml']);
  });

  void test('apigw-template-references is silent without a host readFile', () => {
    const { text } = stripMarkers(includingTemplate);
    assert.deepEqual(realAnalyzer().lint('template.yaml', text).findings.filter((finding) => finding.rule === 'apigw-template-references'), []);
  });
});
