import type { NodeCategory } from './graphTypes';
import { SAM_CREATES } from '../cfn/samTypes';
import { lookupTable } from '../util/lookup';

/**
 * Classification of resource types for the architecture graph: category (icon and
 * colour), whether a type is plumbing hidden by default, and which literal properties
 * are worth showing on hover. Data only; `buildGraph.ts` applies it.
 */

/** Category of a service namespace (the second segment of `AWS::<Service>::<Type>`). */
const SERVICE_CATEGORIES: Readonly<Record<string, NodeCategory>> = lookupTable({
  // compute
  Lambda: 'compute',
  AutoScaling: 'compute',
  ECS: 'compute',
  EKS: 'compute',
  ECR: 'compute',
  Batch: 'compute',
  ElasticBeanstalk: 'compute',
  Lightsail: 'compute',
  AppRunner: 'compute',
  ImageBuilder: 'compute',
  // storage
  S3: 'storage',
  S3Express: 'storage',
  EFS: 'storage',
  FSx: 'storage',
  Backup: 'storage',
  // database
  DynamoDB: 'database',
  RDS: 'database',
  ElastiCache: 'database',
  Neptune: 'database',
  DocDB: 'database',
  DocDBElastic: 'database',
  MemoryDB: 'database',
  Timestream: 'database',
  Cassandra: 'database',
  QLDB: 'database',
  DAX: 'database',
  // networking (EC2's compute and storage types are overridden below)
  EC2: 'networking',
  ElasticLoadBalancing: 'networking',
  ElasticLoadBalancingV2: 'networking',
  Route53: 'networking',
  Route53Resolver: 'networking',
  CloudFront: 'networking',
  GlobalAccelerator: 'networking',
  NetworkFirewall: 'networking',
  ServiceDiscovery: 'networking',
  AppMesh: 'networking',
  VpcLattice: 'networking',
  DirectConnect: 'networking',
  // integration
  SQS: 'integration',
  SNS: 'integration',
  Events: 'integration',
  EventSchemas: 'integration',
  Scheduler: 'integration',
  Pipes: 'integration',
  StepFunctions: 'integration',
  AmazonMQ: 'integration',
  AppFlow: 'integration',
  SES: 'integration',
  IoT: 'integration',
  // api
  ApiGateway: 'api',
  ApiGatewayV2: 'api',
  AppSync: 'api',
  // security
  IAM: 'security',
  KMS: 'security',
  SecretsManager: 'security',
  Cognito: 'security',
  WAF: 'security',
  WAFv2: 'security',
  WAFRegional: 'security',
  CertificateManager: 'security',
  ACMPCA: 'security',
  GuardDuty: 'security',
  SecurityHub: 'security',
  Shield: 'security',
  Inspector: 'security',
  InspectorV2: 'security',
  AccessAnalyzer: 'security',
  Macie: 'security',
  Detective: 'security',
  SSO: 'security',
  // monitoring
  CloudWatch: 'monitoring',
  Logs: 'monitoring',
  CloudTrail: 'monitoring',
  XRay: 'monitoring',
  Synthetics: 'monitoring',
  ApplicationInsights: 'monitoring',
  InternetMonitor: 'monitoring',
  // management (incl. developer tools)
  CloudFormation: 'management',
  SSM: 'management',
  Config: 'management',
  Organizations: 'management',
  ServiceCatalog: 'management',
  AppConfig: 'management',
  ResourceGroups: 'management',
  Budgets: 'management',
  CodeBuild: 'management',
  CodePipeline: 'management',
  CodeDeploy: 'management',
  CodeCommit: 'management',
  CodeStarConnections: 'management',
  // analytics
  Kinesis: 'analytics',
  KinesisFirehose: 'analytics',
  KinesisAnalytics: 'analytics',
  KinesisAnalyticsV2: 'analytics',
  Glue: 'analytics',
  Athena: 'analytics',
  EMR: 'analytics',
  EMRServerless: 'analytics',
  Redshift: 'analytics',
  RedshiftServerless: 'analytics',
  OpenSearchService: 'analytics',
  OpenSearchServerless: 'analytics',
  Elasticsearch: 'analytics',
  MSK: 'analytics',
  QuickSight: 'analytics',
  LakeFormation: 'analytics',
  DataPipeline: 'analytics',
  SageMaker: 'analytics',
});

