/**
 * Golden tests of the price engine: known price x known usage = known monthly figure, with
 * the arithmetic done by hand in the comments (us-east-1 list prices of the shipped table).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../src/engine/analyzedDocument';
import type { CostComponent, CostEstimate, ResourceCost } from '../../src/engine/cost/costTypes';
import { estimateCost, type EstimateOptions } from '../../src/engine/cost/estimate';
import { SHIPPED_PRICES } from '../../src/engine/cost/priceTable';
import { tieredCost } from '../../src/engine/cost/tiers';
import { parseUsageFile } from '../../src/engine/cost/usage';

function estimate(template: string, usageYaml?: string, options: Partial<EstimateOptions> = {}): CostEstimate {
  const analyzed = analyzeDocument('template.yaml', template);
  assert.ok(analyzed.template, 'the test template parses');
  const usage = usageYaml === undefined ? undefined : parseUsageFile(usageYaml).usage;
  return estimateCost(analyzed.template, { prices: SHIPPED_PRICES, region: 'us-east-1', usage, ...options });
}

function resource(result: CostEstimate, id: string): ResourceCost {
  const found = result.resources.find((entry) => entry.logicalId === id);
  assert.ok(found, `resource ${id} is in the estimate`);
  return found;
}

function component(cost: ResourceCost, namePart: string): CostComponent {
  const found = cost.components.find((entry) => entry.name.includes(namePart));
  assert.ok(found, `component '${namePart}' of ${cost.logicalId}; have ${cost.components.map((entry) => entry.name).join(', ')}`);
  return found;
}

/** Money compared to the micro-dollar (the engine rounds to 1e-6). */
function assertMoney(actual: number | null, expected: number, what: string): void {
  assert.ok(actual !== null, `${what} is known`);
  assert.ok(Math.abs(actual - expected) < 1e-5, `${what}: expected ${expected}, got ${actual}`);
}

const header = "AWSTemplateFormatVersion: '2010-09-09'\n";

describe('cost engine: tiers', () => {
  it('applies each tier to its own part of the quantity (S3 across the 50 TB boundary)', () => {
    // 60 TB = 61,440 GB: first 51,200 GB x $0.023 = $1,177.60; next 10,240 GB x $0.022 = $225.28.
    // Total $1,402.88 (the "first price dimension" for all would be 61,440 x 0.023 = $1,413.12).
    const result = estimate(`${header}Resources:\n  Data:\n    Type: AWS::S3::Bucket\n`, 'resources:\n  Data: { storageGB: 61440, monthlyPutRequests: 1000000, monthlyGetRequests: 10000000 }\n');
    const data = resource(result, 'Data');
    assertMoney(component(data, 'Storage').monthly, 1402.88, 'S3 storage');
    // Requests: 1,000k PUT x $0.005 = $5.00; 10,000k GET x $0.0004 = $4.00.
    assertMoney(component(data, 'PUT').monthly, 5, 'PUT requests');
    assertMoney(component(data, 'GET').monthly, 4, 'GET requests');
    assertMoney(data.monthly.usage, 1411.88, 'bucket usage total');
    assert.equal(data.monthly.fixed, 0);
    // The effective unit price is the blend: 1402.88 / 61440.
    assertMoney(component(data, 'Storage').unitPrice, 1402.88 / 61440, 'blended unit price');
  });

  it('tieredCost handles zero, exact boundaries and the open last tier', () => {
    const tiers = [{ upTo: 10, price: 2 }, { upTo: 20, price: 1 }, { upTo: null, price: 0.5 }];
    assert.equal(tieredCost(0, tiers), 0);
    assert.equal(tieredCost(10, tiers), 20); // 10 x 2
    assert.equal(tieredCost(25, tiers), 32.5); // 10 x 2 + 10 x 1 + 5 x 0.5
  });
});

