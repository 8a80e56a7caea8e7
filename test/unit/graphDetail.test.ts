/**
 * The diagram as an architecture picture: flow direction for the common serverless and
 * container patterns, the default level of detail (repeated structures collapsed, services
 * gathered) on the bench's 500- and 1,750-resource templates, CDK construct groups, and
 * hostile input in the SVG (U+FFFF, over-long ids, more than 20,000 resources).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateTemplate } from '../../bench/generateTemplate';
import { analyzeDocument } from '../../src/engine/analyzedDocument';
import { buildGraph } from '../../src/engine/graph/buildGraph';
import type { ArchitectureGraph, GraphNode } from '../../src/engine/graph/graphTypes';
import { visibleGraph } from '../../src/engine/graph/graphView';
import { DEFAULT_BOX_BUDGET, applyLevelsOfDetail, boxCount } from '../../src/engine/graph/levelsOfDetail';
import { toSvg } from '../../src/engine/graph/svg';
import { withoutFrame } from './graphFrame';

function graphOf(text: string, fileName = 'template.yaml'): ArchitectureGraph {
  return withoutFrame(buildGraph(analyzeDocument(fileName, text)));
}

/** Drawn edges (flow order) as `from -> to`. */
function flows(graph: ArchitectureGraph, options: Parameters<typeof visibleGraph>[1] = {}): string[] {
  return visibleGraph(graph, options).edges.map((edge) => `${edge.from} -> ${edge.to}`);
}

const SERVERLESS = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: orders }
  OrdersResource:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: orders }
  PostOrder:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref OrdersResource
      HttpMethod: POST
      AuthorizationType: NONE
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Handler.Arn}/invocations
  Deployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: PostOrder
    Properties: { RestApiId: !Ref Api }
  Handler:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: !GetAtt HandlerRole.Arn
      Code: { ZipFile: 'def handler(e, c): pass' }
      Environment: { Variables: { TABLE: !Ref Orders, QUEUE: !Ref Jobs } }
  HandlerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
      Policies:
        - PolicyName: data
          PolicyDocument:
            Statement: [{ Effect: Allow, Action: 'dynamodb:*', Resource: !GetAtt Orders.Arn }]
  Orders:
    Type: AWS::DynamoDB::Table
  Jobs:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: !GetAtt HandlerRole.Arn
      Code: { ZipFile: 'def handler(e, c): pass' }
  WorkerMapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Jobs.Arn, FunctionName: !Ref Worker }
  Uploads:
    Type: AWS::S3::Bucket
    Properties:
      NotificationConfiguration:
        QueueConfigurations: [{ Event: 's3:ObjectCreated:*', Queue: !GetAtt Jobs.Arn }]
`;

const CONTAINERS = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs ''], MapPublicIpOnLaunch: true }
  SubnetB:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [1, !GetAZs ''], MapPublicIpOnLaunch: true }
  LoadBalancer:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Subnets: [!Ref SubnetA, !Ref SubnetB] }
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref LoadBalancer
      Port: 80
      Protocol: HTTP
      DefaultActions: [{ Type: forward, TargetGroupArn: !Ref TargetGroup }]
  TargetGroup:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { VpcId: !Ref Vpc, Port: 80, Protocol: HTTP, TargetType: ip }
  Cluster:
    Type: AWS::ECS::Cluster
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties: { Cpu: '256', Memory: '512', NetworkMode: awsvpc }
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      TaskDefinition: !Ref Task
      LaunchType: FARGATE
      LoadBalancers: [{ TargetGroupArn: !Ref TargetGroup, ContainerName: web, ContainerPort: 80 }]
      NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [!Ref SubnetA, !Ref SubnetB] } }
`;

void describe('flow direction', () => {
  void test('serverless: API -> resource -> method -> function -> table/queue; queue -> consumer; bucket -> queue', () => {
    const graph = graphOf(SERVERLESS);
    assert.deepEqual(flows(graph), [
      'Api -> OrdersResource',
      'Api -> PostOrder',
      'OrdersResource -> PostOrder',
      'PostOrder -> Handler',
      'Handler -> Orders',
      'Handler -> Jobs',
      'Jobs -> Worker',
      'Uploads -> Jobs',
    ]);
    // The references behind those arrows stay in the graph as they are written (method -> API).
    assert.ok(graph.edges.some((edge) => edge.from === 'PostOrder' && edge.to === 'Api' && edge.reverse));
  });

  void test('IAM, deployment order and permissions are the auxiliary layer', () => {
    const graph = graphOf(SERVERLESS);
    const all = flows(graph, { includeAuxiliary: true });
    for (const edge of ['Handler -> HandlerRole', 'HandlerRole -> Orders', 'Deployment -> PostOrder', 'Deployment -> Api']) {
      assert.ok(all.includes(edge), `${edge} with auxiliary resources shown`);
      assert.ok(!flows(graph).includes(edge), `${edge} hidden by default`);
    }
    const iam = graph.edges.find((edge) => edge.kind === 'iam' && edge.from === 'HandlerRole');
    assert.equal(iam?.auxiliary, true);
  });

  void test('containers: load balancer -> listener -> target group -> service; cluster -> service -> task', () => {
    const graph = graphOf(CONTAINERS);
    assert.deepEqual(flows(graph).sort(), ['Cluster -> Service', 'LoadBalancer -> Listener', 'Listener -> TargetGroup', 'Service -> Task', 'TargetGroup -> Service'].sort());
    // Every network resource sits inside the VPC; the VPC and subnets are boxes only.
    const placement = Object.fromEntries(graph.nodes.map((node) => [node.id, node.group]));
    assert.deepEqual(placement, { LoadBalancer: 'Vpc', Listener: 'Vpc', TargetGroup: 'Vpc', Cluster: undefined, Task: undefined, Service: 'Vpc' });
  });
});

