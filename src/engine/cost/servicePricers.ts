import type { LocatedNode } from '../document/located';
import { HOURS_PER_MONTH } from './priceTable';
import { times, type Pricer } from './computePricers';
import { isUnknown, type ResourcePricer, type Unknown } from './pricerContext';

const perMillion = (count: number): number => count / 1e6;
const perThousand = (count: number): number => count / 1e3;
const perTenThousand = (count: number): number => count / 1e4;

const natGateway: Pricer = (p) => {
  if (p.string('ConnectivityType') === 'private') p.note('private NAT gateway: no public IPv4');
  else p.note('its public IPv4 address is priced on the AWS::EC2::EIP it uses');
  p.fixed('NAT gateway hours', 'nat.hours', HOURS_PER_MONTH);
  p.usageBased('Data processed', 'nat.data', 'dataProcessedGB');
};

const elasticIp: Pricer = (p) => p.fixed('Public IPv4 address hours', 'ipv4.hours', HOURS_PER_MONTH);

const vpcEndpoint: Pricer = (p) => {
  // CloudFormation's default endpoint type is Gateway (S3 / DynamoDB): free.
  const endpointType = p.string('VpcEndpointType') ?? 'Gateway';
  if (endpointType === 'Gateway') {
    p.note('gateway endpoint: free');
    return;
  }
  if (endpointType === 'GatewayLoadBalancer') {
    p.fixed('Endpoint hours', 'vpce.gwlb.hours', HOURS_PER_MONTH);
    p.usageBased('Data processed', 'vpce.gwlb.data', 'dataProcessedGB');
    return;
  }
  // One ENI per subnet (= per AZ), each billed per hour.
  const subnets = p.property('SubnetIds');
  const azs: number | Unknown = subnets?.kind === 'sequence' ? subnets.items.length : { unknown: 'SubnetIds is not a literal list (one charge per AZ)' };
  p.fixed('Endpoint hours (per AZ)', 'vpce.interface.hours', times(azs, HOURS_PER_MONTH));
  p.usageBased('Data processed', 'vpce.interface.data', 'dataProcessedGB');
};

const transitGatewayAttachment: Pricer = (p) => {
  p.fixed('Attachment hours', 'tgw.attachment.hours', HOURS_PER_MONTH);
  p.usageBased('Data processed', 'tgw.data', 'dataProcessedGB');
};

const loadBalancerV2: Pricer = (p) => {
  // CloudFormation's default load balancer type is application.
  const lbType = p.string('Type') ?? 'application';
  if (lbType === 'gateway') {
    p.fixed('Load balancer hours (gateway)', 'gwlb.hours', HOURS_PER_MONTH);
    return;
  }
  const prefix = lbType === 'network' ? 'nlb' : 'alb';
  p.fixed(`Load balancer hours (${lbType})`, `${prefix}.hours`, HOURS_PER_MONTH);
  // An internet-facing load balancer holds one public IPv4 address per subnet (AZ), billed since 2024.
  if ((p.string('Scheme') ?? 'internet-facing') === 'internet-facing') {
    const subnets = p.property('Subnets') ?? p.property('SubnetMappings');
    // A subnet mapping with an AllocationId uses an Elastic IP, priced on its AWS::EC2::EIP.
    const ownAddresses = subnets?.kind === 'sequence' ? subnets.items.filter((item) => !p.property('AllocationId', item)).length : undefined;
    const azs: number | Unknown = ownAddresses ?? { unknown: 'Subnets is not a literal list (one address per AZ)' };
    if (ownAddresses !== undefined && subnets?.kind === 'sequence' && ownAddresses < subnets.items.length) p.note('subnet mappings with an AllocationId use Elastic IPs, priced on their AWS::EC2::EIP resources');
    if (ownAddresses !== 0) p.fixed('Public IPv4 addresses (one per AZ)', 'ipv4.hours', times(azs, HOURS_PER_MONTH));
  }
  p.usageBased(lbType === 'network' ? 'Capacity units (NLCU)' : 'Capacity units (LCU)', `${prefix}.lcu`, 'averageCapacityUnits', (lcu) => lcu * HOURS_PER_MONTH, 'average LCUs over the month x 730 h');
};

