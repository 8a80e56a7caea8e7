/**
 * Golden tests of the cost engine's what-ifs, the newer services (Firehose, Athena, Redshift,
 * Cognito, Glue crawlers, Backup), the `.archlens.yml` cost section and estimate diffs.
 * Arithmetic by hand in the comments, on the shipped us-east-1 list prices.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../src/engine/analyzedDocument';
import { mergeUsage, parseCostConfig } from '../../src/engine/cost/costConfig';
import { diffEstimates } from '../../src/engine/cost/costDiff';
import type { CostEstimate } from '../../src/engine/cost/costTypes';
import { estimateCost, type EstimateOptions } from '../../src/engine/cost/estimate';
import { SHIPPED_PRICES } from '../../src/engine/cost/priceTable';
import { parseUsageFile } from '../../src/engine/cost/usage';
import { estimateWhatIfs, knownMonthly } from '../../src/engine/cost/whatIf';
import { DEFAULT_WHAT_IF_RATES, gravitonEquivalent } from '../../src/engine/cost/whatIfTypes';

const header = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";

function template(body: string) {
  const analyzed = analyzeDocument('template.yaml', header + body);
  assert.ok(analyzed.template, 'the test template parses');
  return analyzed.template;
}

function options(usageYaml?: string): EstimateOptions {
  return { prices: SHIPPED_PRICES, region: 'us-east-1', usage: usageYaml === undefined ? undefined : parseUsageFile(usageYaml).usage };
}

function near(actual: number | null | undefined, expected: number, what: string): void {
  assert.ok(actual !== null && actual !== undefined, `${what} is known`);
  assert.ok(Math.abs(actual - expected) < 1e-4, `${what}: expected ${expected}, got ${actual}`);
}

function monthlyOf(estimate: CostEstimate, id: string): number {
  const found = estimate.resources.find((resource) => resource.logicalId === id);
  assert.ok(found, `${id} is in the estimate`);
  return knownMonthly(found);
}

const MIXED = `  Fn:
    Type: AWS::Lambda::Function
    Properties: { MemorySize: 1024, Runtime: nodejs20.x, Handler: i.h, Code: { ZipFile: x }, Role: r }
  Web:
    Type: AWS::EC2::Instance
    Properties: { InstanceType: t3.medium }
  Vol:
    Type: AWS::EC2::Volume
    Properties: { Size: 100, AvailabilityZone: us-east-1a }
  Svc:
    Type: AWS::ECS::Service
    Properties: { LaunchType: FARGATE, DesiredCount: 2, TaskDefinition: { Ref: Task } }
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties: { Cpu: '1024', Memory: '2048' }
  Fleet:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties: { MinSize: '2', MaxSize: '4', LaunchTemplate: { LaunchTemplateId: { Ref: Lt }, Version: '1' } }
  Lt:
    Type: AWS::EC2::LaunchTemplate
    Properties: { LaunchTemplateData: { InstanceType: m5.large } }
  Table:
    Type: AWS::DynamoDB::Table
    Properties: { BillingMode: PROVISIONED, ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 }, KeySchema: [], AttributeDefinitions: [] }
  OnDemand:
    Type: AWS::DynamoDB::Table
    Properties: { BillingMode: PAY_PER_REQUEST, KeySchema: [], AttributeDefinitions: [] }
`;
const MIXED_USAGE = 'resources:\n  Fn: { monthlyRequests: 10000000, averageDurationMs: 200, logsGB: 0 }\n  OnDemand: { monthlyWriteRequestUnits: 26280000, monthlyReadRequestUnits: 52560000, storageGB: 0 }\n  Table: { storageGB: 0 }\n';

describe('cost what-ifs', () => {
  const model = template(MIXED);
  const base = options(MIXED_USAGE);
  const baseline = estimateCost(model, base);
  const results = new Map(estimateWhatIfs(model, base, baseline).map((result) => [result.id, result]));

  it('the baseline, by hand', () => {
    // Fn: 10M x $0.20/M = $2.00 + 2,000,000 GB-s x $0.0000166667 = $33.3334 -> $35.3334.
    near(monthlyOf(baseline, 'Fn'), 35.3334, 'Lambda');
    // Web: t3.medium $0.0416 x 730 = $30.368.
    near(monthlyOf(baseline, 'Web'), 30.368, 'instance');
    // Svc: 2 tasks x 1 vCPU x 730 h x $0.04048 = $59.1008; 2 x 2 GB x 730 x $0.004445 = $12.9794 -> $72.0802.
    near(monthlyOf(baseline, 'Svc'), 72.0802, 'Fargate');
    // Fleet: MinSize 2 x m5.large $0.096 x 730 = $140.16.
    near(monthlyOf(baseline, 'Fleet'), 140.16, 'Auto Scaling group');
  });

  it('Graviton: Lambda and Fargate on arm64, t3.medium -> t4g.medium, m5.large -> m6g.large', () => {
    const graviton = results.get('graviton');
    assert.ok(graviton);
    const byId = new Map(graviton.resources.map((change) => [change.logicalId, change]));
    // Fn: $2.00 + 2,000,000 x $0.0000133334 = $26.6668 -> $28.6668.
    near(byId.get('Fn')?.after, 28.6668, 'Lambda arm64');
    // Web: t4g.medium $0.0336 x 730 = $24.528.
    near(byId.get('Web')?.after, 24.528, 't4g.medium');
    // Svc: 2 x 730 x $0.03238 = $47.2748; 2 x 2 x 730 x $0.00356 = $10.3952 -> $57.67.
    near(byId.get('Svc')?.after, 57.67, 'Fargate arm64');
    // Fleet: 2 x m6g.large $0.077 x 730 = $112.42.
    near(byId.get('Fleet')?.after, 112.42, 'm6g.large');
    // Delta = -6.6666 - 5.84 - 14.4102 - 27.74 = -54.6568.
    near(graviton.delta, -54.6568, 'Graviton total difference');
    near(graviton.after - graviton.before, graviton.delta, 'after - before');
  });

  it('Spot: Fargate tasks and the Auto Scaling group at 70% off, with the interruption caveat', () => {
    const spot = results.get('spot');
    assert.ok(spot);
    assert.match(spot.caveat, /interrupted/);
    assert.deepEqual(spot.resources.map((change) => change.logicalId).sort(), ['Fleet', 'Svc']);
    // Fleet: $140.16 x 0.3 = $42.048; Svc: $72.0802 x 0.3 = $21.62406.
    near(spot.resources.find((change) => change.logicalId === 'Fleet')?.after, 42.048, 'ASG Spot');
    near(spot.resources.find((change) => change.logicalId === 'Svc')?.after, 21.62406, 'Fargate Spot');
    const withNote = estimateCost(model, { ...base, whatIf: { ids: new Set(['spot']), rates: DEFAULT_WHAT_IF_RATES } });
    assert.match(withNote.resources.find((resource) => resource.logicalId === 'Fleet')!.components[0]!.note ?? '', /Spot, 70% off on-demand \(can be interrupted\)/);
  });

  it('Compute Savings Plan: instance hours, Fargate and Lambda compute (not requests) at 20% off', () => {
    const plan = results.get('savings-plan');
    assert.ok(plan);
    // Fn: $2.00 + $33.3334 x 0.8 = $28.66672; Web: $30.368 x 0.8 = $24.2944.
    near(plan.resources.find((change) => change.logicalId === 'Fn')?.after, 28.66672, 'Lambda with the plan');
    near(plan.resources.find((change) => change.logicalId === 'Web')?.after, 24.2944, 'instance with the plan');
    // A custom rate from the config: 40% off the instance: $30.368 x 0.6 = $18.2208.
    const custom = estimateWhatIfs(model, base, baseline, ['savings-plan'], { ...DEFAULT_WHAT_IF_RATES, savingsPlanDiscount: 0.4 });
    near(custom[0]!.resources.find((change) => change.logicalId === 'Web')?.after, 18.2208, 'instance at 40% off');
  });

  it('gp2 -> gp3: 100 GB at $0.10 = $10.00 becomes 100 GB at $0.08 = $8.00', () => {
    const gp3 = results.get('gp3');
    assert.ok(gp3);
    assert.deepEqual(gp3.resources, [{ logicalId: 'Vol', before: 10, after: 8, delta: -2 }]);
  });

  it('DynamoDB: provisioned -> on-demand from capacity at 70%, on-demand -> provisioned sized from usage', () => {
    const onDemand = results.get('dynamodb-on-demand');
    assert.ok(onDemand);
    // Table: 5 WCU x 2,628,000 s x 0.7 = 9,198,000 WRU x $0.625/M = $5.74875;
    // 10 RCU x 2,628,000 x 0.7 = 18,396,000 RRU x $0.125/M = $2.2995 -> $8.04825 (was 3,650 x $0.00065 + 7,300 x $0.00013 = $3.3215).
    assert.deepEqual(onDemand.resources.map((change) => change.logicalId), ['Table']);
    near(onDemand.resources[0]!.before, 3.3215, 'provisioned table');
    near(onDemand.resources[0]!.after, 8.04825, 'as on-demand');
    const provisioned = results.get('dynamodb-provisioned');
    assert.ok(provisioned);
    // OnDemand: 26,280,000 WRU / 2,628,000 s = 10/s, / 0.7 = 14.29 -> 15 WCU x 730 x $0.00065 = $7.1175;
    // 52,560,000 RRU = 20/s, / 0.7 = 28.57 -> 29 RCU x 730 x $0.00013 = $2.7521 -> $9.8696
    // (was 26.28 x $0.625 + 52.56 x $0.125 = $16.425 + $6.57 = $22.995).
    near(provisioned.resources[0]!.before, 22.995, 'on-demand table');
    near(provisioned.resources[0]!.after, 9.8696, 'as provisioned');
  });

  it('Graviton equivalents, and none for families that have none', () => {
    assert.equal(gravitonEquivalent('t3.medium'), 't4g.medium');
    assert.equal(gravitonEquivalent('db.r5.large'), 'db.r6g.large');
    assert.equal(gravitonEquivalent('cache.m5.large'), 'cache.m6g.large');
    assert.equal(gravitonEquivalent('t4g.medium'), undefined);
    assert.equal(gravitonEquivalent('p4d.24xlarge'), undefined);
    assert.equal(gravitonEquivalent('__proto__.x'), undefined);
  });

  it('a what-if that changes nothing is left out', () => {
    const onlyQueue = template('  Q:\n    Type: AWS::SQS::Queue\n');
    assert.deepEqual(estimateWhatIfs(onlyQueue, options()), []);
  });
});

describe('cost: data, identity and backup services', () => {
  const model = template(`  Stream:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      ExtendedS3DestinationConfiguration: { BucketARN: arn, RoleARN: arn, DataFormatConversionConfiguration: { Enabled: true } }
  Queries:
    Type: AWS::Athena::WorkGroup
    Properties: { Name: wg }
  Warehouse:
    Type: AWS::Redshift::Cluster
    Properties: { NodeType: ra3.xlplus, ClusterType: multi-node, NumberOfNodes: 2, DBName: d, MasterUsername: u, MasterUserPassword: p }
  Serverless:
    Type: AWS::RedshiftServerless::Workgroup
    Properties: { WorkgroupName: w, BaseCapacity: 32 }
  Users:
    Type: AWS::Cognito::UserPool
  Crawler:
    Type: AWS::Glue::Crawler
    Properties: { Role: r, Targets: {} }
  Vault:
    Type: AWS::Backup::BackupVault
    Properties: { BackupVaultName: v }
  Plan:
    Type: AWS::Backup::BackupPlan
    Properties: { BackupPlan: { BackupPlanName: p, BackupPlanRule: [] } }
`);
  const usage = `resources:
  Stream: { ingestedGB: 1000 }
  Queries: { scannedTB: 3 }
  Warehouse: { storageGB: 500 }
  Serverless: { activeHours: 100, storageGB: 200 }
  Users: { monthlyActiveUsers: 25000 }
  Crawler: { monthlyDpuHours: 10 }
  Vault: { storageGB: 300 }
`;
  const result = estimateCost(model, options(usage));

  it('prices each, by hand', () => {
    // Firehose: 1,000 GB x $0.029 = $29.00 + conversion 1,000 x $0.018 = $18.00 -> $47.00.
    near(monthlyOf(result, 'Stream'), 47, 'Firehose');
    // Athena: 3 TB x $5 = $15.00.
    near(monthlyOf(result, 'Queries'), 15, 'Athena');
    // Redshift: 2 nodes x 730 h x $1.086 = $1,585.56 + RMS 500 GB x $0.024 = $12.00 -> $1,597.56.
    near(monthlyOf(result, 'Warehouse'), 1597.56, 'Redshift');
    // Serverless: 32 RPU x 100 h x $0.375 = $1,200.00 + 200 GB x $0.024 = $4.80 -> $1,204.80.
    near(monthlyOf(result, 'Serverless'), 1204.8, 'Redshift Serverless');
    // Cognito Essentials: first 10,000 MAUs $0; 15,000 x $0.015 = $225.00.
    near(monthlyOf(result, 'Users'), 225, 'Cognito');
    // Glue crawler: 10 DPU-h x $0.44 = $4.40. Backup: 300 GB x $0.05 = $15.00.
    near(monthlyOf(result, 'Crawler'), 4.4, 'crawler');
    near(monthlyOf(result, 'Vault'), 15, 'backup vault');
    assert.equal(result.resources.find((resource) => resource.logicalId === 'Plan')?.free, true);
    assert.equal(result.leftOut, 0);
  });

  it('without usage they are "depends on usage", never $0, except the Redshift nodes', () => {
    const bare = estimateCost(model, options());
    // Only the node hours are fixed: $1,585.56.
    assert.equal(bare.monthly.fixed, 1585.56);
    assert.equal(bare.monthly.usage, null);
    const users = bare.resources.find((resource) => resource.logicalId === 'Users')!;
    assert.equal(users.components[0]!.monthly, null);
    assert.match(users.components[0]!.note ?? '', /depends on usage \(set monthlyActiveUsers/);
  });
});

describe('cost: .archlens.yml cost section and diffs', () => {
  it('reads region, usage file, inline usage, preset and what-if rates; reports bad keys', () => {
    const { config, problems } = parseCostConfig({ region: 'eu-west-1', usageFile: 'u.yml', preset: 'small', resources: { Fn: { monthlyRequests: 5 } }, whatIf: { spotDiscount: 0.6 } });
    assert.deepEqual(problems, []);
    assert.equal(config.region, 'eu-west-1');
    assert.equal(config.usageFile, 'u.yml');
    assert.equal(config.usage.preset, 'small');
    assert.equal(config.usage.resources.get('Fn')?.get('monthlyRequests'), 5);
    assert.equal(config.rates.spotDiscount, 0.6);
    assert.equal(config.rates.savingsPlanDiscount, DEFAULT_WHAT_IF_RATES.savingsPlanDiscount);
    const bad = parseCostConfig({ region: 'mars', whatIf: { spotDiscount: 7 }, resources: { Fn: { monthlyRequests: 'lots' } }, colour: 1 });
    assert.deepEqual(bad.problems, [
      'cost.region: expected a region name such as eu-west-1; found "mars"',
      'cost.whatIf.spotDiscount: expected a fraction between 0 and 1 (0.2 = 20%)',
      'cost.resources.Fn.monthlyRequests: expected a number >= 0',
      "cost: unknown key 'colour' (expected region, usageFile, preset, defaults, resources, whatIf)",
    ]);
    assert.deepEqual(parseCostConfig('text').problems.length, 1);
  });

  it('a usage file wins over inline usage figure by figure', () => {
    const inline = parseCostConfig({ resources: { Fn: { monthlyRequests: 5, averageDurationMs: 10 } } }).config.usage;
    const file = parseUsageFile('resources:\n  Fn: { monthlyRequests: 7 }\n').usage;
    const merged = mergeUsage(inline, file).resources.get('Fn');
    assert.equal(merged?.get('monthlyRequests'), 7);
    assert.equal(merged?.get('averageDurationMs'), 10);
  });

  it('diffs two versions: added, removed and changed resources with their monthly delta', () => {
    const before = estimateCost(template('  Nat:\n    Type: AWS::EC2::NatGateway\n  Vol:\n    Type: AWS::EC2::Volume\n    Properties: { Size: 100 }\n  Ip:\n    Type: AWS::EC2::EIP\n'), options());
    const after = estimateCost(template('  Nat:\n    Type: AWS::EC2::NatGateway\n  Vol:\n    Type: AWS::EC2::Volume\n    Properties: { Size: 200 }\n  Key:\n    Type: AWS::KMS::Key\n'), options());
    const diff = diffEstimates(before, after);
    // Vol: 100 -> 200 GB gp2: $10 -> $20 (+$10); Key added $1; Ip removed: -$3.65. Nat unchanged.
    assert.deepEqual(
      diff.resources.map((change) => [change.change, change.logicalId, change.delta]),
      [
        ['changed', 'Vol', 10],
        ['added', 'Key', 1],
        ['removed', 'Ip', -3.65],
      ],
    );
    near(diff.delta, 7.35, 'total delta');
  });
});

describe('cost: Lambda provisioned concurrency and DynamoDB global tables', () => {
  it('an alias with provisioned concurrency: executions x memory x every second of the month', () => {
    const model = template(`  Fn:
    Type: AWS::Lambda::Function
    Properties: { MemorySize: 1024, Runtime: nodejs24.x, Handler: i.h, Code: { ZipFile: x }, Role: r }
  Live:
    Type: AWS::Lambda::Alias
    Properties: { FunctionName: { Ref: Fn }, FunctionVersion: '1', Name: live, ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 10 } }
  Plain:
    Type: AWS::Lambda::Alias
    Properties: { FunctionName: { Ref: Fn }, FunctionVersion: '1', Name: plain }
`);
    const result = estimateCost(model, options());
    // 10 x 1 GB x 2,628,000 s = 26,280,000 GB-s x $0.0000041667 = $109.500876.
    near(monthlyOf(result, 'Live'), 109.500876, 'provisioned concurrency');
    assert.equal(result.resources.find((resource) => resource.logicalId === 'Plain')?.free, true);
  });

  it('a global table: writes and storage in every replica, reads where they happen', () => {
    const onDemand = template(`  Global:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: []
      KeySchema: []
      Replicas: [{ Region: us-east-1 }, { Region: eu-west-1 }]
`);
    // Writes 10M x 2 replicas x $0.625/M = $12.50; reads 20M x $0.125/M = $2.50; 10 GB x 2 x $0.25 = $5.00.
    near(monthlyOf(estimateCost(onDemand, options('resources:\n  Global: { monthlyWriteRequestUnits: 10000000, monthlyReadRequestUnits: 20000000, storageGB: 10 }\n')), 'Global'), 20, 'on-demand global table');
    const provisioned = template(`  Global:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      AttributeDefinitions: []
      KeySchema: []
      WriteProvisionedThroughputSettings: { WriteCapacityAutoScalingSettings: { MinCapacity: 5, MaxCapacity: 50, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 } } }
      Replicas:
        - Region: us-east-1
          ReadProvisionedThroughputSettings: { ReadCapacityUnits: 10 }
        - Region: eu-west-1
          ReadProvisionedThroughputSettings: { ReadCapacityAutoScalingSettings: { MinCapacity: 4, MaxCapacity: 40, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 } } }
`);
    // rWCU 5 x 2 replicas x 730 h x $0.000975 = $7.1175; RCU (10 + 4) x 730 x $0.00013 = $1.3286 -> $8.4461 fixed.
    assert.equal(estimateCost(provisioned, options()).monthly.fixed, 8.4461);
  });
});
