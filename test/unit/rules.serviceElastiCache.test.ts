// cfn-elasticache-cluster-failover (src/engine/services/elastiCacheCluster.ts): replication groups
// in cluster mode (their parameter group sets cluster-enabled: yes) need automatic failover and,
// without node groups, at least two cache clusters. cfn-lint's E3026 checks the same.
import { describe, test } from 'node:test';
import { assertRuleCase, type RuleCase } from '../support/lintHelpers';

const RULE = 'cfn-elasticache-cluster-failover';

/** A cluster-mode parameter group `Params` (or `enabled`, as written) and a replication group with `body`. */
const template = (body: string, enabled = 'yes'): string =>
  `Resources:\n  Params:\n    Type: AWS::ElastiCache::ParameterGroup\n    Properties:\n      CacheParameterGroupFamily: redis7\n      Description: cluster\n      Properties:\n        cluster-enabled: '${enabled}'\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: cache\n      CacheNodeType: cache.t4g.micro\n      Engine: redis\n      CacheParameterGroupName: !Ref Params\n${body}`;

const cases: RuleCase[] = [
  {
    name: 'automatic failover turned off in cluster mode',
    doc: template('      AutomaticFailoverEnabled: «false»\n      NumNodeGroups: 2\n'),
    messages: ['Cache is in cluster mode (its parameter group Params sets cluster-enabled: yes), and ElastiCache requires automatic failover in cluster mode: set AutomaticFailoverEnabled to true, or leave it out.'],
  },
  { name: '"False" as a string is false too', doc: template('      AutomaticFailoverEnabled: «"False"»\n      ReplicasPerNodeGroup: 1\n') },
  {
    name: 'one cache cluster and no node groups',
    doc: template('      AutomaticFailoverEnabled: true\n      NumCacheClusters: «1»\n'),
    messages: ['so it needs a replica to fail over to: NumCacheClusters must be at least 2'],
  },
  { name: 'both at once', doc: template('      AutomaticFailoverEnabled: «false»\n      NumCacheClusters: «1»\n'), messages: ['requires automatic failover', 'at least 2'] },
  { name: 'valid: failover on, two clusters', doc: template('      AutomaticFailoverEnabled: true\n      NumCacheClusters: 2\n') },
  { name: 'valid: failover left out, node groups given', doc: template('      NumNodeGroups: 3\n      ReplicasPerNodeGroup: 1\n      NumCacheClusters: 1\n') },
  { name: 'not cluster mode: the parameter group says no', doc: template('      AutomaticFailoverEnabled: false\n      NumCacheClusters: 1\n', 'no') },
  {
    name: 'not judged: values from intrinsics, a parameter group not in the template',
    doc: `${template('      AutomaticFailoverEnabled: !If [Prod, true, false]\n      NumCacheClusters: !Ref Count\n')}  Other:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: other\n      CacheParameterGroupName: default.redis7.cluster.on\n      AutomaticFailoverEnabled: false\nParameters:\n  Count:\n    Type: Number\nConditions:\n  Prod: !Equals [a, a]\n`,
  },
  {
    name: 'hostile names: a parameter group named like Object members',
    doc: 'Resources:\n  constructor:\n    Type: AWS::ElastiCache::ParameterGroup\n    Properties:\n      CacheParameterGroupFamily: redis7\n      Description: x\n      Properties: {__proto__: yes, cluster-enabled: "yes"}\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: c\n      CacheParameterGroupName: !Ref constructor\n      AutomaticFailoverEnabled: «false»\n',
  },
];

void describe(RULE, () => {
  for (const testCase of cases) void test(testCase.name, () => assertRuleCase(RULE, testCase));
});
