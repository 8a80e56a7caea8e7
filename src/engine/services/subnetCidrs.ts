// Subnets of one VPC: their literal IPv4 CIDR blocks must not overlap (EC2: "The CIDR conflicts
// with another subnet") and must lie inside one of the VPC's CIDR blocks when those are literal
// ("The CIDR is invalid"). CIDR blocks are aligned prefixes, so two overlap only when one
// contains the other: sorting by start (larger block first) and keeping a stack of the blocks
// that contain the current start finds every overlap in O(n log n), never comparing all pairs.
import type { ResourceEntry, TemplateModel } from '../cfn/template';
import type { ScalarNode } from '../document/located';
import { getValue } from '../document/located';
import { spendBudget } from '../util/workBudget';
import { literalString, mayCoexist, referencedLogicalId, resourcesOf } from './resourceIndex';

/** An IPv4 block as a half-open range of addresses. */
export interface Ipv4Block {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Parses `a.b.c.d/n` into its address range (host bits ignored), or undefined. */
export function parseIpv4Cidr(text: string): Ipv4Block | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((octet) => octet > 255) || bits > 32) return undefined;
  const address = ((octets[0]! * 256 + octets[1]!) * 256 + octets[2]!) * 256 + octets[3]!;
  const size = 2 ** (32 - bits);
  const start = Math.floor(address / size) * size;
  return { start, end: start + size, text: text.trim() };
}

function contains(outer: Ipv4Block, inner: Ipv4Block): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export interface SubnetProblem {
  readonly node: ScalarNode;
  readonly message: string;
}

interface SubnetBlock {
  readonly subnet: ResourceEntry;
  readonly node: ScalarNode;
  readonly block: Ipv4Block;
}

/** The VPC a subnet's `VpcId` names: a logical id (Ref/GetAtt) or a literal `vpc-` id. */
function vpcKey(subnet: ResourceEntry): string | undefined {
  const node = getValue(subnet.properties, 'VpcId');
  const literal = literalString(node)?.value as string | undefined;
  if (literal !== undefined) return `id:${literal}`;
  const logicalId = referencedLogicalId(node);
  return logicalId === undefined ? undefined : `ref:${logicalId}`;
}

/**
 * The literal IPv4 blocks of each VPC of the template (its `CidrBlock` and the literal
 * `AWS::EC2::VPCCidrBlock`s attached to it), keyed like `vpcKey`. A VPC with any block that is
 * not literal (an intrinsic, an IPAM pool) is absent: containment cannot be judged for it.
 */
function vpcBlocks(template: TemplateModel | undefined): Map<string, { name: string; blocks: Ipv4Block[] }> {
  const out = new Map<string, { name: string; blocks: Ipv4Block[] }>();
  const unknown = new Set<string>();
  for (const vpc of resourcesOf(template, 'AWS::EC2::VPC')) {
    const key = `ref:${vpc.name}`;
    const block = parseIpv4Cidr((literalString(getValue(vpc.properties, 'CidrBlock'))?.value as string | undefined) ?? '');
    if (block) out.set(key, { name: vpc.name, blocks: [block] });
    else unknown.add(key);
  }
  for (const extra of resourcesOf(template, 'AWS::EC2::VPCCidrBlock')) {
    const key = vpcKey(extra);
    if (key === undefined) continue;
    const block = parseIpv4Cidr((literalString(getValue(extra.properties, 'CidrBlock'))?.value as string | undefined) ?? '');
    // An IPv6 block says nothing about IPv4 subnets; anything else unknown spoils the VPC.
    if (block) out.get(key)?.blocks.push(block);
    else if (getValue(extra.properties, 'AmazonProvidedIpv6CidrBlock') === undefined && getValue(extra.properties, 'Ipv6CidrBlock') === undefined && getValue(extra.properties, 'Ipv6IpamPoolId') === undefined) unknown.add(key);
  }
  for (const key of unknown) out.delete(key);
  return out;
}

/** Overlapping subnets and subnets outside their VPC's blocks. */
export function subnetCidrProblems(template: TemplateModel | undefined): SubnetProblem[] {
  const byVpc = new Map<string, SubnetBlock[]>();
  for (const subnet of resourcesOf(template, 'AWS::EC2::Subnet')) {
    const node = literalString(getValue(subnet.properties, 'CidrBlock'));
    const block = node && parseIpv4Cidr(node.value as string);
    const key = vpcKey(subnet);
    if (!node || !block || key === undefined) continue;
    const list = byVpc.get(key);
    if (list) list.push({ subnet, node, block });
    else byVpc.set(key, [{ subnet, node, block }]);
  }
  const vpcs = vpcBlocks(template);
  const problems: SubnetProblem[] = [];
  for (const [key, subnets] of byVpc) {
    const vpc = vpcs.get(key);
    if (vpc) {
      for (const { subnet, node, block } of subnets) {
        if (vpc.blocks.some((outer) => contains(outer, block))) continue;
        problems.push({ node, message: `${subnet.name}'s CidrBlock ${block.text} is outside VPC ${vpc.name}'s ${vpc.blocks.map((b) => b.text).join(', ')}: EC2 refuses a subnet outside its VPC's CIDR blocks.` });
      }
    }
    problems.push(...overlaps(subnets));
  }
  return problems.sort((a, b) => a.node.span.start - b.node.span.start);
}

/** Open blocks compared per subnet: blocks nest at most 33 deep, unless the same block repeats. */
const MAX_COMPARED = 64;

/** Overlaps among one VPC's subnets, each subnet reported at most once (the one written later). */
function overlaps(subnets: SubnetBlock[]): SubnetProblem[] {
  const sorted = [...subnets].sort((a, b) => a.block.start - b.block.start || b.block.end - a.block.end);
  const open: SubnetBlock[] = [];
  const problems: SubnetProblem[] = [];
  const reported = new Set<ScalarNode>();
  for (const current of sorted) {
    spendBudget();
    while (open.length > 0 && open[open.length - 1]!.block.end <= current.block.start) open.pop();
    // Every block still open contains this one (aligned prefixes either nest or are disjoint).
    let clash: SubnetBlock | undefined;
    for (let i = open.length - 1; i >= Math.max(0, open.length - MAX_COMPARED) && !clash; i--) {
      if (mayCoexist(open[i]!.subnet, current.subnet)) clash = open[i];
    }
    open.push(current);
    if (!clash) continue;
    const [earlier, later] = clash.node.span.start < current.node.span.start ? [clash, current] : [current, clash];
    if (reported.has(later.node)) continue;
    reported.add(later.node);
    problems.push({ node: later.node, message: `${later.subnet.name}'s CidrBlock ${later.block.text} overlaps ${earlier.subnet.name}'s ${earlier.block.text} in the same VPC: EC2 refuses the second subnet ("The CIDR conflicts with another subnet"). Give it a free range.` });
  }
  return problems;
}
