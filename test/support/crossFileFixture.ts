// A SAM template including an OpenAPI file (AWS::Include) whose integration names a misspelt
// function: the apigw-template-references finding belongs to the OpenAPI file. Shared by the CLI
// tests of findings across files (cliCrossFile.test.ts) and of worker threads (cliPool.test.ts).

// Line 17 holds the Location value ./api/openapi.yaml (column 23).
export const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  ApiLambda:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: python3.12
      CodeUri: src/
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionBody:
        Fn::Transform:
          Name: AWS::Include
          Parameters:
            Location: ./api/openapi.yaml
`;

// Line 10 names APILambda (a typo of ApiLambda); the name starts at column 95.
export const OPENAPI = `openapi: 3.0.1
info: {title: pets, version: "1"}
paths:
  /pets:
    get:
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri:
          Fn::Sub: arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${APILambda.Arn}/invocations
      responses:
        "200": {description: ok}
`;
