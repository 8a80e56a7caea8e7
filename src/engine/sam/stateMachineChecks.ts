/**
 * What the SAM translator rejects in an `AWS::Serverless::StateMachine`
 * (samtranslator/model/stepfunctions/generators.py, aws-sam-translator 1.110): exactly one of
 * `Definition` and `DefinitionUri`; `DeploymentPreference` and `UseAliasAsEventTarget` need
 * `AutoPublishAlias`. (`Globals.StateMachine` holds none of these, so own properties only.)
 * Also the layers' `RetentionPolicy` (below): the two small SAM resources share this file.
 */
import { getPair } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import type { TemplateModel } from '../cfn/template';
import type { Report } from './apiChecks';
import { isEmptyValue, propertiesOf } from './samProperties';

export function checkStateMachines(template: TemplateModel, report: Report): void {
  for (const resource of template.resources.values()) {
    if (resource.type !== 'AWS::Serverless::StateMachine') continue;
    const properties = propertiesOf(resource);
    if (resource.properties !== undefined && !properties) continue; // intrinsic Properties
    if (properties && getPair(properties, 'Fn::Transform')) continue;
    const set = (name: string) => {
      const pair = getPair(properties, name);
      return pair && !isEmptyValue(pair.value) ? pair : undefined;
    };
    const definition = set('Definition');
    const uri = set('DefinitionUri');
    if (definition && uri && !asIntrinsic(definition.value)) {
      report(uri.key.span, `'${resource.name}' has both Definition and DefinitionUri: keep one (SAM rejects both).`);
    } else if (!definition && !uri) {
      report(resource.keyNode.span, `State machine '${resource.name}' has no definition: set Definition (inline) or DefinitionUri (a file or S3 location).`);
    }
    const alias = set('AutoPublishAlias');
    for (const name of ['DeploymentPreference', 'UseAliasAsEventTarget']) {
      const pair = set(name);
      if (!pair || alias || (pair.value.kind === 'mapping' && pair.value.pairs.length === 0)) continue;
      if (name === 'UseAliasAsEventTarget' && !(pair.value.kind === 'scalar' && (pair.value.value === true || pair.value.value === 'true'))) continue;
      report(pair.key.span, `${name} of '${resource.name}' needs AutoPublishAlias: it acts on the alias SAM publishes for the state machine.`);
    }
  }
}

/**
 * `AWS::Serverless::LayerVersion` `RetentionPolicy` becomes the layer's `DeletionPolicy`, which takes no
 * intrinsics: `Retain` or `Delete` (any case), or a Ref to a parameter SAM resolves (model/sam_resources.py).
 */
export function checkLayerRetention(template: TemplateModel, report: Report): void {
  for (const resource of template.resources.values()) {
    if (resource.type !== 'AWS::Serverless::LayerVersion') continue;
    const pair = getPair(propertiesOf(resource), 'RetentionPolicy');
    if (!pair || isEmptyValue(pair.value)) continue;
    const value = pair.value;
    const call = asIntrinsic(value);
    if (call) {
      const isParameterRef = call.name === 'Ref' && call.argument.kind === 'scalar' && template.parameters.has(call.argument.text);
      if (!isParameterRef) report(value.span, `RetentionPolicy of '${resource.name}' cannot be ${call.name}: it becomes the layer's DeletionPolicy, which takes Retain or Delete (or a Ref to a parameter).`);
      continue;
    }
    const text = value.kind === 'scalar' && typeof value.value === 'string' ? value.value.toLowerCase() : undefined;
    if (text !== 'retain' && text !== 'delete') report(value.span, `RetentionPolicy of '${resource.name}' must be Retain or Delete.`);
  }
}