void describe('levels of detail', () => {
  const graph500 = graphOf(generateTemplate({ services: 39 }));
  const graph1750 = graphOf(generateTemplate());

  void test('the 500-resource template opens with at most about 60 boxes: repeated structures become one stack each', () => {
    assert.equal(graph500.nodes.length, 495, '502 resources, of which the VPC and 6 subnets are boxes, not nodes');
    const view = visibleGraph(graph500);
    assert.ok(view.nodes.length <= DEFAULT_BOX_BUDGET, `${view.nodes.length} boxes`);
    assert.equal(boxCount(graph500), view.nodes.length);
    const functions = graph500.groups.find((group) => group.kind === 'repeated' && group.type === 'AWS::Lambda::Function');
    assert.ok(functions, 'a repeated group of functions');
    assert.equal(functions.label, 'Function × 39');
    assert.equal(functions.collapsed, true);
    assert.equal(functions.parent, 'Vpc', 'functions in a VpcConfig spread over AZs sit in the VPC');
    assert.equal(graph500.nodes.filter((node) => node.group === functions.id).length, 39);
    // Parallel edges merged with a count: 39 functions write 39 tables.
    const toTables = view.edges.find((edge) => edge.from === functions.id && view.nodes.find((node) => node.id === edge.to)?.type === 'AWS::DynamoDB::Table');
    assert.equal(toTables?.count, 39);
  });

  void test('the 1,750-resource template too, and nothing is out of reach: --all and --expand show every resource', () => {
    const view = visibleGraph(graph1750);
    assert.ok(view.nodes.length <= DEFAULT_BOX_BUDGET, `${view.nodes.length} boxes`);
    const everything = visibleGraph(graph1750, { includeAuxiliary: true, expandAll: true });
    assert.equal(everything.nodes.length, graph1750.nodes.length);
    const functions = graph1750.groups.find((group) => group.kind === 'repeated' && group.type === 'AWS::Lambda::Function')!;
    const expanded = visibleGraph(graph1750, { expand: [functions.id] });
    assert.equal(expanded.nodes.filter((node) => node.type === 'AWS::Lambda::Function').length, 143);
    assert.equal(expanded.nodes.length, view.nodes.length + 142);
  });

  void test('a template within budget is left as it is', () => {
    const small = graphOf(SERVERLESS);
    assert.deepEqual(applyLevelsOfDetail(small), small);
    assert.ok(small.groups.every((group) => !group.collapsed));
  });

  void test('no repetition: services are gathered, biggest first, until it fits', () => {
    const nodes: GraphNode[] = [];
    const services = ['SQS', 'SNS', 'S3', 'DynamoDB', 'Lambda', 'Kinesis', 'Events', 'StepFunctions'];
    for (let i = 0; i < 120; i++) {
      const service = services[i % services.length]!;
      nodes.push({ id: `R${i}`, type: `AWS::${service}::Thing${i}`, service, category: 'other', label: `R${i}`, span: { start: 0, end: 0 }, auxiliary: false, details: {} });
    }
    const detailed = applyLevelsOfDetail({ nodes, edges: [], groups: [] });
    assert.ok(boxCount(detailed) <= DEFAULT_BOX_BUDGET, `${boxCount(detailed)} boxes`);
    assert.ok(detailed.groups.length > 0 && detailed.groups.every((group) => group.kind === 'service' && group.collapsed));
    assert.equal(visibleGraph(detailed, { expandAll: true }).nodes.length, 120);
  });
});

