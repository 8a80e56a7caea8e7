/**
 * The architecture graph (`buildGraph`) on real-shaped templates: exact edges with kind
 * and direction, groups, node placement, details, and speed on the 1,750-resource template.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateTemplate } from '../../bench/generateTemplate';
import { analyzeDocument } from '../../src/engine/analyzedDocument';
import { buildGraph } from '../../src/engine/graph/buildGraph';
import { categoryOf, serviceOf } from '../../src/engine/graph/categories';
import type { ArchitectureGraph, EdgeKind, GraphNode } from '../../src/engine/graph/graphTypes';
import { withoutFrame } from './graphFrame';

function graphOf(text: string, fileName = 'template.yaml'): ArchitectureGraph {
  return withoutFrame(buildGraph(analyzeDocument(fileName, text)));
}

/** Edges as `from -kind-> to` strings, in graph order. */
function edgeList(graph: ArchitectureGraph, kinds?: readonly EdgeKind[]): string[] {
  return graph.edges.filter((edge) => !kinds || kinds.includes(edge.kind)).map((edge) => `${edge.from} -${edge.kind}-> ${edge.to}`);
}

function node(graph: ArchitectureGraph, id: string): GraphNode {
  const found = graph.nodes.find((candidate) => candidate.id === id);
  assert.ok(found, `no node ${id}`);
  return found;
}

/** Node id -> group id for every node (undefined when ungrouped). */
function placement(graph: ArchitectureGraph): Record<string, string | undefined> {
  return Object.fromEntries(graph.nodes.map((candidate) => [candidate.id, candidate.group]));
}

const SAM_APP = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: Orders service
Globals:
  Function:
    Runtime: python3.12
    MemorySize: 256
Parameters:
  Stage:
    Type: String
    Default: prod
Resources:
  OrdersQueue:
    Type: AWS::SQS::Queue
  UploadsBucket:
    Type: AWS::S3::Bucket
  OrdersTable:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
  OrdersApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: !Ref Stage
  ProcessOrder:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      CodeUri: src/
      Environment:
        Variables:
          TABLE: !Ref OrdersTable
          REGION: !Sub '\${AWS::Region}'
      Policies:
        - AWSLambdaBasicExecutionRole
        - DynamoDBCrudPolicy:
            TableName: !Ref OrdersTable
        - Statement:
            - Effect: Allow
              Action: s3:GetObject
              Resource: !Sub '\${UploadsBucket.Arn}/*'
      Events:
        Queue:
          Type: SQS
          Properties:
            Queue: !GetAtt OrdersQueue.Arn
            BatchSize: 10
        Upload:
          Type: S3
          Properties:
            Bucket: !Ref UploadsBucket
            Events: s3:ObjectCreated:*
        Http:
          Type: Api
          Properties:
            RestApiId: !Ref OrdersApi
            Path: /orders
            Method: post
        Nightly:
          Type: Schedule
          Properties:
            Schedule: rate(1 day)
  RoleArnParameter:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !GetAtt ProcessOrderRole.Arn
  ErrorsAlarm:
    Type: AWS::CloudWatch::Alarm
    DependsOn: ProcessOrder
    Properties:
      Namespace: AWS/Lambda
      MetricName: Errors
      Threshold: 1
      Dimensions:
        - Name: FunctionName
          Value: !Ref ProcessOrder
Outputs:
  Api:
    Value: !Sub 'https://\${OrdersApi}.execute-api.\${AWS::Region}.amazonaws.com/\${Stage}'