/** Types whose category differs from their service's. */
const TYPE_CATEGORIES: Readonly<Record<string, NodeCategory>> = lookupTable({
  'AWS::EC2::Instance': 'compute',
  'AWS::EC2::LaunchTemplate': 'compute',
  'AWS::EC2::SpotFleet': 'compute',
  'AWS::EC2::EC2Fleet': 'compute',
  'AWS::EC2::Host': 'compute',
  'AWS::EC2::CapacityReservation': 'compute',
  'AWS::EC2::Volume': 'storage',
  'AWS::EC2::VolumeAttachment': 'storage',
  'AWS::EC2::KeyPair': 'security',
  'AWS::CloudFormation::CustomResource': 'other',
});


/**
 * Plumbing hidden by default (the UI has a toggle, the CLI `--all`): identity and
 * permissions, log groups, parameters, route tables and their wiring, and resources
 * whose meaning the graph already shows as an edge (an event source mapping or a
 * subscription becomes an `eventSource` edge; a resource policy sits next to what it guards).
 */
export const AUXILIARY_TYPES: ReadonlySet<string> = new Set([
  // identity and permissions
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::InstanceProfile',
  'AWS::IAM::RolePolicy',
  'AWS::Lambda::Permission',
  'AWS::Serverless::Connector',
  'AWS::S3::BucketPolicy',
  'AWS::SQS::QueuePolicy',
  'AWS::SNS::TopicPolicy',
  'AWS::Events::EventBusPolicy',
  'AWS::ApiGateway::Account',
  // logging
  'AWS::Logs::LogGroup',
  'AWS::Logs::LogStream',
  'AWS::Logs::SubscriptionFilter',
  'AWS::Logs::MetricFilter',
  // configuration plumbing: parameters that publish ids for other stacks
  'AWS::SSM::Parameter',
  // shown as edges
  'AWS::Lambda::EventSourceMapping',
  'AWS::SNS::Subscription',
  // network wiring: routes, associations and ACL entries
  'AWS::EC2::RouteTable',
  'AWS::EC2::Route',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::VPCGatewayAttachment',
  'AWS::EC2::NetworkAcl',
  'AWS::EC2::NetworkAclEntry',
  'AWS::EC2::SubnetNetworkAclAssociation',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::SecurityGroupEgress',
  'AWS::EC2::VPCCidrBlock',
  'AWS::EC2::SubnetCidrBlock',
  'AWS::EC2::EIPAssociation',
  // API Gateway deployment mechanics
  'AWS::ApiGateway::Deployment',
  'AWS::Lambda::Version',
  // stack mechanics
  'AWS::CloudFormation::WaitCondition',
  'AWS::CloudFormation::WaitConditionHandle',
]);

/**
 * Literal properties shown as node details, per type (at most four, in this order).
 * A dotted path reads a nested property; the detail is named after its last segment.
 */
