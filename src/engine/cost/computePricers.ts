import type { LocatedNode } from '../document/located';
import { HOURS_PER_MONTH } from './priceTable';
import { isUnknown, type ResourcePricer, type Unknown } from './pricerContext';
import { gravitonEquivalent } from './whatIfTypes';

/** Adds a resource's components to its pricer. */
export type Pricer = (p: ResourcePricer) => void;

const GB_PER_MB = 1 / 1024;

/** Multiplies known quantities; any unknown factor makes the product unknown. */
export function times(...factors: (number | Unknown)[]): number | Unknown {
  let product = 1;
  for (const factor of factors) {
    if (isUnknown(factor)) return factor;
    product *= factor;
  }
  return product;
}

/** Lambda (and SAM functions): requests, GB-seconds by architecture, ephemeral storage, the implicit log group. */
const lambdaFunction: Pricer = (p) => {
  const memoryMb = p.number('MemorySize', 128);
  let architecture = p.string('Architectures.0') === 'arm64' ? 'arm64' : 'x86_64';
  if (architecture === 'x86_64' && p.whatIf('graviton')) {
    architecture = 'arm64';
    p.note('what-if: Graviton (arm64) instead of x86_64');
  }
  p.note('Lambda free tier (1M requests and 400,000 GB-s per account per month) not applied');
  p.usageBased('Requests', 'lambda.requests', 'monthlyRequests', (requests) => requests / 1e6);
  savingsPlan(p, () =>
    p.usageBased(`Compute (${architecture})`, `lambda.gbs.${architecture}`, ['monthlyRequests', 'averageDurationMs'], (requests, durationMs) =>
      times(requests, durationMs! / 1000, isUnknown(memoryMb) ? memoryMb : memoryMb * GB_PER_MB),
    ),
  );
  const ephemeralMb = p.number('EphemeralStorage.Size', 512);
  if (isUnknown(ephemeralMb) || ephemeralMb > 512) {
    p.usageBased('Ephemeral storage above 512 MB', 'lambda.ephemeral', ['monthlyRequests', 'averageDurationMs'], (requests, durationMs) =>
      times(requests, durationMs! / 1000, isUnknown(ephemeralMb) ? ephemeralMb : (ephemeralMb - 512) * GB_PER_MB),
    );
  }
  p.usageBased('Logs ingested (implicit log group)', 'logs.ingest', 'logsGB');
  // SAM: provisioned concurrency on the function (its published alias).
  const provisioned = p.property('ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions');
  if (provisioned) provisionedConcurrency(p, p.number('ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions'), memoryMb, architecture);
};

/** Provisioned concurrency: executions x memory GB x every second of the month, at its own GB-s rate. */
function provisionedConcurrency(p: ResourcePricer, executions: number | Unknown, memoryMb: number | Unknown, architecture: string): void {
  p.note('provisioned concurrency is billed all month; invocations it serves have a lower duration rate (not modelled: priced at the on-demand rate)');
  p.fixed(`Provisioned concurrency (${architecture})`, `lambda.provisioned.${architecture}`, times(executions, isUnknown(memoryMb) ? memoryMb : memoryMb * GB_PER_MB, HOURS_PER_MONTH * 3600));
}

/** A version or alias with ProvisionedConcurrencyConfig; without one it costs nothing. */
const lambdaVersionOrAlias: Pricer = (p) => {
  if (!p.property('ProvisionedConcurrencyConfig')) return;
  const fn = p.referenced('FunctionName');
  const properties = p.property('Properties', fn?.node);
  const memoryMb: number | Unknown = fn ? p.number('MemorySize', 128, properties) : { unknown: 'FunctionName does not refer to a function of this template (its memory size is unknown)' };
  const architecture = fn && p.string('Architectures.0', properties) === 'arm64' ? 'arm64' : 'x86_64';
  provisionedConcurrency(p, p.number('ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions'), memoryMb, architecture);
};

/** Compute covered by a Compute Savings Plan (EC2 instance hours, Fargate, Lambda compute), when that what-if is on. */
function savingsPlan(p: ResourcePricer, add: () => void): void {
  if (!p.whatIf('savings-plan')) add();
  else p.discounted(p.rates.savingsPlanDiscount, `what-if: Compute Savings Plan, ${percent(p.rates.savingsPlanDiscount)} off on-demand`, add);
}