void describe('CDK construct paths', () => {
  const CDK = JSON.stringify({
    Resources: {
      HandlerServiceRole1A2B3C4D: { Type: 'AWS::IAM::Role', Properties: {}, Metadata: { 'aws:cdk:path': 'AppStack/Api/Handler/ServiceRole/Resource' } },
      HandlerServiceRoleDefaultPolicy5E6F: { Type: 'AWS::IAM::Policy', Properties: {}, Metadata: { 'aws:cdk:path': 'AppStack/Api/Handler/ServiceRole/DefaultPolicy/Resource' } },
      Handler886CB40B: { Type: 'AWS::Lambda::Function', Properties: { Role: { 'Fn::GetAtt': ['HandlerServiceRole1A2B3C4D', 'Arn'] } }, Metadata: { 'aws:cdk:path': 'AppStack/Api/Handler/Resource' } },
      ApiRestApi12345678: { Type: 'AWS::ApiGateway::RestApi', Properties: {}, Metadata: { 'aws:cdk:path': 'AppStack/Api/RestApi/Resource' } },
      TableCD117FA1: { Type: 'AWS::DynamoDB::Table', Properties: {}, Metadata: { 'aws:cdk:path': 'AppStack/Table/Resource' } },
      CDKMetadata: { Type: 'AWS::CDK::Metadata', Properties: {}, Metadata: { 'aws:cdk:path': 'AppStack/CDKMetadata/Default' } },
    },
  });
  const graph = graphOf(CDK, 'cdk.template.json');

  void test('groups by construct path; an L2 construct is collapsed and typed after its Resource', () => {
    const groups = Object.fromEntries(graph.groups.map((group) => [group.id, { label: group.label, parent: group.parent, type: group.type, collapsed: group.collapsed }]));
    assert.deepEqual(groups, {
      'construct:Api': { label: 'Api', parent: undefined, type: undefined, collapsed: undefined },
      'construct:Api/Handler': { label: 'Handler', parent: 'construct:Api', type: 'AWS::Lambda::Function', collapsed: true },
      'construct:Api/Handler/ServiceRole': { label: 'ServiceRole', parent: 'construct:Api/Handler', type: 'AWS::IAM::Role', collapsed: true },
    });
    const placement = Object.fromEntries(graph.nodes.map((node) => [node.id, [node.group, node.label]]));
    assert.deepEqual(placement, {
      HandlerServiceRole1A2B3C4D: ['construct:Api/Handler/ServiceRole', 'ServiceRole'],
      HandlerServiceRoleDefaultPolicy5E6F: ['construct:Api/Handler/ServiceRole', 'DefaultPolicy'],
      Handler886CB40B: ['construct:Api/Handler', 'Handler'],
      // A construct of one resource is no box: the resource carries the construct's name.
      ApiRestApi12345678: ['construct:Api', 'RestApi'],
      TableCD117FA1: [undefined, 'Table'],
      CDKMetadata: [undefined, 'CDKMetadata'],
    });
    const view = visibleGraph(graph);
    assert.deepEqual(
      view.nodes.map((node) => `${node.label} (${node.type})`),
      ['Handler (AWS::Lambda::Function)', 'RestApi (AWS::ApiGateway::RestApi)', 'Table (AWS::DynamoDB::Table)', 'CDKMetadata (AWS::CDK::Metadata)'],
    );
  });

  void test('a hostile construct path stays bounded and cannot take a network group id', () => {
    const deep = `${'a/'.repeat(50_000)}Resource`;
    const hostile = graphOf(JSON.stringify({ Resources: { A: { Type: 'AWS::SQS::Queue', Metadata: { 'aws:cdk:path': deep } }, B: { Type: 'AWS::SQS::Queue', Metadata: { 'aws:cdk:path': deep.replace(/Resource$/, 'Other') } } } }), 'h.json');
    assert.ok(hostile.groups.length <= 12, `${hostile.groups.length} groups`);
  });
});

void describe('hostile input in the SVG', () => {
  const queue = (id: string, extra: Partial<GraphNode> = {}): GraphNode => ({ id, type: 'AWS::SQS::Queue', service: 'SQS', category: 'integration', label: id, span: { start: 0, end: 0 }, auxiliary: false, details: {}, ...extra });

  void test('a label with U+FFFF and lone surrogates is written as U+FFFD, and the file parses as XML text', () => {
    const svg = toSvg({ nodes: [queue('Q', { label: 'bad\uFFFFlabel\uD800' })], edges: [], groups: [] });
    assert.ok(!svg.includes('\uFFFF') && !svg.includes('\uD800'));
    assert.match(svg, /bad\uFFFDlabel/);
  });

  void test('a logical id of more than 1,024 characters is drawn truncated, kept whole in its title, through the template too', () => {
    const id = `Q${'x'.repeat(2_000)}`;
    const graph = graphOf(JSON.stringify({ Resources: { [id]: { Type: 'AWS::SQS::Queue' }, Other: { Type: 'AWS::SQS::Queue', Properties: { RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [id, 'Arn'] } } } } } }), 'long.json');
    const svg = toSvg(graph);
    assert.ok(svg.includes(`data-id="${id}"`));
    assert.match(svg, /<text [^>]*font-weight="bold"[^>]*>Qx+…<\/text>/);
  });

  void test('more than 20,000 resources: bounded work, collapsed to a readable picture', () => {
    const lines = ['Resources:'];
    for (let i = 0; i < 21_000; i++) lines.push(`  Queue${i}:`, '    Type: AWS::SQS::Queue', `    Properties: { QueueName: q${i} }`);
    const started = performance.now();
    const graph = graphOf(lines.join('\n'));
    const svg = toSvg(graph);
    const elapsed = performance.now() - started;
    assert.equal(graph.nodes.length, 21_000);
    assert.equal(visibleGraph(graph).nodes.length, 1, 'one stack "Queue × 21000"');
    assert.match(svg, /Queue × 21000/);
    assert.ok(elapsed < 30_000, `${elapsed.toFixed(0)} ms`);
  });
});