export const DETAIL_PROPERTIES: Readonly<Record<string, readonly string[]>> = lookupTable({
  'AWS::Lambda::Function': ['Runtime', 'Handler', 'MemorySize', 'Timeout'],
  'AWS::Serverless::Function': ['Runtime', 'Handler', 'MemorySize', 'Timeout'],
  'AWS::Lambda::LayerVersion': ['LayerName'],
  'AWS::Serverless::LayerVersion': ['LayerName'],
  'AWS::S3::Bucket': ['BucketName'],
  'AWS::DynamoDB::Table': ['TableName', 'BillingMode'],
  'AWS::Serverless::SimpleTable': ['TableName'],
  'AWS::SQS::Queue': ['QueueName', 'FifoQueue', 'VisibilityTimeout'],
  'AWS::SNS::Topic': ['TopicName', 'DisplayName'],
  'AWS::Kinesis::Stream': ['Name', 'ShardCount'],
  'AWS::EC2::VPC': ['CidrBlock'],
  'AWS::EC2::Subnet': ['CidrBlock', 'AvailabilityZone', 'MapPublicIpOnLaunch'],
  'AWS::EC2::SecurityGroup': ['GroupName', 'GroupDescription'],
  'AWS::EC2::Instance': ['InstanceType', 'ImageId'],
  'AWS::EC2::LaunchTemplate': ['LaunchTemplateData.InstanceType', 'LaunchTemplateData.ImageId'],
  'AWS::EC2::NatGateway': ['ConnectivityType'],
  'AWS::AutoScaling::LaunchConfiguration': ['InstanceType', 'ImageId'],
  'AWS::AutoScaling::AutoScalingGroup': ['MinSize', 'MaxSize', 'DesiredCapacity'],
  'AWS::RDS::DBInstance': ['Engine', 'DBInstanceClass', 'AllocatedStorage', 'MultiAZ'],
  'AWS::RDS::DBCluster': ['Engine', 'EngineVersion', 'EngineMode'],
  'AWS::ElastiCache::CacheCluster': ['Engine', 'CacheNodeType', 'NumCacheNodes'],
  'AWS::ElastiCache::ReplicationGroup': ['Engine', 'CacheNodeType'],
  'AWS::Redshift::Cluster': ['NodeType', 'ClusterType', 'NumberOfNodes'],
  'AWS::OpenSearchService::Domain': ['EngineVersion', 'ClusterConfig.InstanceType'],
  'AWS::Elasticsearch::Domain': ['ElasticsearchVersion', 'ElasticsearchClusterConfig.InstanceType'],
  'AWS::EFS::FileSystem': ['PerformanceMode', 'ThroughputMode'],
  'AWS::ECS::Cluster': ['ClusterName'],
  'AWS::ECS::Service': ['LaunchType', 'DesiredCount'],
  'AWS::ECS::TaskDefinition': ['Cpu', 'Memory', 'NetworkMode'],
  'AWS::EKS::Cluster': ['Name', 'Version'],
  'AWS::ElasticLoadBalancingV2::LoadBalancer': ['Type', 'Scheme'],
  'AWS::ElasticLoadBalancingV2::TargetGroup': ['Protocol', 'Port', 'TargetType'],
  'AWS::ElasticLoadBalancingV2::Listener': ['Protocol', 'Port'],
  'AWS::ElasticLoadBalancing::LoadBalancer': ['Scheme'],
  'AWS::ApiGateway::RestApi': ['Name'],
  'AWS::ApiGatewayV2::Api': ['Name', 'ProtocolType'],
  'AWS::Serverless::Api': ['Name', 'StageName'],
  'AWS::Serverless::HttpApi': ['StageName'],
  'AWS::StepFunctions::StateMachine': ['StateMachineName', 'StateMachineType'],
  'AWS::Serverless::StateMachine': ['Name', 'Type'],
  'AWS::Events::Rule': ['ScheduleExpression', 'State'],
  'AWS::Events::EventBus': ['Name'],
  'AWS::CloudFront::Distribution': ['DistributionConfig.PriceClass', 'DistributionConfig.Enabled'],
  'AWS::CloudFormation::Stack': ['TemplateURL'],
  'AWS::Serverless::Application': ['Location'],
  'AWS::Logs::LogGroup': ['LogGroupName', 'RetentionInDays'],
  'AWS::IAM::Role': ['RoleName'],
  'AWS::SSM::Parameter': ['Name', 'Type'],
  'AWS::CloudWatch::Alarm': ['Namespace', 'MetricName', 'Threshold'],
  'AWS::Route53::RecordSet': ['Name', 'Type'],
  'AWS::Route53::HostedZone': ['Name'],
  'AWS::KMS::Key': ['Description'],
  'AWS::Cognito::UserPool': ['UserPoolName'],
  'AWS::SecretsManager::Secret': ['Name'],
  'AWS::KinesisFirehose::DeliveryStream': ['DeliveryStreamName', 'DeliveryStreamType'],
});

/**
 * Service namespace of a type: the second segment (`AWS::Lambda::Function` -> `Lambda`).
 * Custom resources (`Custom::X`) are CloudFormation's.
 */
export function serviceOf(type: string): string {
  if (type.startsWith('Custom::')) return 'CloudFormation';
  const first = type.indexOf('::');
  if (first < 0) return '';
  const second = type.indexOf('::', first + 2);
  return second < 0 ? type.slice(first + 2) : type.slice(first + 2, second);
}

/** Category of a type; a SAM type is categorised as the type it creates; unknown -> `other`. */
export function categoryOf(type: string): NodeCategory {
  if (type.startsWith('Custom::')) return 'other';
  const sam = own(SAM_CREATES, type);
  if (sam) return categoryOf(sam);
  if (type === 'AWS::Serverless::Connector') return 'security';
  return own(TYPE_CATEGORIES, type) ?? own(SERVICE_CATEGORIES, serviceOf(type)) ?? 'other';
}

/**
 * A table entry by key, ignoring inherited properties: template text is user data, and a
 * `Type: toString` must not find `Object.prototype.toString`.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