const percent = (fraction: number): string => `${Math.round(fraction * 100)}%`;

/** A gp2 volume type becomes gp3 under the gp3 what-if. */
export function volumeTypeFor(p: ResourcePricer, volumeType: string): string {
  if (volumeType !== 'gp2' || !p.whatIf('gp3')) return volumeType;
  p.note('what-if: gp3 instead of gp2');
  return 'gp3';
}

/** EBS volume price components for a type, size and provisioned IOPS / throughput. */
function ebsComponents(p: ResourcePricer, label: string, givenType: string, sizeGb: number | Unknown, iops: number | Unknown | undefined, throughput: number | Unknown | undefined): void {
  const volumeType = volumeTypeFor(p, givenType);
  p.fixed(`${label} storage (${volumeType})`, `ebs.${volumeType}`, sizeGb);
  if (volumeType === 'gp3') {
    // gp3 includes 3,000 IOPS and 125 MB/s; only what is provisioned above is charged.
    if (iops !== undefined) p.fixed(`${label} IOPS above 3,000`, 'ebs.gp3.iops', isUnknown(iops) ? iops : Math.max(0, iops - 3000));
    if (throughput !== undefined) p.fixed(`${label} throughput above 125 MB/s`, 'ebs.gp3.throughput', isUnknown(throughput) ? throughput : Math.max(0, throughput - 125));
  } else if ((volumeType === 'io1' || volumeType === 'io2') && iops !== undefined) {
    p.fixed(`${label} provisioned IOPS`, `ebs.${volumeType}.iops`, iops);
  }
}

const ebsVolume: Pricer = (p) => {
  // CloudFormation's default volume type is gp2.
  const volumeType = p.string('VolumeType') ?? 'gp2';
  const size = p.property('Size') ? p.number('Size') : { unknown: 'Size not set (taken from the snapshot)' };
  ebsComponents(p, 'Volume', volumeType, size, p.property('Iops') ? p.number('Iops') : undefined, p.property('Throughput') ? p.number('Throughput') : undefined);
};

/** Block device mappings of an instance or launch template: each EBS volume priced per instance. */
function blockDevices(p: ResourcePricer, mappings: LocatedNode | undefined, instances: number | Unknown): void {
  if (mappings?.kind !== 'sequence') {
    p.note('root volume not priced: its size comes from the AMI');
    return;
  }
  mappings.items.forEach((mapping, index) => {
    const ebs = p.property('Ebs', mapping);
    if (!ebs) return;
    const volumeType = p.string('VolumeType', ebs) ?? 'gp2';
    const size = p.property('VolumeSize', ebs) ? p.number('VolumeSize', undefined, ebs) : ({ unknown: 'VolumeSize not set (from the AMI or snapshot)' } as Unknown);
    const device = p.string('DeviceName', mapping) ?? `volume ${index + 1}`;
    const iops = p.property('Iops', ebs) ? p.number('Iops', undefined, ebs) : undefined;
    const throughput = p.property('Throughput', ebs) ? p.number('Throughput', undefined, ebs) : undefined;
    ebsComponents(p, `EBS ${device}`, volumeType, times(size, instances), iops === undefined ? undefined : times(iops, instances), throughput === undefined ? undefined : times(throughput, instances));
  });
}

/** The instance type, or its Graviton equivalent under the Graviton what-if. */
function gravitonType(p: ResourcePricer, instanceType: string): string {
  const arm = p.whatIf('graviton') ? gravitonEquivalent(instanceType) : undefined;
  if (!arm) return instanceType;
  p.note(`what-if: Graviton ${arm} instead of ${instanceType}`);
  return arm;
}

function instanceHours(p: ResourcePricer, givenType: string | Unknown | undefined, count: number | Unknown, spotEligible = false): void {
  const hours = times(count, HOURS_PER_MONTH);
  if (givenType === undefined || isUnknown(givenType)) {
    p.fixed('Instance hours', 'ec2.instance.?', givenType ?? { unknown: 'InstanceType cannot be resolved offline' });
    return;
  }
  const instanceType = gravitonType(p, givenType);
  if (spotEligible && p.whatIf('spot')) {
    p.discounted(p.rates.spotDiscount, `what-if: Spot, ${percent(p.rates.spotDiscount)} off on-demand (can be interrupted)`, () => p.fixed(`Instance hours (${instanceType}, Linux, Spot)`, `ec2.instance.${instanceType}`, hours));
    return;
  }
  savingsPlan(p, () => p.fixed(`Instance hours (${instanceType}, Linux, on-demand)`, `ec2.instance.${instanceType}`, hours));
}

