/**
 * Rules about CloudFront and AWS WAF that no other tool checks, from the architectures ArchLens
 * serves (a CDK app with a CloudFront stack and a WAF stack is the usual shape). Template rules:
 * they work on plain CloudFormation, SAM and CDK-synthesized templates alike.
 */
import type { LocatedNode } from '../document/located';
import { getValue } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import type { TemplateModel } from '../cfn/template';
import type { Rule } from './rule';
import { TEMPLATE_KINDS } from './rule';

/** WAFv2 types whose `Scope: CLOUDFRONT` makes them global resources that live in us-east-1. */
const SCOPED_WAF_TYPES: ReadonlySet<string> = new Set(['AWS::WAFv2::WebACL', 'AWS::WAFv2::RuleGroup', 'AWS::WAFv2::IPSet', 'AWS::WAFv2::RegexPatternSet']);
const CLOUDFRONT_REGION = 'us-east-1';
const WAFV2_ARN = /^arn:aws[a-z-]*:wafv2:/;

/** `Scope: CLOUDFRONT` WAFv2 resources must be created in us-east-1. */
export const wafCloudFrontRegionRule: Rule = {
  id: 'cfn-waf-cloudfront-region',
  description: 'A WAFv2 WebACL, rule group, IP set or regex pattern set with Scope CLOUDFRONT can only be created in us-east-1: checked against the stack environment of a CDK app, or --region / archlens.lint.regions.',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    const { template, options } = context;
    if (!template) return;
    const regions = options.deploymentRegion !== undefined ? [options.deploymentRegion] : [...new Set(options.regions ?? [])];
    const wrong = regions.filter((region) => region !== CLOUDFRONT_REGION);
    if (wrong.length === 0) return;
    for (const resource of template.resources.values()) {
      if (!resource.type || !SCOPED_WAF_TYPES.has(resource.type)) continue;
      const scope = getValue(resource.properties, 'Scope');
      if (scope?.kind !== 'scalar' || scope.value !== 'CLOUDFRONT') continue;
      context.report(
        scope.span,
        `${resource.type} ${resource.name} has Scope CLOUDFRONT, which CloudFront only accepts from us-east-1, but this template deploys to ${wrong.join(' and ')}. Create it in a us-east-1 stack and hand its ARN to the distribution's stack through a parameter or an SSM parameter read across regions (CDK: a us-east-1 stack with crossRegionReferences, or an SSM StringParameter).`,
      );
    }
  },
};

function resourceType(template: TemplateModel, name: string): string | undefined {
  return template.resources.get(name)?.type;
}

/** `Fn::GetAtt [X, Attr]` / `X.Attr`: the logical name and attribute. */
function getAttParts(node: LocatedNode): { name: string; attribute: string } | undefined {
  const call = asIntrinsic(node);
  if (call?.name !== 'Fn::GetAtt') return undefined;
  const argument = call.argument;
  if (argument.kind === 'sequence') {
    const [name, attribute] = argument.items;
    return name?.kind === 'scalar' && attribute?.kind === 'scalar' ? { name: String(name.value), attribute: String(attribute.value) } : undefined;
  }
  if (argument.kind === 'scalar' && typeof argument.value === 'string') {
    const dot = argument.value.indexOf('.');
    return dot > 0 ? { name: argument.value.slice(0, dot), attribute: argument.value.slice(dot + 1) } : undefined;
  }
  return undefined;
}

/** A CloudFront distribution's WebACLId must be a WAFv2 web ACL ARN. */
export const cloudFrontWebAclArnRule: Rule = {
  id: 'cfn-cloudfront-webacl-arn',
  description: "A CloudFront distribution's WebACLId takes a WAFv2 web ACL's ARN (GetAtt X.Arn), not its Id (GetAtt X.Id) or its Ref; a literal that is not an arn:aws:wafv2: ARN is a WAF Classic id.",
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    const { template } = context;
    if (!template) return;
    for (const resource of template.resources.values()) {
      if (resource.type !== 'AWS::CloudFront::Distribution') continue;
      const value = getValue(getValue(resource.properties, 'DistributionConfig'), 'WebACLId');
      if (!value) continue;
      const getAtt = getAttParts(value);
      if (getAtt && resourceType(template, getAtt.name) === 'AWS::WAFv2::WebACL' && getAtt.attribute !== 'Arn') {
        context.report(value.span, `WebACLId takes the WAFv2 web ACL's ARN, but GetAtt ${getAtt.name}.${getAtt.attribute} gives its ${getAtt.attribute}: use GetAtt ${getAtt.name}.Arn (CDK: webAcl.attrArn).`);
        continue;
      }
      const ref = asIntrinsic(value);
      if (ref?.name === 'Ref' && ref.argument.kind === 'scalar' && resourceType(template, String(ref.argument.value)) === 'AWS::WAFv2::WebACL') {
        context.report(value.span, `WebACLId takes the WAFv2 web ACL's ARN, but Ref ${String(ref.argument.value)} gives "name|id|scope": use GetAtt ${String(ref.argument.value)}.Arn (CDK: webAcl.attrArn).`);
        continue;
      }
      if (value.kind === 'scalar' && typeof value.value === 'string' && value.value !== '' && !WAFV2_ARN.test(value.value)) {
        context.report(value.span, `WebACLId '${value.value.slice(0, 80)}' is not a WAFv2 web ACL ARN (arn:aws:wafv2:us-east-1:...:global/webacl/...): a bare id is AWS WAF Classic's, which new distributions cannot use.`, undefined, 'warning');
      }
    }
  },
};
