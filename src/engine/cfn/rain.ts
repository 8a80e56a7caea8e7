// Templates pre-processed by the Rain CLI (`rain deploy`, `rain pkg`): Rain expands its own
// directives and modules before CloudFormation sees the template, so a few things CloudFormation
// would refuse are Rain's to resolve there.
import type { LocatedNode } from '../document/located';
import type { TemplateModel } from './template';

/** Whether a node uses Rain: a `Rain::` directive (`!Rain::Module`, `!Rain::S3`...) or a resource's `Metadata.Rain`. */
export function usesRain(node: LocatedNode): boolean {
  if (node.kind === 'scalar') return false;
  if (node.kind === 'sequence') return node.items.some(usesRain);
  return node.pairs.some((pair) => pair.key.text.startsWith('Rain::') || (pair.key.text === 'Rain' && pair.value.kind === 'mapping') || usesRain(pair.value));
}

const cache = new WeakMap<TemplateModel, boolean>();

/** {@link usesRain} for a whole template, computed once per template model. */
export function templateUsesRain(template: TemplateModel): boolean {
  let rain = cache.get(template);
  if (rain === undefined) cache.set(template, (rain = usesRain(template.root)));
  return rain;
}
