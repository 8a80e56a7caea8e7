import type { Rule, RuleContext } from './rule';
import { TEMPLATE_KINDS } from './rule';
import { collectReferences, PSEUDO_PARAMETERS } from '../cfn/references';
import type { Reference } from '../cfn/references';
import type { TemplateModel } from '../cfn/template';
import type { Catalog } from '../catalog/catalogTypes';
import { didYouMean, suggest } from '../util/suggest';
import { renameFixes } from '../util/edits';
import { getValue } from '../document/located';
import { isGeneratedName, SAM_REFERENCEABLE_PROPERTIES, SAM_REFERENCEABLE_TYPES } from '../cfn/generatedNames';
import { templateUsesRain } from '../cfn/rain';
import { SAM_CREATES } from '../cfn/samTypes';

function forEachReference(context: RuleContext, kinds: readonly Reference['kind'][], visit: (reference: Reference, template: TemplateModel) => void): void {
  const { template, document } = context;
  if (!template) return;
  for (const reference of collectReferences(document, template)) if (kinds.includes(reference.kind)) visit(reference, template);
}

/** Names from several sources, read lazily: suggestions may stop early (see `suggest`'s budget). */
function* chain(...sources: Iterable<string>[]): Iterable<string> {
  for (const source of sources) yield* source;
}

function reportUnknownName(context: RuleContext, reference: Reference, what: string, candidates: Iterable<string>): void {
  const suggestions = suggest(reference.name, candidates);
  // An inexact span covers a whole Sub string: replacing it with a name would destroy the string.
  const fixes = reference.inexact ? [] : renameFixes(context.document.text, reference.span, suggestions);
  context.report(reference.span, `${what} '${reference.name}' does not exist.${didYouMean(suggestions)}`, fixes);
}

/** `Ref` must name a parameter, a resource or a pseudo parameter. */
export const refTargetRule: Rule = {
  id: 'cfn-ref-target',
  description: 'Ref must name a parameter, a resource or a pseudo parameter (AWS::Region...); in Conditions only parameters and pseudo parameters.',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    forEachReference(context, ['ref'], (reference, template) => {
      const name = reference.name;
      if (PSEUDO_PARAMETERS.has(name) || template.parameters.has(name) || reference.locals?.has(name)) return;
      if (isSamReferenceableProperty(template, name)) return;
      if (template.resources.has(name) || isGeneratedName(template, name)) {
        if (reference.section === 'Conditions') context.report(reference.span, `Conditions can only Ref parameters and pseudo parameters, not the resource '${name}'.`);
        return;
      }
      if (name.startsWith('AWS::')) {
        reportUnknownName(context, reference, 'Pseudo parameter', PSEUDO_PARAMETERS);
        return;
      }
      reportUnknownName(context, reference, 'Ref target', chain(template.parameters.keys(), template.resources.keys()));
    });
  },
};

/** `!Ref MyFunction.Alias`, `!Ref MyApi.Stage`: SAM resolves these dotted names itself. */
function isSamReferenceableProperty(template: TemplateModel, name: string): boolean {
  const dot = name.indexOf('.');
  if (dot < 0 || !template.isSam) return false;
  const type = template.resources.get(name.slice(0, dot))?.type;
  return type !== undefined && SAM_REFERENCEABLE_PROPERTIES[type]?.includes(name.slice(dot + 1)) === true;
}

