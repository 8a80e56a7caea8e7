import type { Rule } from './rule';
import { issueKindRule } from './issueKindRule';
import { TEMPLATE_KINDS } from './rule';
import { checkResourceProperties } from '../cfn/propertyCheck';
import type { PropertyIssueKind } from '../cfn/propertyCheck';
import { didYouMean, suggest } from '../util/suggest';
import { renameFixes } from '../util/edits';

/** Namespaces whose types the catalogue knows completely; others may be private registry types. */
const CATALOGUED_NAMESPACES = /^(AWS|Alexa)::/;
const CUSTOM_TYPE = /^Custom::[A-Za-z0-9_@-]{1,60}$/;
/**
 * Types CloudFormation accepts that have no resource schema: `AWS::CDK::Metadata`, which
 * `cdk synth` adds to most stacks (CloudFormation records it and creates nothing).
 */
const UNCATALOGUED_TYPES: ReadonlySet<string> = new Set(['AWS::CDK::Metadata']);

/** Resource `Type` must exist in the catalogue. */
export const unknownResourceTypeRule: Rule = {
  id: 'cfn-unknown-resource-type',
  description: 'A resource Type must be a CloudFormation resource type (or Custom::Name); unknown AWS types get a "did you mean".',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check({ document, template, catalog, report }) {
    if (!template) return;
    for (const resource of template.resources.values()) {
      if (resource.name.startsWith('Fn::ForEach::')) continue;
      const typeNode = resource.typeNode;
      if (!typeNode) {
        if (resource.node.kind === 'mapping') report(resource.keyNode.span, `Resource '${resource.name}' has no Type.`);
        else report(resource.node.kind === 'scalar' && resource.node.text === '' ? resource.keyNode.span : resource.node.span, `Resource '${resource.name}' must be a mapping with a Type.`);
        continue;
      }
      const type = resource.type;
      if (resource.rainModule) continue;
      if (type === undefined) {
        report(typeNode.span, 'A resource Type must be a literal string such as AWS::S3::Bucket (intrinsic functions are not allowed here).');
        continue;
      }
      if (CUSTOM_TYPE.test(type) || UNCATALOGUED_TYPES.has(type) || catalog.resourceType(type)) continue;
      if (type.startsWith('Custom::')) {
        report(typeNode.span, `Custom resource type '${type}' may use only letters, digits and _@- after 'Custom::' (at most 60 characters).`);
        continue;
      }
      if (!CATALOGUED_NAMESPACES.test(type)) {
        if (!/^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+(::MODULE)?$/.test(type)) report(typeNode.span, `'${type}' is not a valid resource type name (expected Organization::Service::Resource).`);
        continue; // A private or third-party registry type.
      }
      const suggestions = suggest(type, catalog.resourceTypeNames());
      report(typeNode.span, `Unknown resource type '${type}'.${didYouMean(suggestions)}`, renameFixes(document.text, typeNode.span, suggestions));
    }
  },
};

/** A rule that reports one kind of issue of the shared property walk (`checkResourceProperties`). */
export function propertyIssueRule(id: string, kind: PropertyIssueKind, description: string): Rule {
  return issueKindRule(id, kind, description, ({ document, template, catalog }) => (template ? checkResourceProperties(document, template, catalog) : undefined));
}

/** Properties must exist on the resource type (or nested property type). */
export const unknownPropertyRule = propertyIssueRule('cfn-unknown-property', 'unknown-property', 'Every property must exist on its resource type or property type; typos get a "did you mean".');

/** Required properties must be present. */
export const requiredPropertyRule = propertyIssueRule('cfn-required-property', 'required-property', 'Properties the resource specification marks as required must be present (SAM Globals count).');

/** Property values must have the catalogue's type. */
export const valueTypeRule = propertyIssueRule(
  'cfn-value-type',
  'value-type',
  'Property values must match the specification: string, number, integer (numeric strings accepted), boolean, list, map, nested objects and Json.',
);
