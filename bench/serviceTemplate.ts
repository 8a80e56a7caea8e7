/**
 * One benchmark "service": 12 resources (IAM role, log group, Lambda function, S3 bucket,
 * DynamoDB table, SQS queue + dead-letter queue + queue policy, SNS topic + subscription,
 * event source mapping, CloudWatch alarm) cross-referenced with `!Ref`, `!GetAtt`, `!Sub`, `!If`.
 * Used by generateTemplate.ts.
 */

// Runtimes supported for creation until at least 2027 (cfn-lint flags deprecated ones, so would we).
const RUNTIMES = ['nodejs22.x', 'python3.12', 'nodejs22.x', 'python3.13'];

/** Logical-id prefix of service `i` (e.g. `Orders000`). */
export function serviceName(i: number): string {
  const domains = ['Orders', 'Billing', 'Catalog', 'Shipping', 'Users', 'Search', 'Reports', 'Audit', 'Inventory', 'Pricing', 'Notify'];
  return `${domains[i % domains.length]}${String(i).padStart(3, '0')}`;
}

/** The 12 resources of one service, as YAML lines indented under `Resources:`. */
export function serviceResources(i: number, random: () => number, privateSubnets: string): string {
  const name = serviceName(i);
  const tags = (indent: string): string =>
    [`${indent}Tags:`, `${indent}  - Key: Service`, `${indent}    Value: ${name.toLowerCase()}`, `${indent}  - Key: Environment`, `${indent}    Value: !Ref Environment`, `${indent}  - Key: CostCenter`, `${indent}    Value: cc-${1000 + (i % 37)}`].join('\n');
  const runtime = RUNTIMES[Math.floor(random() * RUNTIMES.length)]!;
  const python = runtime.startsWith('python');
  const timeout = 10 + Math.floor(random() * 50);
  const code = python
    ? ['import json, os, boto3', "table = boto3.resource('dynamodb').Table(os.environ['TABLE_NAME'])", 'def handler(event, context):', "    for record in event.get('Records', []):", "        table.put_item(Item={'pk': record['messageId'], 'body': record['body']})", "    return {'statusCode': 200, 'body': json.dumps({'ok': True})}"]
    : ["const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');", 'const client = new DynamoDBClient({});', 'exports.handler = async (event) => {', '  for (const record of event.Records ?? []) {', '    await client.send(new PutItemCommand({ TableName: process.env.TABLE_NAME, Item: { pk: { S: record.messageId } } }));', '  }', '  return { statusCode: 200 };', '};'];
  return `  ${name}Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Sub 'arn:\${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole'
      Policies:
        - PolicyName: data-access
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: [dynamodb:PutItem, dynamodb:GetItem, dynamodb:Query]
                Resource: !GetAtt ${name}Table.Arn
              - Effect: Allow
                Action: [sqs:ReceiveMessage, sqs:DeleteMessage, sqs:GetQueueAttributes]
                Resource: !GetAtt ${name}Queue.Arn
              - Effect: Allow
                Action: s3:PutObject
                Resource: !Sub '\${${name}Bucket.Arn}/*'
${tags('      ')}
  ${name}LogGroup:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub '/aws/lambda/\${AWS::StackName}-${name.toLowerCase()}'
      RetentionInDays: !If [IsProduction, 90, 7]
${tags('      ')}
  ${name}Function:
    Type: AWS::Lambda::Function
    DependsOn: ${name}LogGroup
    Properties:
      FunctionName: !Sub '\${AWS::StackName}-${name.toLowerCase()}'
      Description: Handles ${name} messages
      Runtime: ${runtime}
      Handler: index.handler
      Role: !GetAtt ${name}Role.Arn
      MemorySize: !Ref LambdaMemory
      Timeout: ${timeout}
      TracingConfig:
        Mode: Active
      VpcConfig:
        SecurityGroupIds: [!Ref LambdaSecurityGroup]
        SubnetIds: [${privateSubnets}]
      Environment:
        Variables:
          TABLE_NAME: !Ref ${name}Table
          BUCKET_NAME: !Ref ${name}Bucket
          TOPIC_ARN: !Ref ${name}Topic
          STAGE: !Ref Environment
${tags('      ')}
      Code:
        ZipFile: |
${code.map((line) => '          ' + line).join('\n')}
  ${name}Bucket:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: AES256
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
      VersioningConfiguration:
        Status: !If [IsProduction, Enabled, Suspended]
${tags('      ')}
  ${name}Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: pk
          AttributeType: S
        - AttributeName: sk
          AttributeType: S
      KeySchema:
        - AttributeName: pk
          KeyType: HASH
        - AttributeName: sk
          KeyType: RANGE
      GlobalSecondaryIndexes:
        - IndexName: by-sort-key
          KeySchema:
            - AttributeName: sk
              KeyType: HASH
          Projection:
            ProjectionType: KEYS_ONLY
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: !If [IsProduction, true, false]
      SSESpecification:
        SSEEnabled: true
${tags('      ')}
  ${name}DeadLetterQueue:
    Type: AWS::SQS::Queue
    Properties:
      MessageRetentionPeriod: 1209600
${tags('      ')}
  ${name}Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: ${timeout * 6}
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt ${name}DeadLetterQueue.Arn
        maxReceiveCount: 5
${tags('      ')}
  ${name}Topic:
    Type: AWS::SNS::Topic
    Properties:
      DisplayName: ${name} events
${tags('      ')}
  ${name}Subscription:
    Type: AWS::SNS::Subscription
    Properties:
      TopicArn: !Ref ${name}Topic
      Protocol: sqs
      Endpoint: !GetAtt ${name}Queue.Arn
      RawMessageDelivery: true
  ${name}QueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref ${name}Queue]
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: sns.amazonaws.com
            Action: sqs:SendMessage
            Resource: !GetAtt ${name}Queue.Arn
            Condition:
              ArnEquals:
                aws:SourceArn: !Ref ${name}Topic
  ${name}EventSource:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      EventSourceArn: !GetAtt ${name}Queue.Arn
      FunctionName: !Ref ${name}Function
      BatchSize: ${1 + Math.floor(random() * 10)}
  ${name}ErrorAlarm:
    Type: AWS::CloudWatch::Alarm
    Condition: CreateAlarms
    Properties:
      AlarmDescription: !Sub 'Errors in \${${name}Function}'
      Namespace: AWS/Lambda
      MetricName: Errors
      Dimensions:
        - Name: FunctionName
          Value: !Ref ${name}Function
      Statistic: Sum
      Period: 300
      EvaluationPeriods: 1
      Threshold: 1
      ComparisonOperator: GreaterThanOrEqualToThreshold
      TreatMissingData: notBreaching
      AlarmActions: [!Ref ${name}Topic]`;
}
