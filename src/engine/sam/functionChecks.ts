/**
 * What the SAM translator rejects (or silently ignores) in an `AWS::Serverless::Function`
 * (samtranslator/model/sam_resources.py, model/preferences/deployment_preference.py,
 * aws-sam-translator 1.110), with `Globals.Function` merged in as SAM does:
 * - publishing: `AutoPublishAlias` (name pattern; a string or a parameter Ref),
 *   `DeploymentPreference` and `ProvisionedConcurrencyConfig` need it, `DeploymentPreference`
 *   needs `Type`; `AutoPublishCodeSha256` must be a string; it and
 *   `AutoPublishAliasAllProperties` do nothing without an alias (warning);
 * - code by `PackageType`: Zip needs `InlineCode` or `CodeUri` plus `Runtime` and `Handler`;
 *   Image needs `ImageUri` and refuses `Runtime`, `Handler`, `Layers`; what is ignored is a warning;
 * - `DeadLetterQueue.Type` is SQS or SNS.
 */
import type { LocatedNode } from '../document/located';
import { getPair } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import { PSEUDO_PARAMETERS } from '../cfn/references';
import type { ResourceEntry, TemplateModel } from '../cfn/template';
import type { Report } from './apiChecks';
import type { SamProperty } from './samProperties';
import { isEmptyValue, literalString, propertiesOf, samProperty } from './samProperties';

/** SAM's alias name rule: letters, digits, `-`, `_`, not only digits. */
const ALIAS_NAME = /^(?![0-9]+$)[A-Za-z0-9_-]+$/;
const DLQ_TYPES = ['SQS', 'SNS'];

/** A property that is set (a `Prop:` with nothing counts as unset, as in SAM). */
function setProperty(template: TemplateModel, resource: ResourceEntry, name: string): SamProperty | undefined {
  const property = samProperty(template, resource, name);
  return property && !isEmptyValue(property.value) ? property : undefined;
}

function where(property: SamProperty): string {
  return property.fromGlobals ? ' (from Globals.Function)' : '';
}

/** Whether SAM can resolve a value to a string itself: literal strings and Refs to parameters. */
function resolvesToString(template: TemplateModel, value: LocatedNode): boolean | undefined {
  if (value.kind === 'scalar') return typeof value.value === 'string';
  const call = asIntrinsic(value);
  if (!call) return false;
  if (call.name === 'Ref') {
    const name = literalString(call.argument);
    if (name === undefined) return undefined;
    return template.parameters.has(name) || (PSEUDO_PARAMETERS.has(name) && name !== 'AWS::NoValue');
  }
  // SAM resolves only parameter Refs before it needs the name; Sub is left to the oracle's judgement.
  return call.name === 'Fn::Sub' ? undefined : false;
}

function checkPublishing(template: TemplateModel, resource: ResourceEntry, report: Report, warn: Report): void {
  const alias = setProperty(template, resource, 'AutoPublishAlias');
  const aliasName = literalString(alias?.value);
  // `AutoPublishAlias: ''` publishes nothing, like no alias at all.
  const hasAlias = alias !== undefined && aliasName !== '';
  if (alias && aliasName !== undefined && aliasName !== '' && !ALIAS_NAME.test(aliasName)) {
    report(alias.value.span, `AutoPublishAlias '${aliasName}'${where(alias)} must be letters, digits, '-' or '_' and not only digits (a Lambda alias name).`);
  } else if (alias && resolvesToString(template, alias.value) === false) {
    report(alias.value.span, `AutoPublishAlias${where(alias)} must be a string or a Ref to a template parameter: SAM needs the alias name when it expands the template.`);
  }
  const sha = setProperty(template, resource, 'AutoPublishCodeSha256');
  if (sha && hasAlias && resolvesToString(template, sha.value) === false) {
    report(sha.value.span, `AutoPublishCodeSha256 must be a string (or a Ref to a parameter): SAM adds it to the version's description.`);
  }
  for (const name of ['AutoPublishCodeSha256', 'AutoPublishAliasAllProperties']) {
    const property = setProperty(template, resource, name);
    if (property && !hasAlias && !property.fromGlobals) warn(property.pair.key.span, `${name} of '${resource.name}' has no effect without AutoPublishAlias: set an alias or remove it.`);
  }
  const provisioned = setProperty(template, resource, 'ProvisionedConcurrencyConfig');
  if (provisioned && !hasAlias) {
    report(provisioned.pair.key.span, `ProvisionedConcurrencyConfig${where(provisioned)} of '${resource.name}' needs AutoPublishAlias: provisioned concurrency is set on the alias SAM publishes.`);
  }
  checkDeploymentPreference(template, resource, hasAlias, report);
}