const ec2Instance: Pricer = (p) => {
  // CloudFormation's default instance type is m1.small (no shipped price): say so rather than guess.
  instanceHours(p, p.setting('InstanceType') ?? 'm1.small', 1);
  blockDevices(p, p.property('BlockDeviceMappings'), 1);
  // A public IPv4 address asked for on a network interface is billed per hour; a subnet's
  // MapPublicIpOnLaunch is not followed (noted instead).
  const interfaces = p.property('NetworkInterfaces');
  const publicIps = interfaces?.kind === 'sequence' ? interfaces.items.filter((item) => p.boolean('AssociatePublicIpAddress', item) === true).length : 0;
  if (publicIps > 0) p.fixed('Public IPv4 address hours', 'ipv4.hours', publicIps * HOURS_PER_MONTH);
  else p.note('a public IPv4 address from the subnet (MapPublicIpOnLaunch) would add $3.65/mo');
};

/** Auto Scaling group: DesiredCapacity (else MinSize) instances of the launch template's / configuration's type. */
const autoScalingGroup: Pricer = (p) => {
  const count = p.property('DesiredCapacity') ? p.number('DesiredCapacity') : p.number('MinSize');
  p.note('instance count is DesiredCapacity, else MinSize (scaling not modelled)');
  const launchConfiguration = p.referenced('LaunchConfigurationName');
  const launchTemplate = p.referenced('LaunchTemplate.LaunchTemplateId') ?? p.referenced('LaunchTemplate.LaunchTemplateName');
  const source = launchConfiguration ? p.property('Properties', launchConfiguration.node) : p.property('Properties.LaunchTemplateData', launchTemplate?.node);
  if (!source) {
    instanceHours(p, undefined, count);
    return;
  }
  instanceHours(p, p.setting('InstanceType', source), count, true);
  blockDevices(p, p.property('BlockDeviceMappings', source), count);
};

/** Fargate task size: CPU units ("256", "1 vCPU") and memory ("512", "1 GB") of a task definition. */
function fargateSize(p: ResourcePricer, taskDefinition: LocatedNode | undefined): { vcpu: number | Unknown; gb: number | Unknown; architecture: string } {
  const properties = p.property('Properties', taskDefinition);
  const cpuText = p.string('Cpu', properties);
  const memoryText = p.string('Memory', properties);
  const vcpu = cpuText === undefined ? { unknown: 'task Cpu cannot be resolved' } : parseSize(cpuText, /vcpu/i, 1024);
  const gb = memoryText === undefined ? { unknown: 'task Memory cannot be resolved' } : parseSize(memoryText, /gb/i, 1024);
  let architecture = p.string('RuntimePlatform.CpuArchitecture', properties)?.toUpperCase() === 'ARM64' ? 'arm64' : 'x86_64';
  if (architecture === 'x86_64' && p.whatIf('graviton')) {
    architecture = 'arm64';
    p.note('what-if: Graviton (ARM64) tasks instead of X86_64');
  }
  return { vcpu, gb, architecture };
}

/** "1 vCPU" / "2 GB" are whole units; bare numbers are CPU units or MiB (divided by 1,024). */
function parseSize(text: string, unitPattern: RegExp, perUnit: number): number | Unknown {
  const number = Number.parseFloat(text);
  if (!Number.isFinite(number)) return { unknown: `'${text}' is not a size` };
  return unitPattern.test(text) ? number : number / perUnit;
}