describe('cost engine: compute', () => {
  const lambda = `${header}Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      MemorySize: 1024
      Runtime: nodejs20.x
      Handler: index.handler
      Code: { ZipFile: x }
      Role: arn:aws:iam::123456789012:role/r
`;

  it('prices a Lambda function: requests and GB-seconds (x86), free tier off and stated', () => {
    // 10M requests x $0.20/M = $2.00. GB-s = 10M x 0.2 s x 1 GB = 2,000,000 GB-s x $0.0000166667 = $33.3334.
    // Logs: 5 GB x $0.50 = $2.50. Usage total $37.8334; no fixed cost.
    const result = estimate(lambda, 'resources:\n  Fn: { monthlyRequests: 10000000, averageDurationMs: 200, logsGB: 5 }\n');
    const fn = resource(result, 'Fn');
    assertMoney(component(fn, 'Requests').monthly, 2, 'requests');
    assertMoney(component(fn, 'Compute (x86_64)').monthly, 33.3334, 'compute');
    assertMoney(component(fn, 'Logs').monthly, 2.5, 'logs');
    assertMoney(result.monthly.total, 37.8334, 'total');
    assert.ok(fn.notes.some((note) => note.includes('free tier') && note.includes('not applied')));
    assert.ok(result.assumptions.some((note) => note.includes('free tiers')));
  });

  it('prices arm64 at the Graviton rate', () => {
    // 2,000,000 GB-s x $0.0000133334 = $26.6668.
    const arm = lambda.replace('MemorySize: 1024', 'MemorySize: 1024\n      Architectures: [arm64]');
    const fn = resource(estimate(arm, 'resources:\n  Fn: { monthlyRequests: 10000000, averageDurationMs: 200 }\n'), 'Fn');
    assertMoney(component(fn, 'Compute (arm64)').monthly, 26.6668, 'arm64 compute');
  });

  it('prices a SAM function as a Lambda function, with Globals memory', () => {
    // Globals MemorySize 512 -> 0.5 GB. 1M req x 0.1 s x 0.5 GB = 50,000 GB-s x $0.0000166667 = $0.833335; requests $0.20.
    const sam = `${header}Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    MemorySize: 512
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
`;
    const result = estimate(sam, 'defaults:\n  AWS::Lambda::Function: { monthlyRequests: 1000000, averageDurationMs: 100 }\n');
    const fn = resource(result, 'Api');
    assert.equal(fn.pricedAs, 'AWS::Lambda::Function');
    assertMoney(component(fn, 'Compute').monthly, 0.833335, 'SAM compute');
    assertMoney(component(fn, 'Requests').monthly, 0.2, 'SAM requests');
  });

  it('prices an EC2 instance from a parameter (default, then a given value) plus its gp3 volume', () => {
    const template = `${header}Parameters:
  Size:
    Type: String
    Default: t3.medium
Resources:
  Box:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      InstanceType: !Ref Size
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs: { VolumeSize: 100, VolumeType: gp3, Iops: 4000 }
`;
    // t3.medium $0.0416 x 730 = $30.368; gp3 100 GB x $0.08 = $8.00; IOPS (4,000 - 3,000) x $0.005 = $5.00.
    const byDefault = resource(estimate(template), 'Box');
    assertMoney(component(byDefault, 'Instance hours (t3.medium').monthly, 30.368, 't3.medium hours');
    assertMoney(component(byDefault, 'storage (gp3)').monthly, 8, 'gp3 storage');
    assertMoney(component(byDefault, 'IOPS above').monthly, 5, 'gp3 IOPS');
    assertMoney(byDefault.monthly.fixed, 43.368, 'instance fixed');
    // Given m5.large: $0.096 x 730 = $70.08.
    const given = resource(estimate(template, undefined, { parameters: new Map([['Size', 'm5.large']]) }), 'Box');
    assertMoney(component(given, 'Instance hours (m5.large').monthly, 70.08, 'm5.large hours');
  });

  it('prices a Fargate service: task size x count x 730 h', () => {
    // 0.5 vCPU x 2 tasks x 730 h = 730 vCPU-h x $0.04048 = $29.5504; 1 GB x 2 x 730 = 1,460 GB-h x $0.004445 = $6.4897.
    const template = `${header}Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties: { Cpu: '512', Memory: '1024', RequiresCompatibilities: [FARGATE], ContainerDefinitions: [] }
  Service:
    Type: AWS::ECS::Service
    Properties: { LaunchType: FARGATE, DesiredCount: 2, TaskDefinition: !Ref Task }
`;
    const result = estimate(template);
    const service = resource(result, 'Service');
    assertMoney(component(service, 'vCPU').monthly, 29.5504, 'Fargate vCPU');
    assertMoney(component(service, 'memory').monthly, 6.4897, 'Fargate memory');
    assert.equal(resource(result, 'Task').free, true, 'the task definition itself is free');
    // ARM64: 730 vCPU-h x $0.03238 = $23.6374; 1,460 GB-h x $0.00356 = $5.1976.
    const arm = resource(estimate(template.replace("Memory: '1024',", "Memory: '1024', RuntimePlatform: { CpuArchitecture: ARM64 },")), 'Service');
    assertMoney(component(arm, 'vCPU (arm64)').monthly, 23.6374, 'Fargate ARM vCPU');
    assertMoney(component(arm, 'memory (arm64)').monthly, 5.1976, 'Fargate ARM memory');
  });

  it('prices RDS Multi-AZ instances and doubled storage', () => {
    // db.t3.large MySQL Multi-AZ $0.272 x 730 = $198.56; gp2 100 GB x 2 x $0.115 = $23.00.
    const template = `${header}Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: mysql, DBInstanceClass: db.t3.large, MultiAZ: true, AllocatedStorage: '100' }
`;
    const db = resource(estimate(template), 'Db');
    assertMoney(component(db, 'Instance hours').monthly, 198.56, 'RDS hours');
    assertMoney(component(db, 'Storage').monthly, 23, 'RDS storage');
  });
});

