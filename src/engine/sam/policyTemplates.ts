/**
 * SAM policy templates in `Policies` of `AWS::Serverless::Function` / `StateMachine`
 * (`- DynamoDBCrudPolicy: {TableName: !Ref Table}`), as the SAM translator reads them
 * (samtranslator/model/resource_policies.py, plugins/policies/policy_templates_plugin.py,
 * model/role_utils/role_constructor.py, aws-sam-translator 1.110):
 * - a one-key mapping whose key is a template name is a policy template: its value must be a
 *   mapping holding every parameter of the template (an error otherwise); a parameter the
 *   template does not take is ignored by SAM, so it is reported as a warning (usually a typo);
 * - any other entry that is neither a managed policy (a string or an intrinsic) nor a policy
 *   document (a mapping with `Statement`) is rejected ("Policy at index N ... is not valid").
 * The names and parameters come from data/sam/policyTemplates.json (scripts/buildSamPolicyTemplates.mjs).
 */
import policyTemplateData from '../../../data/sam/policyTemplates.json';
import type { LocatedNode, MappingNode, Span } from '../document/located';
import { getPair, getValue } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import type { ResourceEntry, TemplateModel } from '../cfn/template';
import type { Fix } from '../findings';
import { didYouMean, suggest } from '../util/suggest';
import { lookupTable } from '../util/lookup';
import { propertiesOf } from './samProperties';

/** Template name -> its parameter names (prototype-free: names come from documents). */
export const SAM_POLICY_TEMPLATES: Readonly<Record<string, readonly string[]>> = lookupTable<readonly string[]>(policyTemplateData.templates);

/** The aws-sam-translator version the policy-template list was compiled from. */
export const SAM_POLICY_TEMPLATES_VERSION: string = policyTemplateData.source.version;

export type FixReport = (span: Span, message: string, fixes?: readonly Fix[]) => void;
export type RenameFixes = (span: Span, suggestions: readonly string[]) => readonly Fix[];

const POLICY_OWNERS = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);

function isNoValue(node: LocatedNode): boolean {
  const call = asIntrinsic(node);
  return call?.name === 'Ref' && call.argument.kind === 'scalar' && call.argument.value === 'AWS::NoValue';
}

class PolicyChecker {
  constructor(
    private readonly report: FixReport,
    private readonly warn: FixReport,
    private readonly renames: RenameFixes,
  ) {}

  /** `inIf`: a branch of `Fn::If`, where SAM's typing of mixed branches is subtle: only templates are checked. */
  checkEntry(resource: ResourceEntry, entry: LocatedNode, index: number, inIf = false): void {
    if (entry.kind === 'scalar') return; // a managed policy name or ARN
    if (inIf && (entry.kind !== 'mapping' || entry.pairs.length !== 1 || !SAM_POLICY_TEMPLATES[entry.pairs[0]!.key.text])) return;
    if (entry.kind === 'sequence') {
      this.report(entry.span, `Policy ${index} of '${resource.name}' is a list: each entry of Policies is a managed policy, a policy document with Statement, or a policy template.`);
      return;
    }
    const call = asIntrinsic(entry);
    if (call) {
      if (call.name !== 'Fn::If' || call.argument.kind !== 'sequence') return;
      for (const branch of call.argument.items.slice(1, 3)) if (!isNoValue(branch)) this.checkEntry(resource, branch, index, true);
      return;
    }
    if (getPair(entry, 'Statement')) return; // a policy document: family 4's business
    if (entry.pairs.length === 1) {
      const pair = entry.pairs[0]!;
      const parameters = SAM_POLICY_TEMPLATES[pair.key.text];
      if (parameters) return this.checkTemplate(resource, pair.key.text, pair.value, parameters, entry);
      const suggestions = suggest(pair.key.text, Object.keys(SAM_POLICY_TEMPLATES));
      this.report(pair.key.span, `'${pair.key.text}' is not a SAM policy template, and policy ${index} of '${resource.name}' is no policy document (no Statement).${didYouMean(suggestions)}`, this.renames(pair.key.span, suggestions));
      return;
    }
    this.report(entry.span, `Policy ${index} of '${resource.name}' is neither a policy document (it has no Statement) nor a SAM policy template (one key naming the template).`);
  }

  private checkTemplate(resource: ResourceEntry, name: string, value: LocatedNode, parameters: readonly string[], entry: MappingNode): void {
    if (value.kind !== 'mapping' || asIntrinsic(value)) {
      if (asIntrinsic(value)) return; // resolved at deploy time; SAM would see a one-key dict though
      const empty = value.kind === 'scalar' && value.value === null;
      const anchor = empty ? entry.pairs[0]!.key.span : value.span;
      const hint = parameters.length === 0 ? '{}' : `{${parameters.map((p) => `${p}: ...`).join(', ')}}`;
      this.report(anchor, `Policy template ${name} of '${resource.name}' needs a mapping of its parameters: ${name}: ${hint}.`);
      return;
    }
    const given = new Set(value.pairs.map((pair) => pair.key.text));
    const missing = parameters.filter((parameter) => !given.has(parameter));
    for (const pair of value.pairs) {
      if (parameters.includes(pair.key.text)) continue;
      // One missing parameter and an unknown one: almost surely the same, misspelt or shortened (`Bucket`).
      const close = suggest(pair.key.text, missing.length ? missing : parameters);
      const suggestions = close.length === 0 && missing.length === 1 ? missing : close;
      const takes = parameters.length ? `it takes ${parameters.join(', ')}` : 'it takes no parameters';
      this.warn(pair.key.span, `Policy template ${name} has no parameter '${pair.key.text}' (${takes}); SAM ignores it.${didYouMean(suggestions)}`, this.renames(pair.key.span, suggestions));
    }
    if (missing.length > 0) {
      this.report(entry.pairs[0]!.key.span, `Policy template ${name} of '${resource.name}' is missing ${missing.length === 1 ? 'parameter' : 'parameters'} ${missing.join(', ')}.`);
    }
  }
}

/** Checks every policy template (and unrecognisable policy) of the template's SAM functions and state machines. */
export function checkPolicyTemplates(template: TemplateModel, report: FixReport, warn: FixReport, renames: RenameFixes): void {
  const checker = new PolicyChecker(report, warn, renames);
  for (const resource of template.resources.values()) {
    if (!resource.type || !POLICY_OWNERS.has(resource.type)) continue;
    const policies = getValue(propertiesOf(resource), 'Policies');
    if (!policies || asIntrinsic(policies)) continue;
    if (policies.kind === 'sequence') policies.items.forEach((entry, index) => checker.checkEntry(resource, entry, index));
    else if (policies.kind === 'mapping') checker.checkEntry(resource, policies, 0);
  }
}