`;

const NETWORK = `AWSTemplateFormatVersion: '2010-09-09'
Description: Two AZs, public and private subnets, a web tier and a database
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  InternetGateway:
    Type: AWS::EC2::InternetGateway
  GatewayAttachment:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties:
      VpcId: !Ref Vpc
      InternetGatewayId: !Ref InternetGateway
  PublicSubnetA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.0.0/24
      AvailabilityZone: !Select [0, !GetAZs '']
      MapPublicIpOnLaunch: true
  PublicSubnetB:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.1.0/24
      AvailabilityZone: !Select [1, !GetAZs '']
  PrivateSubnetA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.10.0/24
      AvailabilityZone: !Select [0, !GetAZs '']
  PrivateSubnetB:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.11.0/24
      AvailabilityZone: !Select ['1', !GetAZs { Ref: 'AWS::Region' }]
  IsolatedSubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.20.0/24
      AvailabilityZone: eu-west-1c
  NatGateway:
    Type: AWS::EC2::NatGateway
    Properties:
      SubnetId: !Ref PublicSubnetA
      AllocationId: !GetAtt NatAddress.AllocationId
  NatAddress:
    Type: AWS::EC2::EIP
  PublicRoutes:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: !Ref Vpc
  PublicAssociationA:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      SubnetId: !Ref PublicSubnetA
      RouteTableId: !Ref PublicRoutes
  LoadBalancerSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: HTTPS from anywhere
      VpcId: !Ref Vpc
  WebSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: Web servers
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - SourceSecurityGroupId: !Ref LoadBalancerSecurityGroup
          IpProtocol: tcp
          FromPort: 80
          ToPort: 80
  DatabaseSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: Database
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - SourceSecurityGroupId: !GetAtt WebSecurityGroup.GroupId
          IpProtocol: tcp
          FromPort: 5432
          ToPort: 5432
  LoadBalancer:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internet-facing
      Subnets: [!Ref PublicSubnetA, !Ref PublicSubnetB]
      SecurityGroups: [!Ref LoadBalancerSecurityGroup]
  LaunchTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        InstanceType: t3.small
        ImageId: ami-0123456789abcdef0
        SecurityGroupIds: [!Ref WebSecurityGroup]
  WebServers:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '2'
      MaxSize: '4'
      VPCZoneIdentifier:
        - !Ref PrivateSubnetA
        - !Ref PrivateSubnetB
      LaunchTemplate:
        LaunchTemplateId: !Ref LaunchTemplate
        Version: !GetAtt LaunchTemplate.LatestVersionNumber
  DatabaseSubnets:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupDescription: Private subnets
      SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: 20
      DBSubnetGroupName: !Ref DatabaseSubnets
      VPCSecurityGroups: [!GetAtt DatabaseSecurityGroup.GroupId]
      MasterUsername: app
      ManageMasterUserPassword: true
  Bastion:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: t3.nano
      ImageId: ami-0123456789abcdef0
      NetworkInterfaces:
        - DeviceIndex: '0'
          SubnetId: !Ref PublicSubnetA
  BatchJob:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/batch
      Code: { ZipFile: 'exports.handler = async () => {}' }
      VpcConfig:
        SubnetIds: [!Ref IsolatedSubnet]
        SecurityGroupIds: [!Ref WebSecurityGroup]
