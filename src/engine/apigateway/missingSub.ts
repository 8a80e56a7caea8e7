/**
 * `${Name}` in a plain string of an OpenAPI body inside a template. CloudFormation substitutes
 * `${...}` only inside `Fn::Sub`: written in a bare string (a Lambda integration `uri` built
 * from `${AWS::Region}` and `${MyFunction.Arn}` is the classic case), the text reaches API
 * Gateway as it is and the import fails, or the integration calls a URI that does not exist.
 * Only names the template defines (parameters, resources and their attributes, pseudo
 * parameters) are reported: `${stageVariables.x}` and other text are API Gateway's own.
 */
import type { LocatedNode, ParsedDocument, ScalarNode } from '../document/located';
import type { TemplateModel } from '../cfn/template';
import { asIntrinsic } from '../cfn/intrinsics';
import { PSEUDO_PARAMETERS } from '../cfn/references';
import type { Fix } from '../findings';
import { placeholders } from '../util/placeholders';

/** A string that needs `Fn::Sub`, the template names it uses, and the fix that wraps it. */
export interface MissingSub {
  readonly node: ScalarNode;
  readonly names: readonly string[];
  readonly fix: Fix;
}

/** Bounds the walk over a hostile body (deep nesting is already bounded by the parser). */
const MAX_NODES = 200_000;

/** The strings of an embedded OpenAPI body that use template names without `Fn::Sub`. */
export function findMissingSubs(root: LocatedNode, template: TemplateModel, document: ParsedDocument): MissingSub[] {
  const out: MissingSub[] = [];
  const stack: LocatedNode[] = [root];
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_NODES) {
    const node = stack.pop()!;
    // Inside an intrinsic function the template's own rules apply (Fn::Sub substitutes, the others are checked elsewhere).
    if (asIntrinsic(node)) continue;
    if (node.kind === 'mapping') for (const pair of node.pairs) stack.push(pair.value);
    else if (node.kind === 'sequence') stack.push(...node.items);
    else if (typeof node.value === 'string' && node.value.includes('${')) {
      const names = templateNames(node.value, template);
      if (names.length > 0) out.push({ node, names, fix: wrapInSub(node, document) });
    }
  }
  return out.sort((a, b) => a.node.span.start - b.node.span.start);
}

function templateNames(text: string, template: TemplateModel): string[] {
  const names: string[] = [];
  for (const placeholder of placeholders(text)) {
    const inner = placeholder.inner.trim();
    // `${!Literal}` is Fn::Sub's escape for a literal `${Literal}`.
    if (inner.startsWith('!')) continue;
    const dot = inner.indexOf('.');
    const head = dot < 0 ? inner : inner.slice(0, dot);
    const known = PSEUDO_PARAMETERS.has(inner) || (dot < 0 && template.parameters.has(inner)) || template.resources.has(head);
    if (known && !names.includes(inner)) names.push(inner);
  }
  return names;
}

/** `!Sub 'text'` in YAML, `{"Fn::Sub": "text"}` in JSON, keeping the string exactly as written. */
function wrapInSub(node: ScalarNode, document: ParsedDocument): Fix {
  const source = document.text.slice(node.span.start, node.span.end);
  const newText = document.format === 'json' ? `{"Fn::Sub": ${source}}` : `!Sub ${source}`;
  return { title: document.format === 'json' ? 'Wrap in Fn::Sub' : 'Wrap in !Sub', edits: [{ span: node.span, newText }] };
}
