import type { LocatedNode } from '../document/located';
import { getValue } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import type { ResourceEntry } from '../cfn/template';
import type { GraphContext } from './graphContext';
import type { GraphGroup } from './graphTypes';
import { serviceOf } from './categories';

/** The groups of a template and the innermost group of each grouped node. */
export interface NetworkGroups {
  readonly groups: readonly GraphGroup[];
  readonly nodeGroup: ReadonlyMap<string, string>;
  /** The subnets a resource names (directly or through a subnet group), in source order. */
  readonly subnetsOf: (name: string) => readonly string[];
}

const NO_SUBNETS = (): readonly string[] => [];

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
 *   logical id). A VPC or subnet is a container only: `buildGraph` draws it as its box,
 *   never as a node as well;
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
 *   target groups) sits in that VPC;
 * - network plumbing placed by neither (routes, listeners, Elastic IPs, internet gateways)
 *   follows what it references or what references it (`placeNetworkPlumbing`).
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
  if (!context.resources.some((resource) => resource.type === SUBNET)) {
    placeNetworkPlumbing(context, vpcMembers(context, nodeGroup), parents);
    return { groups, nodeGroup, subnetsOf: NO_SUBNETS };
  }

  // AZ boxes in a stable order (by label, `AZ 2` before `AZ 10`), whatever order the subnets come in.
  const azGroups: GraphGroup[] = [];
  const subnetGroups: GraphGroup[] = [];
  for (const resource of context.resources) {
    if (resource.type !== SUBNET) continue;
    const vpc = vpcOf(context, resource);
    let parent = vpc;
    const az = vpc === undefined ? undefined : availabilityZoneLabel(getValue(resource.properties, 'AvailabilityZone') ?? getValue(resource.properties, 'AvailabilityZoneId'));
    if (vpc !== undefined && az !== undefined) {
      parent = `${vpc}/${az}`;
      if (!parents.has(parent)) {
        azGroups.push({ id: parent, kind: 'availabilityZone', label: az, parent: vpc });
        parents.set(parent, vpc);
      }
    }
    subnetGroups.push({ id: resource.name, kind: 'subnet', label: resource.name, ...(parent !== undefined ? { parent } : {}) });
    parents.set(resource.name, parent);
  }
  azOrder ??= new Intl.Collator('en', { numeric: true });
  const order = azOrder;
  azGroups.sort((a, b) => order.compare(a.label, b.label));
  for (const group of [...azGroups, ...subnetGroups]) addGroup(group);

  const subnets = new SubnetResolver(context);
  for (const resource of context.resources) {
    if (resource.type === SUBNET || resource.type === VPC) continue;
    const named = subnets.of(resource);
    if (named.size === 0) continue;
    const group = commonAncestor([...named], parents);
    if (group !== undefined) nodeGroup.set(resource.name, group);
  }
  vpcMembers(context, nodeGroup);
  placeNetworkPlumbing(context, nodeGroup, parents);
  const subnetsOf = (name: string): readonly string[] => {
    const resource = context.resource(name);
    return resource ? [...subnets.of(resource)] : [];
  };
  return { groups, nodeGroup, subnetsOf };
}

/**
 * Natural order of AZ labels: `AZ 2` < `AZ 10`, `us-east-1a` < `us-east-1b`. Made on first use:
 * a collator loads ICU's collation data (about 8 ms), which a lint without a diagram never needs.
 */
let azOrder: Intl.Collator | undefined;

/** Services whose resources only exist inside a network: routes, attachments, listeners, endpoints. */
const NETWORK_SERVICES: ReadonlySet<string> = new Set(['EC2', 'ElasticLoadBalancingV2', 'ElasticLoadBalancing', 'NetworkFirewall', 'Route53Resolver']);

/**
 * Puts the network plumbing that names no subnet or VPC inside the network anyway, so a VPC
 * box holds everything that belongs to it (with auxiliary resources shown too):
 *
 * - forward: a network resource (a route, a listener, an ingress rule, a gateway attachment)
 *   sits in the innermost group holding every placed resource it references (a route ->
 *   its route table's VPC; a NAT route -> the VPC that holds both the table and the gateway);
 * - backward: a network resource that references nothing placed (an Elastic IP, an internet
 *   gateway) sits in the innermost group holding every placed resource that references it.
 *
 * Two rounds each: chains of two (an ingress rule -> a security group -> a VPC) are common,
 * longer ones are not, and the work stays linear.
 */
function placeNetworkPlumbing(context: GraphContext, nodeGroup: Map<string, string>, parents: ReadonlyMap<string, string | undefined>): void {
  const isNetwork = (resource: ResourceEntry): boolean => resource.type !== undefined && NETWORK_SERVICES.has(serviceOf(resource.type)) && resource.type !== SUBNET && resource.type !== VPC;
  const targetsOf = (name: string): string[] => {
    const out: string[] = [];
    for (const reference of context.referencesOf(name)) {
      if (reference.kind === 'condition' || reference.kind === 'findInMap' || reference.kind === 'dependsOn') continue;
      const target = context.resource(reference.name);
      if (target) out.push(target.name);
    }
    return out;
  };
  const groupOf = (name: string): string | undefined => (parents.has(name) ? name : nodeGroup.get(name));
  const referrers = new Map<string, string[]>();
  for (const resource of context.resources) {
    for (const target of targetsOf(resource.name)) {
      const list = referrers.get(target);
      if (list) list.push(resource.name);
      else referrers.set(target, [resource.name]);
    }
  }
  for (let round = 0; round < 2; round++) {
    for (const resource of context.resources) {
      if (nodeGroup.has(resource.name) || !isNetwork(resource)) continue;
      const groups = targetsOf(resource.name).map(groupOf).filter((group): group is string => group !== undefined);
      const group = groups.length > 0 ? commonAncestor(groups, parents) : undefined;
      if (group !== undefined) nodeGroup.set(resource.name, group);
    }
  }
  for (let round = 0; round < 2; round++) {
    for (const resource of context.resources) {
      if (nodeGroup.has(resource.name) || !isNetwork(resource) || targetsOf(resource.name).some((target) => groupOf(target) !== undefined)) continue;
      const from = (referrers.get(resource.name) ?? []).map(groupOf);
      if (from.length === 0 || from.some((group) => group === undefined)) continue;
      const group = commonAncestor(from as string[], parents);
      if (group !== undefined) nodeGroup.set(resource.name, group);
    }
  }
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