`;

const EVENTS = `AWSTemplateFormatVersion: '2010-09-09'
Description: S3 notifications, SNS subscriptions, EventBridge and an event source mapping
Resources:
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      MemorySize: 512
      Role: !GetAtt WorkerRole.Arn
      Code: { ZipFile: 'exports.handler = async () => {}' }
  WorkerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
      Policies:
        - PolicyName: table
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [dynamodb:GetItem, dynamodb:Query]
                Resource:
                  - !GetAtt Table.Arn
                  - !Sub '\${Table.Arn}/index/*'
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
  QueuePolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: queue
      Roles: [!Ref WorkerRole]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: sqs:*
            Resource: !GetAtt Jobs.Arn
          - Effect: Allow
            Action: dynamodb:PutItem
            Resource: !GetAtt Table.Arn
            Condition:
              StringEquals: { 'aws:ResourceTag/owner': !Ref Uploads }
  AuditPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: !Sub 'arn:aws:s3:::\${Uploads}/*'
  Jobs:
    Type: AWS::SQS::Queue
  Uploads:
    Type: AWS::S3::Bucket
    DependsOn: [UploadsPermission]
    Properties:
      NotificationConfiguration:
        LambdaConfigurations:
          - Event: s3:ObjectCreated:*
            Function: !GetAtt Worker.Arn
        QueueConfigurations:
          - Event: s3:ObjectRemoved:*
            Queue: !GetAtt Jobs.Arn
  UploadsPermission:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref Worker
      Principal: s3.amazonaws.com
  Alerts:
    Type: AWS::SNS::Topic
    Properties:
      Subscription:
        - Protocol: sqs
          Endpoint: !GetAtt Jobs.Arn
  WorkerSubscription:
    Type: AWS::SNS::Subscription
    Properties:
      Protocol: lambda
      TopicArn: !Ref Alerts
      Endpoint: !GetAtt Worker.Arn
  Bus:
    Type: AWS::Events::EventBus
    Properties:
      Name: orders
  OrderPlaced:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !Ref Bus
      EventPattern: { source: [shop] }
      Targets:
        - Id: worker
          Arn: !GetAtt Worker.Arn
        - Id: alerts
          Arn: !Ref Alerts
  JobsMapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      EventSourceArn: !GetAtt Jobs.Arn
      FunctionName: !Ref Worker
`;

const NESTED = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Network:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://example.com/network.yaml
  Database:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://example.com/database.yaml
      Parameters:
        SubnetIds: !GetAtt Network.Outputs.PrivateSubnets
  Auth:
    Type: AWS::Serverless::Application
    Properties:
      Location:
        ApplicationId: arn:aws:serverlessrepo:us-east-1:123456789012:applications/auth
        SemanticVersion: 1.0.0
      Parameters:
        DatabaseEndpoint: !GetAtt Database.Outputs.Endpoint
`;

void describe('buildGraph: SAM application', () => {
  const graph = graphOf(SAM_APP);

  void test('one node per resource, SAM types kept, what they create in details', () => {
    assert.deepEqual(
      graph.nodes.map((candidate) => [candidate.id, candidate.type, candidate.service, candidate.category, candidate.auxiliary]),
      [
        ['OrdersQueue', 'AWS::SQS::Queue', 'SQS', 'integration', false],
        ['UploadsBucket', 'AWS::S3::Bucket', 'S3', 'storage', false],
        ['OrdersTable', 'AWS::DynamoDB::Table', 'DynamoDB', 'database', false],
        ['OrdersApi', 'AWS::Serverless::Api', 'Serverless', 'api', false],
        ['ProcessOrder', 'AWS::Serverless::Function', 'Serverless', 'compute', false],
        ['RoleArnParameter', 'AWS::SSM::Parameter', 'SSM', 'management', true],
        ['ErrorsAlarm', 'AWS::CloudWatch::Alarm', 'CloudWatch', 'monitoring', false],
      ],
    );
    // Literal values only (StageName is a !Ref), Globals fill in for SAM functions.
    assert.deepEqual(node(graph, 'OrdersApi').details, { creates: 'AWS::ApiGateway::RestApi' });
    assert.deepEqual(node(graph, 'ProcessOrder').details, { creates: 'AWS::Lambda::Function', Runtime: 'python3.12', Handler: 'app.handler', MemorySize: '256' });
    assert.deepEqual(node(graph, 'OrdersTable').details, { TableName: 'orders', BillingMode: 'PAY_PER_REQUEST' });
    assert.deepEqual(node(graph, 'ErrorsAlarm').details, { Namespace: 'AWS/Lambda', MetricName: 'Errors', Threshold: '1' });
    assert.equal(node(graph, 'ProcessOrder').label, 'ProcessOrder');
  });

  void test('the node span is the logical id key', () => {
    const span = node(graph, 'ProcessOrder').span;
    assert.equal(SAM_APP.slice(span.start, span.end), 'ProcessOrder');
    assert.equal(SAM_APP.lastIndexOf('\n', span.start), SAM_APP.indexOf('\n  ProcessOrder:'));
  });

  void test('events flow from their source to the function; policies name what the function may touch', () => {
    assert.deepEqual(edgeList(graph), [
      'ProcessOrder -ref-> OrdersTable',
      'ProcessOrder -sub-> UploadsBucket',
      'ProcessOrder -getatt-> OrdersQueue',
      'ProcessOrder -ref-> UploadsBucket',
      'ProcessOrder -ref-> OrdersApi',
      'OrdersQueue -eventSource-> ProcessOrder',
      'UploadsBucket -eventSource-> ProcessOrder',
      'OrdersApi -eventSource-> ProcessOrder',
      'ProcessOrder -iam-> OrdersTable',
      'ProcessOrder -iam-> UploadsBucket',
      // `ProcessOrderRole` is generated by SAM from ProcessOrder: the node stands for it.
      'RoleArnParameter -getatt-> ProcessOrder',
      'ErrorsAlarm -dependsOn-> ProcessOrder',
      'ErrorsAlarm -ref-> ProcessOrder',
    ]);
    assert.deepEqual(graph.groups, []);
  });
});