describe('cost engine: data and networking', () => {
  it('prices DynamoDB on-demand and provisioned (with a GSI)', () => {
    // On-demand: 8M WRU x $0.625/M = $5.00; 40M RRU x $0.125/M = $5.00; 40 GB x $0.25 = $10.00.
    // Provisioned: (5 + 5) WCU x 730 h x $0.00065 = $4.745; (10 + 5) RCU x 730 x $0.00013 = $1.4235.
    const template = `${header}Resources:
  OnDemand:
    Type: AWS::DynamoDB::Table
    Properties: { BillingMode: PAY_PER_REQUEST, KeySchema: [], AttributeDefinitions: [] }
  Provisioned:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: []
      AttributeDefinitions: []
      ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 }
      GlobalSecondaryIndexes:
        - IndexName: ByDate
          KeySchema: []
          Projection: { ProjectionType: ALL }
          ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }
`;
    const result = estimate(template, 'resources:\n  OnDemand: { monthlyWriteRequestUnits: 8000000, monthlyReadRequestUnits: 40000000, storageGB: 40 }\n');
    assertMoney(resource(result, 'OnDemand').monthly.usage, 20, 'on-demand usage');
    const provisioned = resource(result, 'Provisioned');
    assertMoney(component(provisioned, 'Write capacity').monthly, 4.745, 'WCU');
    assertMoney(component(provisioned, 'Read capacity').monthly, 1.4235, 'RCU');
    assert.equal(provisioned.monthly.usage, null, 'storage usage unknown');
  });

  it('prices NAT gateway, EIP, interface endpoint per AZ, and an ALB', () => {
    // NAT $0.045 x 730 = $32.85 + 100 GB x $0.045 = $4.50. EIP $0.005 x 730 = $3.65.
    // Interface endpoint in 2 subnets: 2 x 730 x $0.01 = $14.60. ALB $0.0225 x 730 = $16.425 + 2 LCU x 730 x $0.008 = $11.68;
    // internet-facing (the default) in 2 subnets: 2 public IPv4 x 730 x $0.005 = $7.30.
    const template = `${header}Resources:
  Nat:
    Type: AWS::EC2::NatGateway
    Properties: { SubnetId: subnet-1, AllocationId: x }
  Ip:
    Type: AWS::EC2::EIP
  Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties: { VpcEndpointType: Interface, ServiceName: com.amazonaws.us-east-1.sqs, VpcId: vpc-1, SubnetIds: [subnet-1, subnet-2] }
  S3Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties: { ServiceName: com.amazonaws.us-east-1.s3, VpcId: vpc-1 }
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Subnets: [a, b] }
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: { LoadBalancerArn: !Ref Lb, Port: 80, Protocol: HTTP, DefaultActions: [] }
`;
    const result = estimate(template, 'resources:\n  Nat: { dataProcessedGB: 100 }\n  Lb: { averageCapacityUnits: 2 }\n');
    assertMoney(resource(result, 'Nat').monthly.fixed, 32.85, 'NAT hours');
    assertMoney(resource(result, 'Nat').monthly.usage, 4.5, 'NAT data');
    assertMoney(resource(result, 'Ip').monthly.fixed, 3.65, 'EIP');
    assertMoney(resource(result, 'Endpoint').monthly.fixed, 14.6, 'interface endpoint');
    assert.equal(resource(result, 'S3Endpoint').free, true, 'gateway endpoint is free');
    assertMoney(component(resource(result, 'Lb'), 'Load balancer hours').monthly, 16.425, 'ALB hours');
    assertMoney(component(resource(result, 'Lb'), 'Public IPv4').monthly, 7.3, 'ALB public IPv4');
    assertMoney(resource(result, 'Lb').monthly.usage, 11.68, 'ALB LCUs');
    assert.equal(resource(result, 'Listener').free, true);
    // Fixed 32.85 + 3.65 + 14.60 + 16.425 + 7.30 = 74.825; usage 4.50 + 11.68 = 16.18 (endpoint data unknown: left out).
    assertMoney(result.monthly.fixed, 74.825, 'fixed total');
    assertMoney(result.monthly.usage, 16.18, 'usage total');
    assertMoney(result.monthly.total, 91.005, 'total');
    assert.equal(result.leftOut, 1, 'the endpoint data is left out and counted');
  });

  it('applies API Gateway REST request tiers across 333M', () => {
    // 400M requests: 333M x $3.50 = $1,165.50; 67M x $2.80 = $187.60. Total $1,353.10.
    const template = `${header}Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties: { Name: a }\n`;
    const api = resource(estimate(template, 'resources:\n  Api: { monthlyRequests: 400000000 }\n'), 'Api');
    assertMoney(api.monthly.usage, 1353.1, 'REST requests');
  });

  it('prices small fixed-fee resources: KMS key, secret, alarm, dashboard, hosted zone', () => {
    // $1 + $0.40 + $0.10 + $3.00 + $0.50 = $5.00 fixed; their usage is unknown and left out.
    const template = `${header}Resources:
  Key: { Type: AWS::KMS::Key, Properties: { KeyPolicy: {} } }
  Secret: { Type: AWS::SecretsManager::Secret }
  Alarm: { Type: AWS::CloudWatch::Alarm, Properties: { MetricName: Errors, Namespace: AWS/Lambda, Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: GreaterThanThreshold, Statistic: Sum } }
  Board: { Type: AWS::CloudWatch::Dashboard, Properties: { DashboardBody: '{}' } }
  Zone: { Type: AWS::Route53::HostedZone, Properties: { Name: example.com } }
`;
    const result = estimate(template);
    assertMoney(result.monthly.fixed, 5, 'fixed fees');
    assert.equal(result.monthly.usage, null, 'no usage given: usage is null, not $0');
    assert.equal(result.leftOut, 3, 'KMS requests, secret API calls and zone queries left out');
  });
});

