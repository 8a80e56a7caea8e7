/**
 * Names an OpenAPI file uses to reach into the template that includes it. A file pulled
 * in with `AWS::Include` (or uploaded for SAM `DefinitionUri`) is resolved in the
 * including template's scope, so every `Ref`, `Fn::GetAtt` and `${Name}` / `${Name.Attr}`
 * of its `Fn::Sub` strings must name something of that template. ARN-valued fields that
 * hold `${Name.Attr}` without `Fn::Sub` are checked too: they are meant to be filled from
 * the template, and a wrong name there is wrong either way.
 */
import type { LocatedNode, ParsedDocument, ScalarNode, Span } from '../document/located';
import type { Catalog } from '../catalog/catalogTypes';
import type { TemplateModel } from '../cfn/template';
import { asIntrinsic, subVariables } from '../cfn/intrinsics';
import { PSEUDO_PARAMETERS } from '../cfn/references';
import { isGeneratedName, SAM_REFERENCEABLE_PROPERTIES } from '../cfn/generatedNames';
import { SAM_CREATES } from '../cfn/samTypes';
import { resolveTemplateTag } from '../cfn/shortForms';
import { parseDocument } from '../document/parseDocument';
import { LineIndex } from '../document/lineIndex';
import type { Range } from '../document/lineIndex';
import { didYouMean, suggest } from '../util/suggest';

/** One name of the included file that the template does not define, located in that file. */
export interface TemplateReferenceProblem {
  /** Offsets of the name in the included file. */
  readonly span: Span;
  /** Zero-based range of the name in the included file. */
  readonly range: Range;
  /** Said from the included file's side ("...not a resource of the including template"). */
  readonly message: string;
}

/** Fields whose plain-string `${...}` placeholders are template names (ARNs and ids). */
const ARN_FIELDS = new Set(['uri', 'authorizerUri', 'credentials', 'authorizerCredentials', 'connectionId', 'providerARNs', 'integrationTarget']);

/** First segments of `${...}` that are API Gateway's own variables, never template names. */
const RUNTIME_VARIABLES = new Set(['stageVariables', 'context', 'request', 'method', 'input', 'util', 'integration', 'stage']);

/** Parses an included file as `checkIncludedReferences` reads it (for callers that check it more than once). */
export function parseIncludedFile(label: string, text: string): ParsedDocument {
  return parseDocument(label, text, { resolveTag: resolveTemplateTag });
}

/**
 * Checks the names an included OpenAPI file (`text`, parsed as `label`) uses against
 * `template`. Pure: the caller reads the file. Each problem covers the name in the file.
 */
export function checkIncludedReferences(label: string, text: string, template: TemplateModel, catalog: Catalog, parsed?: ParsedDocument): TemplateReferenceProblem[] {
  // A caller checking one file against several templates (a CDK app's stacks) parses it once.
  const document = parsed ?? parseIncludedFile(label, text);
  if (!document.root) return [];
  const lines = new LineIndex(text);
  const out: TemplateReferenceProblem[] = [];
  const add = (span: Span, message: string): void => {
    out.push({ span, range: lines.rangeOf(span), message });
  };
  const checker = new NameChecker(template, catalog);
  const walk = (node: LocatedNode, locals: ReadonlySet<string>, field: string | undefined): void => {
    const call = asIntrinsic(node);
    if (call) {
      const argument = call.argument;
      if (call.name === 'Ref' && argument.kind === 'scalar') {
        const problem = checker.check(String(argument.value), undefined, locals, `!Ref ${String(argument.value)}`);
        if (problem) add(argument.span, problem);
      } else if (call.name === 'Fn::GetAtt') {
        const [name, attribute] = getAttParts(argument);
        if (name !== undefined) {
          const problem = checker.check(name, attribute ?? '', locals, `!GetAtt ${name}${attribute ? `.${attribute}` : ''}`);
          if (problem) add(argument.span, problem);
        } else walk(argument, locals, undefined);
      } else if (call.name === 'Fn::Sub') {
        const template = argument.kind === 'sequence' ? argument.items[0] : argument;
        const variables = argument.kind === 'sequence' ? argument.items[1] : undefined;
        const scope = variables?.kind === 'mapping' ? new Set([...locals, ...variables.pairs.map((pair) => pair.key.text)]) : locals;
        if (variables) walk(variables, locals, undefined);
        if (template?.kind === 'scalar' && typeof template.value === 'string') for (const problem of placeholders(template, text, checker, scope, false)) add(problem.span, problem.message);
        else if (template) walk(template, locals, undefined);
      } else walk(argument, locals, undefined);
      return;
    }
    if (node.kind === 'mapping') for (const pair of node.pairs) walk(pair.value, locals, pair.key.text);
    else if (node.kind === 'sequence') for (const item of node.items) walk(item, locals, field);
    else if (field && ARN_FIELDS.has(field) && typeof node.value === 'string') for (const problem of placeholders(node, text, checker, locals, true)) add(problem.span, problem.message);
  };
  walk(document.root, new Set(), undefined);
  return out;
}

