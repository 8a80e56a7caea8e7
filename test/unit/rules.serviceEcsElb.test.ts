// cfn-ecs-fargate-size (src/engine/services/fargateSizes.ts) and cfn-alb-subnets
// (src/engine/services/albSubnets.ts): literal values ECS and ELB reject at deploy time. cfn-lint's
// E3047 and E3680 check the same.
import { describe, test } from 'node:test';
import { assertRuleCase, type RuleCase } from '../support/lintHelpers';

const task = (sizes: string, compat = '[FARGATE]'): string => `Resources:\n  Api:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: ${compat}\n      NetworkMode: awsvpc\n${sizes}      ContainerDefinitions:\n        - Name: app\n          Image: nginx\n`;
const balancer = (body: string): string => `Resources:\n  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n${body}`;

const fargateCases: RuleCase[] = [
  { name: 'memory too large for the CPU', doc: task('      Cpu: "256"\n      Memory: «"4096"»\n'), messages: ['Memory 4,096 MiB of Api is not allowed with Cpu 256 on Fargate: use 512, 1,024, 2,048 MiB, or another Cpu.'] },
  { name: '1,536 MiB is not a 0.25 vCPU size', doc: task('      Cpu: 256\n      Memory: «1536»\n') },
  { name: 'memory off the step', doc: task('      Cpu: "8192"\n      Memory: «"20000"»\n'), messages: ['use 16,384 to 61,440 MiB in steps of 4,096'] },
  { name: 'a CPU Fargate does not offer', doc: task('      Cpu: «"3072"»\n      Memory: "8192"\n'), messages: ['Cpu 3,072 of Api is not a size Fargate offers'] },
  { name: 'vCPU and GB spellings', doc: task('      Cpu: 1 vCPU\n      Memory: «1 GB»\n'), messages: ['Memory 1,024 MiB of Api is not allowed with Cpu 1,024'] },
  { name: 'valid sizes, both spellings', doc: task('      Cpu: .25 vCPU\n      Memory: 0.5 GB\n') + '  B:\n    Type: AWS::ECS::TaskDefinition\n    Properties: {RequiresCompatibilities: [FARGATE], Cpu: "16384", Memory: "122880", ContainerDefinitions: []}\n' },
  { name: 'not judged: EC2 tasks, sizes from parameters', doc: `${task('      Cpu: "3072"\n      Memory: "100"\n', '[EC2]')}  B:\n    Type: AWS::ECS::TaskDefinition\n    Properties: {RequiresCompatibilities: [FARGATE], Cpu: !Ref AWS::NoValue, Memory: "100", ContainerDefinitions: []}\n` },
];

const subnetCases: RuleCase[] = [
  { name: 'one subnet', doc: balancer('      Subnets: «[subnet-0123456789abcdef0]»\n'), messages: ['Lb is an Application Load Balancer with Subnets in one subnet: ELB requires subnets in at least two Availability Zones.'] },
  { name: 'one subnet mapping, by Ref, Type given', doc: balancer('      Type: application\n      SubnetMappings:\n        «- SubnetId: !Ref A»\n') },
  { name: 'valid: two subnets; a network load balancer with one', doc: `${balancer('      Subnets: [!Ref A, !Ref B]\n')}  Nlb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties: {Type: network, Subnets: [subnet-1]}\n` },
  { name: 'not judged: a list parameter, an Fn::If item', doc: balancer('      Subnets: !Ref SubnetIds\n') + '  Lb2:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [!If [Two, [a, b], [c, d]]]\n' },
];

void describe('cfn-ecs-fargate-size', () => {
  for (const testCase of fargateCases) void test(testCase.name, () => assertRuleCase('cfn-ecs-fargate-size', testCase));
});
void describe('cfn-alb-subnets', () => {
  for (const testCase of subnetCases) void test(testCase.name, () => assertRuleCase('cfn-alb-subnets', testCase));
});
