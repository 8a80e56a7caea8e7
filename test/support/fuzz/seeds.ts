// Seed documents for the fuzzer: one of each shape ArchLens reads (CloudFormation YAML and
// JSON with every section and short-form tag, SAM with Globals, OpenAPI 2.0 / 3.0 / 3.1 with
// API Gateway extensions), plus the demo templates. `npm run fuzz -- --corpus` adds the files
// of ../shared/corpus when it is there; tests never depend on it.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A document to mutate: the file name decides JSON or YAML, as in the CLI. */
export interface Seed {
  readonly fileName: string;
  readonly text: string;
}

const CFN_YAML = `AWSTemplateFormatVersion: '2010-09-09'
Description: Fuzz seed with every section
Parameters:
  Env:
    Type: String
    AllowedValues: [dev, prod]
    Default: dev
  Name:
    Type: String
    AllowedPattern: '^[a-z][a-z0-9-]{2,30}$'
    Default: orders
Mappings:
  Sizes:
    dev: {Memory: 128}
    prod: {Memory: 1024}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 60
      QueueName: !Sub '\${Name}-\${Env}-queue'
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: lambda.amazonaws.com}
            Action: sts:AssumeRole
  Fn:
    Type: AWS::Lambda::Function
    DependsOn: [Queue]
    Condition: IsProd
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: !GetAtt Role.Arn
      MemorySize: !FindInMap [Sizes, !Ref Env, Memory]
      Code: {ZipFile: "def handler(e, c): return 1"}
      Environment:
        Variables:
          QUEUE: !Ref Queue
          JOINED: !Join ['-', [!Ref Name, !Select [0, !GetAZs '']]]
          B64: !Base64 {'Fn::Sub': 'x-\${AWS::Region}'}
  Bucket:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    Properties:
      BucketName: !If [IsProd, !Sub '\${Name}-data', !Ref AWS::NoValue]
      Tags: [{Key: env, Value: !Ref Env}]
Outputs:
  QueueArn:
    Value: !GetAtt Queue.Arn
    Export: {Name: !Sub '\${AWS::StackName}-queue'}
`;

const SAM_YAML = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs20.x
    Timeout: 10
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionBody:
        openapi: 3.0.1
        info: {title: orders, version: '1'}
        paths:
          /orders/{id}:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              x-amazon-apigateway-integration:
                type: aws_proxy
                httpMethod: POST
                uri: !Sub 'arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations'
              responses: {'200': {description: ok}}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      CodeUri: src/
      Events:
        Get: {Type: Api, Properties: {RestApiId: !Ref Api, Path: '/orders/{id}', Method: get}}
  Table:
    Type: AWS::Serverless::SimpleTable
`;

const OPENAPI_30 = `openapi: 3.0.3
info: {title: Pets, version: '1.0'}
servers: [{url: 'https://{host}/v1', variables: {host: {default: api.example.com}}}]
paths:
  /pets/{petId}:
    parameters: [{name: petId, in: path, required: true, schema: {type: string, pattern: '^[0-9]+$'}}]
    get:
      operationId: getPet
      security: [{auth: [read]}]
      responses:
        '200':
          description: A pet
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
              example: {id: 1, name: rex}
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: https://backend.example.com/pets/{petId}
        requestParameters: {integration.request.path.petId: method.request.path.petId}
components:
  securitySchemes:
    auth: {type: oauth2, flows: {implicit: {authorizationUrl: 'https://a.example.com', scopes: {read: r}}}}
  schemas:
    Pet:
      type: object
      required: [id]
      properties:
        id: {type: integer, minimum: 1}
        name: {type: string, maxLength: 20}
        tags: {type: array, items: {$ref: '#/components/schemas/Tag'}}
    Tag: {type: string, enum: [a, b]}
`;

const OPENAPI_31_JSON = JSON.stringify(
  {
    openapi: '3.1.0',
    info: { title: 'Hooks', version: '1' },
    webhooks: { ping: { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Ping' } } } }, responses: { '200': { description: 'ok' } } } } },
    paths: { '/x': { get: { responses: { default: { description: 'd' } }, 'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' } } } } },
    components: { schemas: { Ping: { type: ['object', 'null'], properties: { at: { type: 'string', format: 'date-time' } }, patternProperties: { '^x-': { type: 'string' } }, examples: [{ at: '2026-01-01T00:00:00Z' }] } } },
  },
  null,
  2,
);

const SWAGGER_20 = `swagger: '2.0'
info: {title: Legacy, version: '1'}
basePath: /v1
consumes: [application/json]
paths:
  /items:
    post:
      parameters:
        - {name: body, in: body, required: true, schema: {$ref: '#/definitions/Item'}}
        - {name: q, in: query, type: string, pattern: 'a+'}
      responses: {'201': {description: created}}
      x-amazon-apigateway-integration: {type: aws, httpMethod: POST, uri: 'arn:aws:apigateway:us-east-1:sqs:path/123/q'}
definitions:
  Item:
    type: object
    discriminator: kind
    required: [kind]
    properties: {kind: {type: string}, n: {type: number, example: 3}}
`;

const CFN_JSON = JSON.stringify(
  {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { Size: { Type: 'Number', MinValue: 1, MaxValue: 10, Default: 2 } },
    Resources: {
      Table: { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] } },
      Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { 'Fn::Sub': '${AWS::StackName}-${Size}' } } },
    },
    Outputs: { TableName: { Value: { Ref: 'Table' } }, Arn: { Value: { 'Fn::GetAtt': ['Table', 'Arn'] } } },
  },
  null,
  2,
);

/** The built-in seeds (always available). */
export const BUILT_IN_SEEDS: readonly Seed[] = [
  { fileName: 'cfn.yaml', text: CFN_YAML },
  { fileName: 'sam.yaml', text: SAM_YAML },
  { fileName: 'api.yaml', text: OPENAPI_30 },
  { fileName: 'hooks.json', text: OPENAPI_31_JSON },
  { fileName: 'legacy.yaml', text: SWAGGER_20 },
  { fileName: 'cfn.json', text: CFN_JSON },
];

const SEED_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.template']);
const MAX_SEED_BYTES = 256 * 1024;

/** Template and spec files under `dir` (recursively, at most `limit`, each under 256 KB), as seeds. */
export function seedsFromFolder(dir: string, limit: number): Seed[] {
  const found: Seed[] = [];
  const walk = (folder: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (found.length >= limit) return;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
      else if (entry.isFile() && SEED_EXTENSIONS.has(path.extname(entry.name))) {
        const size = fs.statSync(full).size;
        if (size > 0 && size <= MAX_SEED_BYTES) found.push({ fileName: entry.name, text: fs.readFileSync(full, 'utf8') });
      }
    }
  };
  walk(dir);
  return found;
}