function getAttParts(argument: LocatedNode): [string | undefined, string | undefined] {
  if (argument.kind === 'scalar' && typeof argument.value === 'string') {
    const dot = argument.value.indexOf('.');
    return dot < 0 ? [argument.value, undefined] : [argument.value.slice(0, dot), argument.value.slice(dot + 1)];
  }
  if (argument.kind === 'sequence') {
    const [name, attribute] = argument.items;
    const attributeText = attribute?.kind === 'scalar' && typeof attribute.value === 'string' ? attribute.value : undefined;
    if (name?.kind === 'scalar' && typeof name.value === 'string') return [name.value, attributeText];
  }
  return [undefined, undefined];
}

function placeholders(scalar: ScalarNode, text: string, checker: NameChecker, locals: ReadonlySet<string>, plain: boolean): Array<{ span: Span; message: string }> {
  const out: Array<{ span: Span; message: string }> = [];
  for (const variable of subVariables(scalar, text)) {
    const dot = variable.name.indexOf('.');
    const name = dot < 0 || PSEUDO_PARAMETERS.has(variable.name) ? variable.name : variable.name.slice(0, dot);
    const attribute = name === variable.name ? undefined : variable.name.slice(dot + 1);
    // Outside Fn::Sub only names shaped like template names are judged: `${stageVariables.x}` is API Gateway's.
    if (plain && (RUNTIME_VARIABLES.has(name) || !/^[A-Za-z0-9]+(::[A-Za-z0-9]+)?$/.test(name))) continue;
    const problem = checker.check(name, attribute, locals, `\${${variable.name}}`);
    if (problem) out.push({ span: { start: variable.start, end: variable.end }, message: problem });
  }
  return out;
}

/** Decides whether a name (and attribute) exists in the template. */
class NameChecker {
  constructor(
    private readonly template: TemplateModel,
    private readonly catalog: Catalog,
  ) {}

  /** `attribute` undefined: a Ref-like name; '' : GetAtt without attribute. Returns a problem or undefined. */
  check(name: string, attribute: string | undefined, locals: ReadonlySet<string>, shown: string): string | undefined {
    const { template } = this;
    if (locals.has(name)) return undefined;
    if (attribute === undefined) {
      if (PSEUDO_PARAMETERS.has(name) || template.parameters.has(name) || template.resources.has(name) || isGeneratedName(template, name)) return undefined;
      const candidates = name.startsWith('AWS::') ? [...PSEUDO_PARAMETERS] : [...template.parameters.keys(), ...template.resources.keys()];
      return `${shown} names '${name}', which is not a parameter or resource of the including template.${didYouMean(suggest(name, candidates))}`;
    }
    const resource = template.resources.get(name);
    if (!resource) {
      if (isGeneratedName(template, name)) return undefined;
      const extra = template.parameters.has(name) ? ' (it is a parameter)' : '';
      return `${shown} names '${name}', which is not a resource of the including template${extra}.${didYouMean(suggest(name, template.resources.keys()))}`;
    }
    if (attribute === '') return undefined;
    const type = resource.type;
    if (!type || type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') return undefined;
    if ((type === 'AWS::CloudFormation::Stack' || type === 'AWS::Serverless::Application') && attribute.startsWith('Outputs.')) return undefined;
    if (SAM_REFERENCEABLE_PROPERTIES[type]?.includes(attribute)) return undefined;
    // The spec lists no attributes for some SAM types: any is accepted rather than guessed.
    if (type.startsWith('AWS::Serverless::') && !SAM_CREATES[type]) return undefined;
    const info = this.catalog.resourceType(SAM_CREATES[type] ?? type);
    if (!info) return undefined;
    const attributes = Object.keys(info.attributes);
    if (attributes.includes(attribute)) return undefined;
    const known = didYouMean(suggest(attribute, attributes)) || (attributes.length > 0 ? ` Valid attributes: ${attributes.slice(0, 8).join(', ')}.` : ` ${type} has no attributes.`);
    return `${shown}: ${type} '${name}' has no attribute '${attribute}'.${known}`;
  }
}