void describe('buildGraph: VPC with two AZs', () => {
  const graph = graphOf(NETWORK);

  void test('VPC > AZ > subnet groups from VpcId and AvailabilityZone, AZs in a stable order', () => {
    assert.deepEqual(
      graph.groups.map(({ id, kind, label, parent, type }) => ({ id, kind, label, parent, type })),
      [
        { id: 'Vpc', kind: 'vpc', label: 'Vpc', parent: undefined, type: 'AWS::EC2::VPC' },
        { id: 'Vpc/AZ 1', kind: 'availabilityZone', label: 'AZ 1', parent: 'Vpc', type: undefined },
        { id: 'Vpc/AZ 2', kind: 'availabilityZone', label: 'AZ 2', parent: 'Vpc', type: undefined },
        { id: 'Vpc/eu-west-1c', kind: 'availabilityZone', label: 'eu-west-1c', parent: 'Vpc', type: undefined },
        { id: 'PublicSubnetA', kind: 'subnet', label: 'PublicSubnetA', parent: 'Vpc/AZ 1', type: 'AWS::EC2::Subnet' },
        { id: 'PublicSubnetB', kind: 'subnet', label: 'PublicSubnetB', parent: 'Vpc/AZ 2', type: 'AWS::EC2::Subnet' },
        { id: 'PrivateSubnetA', kind: 'subnet', label: 'PrivateSubnetA', parent: 'Vpc/AZ 1', type: 'AWS::EC2::Subnet' },
        { id: 'PrivateSubnetB', kind: 'subnet', label: 'PrivateSubnetB', parent: 'Vpc/AZ 2', type: 'AWS::EC2::Subnet' },
        { id: 'IsolatedSubnet', kind: 'subnet', label: 'IsolatedSubnet', parent: 'Vpc/eu-west-1c', type: 'AWS::EC2::Subnet' },
        // The Auto Scaling group spreads over two AZs: its box sits in the VPC that holds both.
        { id: 'WebServers', kind: 'autoScalingGroup', label: 'WebServers', parent: 'Vpc', type: 'AWS::AutoScaling::AutoScalingGroup' },
      ],
    );
  });

  void test('a VPC and a subnet are containers only: no node, their properties on the group', () => {
    const ids = new Set(graph.nodes.map((candidate) => candidate.id));
    for (const container of ['Vpc', 'PublicSubnetA', 'PublicSubnetB', 'PrivateSubnetA', 'PrivateSubnetB', 'IsolatedSubnet']) assert.ok(!ids.has(container), `${container} is also a node`);
    const vpc = graph.groups.find((group) => group.id === 'Vpc')!;
    assert.deepEqual(vpc.details, { CidrBlock: '10.0.0.0/16' });
    assert.equal(NETWORK.slice(vpc.span!.start, vpc.span!.end), 'Vpc');
    assert.deepEqual(graph.groups.find((group) => group.id === 'PublicSubnetA')!.details, { CidrBlock: '10.0.0.0/24', MapPublicIpOnLaunch: 'true' });
    // No edge to or from a container: being inside the box says it.
    assert.deepEqual(graph.edges.filter((edge) => ids.has(edge.from) !== true || ids.has(edge.to) !== true), []);
  });

  void test('the AZ order does not depend on the order of the subnets (or on auxiliary resources)', () => {
    const reordered = NETWORK.replace(/  PublicSubnetA:[\s\S]*?(?=  PublicSubnetB:)/, '').replace('  IsolatedSubnet:', `${/  PublicSubnetA:[\s\S]*?(?=  PublicSubnetB:)/.exec(NETWORK)![0]}  IsolatedSubnet:`);
    assert.notEqual(reordered, NETWORK);
    const azs = (candidate: ArchitectureGraph): string[] => candidate.groups.filter((group) => group.kind === 'availabilityZone').map((group) => group.label);
    assert.deepEqual(azs(graphOf(reordered)), ['AZ 1', 'AZ 2', 'eu-west-1c']);
    const tenAzs = Array.from({ length: 11 }, (_, i) => `  Subnet${10 - i}:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      AvailabilityZone: !Select [${10 - i}, !GetAZs '']\n`).join('');
    assert.deepEqual(azs(graphOf(`Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n${tenAzs}`)), Array.from({ length: 11 }, (_, i) => `AZ ${i + 1}`));
  });

  void test('resources sit in the innermost group that holds all their subnets; network plumbing inside its VPC', () => {
    assert.deepEqual(placement(graph), {
      // The internet gateway: through its attachment to the VPC.
      InternetGateway: 'Vpc',
      GatewayAttachment: 'Vpc',
      NatGateway: 'PublicSubnetA',
      // The NAT gateway's Elastic IP sits with the gateway that uses it.
      NatAddress: 'PublicSubnetA',
      PublicRoutes: 'Vpc',
      PublicAssociationA: 'PublicSubnetA',
      LoadBalancerSecurityGroup: 'Vpc',
      WebSecurityGroup: 'Vpc',
      DatabaseSecurityGroup: 'Vpc',
      LoadBalancer: 'Vpc',
      // A launch template names a security group of the VPC.
      LaunchTemplate: 'WebServers',
      // Through DBSubnetGroupName: the subnet group's own subnets count.
      DatabaseSubnets: 'Vpc',
      Database: 'Vpc',
      Bastion: 'PublicSubnetA',
      BatchJob: 'IsolatedSubnet',
    });
  });

  void test('with auxiliary resources, routes, route tables and associations sit inside the VPC too', () => {
    const withRoutes = graphOf(`${NETWORK}  DefaultRoute:
    Type: AWS::EC2::Route
    DependsOn: GatewayAttachment
    Properties:
      RouteTableId: !Ref PublicRoutes
      DestinationCidrBlock: 0.0.0.0/0
      GatewayId: !Ref InternetGateway
  NatRoute:
    Type: AWS::EC2::Route
    Properties:
      RouteTableId: !Ref PublicRoutes
      NatGatewayId: !Ref NatGateway
  WebIngress:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref WebSecurityGroup
      IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIp: 10.0.0.0/8
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref LoadBalancer
      Port: 443
      Protocol: HTTPS
`);
    const placed = placement(withRoutes);
    assert.equal(placed['DefaultRoute'], 'Vpc');
    assert.equal(placed['NatRoute'], 'Vpc', 'the common group of its route table (VPC) and NAT gateway (subnet)');
    assert.equal(placed['WebIngress'], 'Vpc');
    assert.equal(placed['Listener'], 'Vpc');
    assert.equal(placed['PublicRoutes'], 'Vpc');
    assert.deepEqual(
      withRoutes.nodes.filter((candidate) => candidate.type.startsWith('AWS::EC2::') && candidate.group === undefined).map((candidate) => candidate.id),
      [],
      'every EC2 resource is inside the network',
    );
  });

  void test('reference edges with kinds and direction (none to or from a container)', () => {
    assert.deepEqual(edgeList(graph), [
      'GatewayAttachment -ref-> InternetGateway',
      'NatGateway -getatt-> NatAddress',
      'PublicAssociationA -ref-> PublicRoutes',
      'WebSecurityGroup -ref-> LoadBalancerSecurityGroup',
      'DatabaseSecurityGroup -getatt-> WebSecurityGroup',
      'LoadBalancer -ref-> LoadBalancerSecurityGroup',
      'LaunchTemplate -ref-> WebSecurityGroup',
      'Database -ref-> DatabaseSubnets',
      'Database -getatt-> DatabaseSecurityGroup',
      'BatchJob -ref-> WebSecurityGroup',
    ]);
    // A security group is a boundary, not a hop: references to one are reference-only.
    assert.deepEqual(
      graph.edges.filter((edge) => edge.auxiliary).map((edge) => `${edge.from} -> ${edge.to}`),
      ['LoadBalancer -> LoadBalancerSecurityGroup', 'LaunchTemplate -> WebSecurityGroup', 'Database -> DatabaseSecurityGroup', 'BatchJob -> WebSecurityGroup'],
    );
  });

  void test('details are literal scalars, nested paths named by their last segment', () => {
    assert.deepEqual(node(graph, 'LaunchTemplate').details, { InstanceType: 't3.small', ImageId: 'ami-0123456789abcdef0' });
    assert.deepEqual(node(graph, 'Database').details, { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: '20' });
    // An Auto Scaling group is its box: its details (and the subnets it spreads over) are the group's.
    assert.deepEqual(graph.groups.find((group) => group.id === 'WebServers')!.details, { MinSize: '2', MaxSize: '4', subnets: 'PrivateSubnetA, PrivateSubnetB' });
    assert.equal(node(graph, 'LaunchTemplate').category, 'compute');
    assert.equal(node(graph, 'PublicRoutes').auxiliary, true);
    assert.equal(node(graph, 'NatGateway').auxiliary, false);
  });
});