describe('cost engine: unknowns, conditions, regions, hostile names', () => {
  it('keeps unknown usage out of the total, never $0, with the per-unit price', () => {
    const result = estimate(`${header}Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n`);
    const requests = component(resource(result, 'Queue'), 'Requests');
    assert.equal(requests.quantity, null);
    assert.equal(requests.monthly, null);
    assert.equal(requests.unitPrice, 0.4);
    assert.match(requests.note ?? '', /\$0\.4 per 1M requests, depends on usage/);
    assert.equal(result.monthly.total, 0);
    assert.equal(result.leftOut, 1);
  });

  it('a preset fills unknown usage (medium: 25M SQS requests x $0.40/M = $10.00)', () => {
    const result = estimate(`${header}Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n`, undefined, { preset: 'medium' });
    assertMoney(result.monthly.usage, 10, 'medium preset');
    assert.equal(result.leftOut, 0);
  });

  it('evaluates Fn::If and resource conditions on parameters; says so when it cannot', () => {
    const template = `${header}Parameters:
  Env: { Type: String, Default: dev }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Box:
    Type: AWS::EC2::Instance
    Properties: { ImageId: ami-1, InstanceType: !If [IsProd, m5.large, t3.medium] }
  ProdOnly:
    Type: AWS::EC2::EIP
    Condition: IsProd
  Unknowable:
    Type: AWS::EC2::Instance
    Properties: { ImageId: ami-1, InstanceType: !GetAtt Something.Type }
`;
    const dev = estimate(template);
    assert.ok(component(resource(dev, 'Box'), 'Instance hours').name.includes('t3.medium'));
    assert.deepEqual(dev.notCreated, ['ProdOnly']);
    const prod = estimate(template, undefined, { parameters: new Map([['Env', 'prod']]) });
    assert.ok(component(resource(prod, 'Box'), 'Instance hours').name.includes('m5.large'));
    assert.ok(prod.resources.some((entry) => entry.logicalId === 'ProdOnly'));
    const unknowable = component(resource(dev, 'Unknowable'), 'Instance hours');
    assert.equal(unknowable.monthly, null);
    assert.match(unknowable.note ?? '', /cannot be resolved offline/);
  });

  it('a region without prices says "unknown (no price for REGION)", never $0', () => {
    const result = estimate(`${header}Resources:\n  Ip:\n    Type: AWS::EC2::EIP\n  Role:\n    Type: AWS::IAM::Role\n    Properties: { AssumeRolePolicyDocument: {} }\n`, undefined, { region: 'ap-south-2' });
    const hours = component(resource(result, 'Ip'), 'IPv4');
    assert.equal(hours.monthly, null);
    assert.equal(hours.unitPrice, null);
    assert.match(hours.note ?? '', /unknown \(no price for ap-south-2\)/);
    assert.equal(resource(result, 'Role').free, true, 'free stays free in any region');
    assert.equal(result.leftOut, 1);
    assert.ok(result.assumptions.some((note) => note.includes('ap-south-2')));
  });

  it('an instance type without a price is unknown, not $0', () => {
    const result = estimate(`${header}Resources:\n  Box:\n    Type: AWS::EC2::Instance\n    Properties: { ImageId: ami-1, InstanceType: x9.mega }\n`);
    const hours = component(resource(result, 'Box'), 'Instance hours');
    assert.equal(hours.monthly, null);
    assert.match(hours.note ?? '', /no price for ec2 instance x9\.mega in us-east-1/);
  });

  it('hostile logical ids in the usage file are plain keys', () => {
    const template = `${header}Resources:\n  constructor:\n    Type: AWS::SQS::Queue\n  __proto__:\n    Type: AWS::SQS::Queue\n  toString:\n    Type: AWS::SQS::Queue\n`;
    // constructor: 1M x $0.40 = $0.40; __proto__: 2M x $0.40 = $0.80; toString has no entry: unknown.
    const usage = 'resources:\n  constructor: { monthlyRequests: 1000000 }\n  __proto__: { monthlyRequests: 2000000 }\ndefaults:\n  hasOwnProperty: { monthlyRequests: 5 }\n';
    const { problems } = parseUsageFile(usage);
    assert.deepEqual(problems, []);
    const result = estimate(template, usage);
    assertMoney(resource(result, 'constructor').monthly.usage, 0.4, 'constructor');
    assertMoney(resource(result, '__proto__').monthly.usage, 0.8, '__proto__');
    assert.equal(resource(result, 'toString').monthly.usage, null);
    assert.equal(({} as Record<string, unknown>)['monthlyRequests'], undefined, 'no prototype was polluted');
  });

  it('reports bad usage files without throwing', () => {
    const { usage, problems } = parseUsageFile('resources:\n  Fn: { monthlyRequests: lots, averageDurationMs: -3 }\n  Other: 5\npreset: huge\nextra: 1\n');
    assert.equal(usage.resources.get('Fn')?.size, 0);
    assert.equal(problems.length, 5, problems.join('\n'));
    assert.deepEqual(parseUsageFile('[1, 2').problems.length > 0, true);
  });

  it('shows free resources as free and unknown types as not priced', () => {
    const template = `${header}Resources:
  Role: { Type: AWS::IAM::Role, Properties: { AssumeRolePolicyDocument: {} } }
  Perm: { Type: AWS::Lambda::Permission, Properties: { Action: x, FunctionName: y, Principal: z } }
  Odd: { Type: AWS::Foo::Bar }
`;
    const result = estimate(template);
    assert.equal(resource(result, 'Role').free, true);
    assert.equal(resource(result, 'Perm').free, true);
    const odd = resource(result, 'Odd');
    assert.equal(odd.free, false);
    assert.equal(odd.supported, false);
    assert.equal(odd.monthly.fixed, null, 'not priced is not $0');
    assert.ok(odd.notes.some((note) => note.includes('not priced yet')));
  });
});