const classicLoadBalancer: Pricer = (p) => {
  p.fixed('Load balancer hours (classic)', 'clb.hours', HOURS_PER_MONTH);
  p.usageBased('Data processed', 'clb.data', 'dataProcessedGB');
};

/** Provisioned capacity of a table and its global secondary indexes. */
function provisionedCapacity(p: ResourcePricer, key: 'ReadCapacityUnits' | 'WriteCapacityUnits'): number | Unknown {
  let total = p.number(`ProvisionedThroughput.${key}`);
  const indexes = p.property('GlobalSecondaryIndexes');
  if (indexes?.kind === 'sequence') {
    for (const index of indexes.items) {
      if (p.property('ProvisionedThroughput', index)) total = sum(total, p.number(`ProvisionedThroughput.${key}`, undefined, index));
    }
  }
  return total;
}

function sum(a: number | Unknown, b: number | Unknown): number | Unknown {
  return isUnknown(a) ? a : isUnknown(b) ? b : a + b;
}

const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

const dynamoDbTable: Pricer = (p) => {
  // SAM SimpleTable is on-demand unless it sets ProvisionedThroughput; a CloudFormation table defaults to PROVISIONED.
  const simpleTable = p.resource.type === 'AWS::Serverless::SimpleTable';
  const billingMode = simpleTable ? (p.property('ProvisionedThroughput') ? 'PROVISIONED' : 'PAY_PER_REQUEST') : (p.string('BillingMode') ?? 'PROVISIONED');
  const utilisation = p.rates.dynamoDbUtilisation;
  if (billingMode === 'PAY_PER_REQUEST' && p.whatIf('dynamodb-provisioned')) {
    // Average capacity = request units per second over the month, sized so it runs at the target utilisation.
    p.note(`what-if: provisioned capacity sized from the usage at ${Math.round(utilisation * 100)}% utilisation (no headroom for peaks)`);
    const capacityHours = (units: number): number => Math.max(1, Math.ceil(units / SECONDS_PER_MONTH / utilisation)) * HOURS_PER_MONTH;
    p.usageBased('Write capacity (provisioned)', 'dynamodb.provisioned.wcu', 'monthlyWriteRequestUnits', capacityHours);
    p.usageBased('Read capacity (provisioned)', 'dynamodb.provisioned.rcu', 'monthlyReadRequestUnits', capacityHours);
  } else if (billingMode === 'PAY_PER_REQUEST') {
    p.usageBased('Write request units (on-demand)', 'dynamodb.ondemand.write', 'monthlyWriteRequestUnits', perMillion);
    p.usageBased('Read request units (on-demand)', 'dynamodb.ondemand.read', 'monthlyReadRequestUnits', perMillion);
  } else if (p.whatIf('dynamodb-on-demand')) {
    onDemandFromProvisioned(p, 'Write', 'WriteCapacityUnits', 'monthlyWriteRequestUnits', 'dynamodb.ondemand.write', utilisation);
    onDemandFromProvisioned(p, 'Read', 'ReadCapacityUnits', 'monthlyReadRequestUnits', 'dynamodb.ondemand.read', utilisation);
  } else {
    p.fixed('Write capacity (provisioned)', 'dynamodb.provisioned.wcu', times(provisionedCapacity(p, 'WriteCapacityUnits'), HOURS_PER_MONTH));
    p.fixed('Read capacity (provisioned)', 'dynamodb.provisioned.rcu', times(provisionedCapacity(p, 'ReadCapacityUnits'), HOURS_PER_MONTH));
    p.note('provisioned capacity priced as set (auto scaling not modelled)');
  }
  p.usageBased('Storage', 'dynamodb.storage', 'storageGB');
  if (p.boolean('PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled') === true) p.usageBased('Point-in-time recovery', 'dynamodb.pitr', 'storageGB');
  if (p.property('StreamSpecification')) p.usageBased('Stream read requests', 'dynamodb.streams', 'monthlyStreamReads', perMillion);
};

