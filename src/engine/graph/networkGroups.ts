import type { LocatedNode } from '../document/located';
import { getValue } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import type { ResourceEntry } from '../cfn/template';
import type { GraphContext } from './graphContext';
import type { GraphGroup } from './graphTypes';

/** The groups of a template and the innermost group of each grouped node. */
export interface NetworkGroups {
  readonly groups: readonly GraphGroup[];
  readonly nodeGroup: ReadonlyMap<string, string>;
}

const VPC = 'AWS::EC2::VPC';
const SUBNET = 'AWS::EC2::Subnet';
/** Properties whose value names subnets, directly or through a subnet group (`DBSubnetGroupName`). */
const SUBNET_KEY = /subnet/i;
/** Subnets are named directly or through a subnet group or two; deeper chains are not followed. */
const MAX_DEPTH = 16;
const VPC_ID_KEYS: ReadonlySet<string> = new Set(['VpcId', 'VPCId', 'VpcID']);

/**
 * VPC > availability zone > subnet groups, inferred from references:
 *
 * - a VPC resource is a `vpc` group, a subnet resource a `subnet` group (group id = the
 *   logical id). The resource that *is* a group sits in the group's parent (a subnet node
 *   in its AZ, a VPC node at the top), so the UI can draw the box as the resource;
 * - a subnet's `VpcId` puts it in that VPC; its `AvailabilityZone` (a literal, or
 *   `!Select [i, !GetAZs ...]` -> `AZ i+1`) makes an `availabilityZone` group inside the VPC
 *   (id `<vpc>/<label>`), which becomes the subnet's parent. Without a VPC in the template
 *   there is no AZ group: the same AZ label in two unknown VPCs is not one box;
 * - any other resource whose subnet-valued properties (`SubnetId`, `SubnetIds`, `Subnets`,
 *   `VPCZoneIdentifier`, `VpcConfig.SubnetIds`, or a subnet group such as
 *   `DBSubnetGroupName` whose own subnets count) name subnets sits in the innermost group
 *   containing all of them: the subnet when there is one, the VPC when they spread over AZs
 *   (the AZ when they happen to share one);
 * - otherwise a resource with a `VpcId` naming a VPC (security groups, route tables,
 *   target groups) sits in that VPC.
 */
export function buildNetworkGroups(context: GraphContext): NetworkGroups {
  const groups: GraphGroup[] = [];
  const parents = new Map<string, string | undefined>();
  const nodeGroup = new Map<string, string>();
  const addGroup = (group: GraphGroup): void => {
    groups.push(group);
    parents.set(group.id, group.parent);
  };

  // VPCs first, so every parent precedes its children in `groups`.
  for (const resource of context.resources) {
    if (resource.type === VPC) addGroup({ id: resource.name, kind: 'vpc', label: resource.name });
  }
  if (!context.resources.some((resource) => resource.type === SUBNET)) return { groups, nodeGroup: vpcMembers(context, nodeGroup) };

  for (const resource of context.resources) {
    if (resource.type !== SUBNET) continue;
    const vpc = vpcOf(context, resource);
    let parent = vpc;
    const az = vpc === undefined ? undefined : availabilityZoneLabel(getValue(resource.properties, 'AvailabilityZone') ?? getValue(resource.properties, 'AvailabilityZoneId'));
    if (vpc !== undefined && az !== undefined) {
      parent = `${vpc}/${az}`;
      if (!parents.has(parent)) addGroup({ id: parent, kind: 'availabilityZone', label: az, parent: vpc });
    }
    addGroup({ id: resource.name, kind: 'subnet', label: resource.name, ...(parent !== undefined ? { parent } : {}) });
    if (parent !== undefined) nodeGroup.set(resource.name, parent);
  }

  const subnets = new SubnetResolver(context);
  for (const resource of context.resources) {
    if (resource.type === SUBNET || resource.type === VPC) continue;
    const named = subnets.of(resource);
    if (named.size === 0) continue;
    const group = commonAncestor([...named], parents);
    if (group !== undefined) nodeGroup.set(resource.name, group);
  }
  return { groups, nodeGroup: vpcMembers(context, nodeGroup) };
}

/** Adds resources that name a VPC in `VpcId` and are not placed yet. */
function vpcMembers(context: GraphContext, nodeGroup: Map<string, string>): Map<string, string> {
  for (const resource of context.resources) {
    if (resource.type === SUBNET || resource.type === VPC || nodeGroup.has(resource.name)) continue;
    const vpc = vpcOf(context, resource);
    if (vpc !== undefined) nodeGroup.set(resource.name, vpc);
  }
  return nodeGroup;
}

