// Service rules: what one AWS service refuses at deploy time and no schema constraint says
// (issue #19, family 6). Each rule reads only the resources of its own types through the shared
// by-type index (src/engine/services/resourceIndex.ts); the checks themselves live in
// src/engine/services/, one small file per service.
import type { Rule } from './rule';
import { TEMPLATE_KINDS } from './rule';
import { getValue } from '../document/located';
import { checkTableAttributes } from '../services/dynamodbAttributes';
import { duplicatePhysicalNames } from '../services/physicalNames';
import { nestedStackProblems } from '../services/nestedStacks';
import { RETIRED_TYPES, retiredMessage } from '../services/retiredServices';
import { securityGroupPortProblems } from '../services/securityGroupPorts';
import { longTxtStrings } from '../services/route53Txt';
import { subnetCidrProblems } from '../services/subnetCidrs';
import { ebsVolumeProblems } from '../services/ebsVolumes';
import { elastiCacheClusterProblems } from '../services/elastiCacheCluster';
import { autoScalingSizeProblems } from '../services/autoScalingSizes';
import { lambdaEnvironmentProblems } from '../services/lambdaEnvironment';
import { sqsVisibilityProblems } from '../services/sqsVisibility';
import { fargateSizeProblems } from '../services/fargateSizes';
import { albSubnetProblems } from '../services/albSubnets';
import { sqsFifoProblems } from '../services/sqsFifo';
import { eventSourcePositionProblems } from '../services/eventSourcePosition';
import { ecsServiceProblems } from '../services/ecsServices';
import { cloudFrontOriginProblems } from '../services/cloudFrontOrigins';
import { apiGatewayLinkProblems } from '../services/apiGatewayLinks';
import { route53RecordProblems } from '../services/route53Records';
import { acmValidationProblems } from '../services/acmValidation';
import { rdsSettingProblems } from '../services/rdsSettings';
import { resourcesByType, resourcesOf, type ServiceProblem } from '../services/resourceIndex';
import type { TemplateModel } from '../cfn/template';

/**
 * A rule that reports what one service check (src/engine/services/) finds: an error rule of
 * CloudFormation and SAM templates, each finding where the check says, at its severity.
 */
function serviceRule(id: string, description: string, problems: (template: TemplateModel | undefined) => readonly ServiceProblem[]): Rule {
  return {
    id,
    description,
    defaultSeverity: 'error',
    appliesTo: TEMPLATE_KINDS,
    check(context) {
      for (const problem of problems(context.template)) context.report(problem.node.span, problem.message, undefined, problem.severity);
    },
  };
}

export const dynamoDbAttributesRule: Rule = {
  id: 'cfn-dynamodb-attributes',
  description: 'The AttributeDefinitions of an AWS::DynamoDB::Table (or GlobalTable) must list exactly the attributes its KeySchema and its secondary indexes use: DynamoDB rejects a defined attribute no key uses and a key attribute that is not defined.',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    for (const table of resourcesOf(context.template, 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable')) {
      for (const problem of checkTableAttributes(table)) context.report(problem.node.span, problem.message);
    }
  },
};

export const duplicatePhysicalNameRule: Rule = {
  id: 'cfn-duplicate-physical-name',
  description: 'Two resources that must have account-unique names (FunctionName, BucketName, TableName, QueueName, TopicName, RoleName...) must not be given the same literal name in one template: the second fails to create ("already exists").',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    for (const duplicate of duplicatePhysicalNames(context.template)) {
      const name = duplicate.node.value as string;
      context.report(
        duplicate.node.span,
        `${duplicate.property} '${name}' of ${duplicate.resource.name} is already the name of ${duplicate.first.name}: ${duplicate.namespace} names are unique per account and region, so CloudFormation fails to create the second one. Give it another name, or leave the property out to let CloudFormation generate one.`,
      );
    }
  },
};

export const parameterResourceClashRule: Rule = {
  id: 'cfn-parameter-resource-clash',
  description: 'A resource must not have the logical id of a parameter: CloudFormation rejects the template (Ref could not tell them apart).',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    const template = context.template;
    if (!template || template.parameters.size === 0) return;
    for (const resource of template.resources.values()) {
      if (!template.parameters.has(resource.name)) continue;
      context.report(resource.keyNode.span, `Resource '${resource.name}' has the logical id of a parameter: CloudFormation rejects the template (a Ref to '${resource.name}' could mean either). Rename one of them.`);
    }
  },
};

