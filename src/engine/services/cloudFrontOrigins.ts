// A CloudFront cache behavior routes to an origin (or origin group) of its own distribution by
// `TargetOriginId`: an id no origin has is refused at deploy time ("The parameter TargetOriginId
// refers to a non-existent origin").
//
// Source: the AWS::CloudFront::Distribution DefaultCacheBehavior / CacheBehavior reference
// (TargetOriginId: "The value of ID for the origin that you want CloudFront to route requests to");
// cfn-lint 1.51.0's E3057 checks the default behavior the same way; here ordered behaviors too.
import type { TemplateModel } from '../cfn/template';
import type { LocatedNode } from '../document/located';
import { getValue } from '../document/located';
import { literalString, resourcesOf, type ServiceProblem } from './resourceIndex';

/** The literal ids of a list of origins (or origin groups); undefined when one is not literal. */
function literalIds(list: LocatedNode | undefined): string[] | undefined {
  if (list === undefined) return [];
  if (list.kind !== 'sequence') return undefined;
  const ids: string[] = [];
  for (const item of list.items) {
    const id = literalString(getValue(item, 'Id'));
    if (!id) return undefined;
    ids.push(id.text);
  }
  return ids;
}

/** Cache behaviors whose TargetOriginId names no origin or origin group of their distribution. */
export function cloudFrontOriginProblems(template: TemplateModel | undefined): ServiceProblem[] {
  const problems: ServiceProblem[] = [];
  for (const distribution of resourcesOf(template, 'AWS::CloudFront::Distribution')) {
    const config = getValue(distribution.properties, 'DistributionConfig');
    const origins = literalIds(getValue(config, 'Origins'));
    const groups = literalIds(getValue(getValue(config, 'OriginGroups'), 'Items'));
    if (!origins || !groups) continue;
    const known = new Set([...origins, ...groups]);
    const behaviors: LocatedNode[] = [];
    const defaultBehavior = getValue(config, 'DefaultCacheBehavior');
    if (defaultBehavior) behaviors.push(defaultBehavior);
    const ordered = getValue(config, 'CacheBehaviors');
    if (ordered?.kind === 'sequence') behaviors.push(...ordered.items);
    for (const behavior of behaviors) {
      const target = literalString(getValue(behavior, 'TargetOriginId'));
      if (!target || known.has(target.text)) continue;
      const choices = [...known].map((id) => `'${id}'`).join(', ') || 'none';
      problems.push({ node: target, message: `TargetOriginId '${target.text}' of ${distribution.name} is not the Id of one of its origins or origin groups (${choices}): CloudFront refuses the distribution.` });
    }
  }
  return problems;
}
