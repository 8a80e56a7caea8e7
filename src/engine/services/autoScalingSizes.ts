// Auto Scaling group sizes: MaxSize must not be below MinSize, and a DesiredCapacity must lie
// between them. The schema types all three as bare strings; EC2 Auto Scaling rejects the group at
// deploy time ("Desired capacity:5 must be between the specified min size:1 and max size:3").
//
// Source: the CreateAutoScalingGroup API reference (DesiredCapacity "must be greater than or equal
// to the minimum size of the group and less than or equal to the maximum size of the group").
// cfn-lint 1.51.0's E3706 checks MaxSize >= MinSize.
import type { TemplateModel } from '../cfn/template';
import { getValue } from '../document/located';
import { literalInteger, resourcesOf, type ServiceProblem } from './resourceIndex';

/** Every literal size of an Auto Scaling group that contradicts another. */
export function autoScalingSizeProblems(template: TemplateModel | undefined): ServiceProblem[] {
  const problems: ServiceProblem[] = [];
  for (const group of resourcesOf(template, 'AWS::AutoScaling::AutoScalingGroup')) {
    const properties = group.properties;
    const minNode = getValue(properties, 'MinSize');
    const maxNode = getValue(properties, 'MaxSize');
    const desiredNode = getValue(properties, 'DesiredCapacity');
    const min = literalInteger(minNode);
    const max = literalInteger(maxNode);
    const desired = literalInteger(desiredNode);
    if (min !== undefined && max !== undefined && max < min) {
      problems.push({ node: maxNode!, message: `MaxSize ${max} of ${group.name} is below its MinSize ${min}: EC2 Auto Scaling rejects the group. Raise MaxSize, or lower MinSize.` });
      continue;
    }
    if (desired === undefined) continue;
    if (min !== undefined && desired < min) {
      problems.push({ node: desiredNode!, message: `DesiredCapacity ${desired} of ${group.name} is below its MinSize ${min}: EC2 Auto Scaling rejects the group. Use a DesiredCapacity from ${min}${max !== undefined ? ` to ${max}` : ' up'}.` });
    } else if (max !== undefined && desired > max) {
      problems.push({ node: desiredNode!, message: `DesiredCapacity ${desired} of ${group.name} is above its MaxSize ${max}: EC2 Auto Scaling rejects the group. Use a DesiredCapacity from ${min ?? 0} to ${max}.` });
    }
  }
  return problems;
}