/** On-demand what-if of a provisioned table: the given usage, else the provisioned capacity used at the target utilisation. */
function onDemandFromProvisioned(p: ResourcePricer, label: string, capacityKey: 'ReadCapacityUnits' | 'WriteCapacityUnits', usageKey: string, priceKey: string, utilisation: number): void {
  const name = `${label} request units (on-demand)`;
  if (p.usage(usageKey) !== undefined) {
    p.usageBased(name, priceKey, usageKey, perMillion, 'what-if: on-demand at the given usage');
    return;
  }
  const capacity = provisionedCapacity(p, capacityKey);
  const units = times(capacity, SECONDS_PER_MONTH, utilisation);
  p.fixed(name, priceKey, isUnknown(units) ? units : units / 1e6, `what-if: on-demand; no ${usageKey} given, so the provisioned capacity at ${Math.round(utilisation * 100)}% utilisation`);
}

/**
 * A global table: every replica is a table in its region. Each write is replicated to every
 * replica (replicated write units, or replicated WCUs per replica); storage is kept in each.
 * Cross-region replication traffic is not priced yet (noted).
 */
const dynamoDbGlobalTable: Pricer = (p) => {
  const replicas = p.property('Replicas');
  const count: number | Unknown = replicas?.kind === 'sequence' ? replicas.items.length : { unknown: 'Replicas is not a literal list' };
  p.note('replicas are priced at this region\'s prices; cross-region replication data transfer is not priced yet');
  if ((p.string('BillingMode') ?? 'PROVISIONED') === 'PAY_PER_REQUEST') {
    p.usageBased('Replicated write request units (all replicas)', 'dynamodb.ondemand.replicatedWrite', 'monthlyWriteRequestUnits', (writes) => times(writes / 1e6, count));
    p.usageBased('Read request units (on-demand)', 'dynamodb.ondemand.read', 'monthlyReadRequestUnits', perMillion);
  } else {
    const wcu = p.number('WriteProvisionedThroughputSettings.WriteCapacityAutoScalingSettings.MinCapacity');
    p.fixed('Replicated write capacity (per replica, auto scaling minimum)', 'dynamodb.provisioned.rwcu', times(wcu, count, HOURS_PER_MONTH));
    // Each replica reads with its own capacity: fixed units, else its auto scaling minimum.
    const replicaReads = (replica: LocatedNode): number | Unknown =>
      p.property('ReadProvisionedThroughputSettings.ReadCapacityUnits', replica)
        ? p.number('ReadProvisionedThroughputSettings.ReadCapacityUnits', undefined, replica)
        : p.number('ReadProvisionedThroughputSettings.ReadCapacityAutoScalingSettings.MinCapacity', undefined, replica);
    const rcu = replicas?.kind === 'sequence' ? replicas.items.reduce<number | Unknown>((total, replica) => sum(total, replicaReads(replica)), 0) : count;
    p.fixed('Read capacity (sum of replicas; auto scaling minimum where it scales)', 'dynamodb.provisioned.rcu', times(rcu, HOURS_PER_MONTH));
  }
  p.usageBased('Storage (every replica)', 'dynamodb.storage', 'storageGB', (gb) => times(gb, count));
};

const s3Bucket: Pricer = (p) => {
  p.note('all objects priced as S3 Standard (lifecycle transitions not modelled)');
  p.usageBased('Storage (Standard)', 's3.standard.storage', 'storageGB');
  p.usageBased('PUT, COPY, POST, LIST requests', 's3.requests.tier1', 'monthlyPutRequests', perThousand);
  p.usageBased('GET, SELECT and other requests', 's3.requests.tier2', 'monthlyGetRequests', perThousand);
};