/** The VPC resource a resource's top-level `VpcId` names. */
function vpcOf(context: GraphContext, resource: ResourceEntry): string | undefined {
  if (resource.properties?.kind !== 'mapping') return undefined;
  for (const pair of resource.properties.pairs) {
    if (!VPC_ID_KEYS.has(pair.key.text)) continue;
    return context.namedIn(resource.name, pair.value).find((name) => context.resource(name)?.type === VPC);
  }
  return undefined;
}

/** `us-east-1a` for a literal, `AZ 2` for `!Select [1, !GetAZs '']` (or a list parameter). */
function availabilityZoneLabel(node: LocatedNode | undefined): string | undefined {
  if (node?.kind === 'scalar') return typeof node.value === 'string' && node.value !== '' ? node.value : undefined;
  const call = asIntrinsic(node);
  if (call?.name !== 'Fn::Select' || call.argument.kind !== 'sequence') return undefined;
  const [index, list] = call.argument.items;
  const listCall = asIntrinsic(list);
  if (index?.kind !== 'scalar' || (listCall?.name !== 'Fn::GetAZs' && listCall?.name !== 'Ref')) return undefined;
  const position = Number(index.value);
  return Number.isInteger(position) && position >= 0 && index.text.trim() !== '' ? `AZ ${position + 1}` : undefined;
}

/** The innermost group that contains every given group (or is it). */
function commonAncestor(ids: readonly string[], parents: ReadonlyMap<string, string | undefined>): string | undefined {
  const chain = (id: string): string[] => {
    const out: string[] = [];
    for (let current: string | undefined = id; current !== undefined; current = parents.get(current)) out.push(current);
    return out;
  };
  let common = chain(ids[0]!);
  for (const id of ids.slice(1)) {
    const other = new Set(chain(id));
    common = common.filter((group) => other.has(group));
  }
  return common[0];
}

/**
 * Subnets each resource names through subnet-valued properties, memoised; a named
 * resource that is not a subnet contributes its own subnets (a DB subnet group).
 */
class SubnetResolver {
  private readonly memo = new Map<string, ReadonlySet<string>>();
  private readonly reaches = new Map<string, boolean>();

  constructor(private readonly context: GraphContext) {}

  of(resource: ResourceEntry, depth = 0): ReadonlySet<string> {
    const known = this.memo.get(resource.name);
    if (known) return known;
    if (depth > MAX_DEPTH) return new Set();
    const out = new Set<string>();
    // Set before walking: a reference cycle through subnet groups ends here with no subnets.
    this.memo.set(resource.name, out);
    if (!this.reachesSubnet(resource.name)) return out;
    const visit = (node: LocatedNode): void => {
      if (node.kind === 'sequence') for (const item of node.items) visit(item);
      else if (node.kind === 'mapping') {
        for (const pair of node.pairs) {
          if (SUBNET_KEY.test(pair.key.text) || pair.key.text === 'VPCZoneIdentifier') this.collect(resource.name, pair.value, out, depth);
          else visit(pair.value);
        }
      }
    };
    if (resource.properties) visit(resource.properties);
    return out;
  }

  /**
   * Whether a resource's references lead to a subnet at all (directly or through other
   * resources). Most resources never do; this spares walking their properties.
   */
  private reachesSubnet(name: string, depth = 0): boolean {
    const known = this.reaches.get(name);
    if (known !== undefined) return known;
    // A long reference chain: give up on the shortcut (and on recursion) and let `of` walk.
    if (depth > MAX_DEPTH) return true;
    this.reaches.set(name, false);
    let result = false;
    for (const reference of this.context.referencesOf(name)) {
      if (reference.kind === 'dependsOn' || reference.kind === 'condition' || reference.kind === 'findInMap') continue;
      const target = this.context.resource(reference.name);
      if (target && (target.type === SUBNET || (target.type !== VPC && this.reachesSubnet(target.name, depth + 1)))) {
        result = true;
        break;
      }
    }
    this.reaches.set(name, result);
    return result;
  }

  private collect(owner: string, value: LocatedNode, out: Set<string>, depth: number): void {
    for (const name of this.context.namedIn(owner, value)) {
      const target = this.context.resource(name);
      if (!target) continue;
      if (target.type === SUBNET) out.add(name);
      else if (target.type !== VPC) for (const subnet of this.of(target, depth + 1)) out.add(subnet);
    }
  }
}