describe('cost engine: messaging', () => {
  it('prices SNS HTTP deliveries only for topics with an HTTP/S subscriber', () => {
    // Publishes 3M x $0.50/M = $1.50; HTTP deliveries 3M x $0.60/M = $1.80.
    const template = `${header}Resources:
  Hooks: { Type: AWS::SNS::Topic }
  HookSub: { Type: AWS::SNS::Subscription, Properties: { TopicArn: !Ref Hooks, Protocol: https, Endpoint: 'https://example.com' } }
  Internal: { Type: AWS::SNS::Topic }
`;
    const result = estimate(template, 'defaults:\n  AWS::SNS::Topic: { monthlyPublishes: 3000000, monthlyHttpDeliveries: 3000000 }\n');
    assertMoney(resource(result, 'Hooks').monthly.usage, 3.3, 'topic with HTTP subscriber');
    assertMoney(resource(result, 'Internal').monthly.usage, 1.5, 'internal topic: publishes only');
    assert.equal(resource(result, 'HookSub').free, true);
  });

  it('prices Kinesis shards from the template and Step Functions transitions from usage', () => {
    // 2 shards x 730 h x $0.015 = $21.90. 1M transitions = 1,000 x $0.025 = $25.00.
    const template = `${header}Resources:
  Stream: { Type: AWS::Kinesis::Stream, Properties: { ShardCount: 2 } }
  Flow: { Type: AWS::StepFunctions::StateMachine, Properties: { RoleArn: r, DefinitionString: '{}' } }
`;
    const result = estimate(template, 'resources:\n  Flow: { monthlyStateTransitions: 1000000 }\n');
    assertMoney(resource(result, 'Stream').monthly.fixed, 21.9, 'shards');
    assertMoney(resource(result, 'Flow').monthly.usage, 25, 'transitions');
  });
});