const ecsService: Pricer = (p) => {
  const launchType = p.string('LaunchType');
  const strategy = p.property('CapacityProviderStrategy');
  const onFargate = launchType === 'FARGATE' || (strategy?.kind === 'sequence' && strategy.items.some((item) => p.string('CapacityProvider', item)?.startsWith('FARGATE')));
  if (!onFargate) {
    p.note('EC2 launch type: the cost is that of the cluster instances (priced with their Auto Scaling group)');
    return;
  }
  const count = p.number('DesiredCount', 1);
  const taskDefinition = p.referenced('TaskDefinition');
  const { vcpu, gb, architecture } = fargateSize(p, taskDefinition?.node);
  const add = (): void => {
    p.fixed(`Fargate vCPU (${architecture})`, `fargate.vcpu.${architecture}`, times(vcpu, count, HOURS_PER_MONTH));
    p.fixed(`Fargate memory (${architecture})`, `fargate.gb.${architecture}`, times(gb, count, HOURS_PER_MONTH));
  };
  if (p.whatIf('spot')) {
    p.note('tasks run all month: DesiredCount (default 1) x 730 h');
    p.discounted(p.rates.spotDiscount, `what-if: Fargate Spot, ${percent(p.rates.spotDiscount)} off on-demand (tasks can be interrupted)`, add);
    return;
  }
  p.note('tasks run all month: DesiredCount (default 1) x 730 h; Fargate Spot priced as on-demand');
  savingsPlan(p, add);
};

const rdsInstance: Pricer = (p) => {
  // A read replica inherits the engine and storage of its source (when that is in the template).
  const source = p.property('Properties', p.referenced('SourceDBInstanceIdentifier')?.node);
  if (source) p.note('read replica: engine and storage as its source instance');
  const inherited = (name: string): LocatedNode | undefined => (p.property(name) ? undefined : source);
  const engine = (p.string('Engine', inherited('Engine')) ?? 'unknown').toLowerCase();
  const givenClass = p.string('DBInstanceClass');
  const instanceClass = givenClass === undefined ? undefined : gravitonType(p, givenClass);
  if (engine.startsWith('aurora') || p.property('DBClusterIdentifier')) {
    if (instanceClass === 'db.serverless') {
      p.note('Aurora Serverless v2 instance: priced as ACUs on its cluster');
      return;
    }
    p.fixed(`Aurora instance hours (${instanceClass ?? '?'})`, `aurora.instance.${instanceClass ?? '?'}`, HOURS_PER_MONTH);
    return;
  }
  const family = engine.startsWith('postgres') ? 'postgres' : engine.startsWith('mysql') ? 'mysql' : engine;
  const multiAz = p.boolean('MultiAZ') === true;
  p.fixed(`Instance hours (${instanceClass ?? '?'}, ${family}${multiAz ? ', Multi-AZ' : ''})`, `rds.instance.${family}.${instanceClass ?? '?'}${multiAz ? '.multiaz' : ''}`, HOURS_PER_MONTH);
  // CloudFormation's default storage type is io1 when Iops is set, else gp2.
  const iopsFrom = inherited('Iops');
  const storageType = volumeTypeFor(p, p.string('StorageType', inherited('StorageType')) ?? (p.property('Iops', iopsFrom) ? 'io1' : 'gp2'));
  const storage = p.number('AllocatedStorage', undefined, inherited('AllocatedStorage'));
  // Multi-AZ keeps a standby copy: storage is billed twice.
  p.fixed(`Storage (${storageType}${multiAz ? ', Multi-AZ x2' : ''})`, `rds.storage.${storageType}`, times(storage, multiAz ? 2 : 1));
  if (storageType === 'io1') p.fixed('Provisioned IOPS', 'rds.iops.io1', times(p.number('Iops', undefined, iopsFrom), multiAz ? 2 : 1));
};

const auroraCluster: Pricer = (p) => {
  const engine = p.string('Engine');
  if (engine !== undefined && !engine.startsWith('aurora')) {
    p.fixed(`Multi-AZ DB cluster (${engine})`, `rds.cluster.${engine}`, { unknown: 'Multi-AZ DB clusters are not priced yet' });
    return;
  }
  if (p.property('ServerlessV2ScalingConfiguration')) {
    p.usageBased('Serverless v2 capacity', 'aurora.acu', 'averageAcu', (acu) => acu * HOURS_PER_MONTH);
  }
  p.usageBased('Storage', 'aurora.storage', 'storageGB');
  p.usageBased('I/O requests', 'aurora.io', 'monthlyIoRequests', (io) => io / 1e6);
};