void describe('buildGraph: event sources and IAM', () => {
  const graph = graphOf(EVENTS);

  void test('eventSource edges: bucket -> targets, topic -> endpoints, bus -> rule -> targets, mapping source -> function', () => {
    assert.deepEqual(edgeList(graph, ['eventSource']), [
      'Uploads -eventSource-> Worker',
      'Uploads -eventSource-> Jobs',
      'Alerts -eventSource-> Jobs',
      'Alerts -eventSource-> Worker',
      'Bus -eventSource-> OrderPlaced',
      'OrderPlaced -eventSource-> Worker',
      'OrderPlaced -eventSource-> Alerts',
      'Jobs -eventSource-> Worker',
    ]);
  });

  void test('iam edges go from the policy owner to each Resource (conditions do not count)', () => {
    assert.deepEqual(edgeList(graph, ['iam']), ['WorkerRole -iam-> Table', 'QueuePolicy -iam-> Jobs', 'QueuePolicy -iam-> Table', 'AuditPolicy -iam-> Uploads']);
  });

  void test('every edge, de-duplicated, in source order', () => {
    assert.deepEqual(edgeList(graph), [
      'Worker -getatt-> WorkerRole',
      'WorkerRole -getatt-> Table',
      'WorkerRole -sub-> Table',
      'WorkerRole -iam-> Table',
      'QueuePolicy -ref-> WorkerRole',
      'QueuePolicy -getatt-> Jobs',
      'QueuePolicy -getatt-> Table',
      'QueuePolicy -ref-> Uploads',
      'QueuePolicy -iam-> Jobs',
      'QueuePolicy -iam-> Table',
      'AuditPolicy -sub-> Uploads',
      'AuditPolicy -iam-> Uploads',
      'Uploads -dependsOn-> UploadsPermission',
      'Uploads -getatt-> Worker',
      'Uploads -getatt-> Jobs',
      'Uploads -eventSource-> Worker',
      'Uploads -eventSource-> Jobs',
      'UploadsPermission -ref-> Worker',
      'Alerts -getatt-> Jobs',
      'Alerts -eventSource-> Jobs',
      'WorkerSubscription -ref-> Alerts',
      'WorkerSubscription -getatt-> Worker',
      'Alerts -eventSource-> Worker',
      'OrderPlaced -ref-> Bus',
      'OrderPlaced -getatt-> Worker',
      'OrderPlaced -ref-> Alerts',
      'Bus -eventSource-> OrderPlaced',
      'OrderPlaced -eventSource-> Worker',
      'OrderPlaced -eventSource-> Alerts',
      'JobsMapping -getatt-> Jobs',
      'JobsMapping -ref-> Worker',
      'Jobs -eventSource-> Worker',
    ]);
  });

  void test('plumbing is auxiliary', () => {
    const auxiliary = graph.nodes.filter((candidate) => candidate.auxiliary).map((candidate) => candidate.id);
    assert.deepEqual(auxiliary, ['WorkerRole', 'QueuePolicy', 'AuditPolicy', 'UploadsPermission', 'WorkerSubscription', 'JobsMapping']);
    assert.deepEqual(node(graph, 'Worker').details, { Runtime: 'nodejs20.x', Handler: 'index.handler', MemorySize: '512' });
  });
});