describe('cost engine: hostile templates', () => {
  it('stays fast on conditions that fan out, cycle, and FindInMap keys nested deeply', () => {
    // 30 conditions each referencing the next one 10 times: 10^30 evaluations without a memo.
    const conditions = Array.from({ length: 30 }, (_, i) => `  C${i}: !And [${Array(10).fill(`!Condition C${i + 1}`).join(', ')}]`).join('\n');
    let nested = 'm5.large';
    for (let i = 0; i < 40; i++) nested = `!FindInMap [M, !FindInMap [M, k, k], ${i === 0 ? 'k' : nested}]`;
    const template = `${header}Conditions:
${conditions}
  C30: !Equals [a, a]
  Loop1: !Condition Loop2
  Loop2: !Condition Loop1
Mappings:
  M: { k: { k: M } }
Resources:
  Box:
    Type: AWS::EC2::Instance
    Condition: C0
    Properties: { ImageId: ami-1, InstanceType: ${nested} }
  Looping:
    Type: AWS::EC2::EIP
    Condition: Loop1
`;
    const start = performance.now();
    const result = estimate(template);
    assert.ok(performance.now() - start < 2000, 'bounded work');
    assert.ok(resource(result, 'Box'), 'C0 holds (all operands are true)');
    assert.ok(resource(result, 'Looping').notes.some((note) => note.includes('cannot be evaluated offline')));
    assert.equal(component(resource(result, 'Box'), 'Instance hours').monthly, null, 'unresolvable instance type stays unknown');
  });
});