const restApi: Pricer = (p) => {
  p.usageBased('Requests', 'apigw.rest.requests', 'monthlyRequests', perMillion);
  // SAM's Api carries the stage cache settings itself.
  if (p.boolean('CacheClusterEnabled') === true) stageCache(p);
};

function stageCache(p: ResourcePricer): void {
  const size = p.string('CacheClusterSize') ?? '0.5';
  p.fixed(`Cache (${size} GB)`, `apigw.rest.cache.${size}`, HOURS_PER_MONTH);
}

const apiStage: Pricer = (p) => {
  if (p.boolean('CacheClusterEnabled') === true) stageCache(p);
};

const apiV2: Pricer = (p) => {
  const protocol = p.resource.type === 'AWS::Serverless::HttpApi' ? 'HTTP' : (p.string('ProtocolType') ?? 'HTTP');
  if (protocol === 'WEBSOCKET') {
    p.usageBased('Messages', 'apigw.ws.messages', 'monthlyMessages', perMillion);
    p.usageBased('Connection minutes', 'apigw.ws.minutes', 'connectionMinutes', perMillion);
    return;
  }
  p.usageBased('Requests (HTTP API)', 'apigw.http.requests', 'monthlyRequests', perMillion);
};

const sqsQueue: Pricer = (p) => {
  const fifo = p.boolean('FifoQueue') === true;
  p.usageBased(`Requests (${fifo ? 'FIFO' : 'standard'})`, `sqs.${fifo ? 'fifo' : 'standard'}.requests`, 'monthlyRequests', perMillion, 'per 64 KB chunk; first 1M/month free tier not applied');
};

const snsTopic: Pricer = (p) => {
  p.usageBased('Publishes', 'sns.publishes', 'monthlyPublishes', perMillion);
  // Deliveries to SQS and Lambda are free: only price HTTP/S deliveries when the topic has such a subscriber.
  if (hasHttpSubscriber(p)) p.usageBased('HTTP/S deliveries', 'sns.http.deliveries', 'monthlyHttpDeliveries', perMillion);
};

function hasHttpSubscriber(p: ResourcePricer): boolean {
  const inline = p.property('Subscription');
  if (inline?.kind === 'sequence' && inline.items.some((item) => isHttp(p.string('Protocol', item)))) return true;
  return httpSubscribedTopics(p).has(p.resource.name);
}

const isHttp = (protocol: string | undefined): boolean => protocol === 'http' || protocol === 'https';

// Computed once per template (a map per resources table), so many topics stay linear.
const subscribedTopicsCache = new WeakMap<object, ReadonlySet<string>>();

/** Logical ids of topics an `AWS::SNS::Subscription` with an HTTP/S protocol refers to with `Ref`. */
function httpSubscribedTopics(p: ResourcePricer): ReadonlySet<string> {
  const cached = subscribedTopicsCache.get(p.allResources);
  if (cached) return cached;
  const topics = new Set<string>();
  for (const other of p.allResources.values()) {
    if (other.type !== 'AWS::SNS::Subscription' || !isHttp(p.string('Protocol', other.properties))) continue;
    const topic = p.property('TopicArn', other.properties);
    const ref = topic?.kind === 'mapping' && topic.pairs.length === 1 && topic.pairs[0]!.key.text === 'Ref' ? topic.pairs[0]!.value : undefined;
    if (ref?.kind === 'scalar') topics.add(String(ref.value));
  }
  subscribedTopicsCache.set(p.allResources, topics);
  return topics;
}

