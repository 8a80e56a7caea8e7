import type { LocatedNode } from '../document/located';
import type { GraphContext } from './graphContext';
import type { GraphGroup } from './graphTypes';

/**
 * Resources drawn as boxes around other resources, besides VPCs and subnets
 * (`networkGroups.ts`): Auto Scaling groups, and security groups when asked.
 *
 * Both return groups named after (or derived from) a resource, where each member now sits,
 * and which group boxes stand for which resource (for its type, span and details).
 */
export interface ResourceContainers {
  readonly groups: readonly GraphGroup[];
  /** Member -> the container group it now sits in. */
  readonly nodeGroup: ReadonlyMap<string, string>;
  /** Group id -> the resource the box is (a container is not a node as well). */
  readonly boxOf: ReadonlyMap<string, string>;
  /** A container resource -> the member that edges to or from the container are redrawn to. */
  readonly redirect: ReadonlyMap<string, string>;
}

const ASG = 'AWS::AutoScaling::AutoScalingGroup';
/** What an Auto Scaling group launches: drawn inside its box, as its instances. */
const LAUNCH_TYPES: ReadonlySet<string> = new Set(['AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration']);
/** Resources that only configure one Auto Scaling group (they name it in `AutoScalingGroupName`). */
const ASG_PARTS: ReadonlySet<string> = new Set(['AWS::AutoScaling::ScalingPolicy', 'AWS::AutoScaling::LifecycleHook', 'AWS::AutoScaling::ScheduledAction', 'AWS::AutoScaling::WarmPool']);

/**
 * An `AWS::AutoScaling::AutoScalingGroup` is a box (`autoScalingGroup`, group id = its
 * logical id) around what it launches (its launch template or launch configuration, when no
 * other group launches it too) and its own policies, hooks and schedules. The box sits where
 * the network placed the group (`placed`): in its subnet, or, when its `VPCZoneIdentifier`
 * spreads over AZs, in the innermost box holding them all (a tree cannot draw one box across
 * two AZs; the header's `subnets` detail names them). An Auto Scaling group that launches
 * nothing the template declares stays a node.
 *
 * Edges to and from the Auto Scaling group are redrawn to what it launches (a target group
 * sends traffic to the instances).
 */
export function autoScalingContainers(context: GraphContext, placed: ReadonlyMap<string, string>, subnetsOf: (name: string) => readonly string[]): ResourceContainers {
  const groups: GraphGroup[] = [];
  const nodeGroup = new Map<string, string>();
  const boxOf = new Map<string, string>();
  const redirect = new Map<string, string>();
  const launchers = new Map<string, string[]>();
  for (const resource of context.resources) {
    if (resource.type !== ASG) continue;
    for (const name of context.namedIn(resource.name, resource.properties)) {
      if (!LAUNCH_TYPES.has(context.resource(name)?.type ?? '')) continue;
      const list = launchers.get(name);
      if (list) list.push(resource.name);
      else launchers.set(name, [resource.name]);
    }
  }
  const members = new Map<string, string[]>();
  for (const [launched, asgs] of launchers) if (asgs.length === 1) members.set(asgs[0]!, [launched]);
  for (const resource of context.resources) {
    if (!ASG_PARTS.has(resource.type ?? '')) continue;
    const owners = context.namedIn(resource.name, resource.properties).filter((name) => members.has(name));
    if (owners.length === 1) members.get(owners[0]!)!.push(resource.name);
  }
  for (const resource of context.resources) {
    const inside = members.get(resource.name);
    if (!inside) continue;
    const parent = placed.get(resource.name);
    const subnets = subnetsOf(resource.name);
    groups.push({
      id: resource.name,
      kind: 'autoScalingGroup',
      label: resource.name,
      ...(parent !== undefined ? { parent } : {}),
      // Spread over several subnets: say which, since the box sits in their common container.
      ...(subnets.length > 1 ? { details: { subnets: subnets.join(', ') } } : {}),
    });
    boxOf.set(resource.name, resource.name);
    redirect.set(resource.name, inside[0]!);
    for (const member of inside) nodeGroup.set(member, resource.name);
  }
  return { groups, nodeGroup, boxOf, redirect };
}

const SECURITY_GROUP = 'AWS::EC2::SecurityGroup';
/** Property names that attach security groups (`SecurityGroupIds`, `VpcSecurityGroupIds`, `SecurityGroups`, `GroupSet`). */
const SECURITY_GROUP_KEY = /^(Vpc)?SecurityGroup(Id)?s$|^GroupSet$/;

/**
 * Security groups as dashed boundaries (only when asked: they cut across the network
 * tree). A resource that attaches security groups (directly, in `VpcConfig`, in an ECS
 * `AwsvpcConfiguration`, in a launch template's data...) sits in a box of the *first* one it
 * names, drawn inside the box the resource was in, so one security group spanning two
 * subnets is two boxes, one per subnet, as AWS diagrams draw it. Box ids are
 * `sg:<logical id>` (`@<parent>` when there are several), made unique against `taken`. A
 * security group that nothing attaches stays a node.
 */
export function securityGroupContainers(context: GraphContext, placed: ReadonlyMap<string, string>, taken: ReadonlySet<string>): ResourceContainers {
  const firstGroup = new Map<string, string>();
  for (const resource of context.resources) {
    if (resource.type?.startsWith(SECURITY_GROUP) || !resource.properties) continue;
    const found = firstSecurityGroup(context, resource.name, resource.properties);
    if (found !== undefined) firstGroup.set(resource.name, found);
  }
  const parentsOf = new Map<string, Set<string>>();
  for (const [member, securityGroup] of firstGroup) {
    const set = parentsOf.get(securityGroup) ?? new Set<string>();
    set.add(placed.get(member) ?? '');
    parentsOf.set(securityGroup, set);
  }
  const groups: GraphGroup[] = [];
  const nodeGroup = new Map<string, string>();
  const boxOf = new Map<string, string>();
  const used = new Set(taken);
  const boxIds = new Map<string, string>();
  for (const [securityGroup, parents] of parentsOf) {
    for (const parent of parents) {
      let id = parents.size === 1 ? `sg:${securityGroup}` : `sg:${securityGroup}@${parent}`;
      for (let i = 2; used.has(id); i++) id = `sg:${securityGroup}#${i}`;
      used.add(id);
      boxIds.set(`${securityGroup}\u0000${parent}`, id);
      groups.push({ id, kind: 'securityGroup', label: securityGroup, ...(parent !== '' ? { parent } : {}) });
      boxOf.set(id, securityGroup);
    }
  }
  for (const [member, securityGroup] of firstGroup) nodeGroup.set(member, boxIds.get(`${securityGroup}\u0000${placed.get(member) ?? ''}`)!);
  return { groups, nodeGroup, boxOf, redirect: new Map() };
}

/** The first security group resource named under a security-group property, at any depth (bounded by the document's depth limit). */
function firstSecurityGroup(context: GraphContext, owner: string, node: LocatedNode): string | undefined {
  if (node.kind === 'sequence') {
    for (const item of node.items) {
      const found = firstSecurityGroup(context, owner, item);
      if (found !== undefined) return found;
    }
  } else if (node.kind === 'mapping') {
    for (const pair of node.pairs) {
      const found = SECURITY_GROUP_KEY.test(pair.key.text)
        ? context.namedIn(owner, pair.value).find((name) => context.resource(name)?.type === SECURITY_GROUP)
        : firstSecurityGroup(context, owner, pair.value);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
