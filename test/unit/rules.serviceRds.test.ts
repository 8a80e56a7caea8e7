// cfn-rds-settings (src/engine/services/rdsSettings.ts). cfn-lint's E3689, E3720 and E3707 check the same.
import { describe, test } from 'node:test';
import { assertRuleCase, type RuleCase } from '../support/lintHelpers';

const RULE = 'cfn-rds-settings';
const instance = (props: string): string => `  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBInstanceClass: db.t4g.micro\n${props}`;

const cases: RuleCase[] = [
  { name: 'an interval without a role', doc: `Resources:\n${instance('      Engine: postgres\n      MonitoringInterval: «60»\n')}`, messages: ['MonitoringInterval 60 of Db turns on Enhanced Monitoring, which needs a MonitoringRoleArn'] },
  { name: 'a role without an interval, on a cluster', doc: 'Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n      «MonitoringRoleArn»: arn:aws:iam::123456789012:role/rds-monitoring\n', messages: ['Cluster has a MonitoringRoleArn but no MonitoringInterval'] },
  { name: 'a KMS key on unencrypted storage', doc: `Resources:\n${instance('      Engine: mysql\n      «KmsKeyId»: alias/rds\n      StorageEncrypted: false\n')}`, messages: ['Db has a KmsKeyId but StorageEncrypted is not true'] },
  { name: 'a KMS key with StorageEncrypted left out', doc: `Resources:\n${instance('      Engine: mysql\n      «KmsKeyId»: alias/rds\n')}` },
  { name: "a cluster member with another engine", doc: `Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties: {Engine: aurora-postgresql}\n${instance('      DBClusterIdentifier: !Ref Cluster\n      Engine: «aurora-mysql»\n')}`, messages: ['Db is an instance of cluster Cluster, whose Engine is aurora-postgresql: its Engine must be the same, not aurora-mysql.'] },
  { name: 'valid: monitoring with both, encrypted with a key, a matching member', doc: `Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties: {Engine: aurora-postgresql, KmsKeyId: alias/rds, StorageEncrypted: "true", MonitoringInterval: 30, MonitoringRoleArn: arn:aws:iam::123456789012:role/m}\n${instance('      DBClusterIdentifier: !Ref Cluster\n      Engine: aurora-postgresql\n      MonitoringInterval: 0\n')}` },
  { name: 'not judged: replicas and restores with a key, RDS Custom, an interval from a parameter', doc: `Parameters:\n  I:\n    Type: Number\nResources:\n${instance('      SourceDBInstanceIdentifier: arn:aws:rds:us-west-2:123456789012:db:src\n      KmsKeyId: alias/rds\n')}  Custom:\n    Type: AWS::RDS::DBInstance\n    Properties: {DBInstanceClass: db.m5.large, Engine: custom-oracle-ee, KmsKeyId: alias/x}\n  P:\n    Type: AWS::RDS::DBInstance\n    Properties: {DBInstanceClass: db.m5.large, Engine: postgres, MonitoringInterval: !Ref I}\n` },
];

void describe(RULE, () => {
  for (const testCase of cases) void test(testCase.name, () => assertRuleCase(RULE, testCase));
});