const kinesisStream: Pricer = (p) => {
  if (p.string('StreamModeDetails.StreamMode') === 'ON_DEMAND') {
    p.fixed('Stream hours (on-demand)', 'kinesis.ondemand.hours', HOURS_PER_MONTH);
    p.usageBased('Data in', 'kinesis.ondemand.in', 'dataInGB');
    p.usageBased('Data out', 'kinesis.ondemand.out', 'dataOutGB');
    return;
  }
  p.fixed('Shard hours', 'kinesis.shard.hours', times(p.number('ShardCount'), HOURS_PER_MONTH));
  p.usageBased('PUT payload units', 'kinesis.put.units', 'monthlyPutPayloadUnits', perMillion);
};

const stateMachine: Pricer = (p) => {
  const kind = p.string(p.resource.type === 'AWS::Serverless::StateMachine' ? 'Type' : 'StateMachineType') ?? 'STANDARD';
  if (kind === 'EXPRESS') {
    p.usageBased('Requests (express)', 'sfn.express.requests', 'monthlyRequests', perMillion);
    p.note('express workflow duration (GB-s) not priced yet');
    return;
  }
  p.usageBased('State transitions (standard)', 'sfn.standard.transitions', 'monthlyStateTransitions', perThousand);
};

const eventBus: Pricer = (p) => p.usageBased('Custom events', 'events.custom', 'monthlyEvents', perMillion, 'per 64 KB chunk');

const logGroup: Pricer = (p) => {
  p.usageBased('Logs ingested', 'logs.ingest', 'ingestedGB');
  p.usageBased('Logs stored', 'logs.storage', 'storedGB', undefined, p.property('RetentionInDays') ? undefined : 'no RetentionInDays: logs are kept forever');
};

const alarm: Pricer = (p) => {
  const metrics = p.property('Metrics');
  // Metric-math alarms are billed per metric they read; the expression lines are free.
  const count = metrics?.kind === 'sequence' ? Math.max(1, metrics.items.filter((item) => p.property('MetricStat', item)).length) : 1;
  const period = p.number('Period', 60);
  const highResolution = !isUnknown(period) && period < 60;
  p.fixed(`Alarm metrics (${highResolution ? 'high resolution' : 'standard'})`, `cloudwatch.alarm.${highResolution ? 'highres' : 'standard'}`, count);
};

const dashboard: Pricer = (p) => p.fixed('Dashboard', 'cloudwatch.dashboard', 1, 'first 3 dashboards per account free tier not applied');