/** Attribute names of a resource type; undefined when any attribute is allowed. */
function attributesOf(catalog: Catalog, type: string | undefined): readonly string[] | undefined {
  if (!type || type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') return undefined;
  const info = catalog.resourceType(SAM_CREATES[type] ?? type);
  // The spec lists no attributes for some SAM types: accept any rather than guess.
  if (type.startsWith('AWS::Serverless::') && !SAM_CREATES[type]) return undefined;
  return info ? Object.keys(info.attributes) : undefined;
}

/**
 * `!GetAtt Fn.Version.FunctionArn` on a SAM function (with `AutoPublishAlias`): an attribute
 * of the resource SAM generates for `Fn.Version`. Returns true when the name has that form
 * (reported here when the generated type lacks the attribute).
 */
function checkSamGeneratedAttribute(context: RuleContext, reference: Reference, type: string | undefined): boolean {
  const attribute = reference.attribute!;
  const dot = attribute.indexOf('.');
  const generated = type !== undefined && dot > 0 && Object.hasOwn(SAM_REFERENCEABLE_TYPES, type) ? SAM_REFERENCEABLE_TYPES[type]! : undefined;
  const property = attribute.slice(0, dot);
  if (!generated || !Object.hasOwn(generated, property)) return false;
  const generatedType = generated[property]!;
  const rest = attribute.slice(dot + 1);
  const attributes = Object.keys(context.catalog.resourceType(generatedType)?.attributes ?? {});
  if (attributes.length === 0 || attributes.includes(rest)) return true;
  context.report(reference.attributeSpan!, `'${reference.name}.${property}' is the ${generatedType} SAM generates; it has no attribute '${rest}'.${didYouMean(suggest(rest, attributes)) || ` Valid attributes: ${attributes.join(', ')}.`}`);
  return true;
}

function checkAttribute(context: RuleContext, reference: Reference, template: TemplateModel): void {
  const attribute = reference.attribute;
  if (attribute === undefined || !reference.attributeSpan) return;
  const resource = template.resources.get(reference.name);
  if (!resource) return;
  // Nested stacks expose their outputs as `Outputs.Name`.
  if (resource.type === 'AWS::CloudFormation::Stack' && attribute.startsWith('Outputs.')) return;
  const attributes = attributesOf(context.catalog, resource.type);
  if (!attributes || attributes.includes(attribute)) return;
  if (resource.type && SAM_REFERENCEABLE_PROPERTIES[resource.type]?.includes(attribute)) return;
  if (checkSamGeneratedAttribute(context, reference, resource.type)) return;
  // Some attributes are lists of nested names in the spec, e.g. `Endpoint.Address`: match case-sensitively only.
  const suggestions = suggest(attribute, attributes);
  const shown = attributes.slice(0, 8).join(', ') + (attributes.length > 8 ? ` and ${attributes.length - 8} more` : '');
  const known = attributes.length > 0 ? didYouMean(suggestions) || ` Valid attributes: ${shown}.` : ` ${resource.type} has no attributes.`;
  const fixes = reference.inexact ? [] : renameFixes(context.document.text, reference.attributeSpan, suggestions);
  context.report(reference.attributeSpan, `${resource.type} '${reference.name}' has no attribute '${attribute}'.${known}`, fixes);
}

/** `Fn::GetAtt` must name a resource and one of its attributes. */
export const getAttTargetRule: Rule = {
  id: 'cfn-getatt-target',
  description: 'Fn::GetAtt must name a resource of the template and an attribute its type has (custom resources accept any attribute).',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    forEachReference(context, ['getatt'], (reference, template) => {
      if (reference.locals?.has(reference.name)) return;
      if (!template.resources.has(reference.name)) {
        if (isGeneratedName(template, reference.name)) return;
        const extra = template.parameters.has(reference.name) ? ' (it is a parameter: use Ref)' : '';
        const suggestions = suggest(reference.name, template.resources.keys());
        context.report(reference.span, `Fn::GetAtt names '${reference.name}', which is not a resource${extra}.${didYouMean(suggestions)}`, renameFixes(context.document.text, reference.span, suggestions));
        return;
      }
      checkAttribute(context, reference, template);
    });
  },
};

