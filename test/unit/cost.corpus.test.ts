/**
 * Realistic templates from the shared corpus (`../shared/corpus`, next to the repository), each
 * estimated with its parameters' defaults and checked against a total worked out by hand from
 * the template and the shipped us-east-1 prices (the arithmetic is in the comments). The corpus
 * is not part of the repository: without it these tests are skipped, and say so.
 * Then the engine against the monthly figures published in the price reference.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../src/engine/analyzedDocument';
import { estimateCost } from '../../src/engine/cost/estimate';
import { SHIPPED_PRICES } from '../../src/engine/cost/priceTable';

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
const haveCorpus = fs.existsSync(CORPUS);
const skip = haveCorpus ? false : `the shared corpus is not at ${CORPUS}`;

function fixedTotal(relative: string): { fixed: number; leftOut: number } {
  const file = path.join(CORPUS, relative);
  const analyzed = analyzeDocument(file, fs.readFileSync(file, 'utf8'));
  assert.ok(analyzed.template, `${relative} is a template`);
  const estimate = estimateCost(analyzed.template, { prices: SHIPPED_PRICES, region: 'us-east-1' });
  return { fixed: estimate.monthly.fixed, leftOut: estimate.leftOut };
}

/** [file, hand-worked fixed monthly total, components left out (unknown usage or no price)]. */
const CASES: readonly [string, number, number, string][] = [
  // EIP 730 h x $0.005 = $3.65 + NAT 730 h x $0.045 = $32.85; the alarms' condition is false by default.
  ['widdix-aws-cf-templates/vpc/vpc-nat-gateway.yaml', 36.5, 1, 'NAT gateway and its address'],
  // Two NAT gateways (2 x $32.85) and two EIPs (2 x $3.65) = $73.00; NAT data unknown twice.
  ['aws-cloudformation-templates/VPC/VPC_With_Managed_NAT_And_Private_Subnet.yaml', 73, 2, 'two NAT gateways'],
  // Four EIPs (4 x $3.65 = $14.60) + NLB 730 x $0.0225 = $16.425 -> $31.025. The NLB's subnet mappings
  // use EIP1/EIP2 (AllocationId): no second charge for those addresses; NLCUs unknown.
  ['aws-cloudformation-templates/ElasticLoadBalancing/NetworkLoadBalancerWithEIPs.yaml', 31.025, 1, 'NLB on Elastic IPs'],
  // Two EIPs = $7.30; the ENI and the associations are free.
  ['aws-cloudformation-templates/EC2/SingleENIwithMultipleEIPs.yaml', 7.3, 0, 'EIPs on one ENI'],
  // Secret $0.40; db.t3.small MySQL 730 x $0.034 = $24.82; Iops set and no StorageType -> io1:
  // 100 GB x $0.125 = $12.50 + 1,000 IOPS x $0.10 = $100.00 -> $137.72; secret API calls unknown.
  ['aws-cloudformation-templates/RDS/RDS_PIOPS.yaml', 137.72, 1, 'RDS with provisioned IOPS'],
  // Secret $0.40; main and replica db.t3.medium MySQL 2 x 730 x $0.068 = $99.28; 5 GB gp2 each
  // (the replica's from its source) 2 x 5 x $0.115 = $1.15 -> $100.83.
  ['aws-cloudformation-templates/RDS/RDS_MySQL_With_Read_Replica.yaml', 100.83, 1, 'MySQL with a read replica'],
  // DesiredCount 2 x 0.25 vCPU x 730 x $0.04048 = $14.7752; 2 x 0.5 GB x 730 x $0.004445 = $3.24485;
  // two alarms $0.20 -> $18.22005; the log group's ingestion and storage unknown.
  ['widdix-aws-cf-templates/fargate/service-cluster-alb.yaml', 18.22005, 2, 'Fargate service'],
  // ASG MinSize 1 x t4g.micro 730 x $0.0084 = $6.132 + 32 GB gp2 $3.20; alarms $0.20; ALB 730 x
  // $0.0225 = $16.425 -> $25.957. Unknown: the ALB's addresses (Subnets is a parameter), LCUs, SNS publishes.
  ['aws-cloudformation-templates/AutoScaling/AutoScalingMultiAZWithNotifications.yaml', 25.957, 3, 'ASG behind an ALB'],
  // ASG 1 x t2.micro 730 x $0.0116 = $8.468; alarms $0.20; classic LB 730 x $0.025 = $18.25 -> $26.918.
  ['aws-cloudformation-templates/EFS/efs_with_automount_to_ec2.yaml', 26.918, 2, 'EFS with an ASG'],
  // ALB $16.425; ASG MinSize 2 x t2.micro = 1,460 x $0.0116 = $16.936; alarms $0.20 -> $33.561.
  // Left out (17): 3 log groups x 2, 2 functions x 3, 2 queues, the ALB's addresses and LCUs, the ASG's volume size (from the AMI).
  ['widdix-aws-cf-templates/ecs/cluster.yaml', 33.561, 17, 'ECS cluster on EC2'],
  // Classic LB $18.25; Multi-AZ db.t3.micro 730 x $0.034 = $24.82 + 5 GB x 2 x $0.115 = $1.15;
  // ASG 2 x t3.micro 1,460 x $0.0104 = $15.184; alarms $0.20 -> $59.604.
  // Left out (8): log group x 2, LB data, the ASG's volume size, EFS storage, CloudFront x 2, backup storage.
  ['widdix-aws-cf-templates/wordpress/wordpress-ha.yaml', 59.604, 8, 'WordPress HA'],
];