describe('cost engine: edge and build', () => {
  it('applies CloudFront data-out tiers across 10 TB and prices HTTPS requests', () => {
    // 20 TB = 20,480 GB: 10,240 x $0.085 = $870.40; 10,240 x $0.08 = $819.20 -> $1,689.60.
    // 50M HTTPS requests = 5,000 x $0.01 = $50.00. Usage total $1,739.60.
    const template = `${header}Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties: { DistributionConfig: { Enabled: true } }\n`;
    const cdn = resource(estimate(template, 'resources:\n  Cdn: { dataOutGB: 20480, monthlyRequests: 50000000 }\n'), 'Cdn');
    assertMoney(component(cdn, 'Data out').monthly, 1689.6, 'data out');
    assertMoney(cdn.monthly.usage, 1739.6, 'CloudFront usage');
  });

  it('prices CodeBuild minutes by compute type', () => {
    // 1,000 minutes of BUILD_GENERAL1_MEDIUM x $0.01 = $10.00.
    const template = `${header}Resources:\n  Build:\n    Type: AWS::CodeBuild::Project\n    Properties: { Environment: { ComputeType: BUILD_GENERAL1_MEDIUM, Image: i, Type: LINUX_CONTAINER }, Source: { Type: NO_SOURCE }, Artifacts: { Type: NO_ARTIFACTS }, ServiceRole: r }\n`;
    assertMoney(resource(estimate(template, 'resources:\n  Build: { monthlyBuildMinutes: 1000 }\n'), 'Build').monthly.usage, 10, 'build minutes');
  });
});

describe('cost engine: the shipped price table', () => {
  it('every entry has a source, a date, and ascending tiers ending open', () => {
    let newest = '';
    for (const [region, prices] of SHIPPED_PRICES.regions) {
      for (const [key, entry] of prices) {
        const where = `${region} ${key}`;
        assert.ok(entry.source.length > 10, `${where} has a source`);
        assert.match(entry.date, /^\d{4}-\d{2}$/, `${where} has a date`);
        assert.ok(entry.unit !== '', `${where} has a unit`);
        assert.equal(entry.tiers.at(-1)?.upTo, null, `${where}: the last tier is open`);
        for (let i = 1; i < entry.tiers.length - 1; i++) assert.ok(entry.tiers[i]!.upTo! > entry.tiers[i - 1]!.upTo!, `${where}: tiers ascend`);
        // Only an included allowance may be $0: a first tier followed by paid ones (Cognito's 10,000 MAUs).
        entry.tiers.forEach((tier, index) => assert.ok(tier.price > 0 || (index === 0 && entry.tiers.length > 1), `${where}: a listed price is never $0`));
        if (entry.date > newest) newest = entry.date;
      }
    }
    assert.equal(SHIPPED_PRICES.priceDate, newest, 'the table is dated by its newest entry');
  });
});
