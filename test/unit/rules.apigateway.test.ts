import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRuleCase, realAnalyzer, stripMarkers } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';

/** A standalone OpenAPI 3.0 file (YAML) with the given `paths` entries and extra root keys. */
function oas3(paths: string, extra = ''): string {
  return `openapi: 3.0.1\ninfo: {title: t, version: "1"}\n${extra}paths:\n${paths}`;
}

/** One operation `GET /pets` whose integration is `integration` (indented by 8). */
function op(integration: string, operationExtra = ''): string {
  return `  /pets:\n    get:\n${operationExtra}      x-amazon-apigateway-integration:\n${integration}`;
}

const lambdaUri = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:F/invocations';
const proxy = `        type: aws_proxy\n        httpMethod: POST\n        uri: ${lambdaUri}\n`;

/** A Swagger 2.0 JSON document (always a REST API) with the given root members. */
function swaggerJson(members: string): string {
  return `{\n  "swagger": "2.0",\n  "info": {"title": "t", "version": "1"},\n${members}\n}\n`;
}

const table: Record<string, RuleCase[]> = {
  'apigw-integration': [
    { name: 'Lambda proxy', doc: oas3(op(proxy)) },
    { name: 'types in any case, mock needs nothing', doc: oas3(op('        type: MOCK\n        requestTemplates:\n          application/json: \'{"statusCode": 200}\'\n')) },
    { name: 'plain OpenAPI without extensions is not looked at', doc: oas3('  /pets:\n    get:\n      responses: {}\n') },
    { name: 'unknown type', doc: oas3(op('        type: «lambda»\n        httpMethod: POST\n        uri: https://example.com\n')), messages: ["Integration type 'lambda' is not one of aws, aws_proxy, http, http_proxy or mock"] },
    { name: 'missing type', doc: oas3('  /pets:\n    get:\n      «x-amazon-apigateway-integration»:\n        httpMethod: POST\n        uri: https://example.com\n'), messages: ['needs a type'] },
    { name: 'aws needs httpMethod and uri', doc: oas3('  /pets:\n    get:\n      «x-amazon-apigateway-integration»:\n        type: aws\n'), messages: ['This aws integration needs httpMethod and uri.'] },
    { name: 'http_proxy needs httpMethod', doc: oas3('  /pets:\n    get:\n      «x-amazon-apigateway-integration»:\n        type: http_proxy\n        uri: https://example.com\n'), messages: ['needs httpMethod'] },
    { name: 'HTTP API service integration needs no uri', doc: oas3(op('        type: aws_proxy\n        integrationSubtype: SQS-SendMessage\n        payloadFormatVersion: "1.0"\n        requestParameters:\n          QueueUrl: https://sqs.us-east-1.amazonaws.com/1/q\n')) },
    { name: 'Lambda path without /invocations', doc: oas3(op(`        type: aws_proxy\n        httpMethod: POST\n        uri: «${lambdaUri.replace('/invocations', '')}»\n`)), messages: ['is not 2015-03-31/functions/{functionArn}/invocations'] },
    { name: 'Lambda path with a bad head', doc: oas3(op(`        type: aws_proxy\n        httpMethod: POST\n        uri: «arn:aws:apigateway:lambda:path/2015-03-31/functions/f/invocations»\n`)), messages: ["'arn:aws:apigateway' should be arn:{partition}:apigateway:{region}"] },
    { name: 'response streaming path', doc: oas3(op('        type: aws_proxy\n        httpMethod: POST\n        responseTransferMode: STREAM\n        uri: arn:aws:apigateway:us-east-1:lambda:path/2021-11-15/functions/arn:aws:lambda:us-east-1:1:function:F/response-streaming-invocations\n')) },
    { name: 'Lambda with GET', doc: oas3(op(`        type: aws_proxy\n        httpMethod: «GET»\n        uri: ${lambdaUri}\n`)), messages: ['Lambda functions are invoked with POST'] },
    { name: 'stage variable in the Lambda ARN', doc: oas3(op('        type: aws\n        httpMethod: POST\n        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:${stageVariables.fn}/invocations\n')) },
    { name: 'http needs a URL', doc: oas3(op('        type: http\n        httpMethod: GET\n        uri: «example.com/pets»\n')), messages: ["'example.com/pets' is not an http:// or https:// URL"] },
    { name: 'http URL with a stage variable host', doc: oas3(op('        type: http_proxy\n        httpMethod: ANY\n        uri: https://${stageVariables.host}/pets\n')) },
    {
      name: 'enums: passthroughBehavior, connectionType, contentHandling',
      doc: oas3(op(`${proxy}        passthroughBehavior: «when_no_matches»\n        connectionType: «PRIVATE»\n        contentHandling: «CONVERT_TO_JSON»\n`)),
      messages: ["Did you mean 'when_no_match'?", "connectionType 'PRIVATE' is not one of INTERNET or VPC_LINK", 'contentHandling'],
    },
    { name: 'enums in upper case', doc: oas3(op(`${proxy}        passthroughBehavior: WHEN_NO_TEMPLATES\n        connectionType: internet\n`)) },
    { name: 'VPC link needs an id', doc: oas3(op('        type: http_proxy\n        httpMethod: GET\n        uri: http://nlb.example.com\n        «connectionType»: VPC_LINK\n')), messages: ['needs a connectionId'] },
    { name: 'VPC link with an id', doc: oas3(op('        type: http_proxy\n        httpMethod: GET\n        uri: http://nlb.example.com\n        connectionType: VPC_LINK\n        connectionId: ${stageVariables.vpcLinkId}\n')) },
    {
      name: 'requestTemplates and responses shapes',
      doc: oas3(
        op(
          '        type: aws\n        httpMethod: POST\n        uri: arn:aws:apigateway:us-east-1:sqs:path/1/q\n        requestTemplates:\n          application/json: «{a: 1}»\n        responses:\n          default:\n            statusCode: "200"\n          2\\d{2}:\n            statusCode: 200\n          «4\\d{2}(»:\n            statusCode: "400"\n          «5\\d{2}»:\n            responseTemplates: {}\n          "302":\n            statusCode: «"3xx"»\n',
        ),
      ),
      messages: ['must be a mapping template string (quote JSON templates as a string)', 'neither \'default\' nor a valid regular expression', "Integration response '5\\d{2}' needs a statusCode", "statusCode '3xx' is not an HTTP status code"],
    },
    { name: 'timeout floor', doc: oas3(op(`${proxy}        timeoutInMillis: «10»\n`)), messages: ['timeoutInMillis 10 is out of range: it must be at least 50.'] },
    { name: 'REST timeout above 29 s is a quota question, not an error', doc: oas3(op(`${proxy}        timeoutInMillis: 60000\n`)) },
    { name: 'CloudFormation names in an integration', doc: oas3(op(`${proxy}        «integrationResponses»:\n          default:\n            statusCode: "200"\n        «ur»: x\n`)), messages: ["no property 'integrationResponses': API Gateway ignores it. Did you mean 'responses'?", "Did you mean 'uri'?"] },
    { name: 'new or unknown keys without a close name are left alone', doc: oas3(op(`${proxy}        integrationTarget: arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/a/b\n        somethingNew: true\n`)) },
    { name: 'payloadFormatVersion', doc: oas3(op(`${proxy}        payloadFormatVersion: «"3.0"»\n`)), messages: ["payloadFormatVersion '3.0' is not 1.0 or 2.0"] },
    { name: 'payloadFormatVersion as a JSON number', file: 'api.json', doc: '{"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {"/": {"get": {"x-amazon-apigateway-integration": {"type": "HTTP_PROXY", "httpMethod": "GET", "uri": "http://example.com", "payloadFormatVersion": 1.0}}}}}' },
    { name: 'payloadFormatVersion 2.0 for an HTTP proxy', doc: oas3(op('        type: http_proxy\n        httpMethod: GET\n        uri: http://example.com\n        payloadFormatVersion: «"2.0"»\n')), messages: ['2.0 is for Lambda proxy integrations only'] },
    { name: 'HTTP API shared integration by $ref', doc: oas3(op('        $ref: "#/components/x-amazon-apigateway-integrations/one"\n'), 'components:\n  x-amazon-apigateway-integrations:\n    one:\n      type: «lambda»\n') },
    {
      name: 'Swagger 2.0 JSON is REST: a Lambda ARN is no AWS integration URI',
      file: 'api.json',
      doc: swaggerJson('  "paths": {"/": {"post": {"x-amazon-apigateway-integration": {"type": "aws_proxy", "httpMethod": "POST", "uri": «"arn:aws:lambda:us-east-1:1:function:F"»}}}}'),
      messages: ['REST APIs call Lambda through an API Gateway service ARN'],
    },
    { name: 'x-amazon-apigateway-any-method operations are checked', doc: oas3('  /{proxy+}:\n    x-amazon-apigateway-any-method:\n      x-amazon-apigateway-integration:\n        type: «aws-proxy»\n'), messages: ["Did you mean 'aws_proxy'?"] },
  ],
  'apigw-authorizer': [
    {
      name: 'REST token, request and Cognito authorizers',
      doc: oas3(
        '  /: {}\n',
        `components:\n  securitySchemes:\n    tok:\n      type: apiKey\n      name: Authorization\n      in: header\n      x-amazon-apigateway-authtype: custom\n      x-amazon-apigateway-authorizer:\n        type: token\n        authorizerUri: ${lambdaUri}\n        authorizerResultTtlInSeconds: "300"\n        identityValidationExpression: "^x-[a-z]+"\n    req:\n      type: apiKey\n      name: Unused\n      in: header\n      x-amazon-apigateway-authorizer:\n        type: REQUEST\n        authorizerUri: ${lambdaUri}\n        identitySource: method.request.header.A, method.request.querystring.q, stageVariables.s, context.c\n    pool:\n      type: apiKey\n      name: Authorization\n      in: header\n      x-amazon-apigateway-authtype: cognito_user_pools\n      x-amazon-apigateway-authorizer:\n        type: cognito_user_pools\n        providerARNs: [arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_x]\n`,
      ),
    },
    {
      name: 'missing type, missing authorizerUri and providerARNs, TTL range',
      doc: oas3(
        '  /: {}\n',
        `components:\n  securitySchemes:\n    a:\n      type: apiKey\n      name: A\n      in: header\n      «x-amazon-apigateway-authorizer»:\n        authorizerUri: ${lambdaUri}\n    b:\n      type: apiKey\n      name: A\n      in: header\n      «x-amazon-apigateway-authorizer»:\n        type: token\n        authorizerResultTtlInSeconds: «7200»\n    c:\n      type: apiKey\n      name: A\n      in: header\n      «x-amazon-apigateway-authorizer»:\n        type: cognito_user_pools\n`,
      ),
      messages: ['needs a type', 'A token authorizer needs an authorizerUri', 'authorizerResultTtlInSeconds 7200 is out of range: it must be from 0 to 3600', 'needs providerARNs'],
    },
    {
      name: 'unknown type and a bad authorizerUri',
      doc: oas3('  /: {}\n', 'components:\n  securitySchemes:\n    a:\n      type: apiKey\n      name: A\n      in: header\n      x-amazon-apigateway-authorizer:\n        type: «lambda»\n        authorizerUri: «arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:F»\n        authorizerCredentials: «[a]»\n'),
      messages: ["Authorizer type 'lambda' is not one of token, request, cognito_user_pools or jwt", 'authorizerUri: ', 'authorizerCredentials must be a string'],
    },
    {
      name: 'token identity source must be a header',
      doc: oas3('  /: {}\n', `components:\n  securitySchemes:\n    a:\n      type: apiKey\n      name: A\n      in: header\n      x-amazon-apigateway-authorizer:\n        type: token\n        authorizerUri: ${lambdaUri}\n        identitySource: «method.request.querystring.token»\n`),
      messages: ['A token authorizer reads the token from a header'],
    },
    {
      name: 'identity source that is neither form',
      doc: oas3('  /: {}\n', `components:\n  securitySchemes:\n    a:\n      type: apiKey\n      name: A\n      in: header\n      x-amazon-apigateway-authorizer:\n        type: request\n        authorizerUri: ${lambdaUri}\n        identitySource: «header.Authorization»\n`),
      messages: ["identitySource 'header.Authorization' is not a request parameter mapping expression"],
    },
    {
      name: 'HTTP API JWT authorizer with openIdConnectUrl needs no issuer',
      doc: oas3('  /: {}\n', 'components:\n  securitySchemes:\n    jwt:\n      type: openIdConnect\n      openIdConnectUrl: https://cognito-idp.us-east-1.amazonaws.com/p/.well-known/openid-configuration\n      x-amazon-apigateway-authorizer:\n        type: jwt\n        jwtConfiguration:\n          audience: [a]\n        identitySource: $request.header.Authorization\n'),
    },
    {
      name: 'JWT authorizer without issuer or configuration',
      doc: oas3('  /: {}\n', 'components:\n  securitySchemes:\n    a:\n      type: oauth2\n      x-amazon-apigateway-authorizer:\n        type: jwt\n        «jwtConfiguration»:\n          audience: [a]\n    b:\n      type: oauth2\n      «x-amazon-apigateway-authorizer»:\n        type: jwt\n'),
      messages: ['jwtConfiguration needs issuer.', 'A jwt authorizer needs jwtConfiguration'],
    },
    {
      name: 'Swagger 2.0 is REST: no jwt, and $request is the HTTP form',
      file: 'api.json',
      doc: swaggerJson(`  "paths": {},\n  "securityDefinitions": {"a": {"type": "apiKey", "name": "A", "in": "header", "x-amazon-apigateway-authorizer": {"type": «"jwt"», "identitySource": «"$request.header.A"», "jwtConfiguration": {"issuer": "https://i", "audience": ["a"]}}}}`),
      messages: ['jwt authorizers exist only for HTTP APIs', '$request... is the HTTP API form'],
    },
    {
      name: 'simple responses need payload format 2.0; authtype is a string',
      doc: oas3('  /: {}\n', `components:\n  securitySchemes:\n    a:\n      type: apiKey\n      name: A\n      in: header\n      x-amazon-apigateway-authtype: «[custom]»\n      x-amazon-apigateway-authorizer:\n        type: request\n        authorizerUri: ${lambdaUri}\n        identitySource: $request.header.A\n        authorizerPayloadFormatVersion: "1.0"\n        enableSimpleResponses: «true»\n`),
      messages: ['x-amazon-apigateway-authtype must be a string', 'enableSimpleResponses needs authorizerPayloadFormatVersion 2.0'],
    },
  ],
  'apigw-request-validator': [
    {
      name: 'defined validators, root default and per operation',
      doc: oas3(op(proxy, '      x-amazon-apigateway-request-validator: body\n'), 'x-amazon-apigateway-request-validators:\n  all:\n    validateRequestBody: true\n    validateRequestParameters: true\n  body:\n    validateRequestBody: "true"\nx-amazon-apigateway-request-validator: all\n'),
    },
    {
      name: 'unknown validator with a suggestion',
      doc: oas3(op(proxy, '      x-amazon-apigateway-request-validator: «bdy»\n'), 'x-amazon-apigateway-request-validators:\n  body:\n    validateRequestBody: true\n  params:\n    validateRequestParameters: true\n'),
      messages: ["Request validator 'bdy' is not defined in x-amazon-apigateway-request-validators. Did you mean 'body'?"],
    },
    { name: 'no validators map', doc: oas3(op(proxy), 'x-amazon-apigateway-request-validator: «all»\n'), messages: ['the document has no x-amazon-apigateway-request-validators map'] },
    {
      name: 'validator entries: booleans, known keys',
      doc: oas3(op(proxy), 'x-amazon-apigateway-request-validators:\n  a:\n    validateRequestBody: «yes please»\n    «validateBody»: true\n  b: «true»\n'),
      messages: ['validateRequestBody must be true or false', "Request validator 'a' has no property 'validateBody'", "Request validator 'b' must be an object"],
    },
  ],
  'apigw-extension-values': [
    {
      name: 'valid root extensions',
      doc: oas3(
        op(proxy),
        "x-amazon-apigateway-binary-media-types: ['image/png', '*/*', 'image~1jpeg']\nx-amazon-apigateway-api-key-source: AUTHORIZER\nx-amazon-apigateway-minimum-compression-size: 1024\nx-amazon-apigateway-gateway-responses:\n  DEFAULT_4XX:\n    statusCode: 400\n    responseParameters:\n      gatewayresponse.header.Access-Control-Allow-Origin: \"'*'\"\n    responseTemplates:\n      application/json: '{\"message\": $context.error.messageString}'\nx-amazon-apigateway-policy:\n  Version: '2012-10-17'\n  Statement: []\n",
      ),
    },
    {
      name: 'bad values',
      doc: oas3(
        op(proxy),
        'x-amazon-apigateway-binary-media-types: «image/png»\nx-amazon-apigateway-api-key-source: «QUERY»\nx-amazon-apigateway-gateway-responses:\n  «DEFAULT_4xx_ERRORS»:\n    statusCode: «"four hundred"»\n    responseParameters:\n      «method.response.header.A»: "\'*\'"\n',
      ),
      messages: ['must be a list of media types (write [image/png])', "x-amazon-apigateway-api-key-source 'QUERY' is not one of HEADER or AUTHORIZER", "'DEFAULT_4xx_ERRORS' is not a gateway response type", "statusCode 'four hundred'", 'must be gatewayresponse.header.Name'],
    },
    { name: 'media types in a list', doc: oas3(op(proxy), 'x-amazon-apigateway-binary-media-types: [«png»]\n'), messages: ["'png' is not a media type"] },
    { name: 'misspelt extension name', doc: oas3(op(proxy), '«x-amazon-apigateway-binary-media-type»: [image/png]\n'), messages: ["Unknown API Gateway extension 'x-amazon-apigateway-binary-media-type': API Gateway ignores it. Did you mean 'x-amazon-apigateway-binary-media-types'?"] },
    { name: 'misspelt integration key on an operation', doc: oas3('  /pets:\n    get:\n      «x-amazon-apigateway-integraton»:\n        type: mock\n'), messages: ["Did you mean 'x-amazon-apigateway-integration'?"] },
    { name: 'other vendors and far names are left alone', doc: oas3(op(proxy), 'x-amazon-apigateway-brand-new-thing: 1\nx-amazon-other: 2\n') },
    {
      name: 'placement: integration on a path item, authorizer on an operation, cors on an operation',
      doc: oas3('  /pets:\n    «x-amazon-apigateway-integration»:\n      type: mock\n    get:\n      «x-amazon-apigateway-authorizer»: {type: token}\n      «x-amazon-apigateway-cors»: {}\n'),
      messages: ['x-amazon-apigateway-integration belongs in an operation', 'belongs in a security scheme', 'belongs in the document root'],
    },
    { name: 'any-method must be an operation object', doc: oas3('  /pets:\n    x-amazon-apigateway-any-method: «POST»\n'), messages: ['x-amazon-apigateway-any-method (an operation object) must be an object'] },
    {
      name: 'HTTP API CORS values',
      doc: oas3(op(proxy), 'x-amazon-apigateway-cors:\n  allowOrigins: «https://example.com»\n  allowCredentials: «"yes"»\n  maxAge: «100000»\n  «allowedHeaders»: [a]\nx-amazon-apigateway-importexport-version: «"2.0"»\n'),
      messages: ['allowOrigins must be a list of strings', 'allowCredentials must be true or false', 'maxAge 100000 is out of range', "x-amazon-apigateway-cors has no property 'allowedHeaders'", "importexport-version '2.0' is not supported"],
    },
    {
      name: 'CORS in a Swagger 2.0 (REST) document',
      file: 'api.json',
      doc: swaggerJson('  "paths": {},\n  «"x-amazon-apigateway-cors"»: {"allowOrigins": ["*"]}'),
      messages: ['x-amazon-apigateway-cors configures HTTP APIs only'],
    },
    { name: 'auth type', doc: oas3('  /pets:\n    get:\n      x-amazon-apigateway-auth:\n        type: «IAM»\n'), messages: ["x-amazon-apigateway-auth type 'IAM' is not one of NONE or AWS_IAM"] },
  ],
  'apigw-unsupported-feature': [
    {
      name: 'REST (Swagger 2.0) model features',
      doc: 'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths:\n  /pets:\n    get:\n      responses:\n        "200":\n          description: ok\n          schema: {$ref: "#/definitions/Pet"}\n      x-amazon-apigateway-integration: {type: mock}\ndefinitions:\n  Pet:\n    type: object\n    «discriminator»: kind\n    properties:\n      id: {type: number, format: «int64», «readOnly»: true}\n      price: {type: number, format: «decimal», «exclusiveMinimum»: true, minimum: 0}\n      tags:\n        type: array\n        items: {type: integer, format: int32}\n',
      messages: ['discriminator', 'format int64: use type integer', 'readOnly', 'decimal', 'exclusiveMinimum'],
    },
    {
      name: 'REST paths and model names',
      doc: 'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths:\n  «/pets/{id}.json»:\n    get:\n      x-amazon-apigateway-integration: {type: mock}\n  «/pets/~me»:\n    get: {}\n  /pets/{proxy+}:\n    get: {}\n  /v1:beta/a_b-c.d,e:\n    get: {}\ndefinitions:\n  «Pet_Model»: {type: object}\n  PetModel2: {type: object}\n',
      messages: ['must be a whole segment', 'can only contain letters', "Model name 'Pet_Model'"],
    },
    {
      name: 'REST method responses: primitive schema and root $ref',
      doc: 'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths:\n  /pets:\n    get:\n      responses:\n        "200":\n          description: ok\n          schema:\n            type: «string»\n        "500": {$ref: «"#/responses/Err"»}\n      x-amazon-apigateway-integration: {type: mock}\nresponses:\n  Err: {description: e}\n',
      messages: ['must be an object, not an inline string', 'write the response inline'],
    },
    {
      name: 'REST security scheme types',
      doc: 'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\nsecurityDefinitions:\n  key: {type: apiKey, name: x-api-key, in: header}\n  basic: {type: «basic»}\nx-amazon-apigateway-api-key-source: HEADER\n',
      messages: ["Security scheme 'basic' has type basic"],
    },
    { name: 'OpenAPI 3.1', doc: 'openapi: «3.1.0»\ninfo: {title: t, version: "1"}\npaths:\n  /:\n    get:\n      x-amazon-apigateway-integration: {type: mock}\n', messages: ['OpenAPI 3.1 is not supported'] },
    {
      name: 'unknown flavor: REST-only limits are not applied',
      doc: oas3('  /pets/{id}.json:\n    get:\n      x-amazon-apigateway-integration:\n        type: aws_proxy\n        httpMethod: POST\n        uri: arn:aws:lambda:us-east-1:1:function:F\n'),
    },
    {
      name: 'inferred HTTP API: several authorizations on one operation',
      doc: oas3('  /pets:\n    get:\n      «security»:\n        - jwt: []\n        - iam: []\n      x-amazon-apigateway-integration:\n        type: aws_proxy\n        httpMethod: POST\n        uri: arn:aws:lambda:us-east-1:1:function:F\n        payloadFormatVersion: "2.0"\n'),
      messages: ['HTTP APIs allow one authorization per operation (IAM, a Lambda authorizer or a JWT authorizer), not 2 (jwt, iam)'],
    },
  ],
};

void describe('API Gateway extension rules (standalone OpenAPI)', () => {
  for (const [rule, cases] of Object.entries(table)) {
    void describe(rule, () => {
      for (const testCase of cases) void test(testCase.name, () => assertRuleCase(rule, { file: 'api.yaml', ...testCase }));
    });
  }
  // A case without marks is valid API Gateway input: no apigw rule may report on it.
  void test('unmarked cases are clean for every apigw rule', () => {
    for (const cases of Object.values(table)) {
      for (const testCase of cases) {
        if (testCase.doc.includes('«')) continue;
        const { text } = stripMarkers(testCase.doc);
        const findings = realAnalyzer().lint(testCase.file ?? 'api.yaml', text).findings.filter((finding) => finding.rule.startsWith('apigw-'));
        assert.deepEqual(findings.map((finding) => `${finding.rule}: ${finding.message}`), [], testCase.name);
      }
    }
  });
});
