// An Application Load Balancer needs subnets in at least two Availability Zones: ELB rejects one
// with a single subnet at deploy time ("At least two subnets in two different Availability Zones
// must be specified").
//
// Source: the Elastic Load Balancing API reference for CreateLoadBalancer (Subnets, SubnetMappings:
// "[Application Load Balancers] You must specify subnets from at least two Availability Zones",
// except on an Outpost); cfn-lint 1.51.0's E3680 checks the list lengths the same way.
import type { TemplateModel } from '../cfn/template';
import { getValue } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import { literalString, resourcesOf, type ServiceProblem } from './resourceIndex';

/** Intrinsic functions that give one value: a list item made by one of them is one subnet. */
const SINGLE_VALUE_FUNCTIONS: ReadonlySet<string> = new Set(['Ref', 'Fn::GetAtt', 'Fn::ImportValue', 'Fn::Select', 'Fn::Sub', 'Fn::FindInMap']);

/** Application load balancers (the default Type) given a literal list of fewer than two subnets. */
export function albSubnetProblems(template: TemplateModel | undefined): ServiceProblem[] {
  const problems: ServiceProblem[] = [];
  for (const balancer of resourcesOf(template, 'AWS::ElasticLoadBalancingV2::LoadBalancer')) {
    const properties = balancer.properties;
    const typeNode = getValue(properties, 'Type');
    const type = typeNode === undefined ? 'application' : literalString(typeNode)?.value;
    if (type !== 'application') continue;
    for (const key of ['Subnets', 'SubnetMappings']) {
      const list = getValue(properties, key);
      if (list?.kind !== 'sequence' || list.items.length !== 1) continue;
      // One item is one subnet when it is a literal or a function of one value; other functions
      // (Fn::If, a transform's macro...) are left alone.
      const call = asIntrinsic(list.items[0]);
      if (call && !SINGLE_VALUE_FUNCTIONS.has(call.name)) continue;
      problems.push({ node: list, message: `${balancer.name} is an Application Load Balancer with ${key} in one subnet: ELB requires subnets in at least two Availability Zones. Add a subnet of another Availability Zone.` });
    }
  }
  return problems;
}