function cacheNodes(p: ResourcePricer, nodeType: string | undefined, nodes: number | Unknown): void {
  p.fixed(`Cache node hours (${nodeType ?? '?'})`, `elasticache.node.${nodeType ?? '?'}`, times(nodes, HOURS_PER_MONTH));
}

const cacheNodeType = (p: ResourcePricer): string | undefined => {
  const given = p.string('CacheNodeType');
  return given === undefined ? undefined : gravitonType(p, given);
};

const cacheCluster: Pricer = (p) => cacheNodes(p, cacheNodeType(p), p.number('NumCacheNodes', 1));

const replicationGroup: Pricer = (p) => {
  // Cluster mode: shards x (replicas + 1); otherwise NumCacheClusters (default 1).
  const nodes = p.property('NumNodeGroups') ? times(p.number('NumNodeGroups'), add1(p.number('ReplicasPerNodeGroup', 0))) : p.number('NumCacheClusters', 1);
  cacheNodes(p, cacheNodeType(p), nodes);
};

function add1(value: number | Unknown): number | Unknown {
  return isUnknown(value) ? value : value + 1;
}

const eksCluster: Pricer = (p) => p.fixed('Cluster hours', 'eks.cluster', HOURS_PER_MONTH);

const eksNodegroup: Pricer = (p) => {
  const types = p.property('InstanceTypes');
  const instanceType = types?.kind === 'sequence' ? p.string('0', types) : undefined;
  const count = p.number('ScalingConfig.DesiredSize', 1);
  instanceHours(p, instanceType ?? 't3.medium', count, true);
  const volumeType = volumeTypeFor(p, 'gp2');
  p.fixed(`Node volumes (${volumeType})`, `ebs.${volumeType}`, times(p.number('DiskSize', 20), count));
};

const openSearchDomain: Pricer = (p) => {
  const config = p.property('ClusterConfig') ?? p.property('ElasticsearchClusterConfig');
  const instanceType = p.string('InstanceType', config) ?? 'r5.large.search';
  const count = p.number('InstanceCount', 1, config);
  p.fixed(`Instance hours (${instanceType})`, `opensearch.instance.${instanceType}`, times(count, HOURS_PER_MONTH));
  const ebs = p.property('EBSOptions');
  if (ebs && p.boolean('EBSEnabled', ebs) !== false) {
    const volumeType = p.string('VolumeType', ebs) ?? 'gp2';
    p.fixed(`Storage (${volumeType})`, `opensearch.storage.${volumeType}`, times(p.number('VolumeSize', undefined, ebs), count));
  }
};

const mskCluster: Pricer = (p) => {
  const brokers = p.number('NumberOfBrokerNodes');
  const instanceType = p.string('BrokerNodeGroupInfo.InstanceType');
  p.fixed(`Broker hours (${instanceType ?? '?'})`, `msk.broker.${instanceType ?? '?'}`, times(brokers, HOURS_PER_MONTH));
  p.fixed('Broker storage', 'msk.storage', times(p.number('BrokerNodeGroupInfo.StorageInfo.EBSStorageInfo.VolumeSize'), brokers));
};

export const COMPUTE_PRICERS: ReadonlyMap<string, Pricer> = new Map<string, Pricer>([
  ['AWS::Lambda::Function', lambdaFunction],
  ['AWS::Lambda::Version', lambdaVersionOrAlias],
  ['AWS::Lambda::Alias', lambdaVersionOrAlias],
  ['AWS::EC2::Instance', ec2Instance],
  ['AWS::EC2::Volume', ebsVolume],
  ['AWS::AutoScaling::AutoScalingGroup', autoScalingGroup],
  ['AWS::ECS::Service', ecsService],
  ['AWS::RDS::DBInstance', rdsInstance],
  ['AWS::RDS::DBCluster', auroraCluster],
  ['AWS::ElastiCache::CacheCluster', cacheCluster],
  ['AWS::ElastiCache::ReplicationGroup', replicationGroup],
  ['AWS::EKS::Cluster', eksCluster],
  ['AWS::EKS::Nodegroup', eksNodegroup],
  ['AWS::OpenSearchService::Domain', openSearchDomain],
  ['AWS::Elasticsearch::Domain', openSearchDomain],
  ['AWS::MSK::Cluster', mskCluster],
]);
