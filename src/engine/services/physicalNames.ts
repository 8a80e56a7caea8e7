// Physical names that must be unique per account and region (globally for S3 buckets): two
// resources of one template that give the same literal name collide, and the second one fails
// to create ("already exists"). The table maps each resource type to the property holding its
// name and to a namespace: types sharing a namespace collide with each other (a SAM function
// and a Lambda function are both Lambda functions).
import type { ResourceEntry, TemplateModel } from '../cfn/template';
import type { ScalarNode } from '../document/located';
import { getValue } from '../document/located';
import { literalString, mayCoexist, neverCreated } from './resourceIndex';

interface NamedType {
  readonly property: string;
  /** What collides: resources of the same namespace with the same name. */
  readonly namespace: string;
  /** Whether the service compares names without case (IAM, RDS identifiers). */
  readonly caseInsensitive?: boolean;
}

/**
 * Resource types whose name property is unique in its account and region. Names scoped to a
 * parent (an event rule per bus, a security group per VPC, a log stream per group) are left out,
 * as are names AWS does not require to be unique (an API Gateway REST API, a Cognito user pool).
 */
export const UNIQUE_NAME_PROPERTIES: ReadonlyMap<string, NamedType> = new Map<string, NamedType>([
  ['AWS::Lambda::Function', { property: 'FunctionName', namespace: 'Lambda function' }],
  ['AWS::Serverless::Function', { property: 'FunctionName', namespace: 'Lambda function' }],
  ['AWS::S3::Bucket', { property: 'BucketName', namespace: 'S3 bucket' }],
  ['AWS::DynamoDB::Table', { property: 'TableName', namespace: 'DynamoDB table' }],
  ['AWS::DynamoDB::GlobalTable', { property: 'TableName', namespace: 'DynamoDB table' }],
  ['AWS::Serverless::SimpleTable', { property: 'TableName', namespace: 'DynamoDB table' }],
  ['AWS::SQS::Queue', { property: 'QueueName', namespace: 'SQS queue' }],
  ['AWS::SNS::Topic', { property: 'TopicName', namespace: 'SNS topic' }],
  ['AWS::IAM::Role', { property: 'RoleName', namespace: 'IAM role', caseInsensitive: true }],
  ['AWS::IAM::User', { property: 'UserName', namespace: 'IAM user', caseInsensitive: true }],
  ['AWS::IAM::Group', { property: 'GroupName', namespace: 'IAM group', caseInsensitive: true }],
  ['AWS::IAM::ManagedPolicy', { property: 'ManagedPolicyName', namespace: 'IAM managed policy', caseInsensitive: true }],
  ['AWS::IAM::InstanceProfile', { property: 'InstanceProfileName', namespace: 'IAM instance profile', caseInsensitive: true }],
  ['AWS::Logs::LogGroup', { property: 'LogGroupName', namespace: 'CloudWatch Logs log group' }],
  ['AWS::Kinesis::Stream', { property: 'Name', namespace: 'Kinesis stream' }],
  ['AWS::KinesisFirehose::DeliveryStream', { property: 'DeliveryStreamName', namespace: 'Firehose delivery stream' }],
  ['AWS::ECR::Repository', { property: 'RepositoryName', namespace: 'ECR repository' }],
  ['AWS::ECS::Cluster', { property: 'ClusterName', namespace: 'ECS cluster' }],
  ['AWS::Events::EventBus', { property: 'Name', namespace: 'EventBridge event bus' }],
  ['AWS::StepFunctions::StateMachine', { property: 'StateMachineName', namespace: 'Step Functions state machine' }],
  ['AWS::Serverless::StateMachine', { property: 'Name', namespace: 'Step Functions state machine' }],
  ['AWS::SecretsManager::Secret', { property: 'Name', namespace: 'Secrets Manager secret' }],
  ['AWS::SSM::Parameter', { property: 'Name', namespace: 'SSM parameter' }],
  ['AWS::CloudWatch::Alarm', { property: 'AlarmName', namespace: 'CloudWatch alarm' }],
  ['AWS::KMS::Alias', { property: 'AliasName', namespace: 'KMS alias' }],
  ['AWS::ElasticLoadBalancingV2::LoadBalancer', { property: 'Name', namespace: 'load balancer' }],
  ['AWS::ElasticLoadBalancingV2::TargetGroup', { property: 'Name', namespace: 'target group' }],
  ['AWS::RDS::DBInstance', { property: 'DBInstanceIdentifier', namespace: 'RDS DB instance', caseInsensitive: true }],
  ['AWS::RDS::DBCluster', { property: 'DBClusterIdentifier', namespace: 'RDS DB cluster', caseInsensitive: true }],
  ['AWS::CodeBuild::Project', { property: 'Name', namespace: 'CodeBuild project' }],
  ['AWS::Glue::Job', { property: 'Name', namespace: 'Glue job' }],
  ['AWS::Glue::Crawler', { property: 'Name', namespace: 'Glue crawler' }],
  ['AWS::Athena::WorkGroup', { property: 'Name', namespace: 'Athena workgroup' }],
  ['AWS::Cognito::UserPoolDomain', { property: 'Domain', namespace: 'Cognito domain' }],
]);

export interface DuplicateName {
  readonly resource: ResourceEntry;
  readonly node: ScalarNode;
  readonly property: string;
  readonly namespace: string;
  readonly first: ResourceEntry;
}

/** Resources kept per name to compare conditions with: bounds the work on hostile templates. */
const MAX_KEPT_PER_NAME = 16;

/** Every later resource (in source order) whose literal name repeats an earlier one of the same namespace. */
export function duplicatePhysicalNames(template: TemplateModel | undefined): DuplicateName[] {
  const seen = new Map<string, ResourceEntry[]>();
  const out: DuplicateName[] = [];
  for (const resource of template?.resources.values() ?? []) {
    const named = resource.type === undefined ? undefined : UNIQUE_NAME_PROPERTIES.get(resource.type);
    if (named === undefined || neverCreated(template!, resource)) continue;
    const node = literalString(getValue(resource.properties, named.property));
    if (node === undefined || node.value === '') continue;
    const name = node.value as string;
    const key = `${named.namespace}\u0000${named.caseInsensitive ? name.toLowerCase() : name}`;
    const earlier = seen.get(key);
    // Resources under two different conditions may never coexist: only clashing pairs count.
    const first = earlier?.find((entry) => mayCoexist(entry, resource));
    if (first) out.push({ resource, node, property: named.property, namespace: named.namespace, first });
    if (!earlier) seen.set(key, [resource]);
    else if (earlier.length < MAX_KEPT_PER_NAME) earlier.push(resource);
  }
  return out;
}