describe('cost: hand-checked corpus templates', { skip }, () => {
  for (const [file, expected, leftOut, what] of CASES) {
    it(`${what}: ${path.basename(file)} = $${expected}`, () => {
      const result = fixedTotal(file);
      assert.ok(Math.abs(result.fixed - expected) < 1e-6, `${file}: expected $${expected}, got $${result.fixed}`);
      assert.equal(result.leftOut, leftOut, `${file}: components left out`);
    });
  }
});

describe('cost: the published monthly figures of the price reference', () => {
  const monthly = (body: string, usage?: string): number => {
    const analyzed = analyzeDocument('t.yaml', `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${body}`);
    assert.ok(analyzed.template);
    return estimateCost(analyzed.template, { prices: SHIPPED_PRICES, region: 'us-east-1', usage: usage === undefined ? undefined : { resources: new Map([['R', new Map(Object.entries(JSON.parse(usage) as Record<string, number>))]]), defaults: new Map(), preset: undefined } }).monthly.total;
  };
  const close = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 0.006, `expected $${expected}, got $${actual}`);

  it('NAT gateway $32.85/mo, public IPv4 $3.65/mo, EKS cluster $73/mo', () => {
    close(monthly('  R:\n    Type: AWS::EC2::NatGateway\n'), 32.85);
    close(monthly('  R:\n    Type: AWS::EC2::EIP\n'), 3.65);
    close(monthly('  R:\n    Type: AWS::EKS::Cluster\n'), 73);
  });

  it('ALB $16.43/mo (internal, so no addresses) and one LCU $5.84/mo; one NLCU $4.38/mo', () => {
    close(monthly('  R:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties: { Scheme: internal }\n'), 16.43);
    close(monthly('  R:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties: { Scheme: internal }\n', '{"averageCapacityUnits":1}') - 16.425, 5.84);
    close(monthly('  R:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties: { Scheme: internal, Type: network }\n', '{"averageCapacityUnits":1}') - 16.425, 4.38);
  });

  it('Fargate $29.55 per vCPU-month and $3.245 per GB-month; DynamoDB $0.4745 per WCU-month and $0.0949 per RCU-month', () => {
    const task = '  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties: { Cpu: "1024", Memory: "1024" }\n';
    close(monthly(`  R:\n    Type: AWS::ECS::Service\n    Properties: { LaunchType: FARGATE, TaskDefinition: { Ref: T } }\n${task}`), 29.55 + 3.245);
    close(monthly('  R:\n    Type: AWS::DynamoDB::Table\n    Properties: { ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }\n'), 0.4745 + 0.0949);
  });
});
