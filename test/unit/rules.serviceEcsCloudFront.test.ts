// cfn-ecs-service (src/engine/services/ecsServices.ts) and cfn-cloudfront-target-origin
// (src/engine/services/cloudFrontOrigins.ts). cfn-lint's E3044, E3052, E3054, E3042 and E3057
// check the same things.
import { describe, test } from 'node:test';
import { assertRuleCase, type RuleCase } from '../support/lintHelpers';

const task = (props: string): string => `  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n${props}      ContainerDefinitions:\n        - Name: app\n          Image: nginx\n`;
const service = (props: string): string => `  Svc:\n    Type: AWS::ECS::Service\n    Properties:\n      Cluster: c\n${props}`;
const net = '      NetworkConfiguration: {AwsvpcConfiguration: {Subnets: [subnet-1]}}\n';

const ecsCases: RuleCase[] = [
  { name: 'DAEMON on Fargate', doc: `Resources:\n${service('      LaunchType: FARGATE\n      SchedulingStrategy: «DAEMON»\n')}`, messages: ['Svc runs on Fargate, which schedules REPLICA only: ECS refuses DAEMON.'] },
  { name: 'DAEMON with the CODE_DEPLOY controller', doc: `Resources:\n${service('      DeploymentController: {Type: CODE_DEPLOY}\n      SchedulingStrategy: «DAEMON»\n')}`, messages: ['uses the CODE_DEPLOY deployment controller'] },
  { name: 'an awsvpc task definition without NetworkConfiguration', doc: `Resources:\n${task('      NetworkMode: awsvpc\n')}${service('      TaskDefinition: «!Ref Task»\n')}`, messages: ['Svc runs Task, whose NetworkMode is awsvpc, so it needs a NetworkConfiguration'] },
  { name: 'a Fargate service on an EC2-only task definition', doc: `Resources:\n${task('      NetworkMode: awsvpc\n      RequiresCompatibilities: [EC2]\n')}${service(`      LaunchType: FARGATE\n      TaskDefinition: «!Ref Task»\n${net}`)}`, messages: ['does not list FARGATE in RequiresCompatibilities'] },
  { name: 'a Fargate service on a bridge task definition (NetworkMode left out)', doc: `Resources:\n${task('      RequiresCompatibilities: [FARGATE]\n')}${service('      LaunchType: FARGATE\n      TaskDefinition: «!Ref Task»\n')}`, messages: ['the NetworkMode of Task is bridge (left out): Fargate runs awsvpc only.'] },
  { name: 'every container not essential', doc: `Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        «- Name: a\n          Image: x\n          Essential: false\n        - Name: b\n          Image: y\n          Essential: "false"»\n` },
  { name: 'valid: a Fargate awsvpc service, REPLICA; Essential left out', doc: `Resources:\n${task('      NetworkMode: awsvpc\n      RequiresCompatibilities: [FARGATE]\n')}${service(`      LaunchType: FARGATE\n      SchedulingStrategy: REPLICA\n      TaskDefinition: !Ref Task\n${net}`)}` },
  { name: 'not judged: a task definition from outside, a NetworkMode parameter', doc: `Parameters:\n  Mode:\n    Type: String\nResources:\n${task('      NetworkMode: !Ref Mode\n      RequiresCompatibilities: [FARGATE]\n')}${service('      LaunchType: FARGATE\n      TaskDefinition: !Ref Task\n')}  Svc2:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: arn:aws:ecs:us-east-1:123456789012:task-definition/x:1\n` },
];

const distribution = (behaviors: string, groups = ''): string =>
  `Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        Origins:\n          - Id: site\n            DomainName: example.com\n            CustomOriginConfig: {OriginProtocolPolicy: https-only}\n          - Id: api\n            DomainName: api.example.com\n            CustomOriginConfig: {OriginProtocolPolicy: https-only}\n${groups}${behaviors}`;

const cloudFrontCases: RuleCase[] = [
  { name: 'a default behavior to a missing origin', doc: distribution('        DefaultCacheBehavior:\n          TargetOriginId: «website»\n          ViewerProtocolPolicy: allow-all\n'), messages: ["TargetOriginId 'website' of Cdn is not the Id of one of its origins or origin groups ('site', 'api'): CloudFront refuses the distribution."] },
  { name: 'an ordered behavior to a missing origin', doc: distribution('        DefaultCacheBehavior: {TargetOriginId: site, ViewerProtocolPolicy: allow-all}\n        CacheBehaviors:\n          - PathPattern: /api/*\n            TargetOriginId: «apis»\n            ViewerProtocolPolicy: https-only\n') },
  { name: 'valid: an origin and an origin group', doc: distribution('        DefaultCacheBehavior: {TargetOriginId: failover, ViewerProtocolPolicy: allow-all}\n        CacheBehaviors: [{PathPattern: /api/*, TargetOriginId: api, ViewerProtocolPolicy: https-only}]\n', '        OriginGroups:\n          Quantity: 1\n          Items:\n            - Id: failover\n              FailoverCriteria: {StatusCodes: {Quantity: 1, Items: [500]}}\n              Members: {Quantity: 2, Items: [{OriginId: site}, {OriginId: api}]}\n') },
  { name: 'not judged: an origin id from a parameter', doc: distribution('        DefaultCacheBehavior: {TargetOriginId: other, ViewerProtocolPolicy: allow-all}\n').replace('- Id: api', '- Id: !Ref OriginId') },
];

void describe('cfn-ecs-service', () => {
  for (const testCase of ecsCases) void test(testCase.name, () => assertRuleCase('cfn-ecs-service', testCase));
});
void describe('cfn-cloudfront-target-origin', () => {
  for (const testCase of cloudFrontCases) void test(testCase.name, () => assertRuleCase('cfn-cloudfront-target-origin', testCase));
});