void describe('buildGraph: nested stacks and edge cases', () => {
  void test('nested stacks are nodes (not groups) linked by their outputs', () => {
    const graph = graphOf(NESTED);
    assert.deepEqual(
      graph.nodes.map((candidate) => [candidate.id, candidate.type, candidate.category, candidate.group]),
      [
        ['Network', 'AWS::CloudFormation::Stack', 'management', undefined],
        ['Database', 'AWS::CloudFormation::Stack', 'management', undefined],
        ['Auth', 'AWS::Serverless::Application', 'management', undefined],
      ],
    );
    assert.deepEqual(graph.groups, []);
    assert.deepEqual(edgeList(graph), ['Database -getatt-> Network', 'Auth -getatt-> Database']);
    assert.deepEqual(node(graph, 'Network').details, { TemplateURL: 'https://example.com/network.yaml' });
    assert.deepEqual(node(graph, 'Auth').details, { creates: 'AWS::CloudFormation::Stack' });
  });

  void test('JSON templates give the same graph as YAML', () => {
    const json = JSON.stringify({
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        Queue: { Type: 'AWS::SQS::Queue' },
        Fn: {
          Type: 'AWS::Lambda::Function',
          Properties: { Runtime: 'python3.12', Handler: 'a.b', Role: 'arn:aws:iam::1:role/x', Code: { ZipFile: 'x' } },
        },
        Mapping: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { EventSourceArn: { 'Fn::GetAtt': ['Queue', 'Arn'] }, FunctionName: { Ref: 'Fn' } } },
      },
    });
    const graph = graphOf(json, 'template.json');
    assert.deepEqual(edgeList(graph), ['Mapping -getatt-> Queue', 'Mapping -ref-> Fn', 'Queue -eventSource-> Fn']);
  });

  void test('parameters, pseudo parameters, Sub locals, self references and unknown names give no edges', () => {
    const graph = graphOf(`AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Name: { Type: String }
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub ['\${Prefix}-\${Name}-\${AWS::AccountId}', { Prefix: !Ref Other }]
      Tags: [{ Key: self, Value: !Ref Bucket }, { Key: missing, Value: !Ref Missing }]
  Other:
    Type: AWS::SQS::Queue
  'Fn::ForEach::Topics':
    - TopicName
    - [A, B]
    - 'Topic\${TopicName}': { Type: AWS::SNS::Topic }
`);
    assert.deepEqual(edgeList(graph), ['Bucket -ref-> Other']);
    assert.deepEqual(
      graph.nodes.map((candidate) => candidate.id),
      ['Bucket', 'Other'],
    );
  });

  void test('anything that is not a CloudFormation or SAM template gives an empty graph', () => {
    assert.deepEqual(graphOf('openapi: 3.0.0\ninfo: { title: x, version: "1" }\npaths: {}\n'), { nodes: [], edges: [], groups: [] });
    assert.deepEqual(graphOf('apiVersion: v1\nkind: Pod\n'), { nodes: [], edges: [], groups: [] });
    assert.deepEqual(graphOf(''), { nodes: [], edges: [], groups: [] });
  });

  void test('categories and services from the type', () => {
    assert.equal(serviceOf('AWS::ElasticLoadBalancingV2::LoadBalancer'), 'ElasticLoadBalancingV2');
    assert.equal(serviceOf('Custom::Thing'), 'CloudFormation');
    assert.equal(categoryOf('AWS::EC2::Instance'), 'compute');
    assert.equal(categoryOf('AWS::EC2::Subnet'), 'networking');
    assert.equal(categoryOf('AWS::Serverless::SimpleTable'), 'database');
    assert.equal(categoryOf('AWS::Unheard::Of'), 'other');
    // Template text is data: prototype names are not table entries.
    assert.equal(categoryOf('AWS::constructor::toString'), 'other');
    assert.equal(categoryOf('toString'), 'other');
  });

  void test('SAM connectors grant their source access to their destinations', () => {
    const graph = graphOf(`Transform: AWS::Serverless-2016-10-31
Resources:
  Table:
    Type: AWS::Serverless::SimpleTable
  Queue:
    Type: AWS::SQS::Queue
  Reader:
    Type: AWS::Serverless::Function
    Connectors:
      ReadQueue:
        Properties:
          Destination: { Id: Queue }
          Permissions: [Read]
    Properties: { Runtime: python3.12, Handler: a.b, InlineCode: x }
  ReaderToTable:
    Type: AWS::Serverless::Connector
    Properties:
      Source: { Id: Reader }
      Destination: [{ Id: Table }, { Type: AWS::SQS::Queue, Arn: !GetAtt Queue.Arn }]
      Permissions: [Read, Write]
`);
    // The embedded connector's edge comes with Reader; the standalone one repeats Reader -> Queue (kept once).
    assert.deepEqual(edgeList(graph), ['Reader -iam-> Queue', 'ReaderToTable -getatt-> Queue', 'Reader -iam-> Table']);
    assert.equal(node(graph, 'ReaderToTable').auxiliary, true);
  });

  void test('the generated 1,750-resource template is graphed fast', (t) => {
    const analyzed = analyzeDocument('bench.yaml', generateTemplate());
    const started = performance.now();
    const graph = buildGraph(analyzed);
    const elapsed = performance.now() - started;
    // 1,750 resources, of which the VPC and its 6 subnets are containers (groups), not nodes.
    assert.equal(graph.nodes.length, 1743);
    assert.ok(graph.edges.length > 3000, `${graph.edges.length} edges`);
    // Typically 15-50 ms (cold, references included); the bound is loose for loaded CI machines.
    t.diagnostic(`buildGraph: ${graph.nodes.length} nodes, ${graph.edges.length} edges, ${graph.groups.length} groups in ${elapsed.toFixed(1)} ms`);
    assert.ok(elapsed < 1000, `buildGraph took ${elapsed.toFixed(0)} ms`);
    const again = buildGraph(analyzeDocument('bench.yaml', generateTemplate()));
    assert.deepEqual(again, graph, 'deterministic');
  });
});