function checkDeploymentPreference(template: TemplateModel, resource: ResourceEntry, hasAlias: boolean, report: Report): void {
  const preference = setProperty(template, resource, 'DeploymentPreference');
  if (!preference || preference.value.kind !== 'mapping' || asIntrinsic(preference.value)) return;
  const enabled = getPair(preference.value, 'Enabled')?.value;
  if (enabled?.kind === 'scalar' && (enabled.value === false || enabled.value === 'false' || enabled.value === 'False')) return;
  if (enabled && enabled.kind !== 'scalar') return; // an intrinsic: decided at deploy time
  if (!getPair(preference.value, 'Type')) {
    report(preference.pair.key.span, `DeploymentPreference${where(preference)} of '${resource.name}' needs a Type (e.g. Canary10Percent5Minutes, Linear10PercentEvery1Minute, AllAtOnce).`);
  }
  if (!hasAlias) {
    report(preference.pair.key.span, `DeploymentPreference${where(preference)} of '${resource.name}' needs AutoPublishAlias: CodeDeploy shifts traffic on the alias SAM publishes.`);
  }
}

function checkCode(template: TemplateModel, resource: ResourceEntry, report: Report, warn: Report): void {
  const properties = propertiesOf(resource)!;
  const packagePair = getPair(properties, 'PackageType');
  if (packagePair && isEmptyValue(packagePair.value)) return;
  const packageType = packagePair ? literalString(packagePair.value) : 'Zip';
  if (packageType === undefined) return; // an intrinsic: either rule set may apply
  if (packageType !== 'Zip' && packageType !== 'Image') {
    report(packagePair!.value.span, `PackageType must be Zip or Image, not '${packageType}'.`);
    return;
  }
  const anchor = resource.keyNode.span;
  if (packageType === 'Image') {
    if (!setProperty(template, resource, 'ImageUri')) report(packagePair!.key.span, `'${resource.name}' has PackageType Image but no ImageUri: set the container image URI.`);
    for (const name of ['Runtime', 'Handler', 'Layers']) {
      const property = setProperty(template, resource, name);
      if (property) report(property.pair.key.span, `${name}${where(property)} cannot be set on '${resource.name}', a PackageType Image function (the image defines it)${property.fromGlobals ? '; move it out of Globals.Function into the Zip functions' : ''}.`);
    }
    return;
  }
  const inline = setProperty(template, resource, 'InlineCode');
  const codeUri = setProperty(template, resource, 'CodeUri');
  if (!inline && !codeUri) report(anchor, `Function '${resource.name}' has no code: set CodeUri (or InlineCode), or PackageType: Image with ImageUri.`);
  if (inline && codeUri && !codeUri.fromGlobals) warn(codeUri.pair.key.span, `CodeUri of '${resource.name}' is ignored: SAM uses InlineCode when both are set. Remove one.`);
  for (const name of ['Runtime', 'Handler']) {
    if (!setProperty(template, resource, name)) report(anchor, `Function '${resource.name}' has no ${name}: a PackageType Zip function needs Runtime and Handler (here or in Globals.Function).`);
  }
  for (const name of ['ImageUri', 'ImageConfig']) {
    const property = getPair(properties, name);
    if (property && !isEmptyValue(property.value)) warn(property.key.span, `${name} of '${resource.name}' is ignored: it applies only with PackageType: Image.`);
  }
}

function checkDeadLetterQueue(template: TemplateModel, resource: ResourceEntry, report: Report): void {
  const dlq = setProperty(template, resource, 'DeadLetterQueue');
  if (!dlq || dlq.value.kind !== 'mapping' || asIntrinsic(dlq.value)) return;
  const type = getPair(dlq.value, 'Type')?.value;
  const name = literalString(type);
  if (type && name !== undefined && !DLQ_TYPES.includes(name)) {
    report(type.span, `DeadLetterQueue Type must be SQS or SNS, not '${name}'.`);
  }
}

/** Every function check, for each `AWS::Serverless::Function` with a properties mapping. */
export function checkFunctions(template: TemplateModel, report: Report, warn: Report): void {
  for (const resource of template.resources.values()) {
    if (resource.type !== 'AWS::Serverless::Function' || !propertiesOf(resource)) continue;
    if (getPair(propertiesOf(resource), 'Fn::Transform')) continue;
    checkPublishing(template, resource, report, warn);
    checkCode(template, resource, report, warn);
    checkDeadLetterQueue(template, resource, report);
  }
}
