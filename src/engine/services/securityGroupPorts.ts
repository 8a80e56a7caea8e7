// Security group rules: the port range must fit the protocol. For tcp and udp FromPort/ToPort
// are a port range (0-65535, FromPort <= ToPort, both required); for icmp and icmpv6 they are
// the ICMP type and code (-1 for all, else 0-255; a type of -1 needs a code of -1); for -1 (all
// protocols) and other protocol numbers EC2 ignores any ports given, which hides a mistake (the
// author meant to open one port and opened everything). Literal values only.
import type { TemplateModel } from '../cfn/template';
import type { LocatedNode } from '../document/located';
import { getPair, getValue } from '../document/located';
import type { Severity } from '../findings';
import { literalInteger, resourcesOf } from './resourceIndex';

export interface PortProblem {
  readonly node: LocatedNode;
  readonly message: string;
  readonly severity?: Severity;
}

/** Where one security group rule sits: its properties and a label for messages. */
interface RuleSite {
  readonly rule: LocatedNode;
  readonly label: string;
}

function ruleSites(template: TemplateModel | undefined): RuleSite[] {
  const sites: RuleSite[] = [];
  for (const group of resourcesOf(template, 'AWS::EC2::SecurityGroup')) {
    for (const list of ['SecurityGroupIngress', 'SecurityGroupEgress']) {
      const rules = getValue(group.properties, list);
      if (rules?.kind !== 'sequence') continue;
      rules.items.forEach((rule, i) => sites.push({ rule, label: `${group.name} ${list}[${i}]` }));
    }
  }
  for (const rule of resourcesOf(template, 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress')) {
    if (rule.properties) sites.push({ rule: rule.properties, label: rule.name });
  }
  return sites;
}

type ProtocolKind = 'ports' | 'icmp' | 'all' | 'other';

/** How EC2 reads FromPort/ToPort for an IpProtocol (a name or an IANA number). */
function protocolKind(node: LocatedNode | undefined): ProtocolKind | undefined {
  if (node?.kind !== 'scalar' || node.value === null || typeof node.value === 'boolean') return undefined;
  const text = String(node.value).trim().toLowerCase();
  if (text === 'tcp' || text === 'udp' || text === '6' || text === '17') return 'ports';
  if (text === 'icmp' || text === 'icmpv6' || text === '1' || text === '58') return 'icmp';
  if (text === '-1') return 'all';
  return /^\d+$/.test(text) || /^[a-z][a-z0-9-]*$/.test(text) ? 'other' : undefined;
}

function checkRule(site: RuleSite): PortProblem[] {
  const { rule, label } = site;
  if (rule.kind !== 'mapping') return [];
  const protocolNode = getValue(rule, 'IpProtocol');
  const kind = protocolKind(protocolNode);
  if (kind === undefined) return [];
  const protocol = String((protocolNode as { value: unknown }).value);
  const fromNode = getPair(rule, 'FromPort')?.value;
  const toNode = getPair(rule, 'ToPort')?.value;
  const from = literalInteger(fromNode);
  const to = literalInteger(toNode);
  const problems: PortProblem[] = [];
  if (kind === 'all' || kind === 'other') {
    if ((from === -1) !== (to === -1) && from !== undefined && to !== undefined) {
      return [{ node: from === -1 ? toNode! : fromNode!, message: `${label}: FromPort and ToPort must both be -1 when one is (${from} and ${to}).` }];
    }
    const given = [fromNode, toNode].filter((node, i) => node !== undefined && [from, to][i] !== -1);
    if (given.length > 0 && kind === 'all') {
      problems.push({ node: given[0]!, severity: 'warning', message: `${label} has IpProtocol -1 (all protocols and ports): EC2 ignores FromPort/ToPort and opens every port. Set IpProtocol to tcp or udp to open only this range, or remove the ports.` });
    }
    return problems;
  }
  if (kind === 'ports') {
    if (fromNode === undefined || toNode === undefined) {
      problems.push({ node: protocolNode!, message: `${label} has IpProtocol ${protocol} but no ${fromNode === undefined ? 'FromPort' : 'ToPort'}: EC2 needs both ends of the port range for tcp and udp.` });
      return problems;
    }
    if (from === -1 || to === -1) {
      if (from !== to) problems.push({ node: from === -1 ? toNode : fromNode, message: `${label}: FromPort and ToPort must both be -1 when one is (${String(from)} and ${String(to)}).` });
      return problems;
    }
    for (const [node, value, name] of [[fromNode, from, 'FromPort'], [toNode, to, 'ToPort']] as const) {
      if (value !== undefined && (value < 0 || value > 65535)) problems.push({ node, message: `${label}: ${name} ${value} is not a port: ${protocol} ports are 0-65535.` });
    }
    if (from !== undefined && to !== undefined && from >= 0 && to <= 65535 && from > to) {
      problems.push({ node: fromNode, message: `${label}: FromPort ${from} is greater than ToPort ${to}: EC2 rejects an empty port range. Swap them.` });
    }
    return problems;
  }
  // icmp / icmpv6: FromPort is the ICMP type and ToPort the code.
  for (const [node, value, name] of [[fromNode, from, 'FromPort (the ICMP type)'], [toNode, to, 'ToPort (the ICMP code)']] as const) {
    if (node !== undefined && value !== undefined && (value < -1 || value > 255)) problems.push({ node, message: `${label}: ${name} is ${value}: for ${protocol} it must be -1 (all) or 0-255.` });
  }
  if (from === -1 && toNode !== undefined && to !== undefined && to !== -1) {
    problems.push({ node: toNode, message: `${label}: ToPort (the ICMP code) must be -1 when FromPort (the ICMP type) is -1: "all types" has no single code.` });
  }
  if (protocol.toLowerCase() === 'icmp' || protocol === '1') {
    if (fromNode === undefined || toNode === undefined) {
      problems.push({ node: protocolNode!, message: `${label} has IpProtocol ${protocol} but no ${fromNode === undefined ? 'FromPort' : 'ToPort'}: give the ICMP type and code (-1 and -1 for all).` });
    }
  }
  return problems;
}

/** Port and protocol mismatches of every security group rule of the template. */
export function securityGroupPortProblems(template: TemplateModel | undefined): PortProblem[] {
  return ruleSites(template).flatMap(checkRule);
}