export const nestedStackParametersRule: Rule = {
  id: 'cfn-nested-stack-parameters',
  description: "The Parameters of a nested stack (AWS::CloudFormation::Stack, AWS::Serverless::Application) whose template is a local file must be parameters of that file, and must include every parameter of it that has no Default.",
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    const { readFile } = context;
    const reader = readFile ? { fileName: context.fileName ?? '', readFile, followAbsolute: context.followAbsoluteFileRefs === true } : undefined;
    for (const problem of nestedStackProblems(context.template, reader)) context.report(problem.span, problem.message);
  },
};

export const customResourceServiceTokenRule: Rule = {
  id: 'cfn-custom-resource-service-token',
  description: 'A custom resource (Custom::<Name>; AWS::CloudFormation::CustomResource is checked by cfn-required-property) needs Properties.ServiceToken, the ARN of the Lambda function or SNS topic that provisions it.',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    if (!context.template) return;
    for (const [type, resources] of resourcesByType(context.template)) {
      // AWS::CloudFormation::CustomResource has a schema that requires ServiceToken, so
      // cfn-required-property reports it already; Custom::<Name> types have none.
      if (!type.startsWith('Custom::')) continue;
      for (const resource of resources) {
        const properties = resource.properties;
        // Properties from an intrinsic (`!If`) cannot be judged.
        if (properties !== undefined && (properties.kind !== 'mapping' || properties.pairs.some((pair) => pair.key.text.startsWith('Fn::')))) continue;
        if (getValue(properties, 'ServiceToken') !== undefined) continue;
        context.report(resource.typeNode!.span, `Custom resource ${resource.name} has no ServiceToken: CloudFormation cannot tell which Lambda function or SNS topic provisions it. Add Properties: { ServiceToken: <function or topic ARN> }.`);
      }
    }
  },
};

/** `YYYY-MM-DD` of a date, UTC. */
function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export const retiredServiceRule: Rule = {
  id: 'cfn-retired-service',
  description: 'A resource type of an AWS service that has been shut down or whose end of support is announced (IoT Analytics, IoT Events, OpsWorks, QLDB, App Mesh, WAF Classic...): it fails to create after the date. Dates from the AWS end-of-support list as recorded by cfn-lint 1.51.0.',
  defaultSeverity: 'warning',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    if (!context.template) return;
    const today = dayOf(context.options.today ?? new Date());
    for (const [type, resources] of resourcesByType(context.template)) {
      const entry = RETIRED_TYPES.get(type);
      if (!entry) continue;
      for (const resource of resources) context.report(resource.typeNode!.span, retiredMessage(type, entry, today));
    }
  },
};

export const securityGroupPortsRule = serviceRule(
  'cfn-security-group-ports',
  'Security group rules: tcp/udp need FromPort and ToPort within 0-65535 with FromPort <= ToPort (or both -1); icmp ports are a type and code (-1 or 0-255, a type of -1 needs a code of -1); with IpProtocol -1 EC2 ignores the ports and opens everything (warning).',
  securityGroupPortProblems,
);

export const route53TxtLengthRule = serviceRule(
  'cfn-route53-txt-length',
  'Each quoted string of a Route 53 TXT or SPF record value holds at most 255 characters: split a longer value (a DKIM key) into several quoted strings.',
  longTxtStrings,
);

export const subnetCidrRule = serviceRule(
  'cfn-subnet-cidr',
  "The literal IPv4 CidrBlocks of the subnets of one VPC must not overlap, and must lie inside the VPC's literal CIDR blocks.",
  subnetCidrProblems,
);

export const ebsVolumeLimitsRule = serviceRule(
  'cfn-ebs-volume-limits',
  'EBS volumes (AWS::EC2::Volume and block-device mappings) within the limits of their VolumeType: Iops required for io1/io2 and within 100-64,000 (io1), 100-256,000 (io2), 3,000-80,000 (gp3), none on gp2/st1/sc1/standard; Throughput 125-2,000 MiB/s on gp3 only; size per type; Multi-Attach on io1/io2 only.',
  ebsVolumeProblems,
);

export const elastiCacheClusterFailoverRule = serviceRule(
  'cfn-elasticache-cluster-failover',
  'An ElastiCache replication group whose parameter group sets cluster-enabled: yes (cluster mode) must not turn automatic failover off, and without node groups needs NumCacheClusters of at least 2.',
  elastiCacheClusterProblems,
);

export const autoScalingSizeRule = serviceRule(
  'cfn-autoscaling-size',
  "An Auto Scaling group's literal MaxSize must not be below its MinSize, and its DesiredCapacity must lie between them.",
  autoScalingSizeProblems,
);

