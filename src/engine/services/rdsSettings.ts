// RDS settings that only work together: Enhanced Monitoring needs both an interval above 0 and a
// role; a KMS key needs StorageEncrypted: true; a DB instance of an Aurora cluster has the cluster's
// engine. RDS refuses the others at deploy time ("A MonitoringRoleARN value is required if you
// specify a MonitoringInterval value other than 0", "...StorageEncrypted must be true...").
//
// Source: the AWS::RDS::DBInstance and AWS::RDS::DBCluster references (MonitoringInterval,
// MonitoringRoleArn, KmsKeyId: "If you specify this property, you must set the StorageEncrypted
// property to true", Engine of a cluster member); cfn-lint 1.51.0's E3689 (clusters), E3720 and
// E3707 check the same. RDS Custom engines (custom-*) manage their own keys and are left out.
import type { ResourceEntry, TemplateModel } from '../cfn/template';
import { getPair, getValue } from '../document/located';
import { literalBoolean, literalInteger, literalString, referencedResource, resourcesOf, type ServiceProblem } from './resourceIndex';

function monitoring(resource: ResourceEntry, problems: ServiceProblem[]): void {
  const intervalNode = getValue(resource.properties, 'MonitoringInterval');
  const interval = intervalNode === undefined ? 0 : literalInteger(intervalNode);
  const role = getPair(resource.properties, 'MonitoringRoleArn');
  if (interval === undefined) return;
  if (interval > 0 && !role) {
    problems.push({ node: intervalNode!, message: `MonitoringInterval ${interval} of ${resource.name} turns on Enhanced Monitoring, which needs a MonitoringRoleArn: RDS refuses it without one. Add the role, or set MonitoringInterval to 0.` });
  } else if (interval === 0 && role) {
    problems.push({ node: role.key, message: `${resource.name} has a MonitoringRoleArn but ${intervalNode ? 'MonitoringInterval 0' : 'no MonitoringInterval'}: RDS refuses the role without Enhanced Monitoring. Set MonitoringInterval (1, 5, 10, 15, 30 or 60), or remove the role.` });
  }
}

/** Properties that make a DB instance or cluster take its storage encryption from somewhere else. */
const INHERITS_ENCRYPTION = ['SourceDBInstanceIdentifier', 'DBSnapshotIdentifier', 'SnapshotIdentifier', 'SourceDBClusterIdentifier', 'ReplicationSourceIdentifier', 'DBClusterIdentifier', 'SourceDBInstanceAutomatedBackupsArn', 'RestoreType'];

function encryption(resource: ResourceEntry, problems: ServiceProblem[]): void {
  const key = getPair(resource.properties, 'KmsKeyId');
  if (!key) return;
  // A replica, a restore or a cluster member takes its encryption from its source: not judged.
  if (INHERITS_ENCRYPTION.some((name) => getPair(resource.properties, name))) return;
  const engine = literalString(getValue(resource.properties, 'Engine'))?.text;
  if (engine === undefined || engine.startsWith('custom-')) return;
  const encrypted = getValue(resource.properties, 'StorageEncrypted');
  if (encrypted === undefined || literalBoolean(encrypted) === false) {
    problems.push({ node: key.key, message: `${resource.name} has a KmsKeyId but StorageEncrypted is not true: RDS refuses a key for unencrypted storage. Set StorageEncrypted: true, or remove KmsKeyId.` });
  }
}

function clusterEngine(template: TemplateModel, instance: ResourceEntry, problems: ServiceProblem[]): void {
  const cluster = referencedResource(template, getValue(instance.properties, 'DBClusterIdentifier'), 'AWS::RDS::DBCluster');
  if (!cluster) return;
  const own = literalString(getValue(instance.properties, 'Engine'));
  const theirs = literalString(getValue(cluster.properties, 'Engine'))?.text;
  if (own && theirs !== undefined && own.text !== theirs) {
    problems.push({ node: own, message: `${instance.name} is an instance of cluster ${cluster.name}, whose Engine is ${theirs}: its Engine must be the same, not ${own.text}.` });
  }
}

/** Enhanced Monitoring, KMS and cluster-engine settings of the template's DB instances and clusters that RDS refuses. */
export function rdsSettingProblems(template: TemplateModel | undefined): ServiceProblem[] {
  const problems: ServiceProblem[] = [];
  if (!template) return problems;
  for (const resource of resourcesOf(template, 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster')) {
    monitoring(resource, problems);
    encryption(resource, problems);
    if (resource.type === 'AWS::RDS::DBInstance') clusterEngine(template, resource, problems);
  }
  return problems;
}
