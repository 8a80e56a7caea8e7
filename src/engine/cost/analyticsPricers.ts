import { HOURS_PER_MONTH } from './priceTable';
import { times, type Pricer } from './computePricers';
import type { Unknown } from './pricerContext';

/**
 * Data, analytics, identity and backup services: Firehose, Athena, Redshift (provisioned and
 * Serverless), Cognito user pools, Glue crawlers, AWS Backup vaults.
 */

/** Firehose ingestion is billed per GB in 5 KB record increments (a 3 KB record counts 5 KB). */
const firehose: Pricer = (p) => {
  p.note('ingestion is billed in 5 KB increments per record: give ingestedGB already rounded up');
  p.usageBased('Data ingested', 'firehose.ingest', 'ingestedGB');
  const s3 = p.property('ExtendedS3DestinationConfiguration');
  if (s3 && p.boolean('DataFormatConversionConfiguration.Enabled', s3) === true) p.usageBased('Format conversion', 'firehose.conversion', 'ingestedGB');
};

/** A workgroup's queries cost per TB scanned (10 MB minimum per query, not modelled). */
const athenaWorkGroup: Pricer = (p) => p.usageBased('Data scanned', 'athena.scanned', 'scannedTB', undefined, '10 MB minimum per query not modelled');

const redshiftCluster: Pricer = (p) => {
  const nodeType = p.string('NodeType');
  // ClusterType single-node has one node; multi-node has NumberOfNodes (CloudFormation requires it then).
  const nodes: number | Unknown = p.string('ClusterType') === 'single-node' ? 1 : p.number('NumberOfNodes', 1);
  p.fixed(`Node hours (${nodeType ?? '?'})`, `redshift.node.${nodeType ?? '?'}`, times(nodes, HOURS_PER_MONTH));
  // RA3 nodes bill their data as Redshift Managed Storage; DC2 storage is included in the node price.
  if (nodeType?.startsWith('ra3.')) p.usageBased('Managed storage (RMS)', 'redshift.rms', 'storageGB');
};

const redshiftServerlessWorkgroup: Pricer = (p) => {
  const baseRpu = p.number('BaseCapacity', 128);
  p.note(`billed per RPU-hour only while queries run (base capacity ${typeof baseRpu === 'number' ? baseRpu : '?'} RPU); give activeHours per month`);
  p.usageBased('Compute (RPU hours)', 'redshift.serverless.rpu', 'activeHours', (hours) => times(baseRpu, hours));
  p.usageBased('Managed storage (RMS)', 'redshift.rms', 'storageGB');
};

/** Cognito user pools (Essentials tier, the default for new pools): the first 10,000 MAUs are free. */
const cognitoUserPool: Pricer = (p) => {
  const tier = p.string('UserPoolTier') ?? 'ESSENTIALS';
  if (tier !== 'ESSENTIALS') p.note(`UserPoolTier ${tier} is priced at the Essentials rate (no shipped price for ${tier})`);
  p.usageBased('Monthly active users', 'cognito.mau.essentials', 'monthlyActiveUsers', undefined, 'first 10,000 MAUs free (a tier of the price, not an account free tier)');
};

/** Crawlers use a varying number of DPUs, billed per second with a 10-minute minimum per run. */
const glueCrawler: Pricer = (p) => p.usageBased('DPU hours', 'glue.dpu', 'monthlyDpuHours', undefined, '10-minute minimum per crawler run');

/** A backup vault holds the recovery points of every plan that targets it: priced on the warm storage they take. */
const backupVault: Pricer = (p) => {
  p.note('priced as EBS / EFS warm backup storage; DynamoDB and RDS backups have their own rates');
  p.usageBased('Warm backup storage', 'backup.warm', 'storageGB');
};

export const ANALYTICS_PRICERS: ReadonlyMap<string, Pricer> = new Map<string, Pricer>([
  ['AWS::KinesisFirehose::DeliveryStream', firehose],
  ['AWS::Athena::WorkGroup', athenaWorkGroup],
  ['AWS::Redshift::Cluster', redshiftCluster],
  ['AWS::RedshiftServerless::Workgroup', redshiftServerlessWorkgroup],
  ['AWS::Cognito::UserPool', cognitoUserPool],
  ['AWS::Glue::Crawler', glueCrawler],
  ['AWS::Backup::BackupVault', backupVault],
]);