export const lambdaEnvironmentRule = serviceRule(
  'cfn-lambda-environment',
  "A Lambda function's environment variables must not use the names Lambda reserves (AWS_REGION, AWS_ACCESS_KEY_ID, _HANDLER...) and must not exceed 4 KB together.",
  lambdaEnvironmentProblems,
);

export const sqsVisibilityTimeoutRule = serviceRule(
  'cfn-sqs-visibility-timeout',
  "An SQS queue that a Lambda function reads (AWS::Lambda::EventSourceMapping, or a SAM SQS event) must have a VisibilityTimeout at least as long as the function's Timeout (defaults 30 s and 3 s).",
  sqsVisibilityProblems,
);

export const fargateSizeRule = serviceRule(
  'cfn-ecs-fargate-size',
  'A Fargate task definition must use a Cpu Fargate offers (256 to 16,384 units) and a Memory that Cpu allows (for 1,024 units: 2,048-8,192 MiB in 1,024 steps...).',
  fargateSizeProblems,
);

export const albSubnetsRule = serviceRule(
  'cfn-alb-subnets',
  'An Application Load Balancer needs Subnets (or SubnetMappings) in at least two Availability Zones: a literal list of one subnet is refused.',
  albSubnetProblems,
);

export const sqsFifoRule = serviceRule(
  'cfn-sqs-fifo',
  "FIFO and standard SQS queues: a FIFO queue's QueueName ends in .fifo, FIFO-only properties stay off standard queues, a dead-letter queue is of the same kind, and a mapping reads at most 10 messages at a time from a FIFO queue.",
  sqsFifoProblems,
);

export const eventSourcePositionRule = serviceRule(
  'cfn-lambda-starting-position',
  'A Lambda event source mapping on a stream (Kinesis, DynamoDB, MSK) needs a StartingPosition; one on an SQS queue takes none.',
  eventSourcePositionProblems,
);

export const ecsServiceRule = serviceRule(
  'cfn-ecs-service',
  'An ECS service on Fargate (or a CODE_DEPLOY/EXTERNAL controller) schedules REPLICA only; one running an awsvpc task definition needs a NetworkConfiguration; one on Fargate needs a Fargate-compatible awsvpc task definition; a task definition needs an essential container.',
  ecsServiceProblems,
);

export const cloudFrontOriginRule = serviceRule(
  'cfn-cloudfront-target-origin',
  "Every TargetOriginId of a CloudFront distribution's default and ordered cache behaviors must be the Id of one of its Origins or OriginGroups.",
  cloudFrontOriginProblems,
);

export const apiGatewayLinksRule = serviceRule(
  'cfn-apigateway-links',
  "A REST API's stage must deploy a deployment of the same API, and a method must use an authorizer of the same API, of the kind its AuthorizationType says (CUSTOM: TOKEN or REQUEST; COGNITO_USER_POOLS).",
  apiGatewayLinkProblems,
);

export const route53RecordRule = serviceRule(
  'cfn-route53-record',
  "A Route 53 record set's HostedZoneName ends with a dot, its Name lies in that zone, and an alias record (AliasTarget) has no TTL or ResourceRecords.",
  route53RecordProblems,
);

export const acmValidationDomainRule = serviceRule(
  'cfn-acm-validation-domain',
  "The ValidationDomain of an ACM certificate's DomainValidationOptions must be the DomainName or a superdomain of it.",
  acmValidationProblems,
);

export const rdsSettingsRule = serviceRule(
  'cfn-rds-settings',
  'RDS DB instances and clusters: MonitoringInterval above 0 and MonitoringRoleArn go together, a KmsKeyId needs StorageEncrypted: true, and an instance of a cluster has the cluster\'s Engine.',
  rdsSettingProblems,
);

/** The service rules, in the order registry.ts lists them. */
export const SERVICE_RULES: readonly Rule[] = [
  dynamoDbAttributesRule,
  duplicatePhysicalNameRule,
  parameterResourceClashRule,
  nestedStackParametersRule,
  customResourceServiceTokenRule,
  retiredServiceRule,
  securityGroupPortsRule,
  route53TxtLengthRule,
  subnetCidrRule,
  ebsVolumeLimitsRule,
  elastiCacheClusterFailoverRule,
  autoScalingSizeRule,
  lambdaEnvironmentRule,
  sqsVisibilityTimeoutRule,
  fargateSizeRule,
  albSubnetsRule,
  sqsFifoRule,
  eventSourcePositionRule,
  ecsServiceRule,
  cloudFrontOriginRule,
  apiGatewayLinksRule,
  route53RecordRule,
  acmValidationDomainRule,
  rdsSettingsRule,
];