/** Every `${...}` in `Fn::Sub` must resolve. */
export const subVariablesRule: Rule = {
  id: 'cfn-sub-variables',
  description: 'Every ${Name} in Fn::Sub must be a parameter, resource, pseudo parameter, Resource.Attribute or a variable of the Sub map; use ${!Literal} for a literal.',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    forEachReference(context, ['sub'], (reference, template) => {
      const name = reference.name;
      if (reference.attribute === undefined) {
        if (PSEUDO_PARAMETERS.has(name) || template.parameters.has(name) || template.resources.has(name) || reference.locals?.has(name) || isGeneratedName(template, name)) return;
        if (name === '') {
          context.report({ start: reference.span.start - 2, end: reference.span.end + 1 }, 'Empty ${} in Fn::Sub: write ${!Literal} for a literal dollar-brace.');
          return;
        }
        reportUnknownName(context, reference, 'Fn::Sub variable', chain(template.parameters.keys(), template.resources.keys(), reference.locals ?? []));
        return;
      }
      if (reference.locals?.has(name)) return;
      if (!template.resources.has(name)) {
        if (isGeneratedName(template, name)) return;
        // In a Rain module a parameter can be bound to a resource of the template that uses the
        // module (`RestApi: !Ref Api`): Rain resolves `${RestApi.RootResourceId}` there.
        if (template.parameters.has(name) && templateUsesRain(template)) return;
        const suggestions = suggest(name, template.resources.keys());
        const fixes = reference.inexact ? [] : renameFixes(context.document.text, reference.span, suggestions);
        context.report(reference.span, `\${${name}.${reference.attribute}} names '${name}', which is not a resource of this template.${didYouMean(suggestions)}`, fixes);
        return;
      }
      checkAttribute(context, reference, template);
    });
  },
};

/** `Fn::FindInMap` must name a mapping and, when literal, keys it has. */
export const findInMapRule: Rule = {
  id: 'cfn-findinmap',
  description: 'Fn::FindInMap must name a mapping of the template, and literal keys must exist in it.',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    forEachReference(context, ['findInMap'], (reference, template) => {
      const mapping = template.mappings.get(reference.name);
      if (!mapping) {
        reportUnknownName(context, reference, 'Mapping', template.mappings.keys());
        return;
      }
      const [first, second] = reference.mapKeys ?? [];
      if (first?.kind !== 'scalar' || mapping.node.kind !== 'mapping') return;
      const level1 = getValue(mapping.node, first.text);
      if (!level1) {
        const keys = mapping.node.pairs.map((pair) => pair.key.text);
        context.report(first.span, `Mapping '${reference.name}' has no key '${first.text}'.${didYouMean(suggest(first.text, keys))}`);
        return;
      }
      if (second?.kind !== 'scalar' || level1.kind !== 'mapping') return;
      if (!getValue(level1, second.text)) {
        const keys = level1.pairs.map((pair) => pair.key.text);
        context.report(second.span, `Mapping '${reference.name}' has no key '${second.text}' under '${first.text}'.${didYouMean(suggest(second.text, keys))}`);
      }
    });
  },
};

/** Condition names used by resources, outputs, `Fn::If` and condition functions must exist. */
export const conditionRefRule: Rule = {
  id: 'cfn-condition-ref',
  description: 'Conditions named by a resource or output Condition, Fn::If or a condition function must be defined in Conditions.',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    forEachReference(context, ['condition'], (reference, template) => {
      if (template.conditions.has(reference.name)) return;
      reportUnknownName(context, reference, 'Condition', template.conditions.keys());
    });
  },
};

/** `DependsOn` must name other resources. */
export const dependsOnRule: Rule = {
  id: 'cfn-depends-on',
  description: 'DependsOn must be a resource id or a list of resource ids of this template, not the resource itself.',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    forEachReference(context, ['dependsOn'], (reference, template) => {
      if (reference.name === reference.from) {
        context.report(reference.span, `Resource '${reference.name}' depends on itself.`);
        return;
      }
      if (template.resources.has(reference.name) || isGeneratedName(template, reference.name)) return;
      reportUnknownName(context, reference, 'DependsOn target', template.resources.keys());
    });
  },
};
