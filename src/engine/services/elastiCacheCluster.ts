// ElastiCache (Redis OSS / Valkey) replication groups in cluster mode: a replication group whose
// parameter group sets `cluster-enabled: yes` must have automatic failover, so it cannot be
// created with `AutomaticFailoverEnabled: false`, nor with a single node (`NumCacheClusters: 1`,
// no node groups). Both fail at deploy time only.
//
// Source: the AWS::ElastiCache::ReplicationGroup reference ("AutomaticFailoverEnabled must be
// enabled for Redis OSS (cluster mode enabled) replication groups"; NumCacheClusters: "If
// AutomaticFailoverEnabled is true, the value of this parameter must be at least 2"). cfn-lint
// 1.51.0's E3026 checks the same two things; where it also flags a missing NumCacheClusters, this
// check stays silent (node groups may be given another way, ReplicasPerNodeGroup for one).
import type { TemplateModel } from '../cfn/template';
import type { LocatedNode } from '../document/located';
import { getValue } from '../document/located';
import { literalBoolean, literalInteger, literalString, referencedResource, resourcesOf, type ServiceProblem } from './resourceIndex';

/** Properties that give a replication group its node groups (shards) and replicas another way. */
const NODE_GROUP_PROPERTIES = ['NumNodeGroups', 'ReplicasPerNodeGroup', 'NodeGroupConfiguration'];

/** Whether the parameter group a replication group names by `!Ref` turns cluster mode on, literally. */
function clusterModeGroup(template: TemplateModel, reference: LocatedNode | undefined): string | undefined {
  const group = referencedResource(template, reference, 'AWS::ElastiCache::ParameterGroup');
  if (!group) return undefined;
  const enabled = literalString(getValue(getValue(group.properties, 'Properties'), 'cluster-enabled'));
  return enabled?.text.toLowerCase() === 'yes' ? group.name : undefined;
}

/** What every replication group in cluster mode gets wrong, as far as literal values tell. */
export function elastiCacheClusterProblems(template: TemplateModel | undefined): ServiceProblem[] {
  const problems: ServiceProblem[] = [];
  if (!template) return problems;
  for (const group of resourcesOf(template, 'AWS::ElastiCache::ReplicationGroup')) {
    const properties = group.properties;
    if (properties?.kind !== 'mapping') continue;
    const parameterGroup = clusterModeGroup(template, getValue(properties, 'CacheParameterGroupName'));
    if (parameterGroup === undefined) continue;
    const why = `${group.name} is in cluster mode (its parameter group ${parameterGroup} sets cluster-enabled: yes)`;
    const failover = getValue(properties, 'AutomaticFailoverEnabled');
    if (literalBoolean(failover) === false) {
      problems.push({ node: failover!, message: `${why}, and ElastiCache requires automatic failover in cluster mode: set AutomaticFailoverEnabled to true, or leave it out.` });
    }
    if (NODE_GROUP_PROPERTIES.some((key) => getValue(properties, key) !== undefined)) continue;
    const clusters = getValue(properties, 'NumCacheClusters');
    const count = literalInteger(clusters);
    if (count !== undefined && count <= 1) {
      problems.push({ node: clusters!, message: `${why}, so it needs a replica to fail over to: NumCacheClusters must be at least 2 (or give NumNodeGroups and ReplicasPerNodeGroup).` });
    }
  }
  return problems;
}