const kmsKey: Pricer = (p) => {
  const symmetric = (p.string('KeySpec') ?? 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT';
  p.fixed('Key', 'kms.key', 1);
  p.usageBased('Requests', symmetric ? 'kms.requests.symmetric' : 'kms.requests.asymmetric', 'monthlyRequests', perTenThousand);
};

const secret: Pricer = (p) => {
  p.fixed('Secret', 'secrets.secret', 1);
  p.usageBased('API calls', 'secrets.api', 'monthlyApiCalls', perTenThousand);
};

const hostedZone: Pricer = (p) => {
  p.fixed('Hosted zone', 'route53.zone', 1);
  p.usageBased('Standard queries', 'route53.queries', 'monthlyQueries', perMillion);
};

const webAcl: Pricer = (p) => {
  const rules = p.property('Rules');
  p.fixed('Web ACL', 'waf.acl', 1);
  p.fixed('Rules', 'waf.rule', rules?.kind === 'sequence' ? rules.items.length : 0);
  p.usageBased('Requests', 'waf.requests', 'monthlyRequests', perMillion);
};

const efsFileSystem: Pricer = (p) => p.usageBased('Storage (Standard)', 'efs.standard.storage', 'storageGB');
const ecrRepository: Pricer = (p) => p.usageBased('Storage', 'ecr.storage', 'storageGB');

const GLUE_WORKER_DPUS: ReadonlyMap<string, number> = new Map([
  ['Standard', 1],
  ['G.025X', 0.25],
  ['G.1X', 1],
  ['G.2X', 2],
  ['G.4X', 4],
  ['G.8X', 8],
  ['Z.2X', 2],
]);

const glueJob: Pricer = (p) => {
  // Each worker type is a number of DPUs; without one, MaxCapacity DPUs (Python shell default 0.0625, Spark 10).
  const workerType = p.string('WorkerType');
  const dpuPerWorker = workerType === undefined ? undefined : GLUE_WORKER_DPUS.get(workerType);
  const dpus =
    dpuPerWorker !== undefined
      ? times(p.number('NumberOfWorkers'), dpuPerWorker)
      : workerType !== undefined
        ? { unknown: `worker type ${workerType} has no known DPU size` }
        : p.number('MaxCapacity', p.string('Command.Name') === 'pythonshell' ? 0.0625 : 10);
  p.usageBased('DPU hours', 'glue.dpu', 'monthlyHours', (hours) => times(dpus, hours));
};

const cloudFrontDistribution: Pricer = (p) => {
  p.note('all traffic priced at United States edge rates (other geographies cost more)');
  p.usageBased('Data out to viewers', 'cloudfront.out.us', 'dataOutGB');
  p.usageBased('HTTPS requests', 'cloudfront.https.us', 'monthlyRequests', perTenThousand);
};

const cloudFrontFunction: Pricer = (p) => p.usageBased('Invocations', 'cloudfront.functions', 'monthlyInvocations', perMillion);

const codeBuildProject: Pricer = (p) => {
  // Linux general1 compute types; others have no shipped price and say so.
  const computeType = (p.string('Environment.ComputeType') ?? 'BUILD_GENERAL1_SMALL').replace(/^BUILD_GENERAL1_/, 'general1.').toLowerCase();
  p.usageBased(`Build minutes (${computeType})`, `codebuild.${computeType}`, 'monthlyBuildMinutes');
};

export const SERVICE_PRICERS: ReadonlyMap<string, Pricer> = new Map<string, Pricer>([
  ['AWS::EC2::NatGateway', natGateway],
  ['AWS::EC2::EIP', elasticIp],
  ['AWS::EC2::VPCEndpoint', vpcEndpoint],
  ['AWS::EC2::TransitGatewayAttachment', transitGatewayAttachment],
  ['AWS::EC2::TransitGatewayVpcAttachment', transitGatewayAttachment],
  ['AWS::ElasticLoadBalancingV2::LoadBalancer', loadBalancerV2],
  ['AWS::ElasticLoadBalancing::LoadBalancer', classicLoadBalancer],
  ['AWS::DynamoDB::Table', dynamoDbTable],
  ['AWS::DynamoDB::GlobalTable', dynamoDbGlobalTable],
  ['AWS::S3::Bucket', s3Bucket],
  ['AWS::ApiGateway::RestApi', restApi],
  ['AWS::ApiGateway::Stage', apiStage],
  ['AWS::ApiGatewayV2::Api', apiV2],
  ['AWS::SQS::Queue', sqsQueue],
  ['AWS::SNS::Topic', snsTopic],
  ['AWS::Kinesis::Stream', kinesisStream],
  ['AWS::StepFunctions::StateMachine', stateMachine],
  ['AWS::Events::EventBus', eventBus],
  ['AWS::Logs::LogGroup', logGroup],
  ['AWS::CloudWatch::Alarm', alarm],
  ['AWS::CloudWatch::Dashboard', dashboard],
  ['AWS::KMS::Key', kmsKey],
  ['AWS::SecretsManager::Secret', secret],
  ['AWS::Route53::HostedZone', hostedZone],
  ['AWS::WAFv2::WebACL', webAcl],
  ['AWS::EFS::FileSystem', efsFileSystem],
  ['AWS::ECR::Repository', ecrRepository],
  ['AWS::Glue::Job', glueJob],
  ['AWS::CloudFront::Distribution', cloudFrontDistribution],
  ['AWS::CloudFront::Function', cloudFrontFunction],
  ['AWS::CodeBuild::Project', codeBuildProject],
]);
