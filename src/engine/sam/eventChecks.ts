/**
 * Event checks of the SAM translator beyond routes and authorizers
 * (samtranslator/model/eventsources/push.py, aws-sam-translator 1.110):
 * - an `Api` event's `RequestModel.Model` must be one of the API's `Models`;
 * - a Cognito trigger may be set once per user pool (by events or by the pool's own `LambdaConfig`);
 * - a schedule or EventBridge rule event takes `State` or `Enabled`, not both.
 */
import type { LocatedNode, ScalarNode } from '../document/located';
import { getPair, getValue } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import type { TemplateModel } from '../cfn/template';
import type { Report } from './apiChecks';
import { apiFacts, collectApiEvents } from './apiEvents';
import { lookupTable } from '../util/lookup';
import { isEmptyValue, literalString, propertiesOf, stringScalar } from './samProperties';

/** `RequestModel.Model` of REST events whose routes SAM writes: the API must define that model. */
export function checkRequestModels(template: TemplateModel, report: Report): void {
  for (const site of collectApiEvents(template)) {
    if (site.flavor !== 'rest' || site.owner.type !== 'AWS::Serverless::Function' || site.apiId === undefined) continue;
    const properties = getValue(site.event.value, 'Properties');
    const model = stringScalar(getValue(getValue(properties, 'RequestModel'), 'Model'));
    if (!model) continue;
    const facts = apiFacts(template, 'rest', site.apiId);
    if (!facts?.generated) continue;
    const models = facts.resource ? getValue(propertiesOf(facts.resource), 'Models') : undefined;
    if (models !== undefined && (models.kind !== 'mapping' || asIntrinsic(models))) continue;
    const where = `Api event '${site.event.key.text}' of '${site.owner.name}'`;
    const api = facts.resource ? `API '${facts.resource.name}'` : 'the implicit API ServerlessRestApi';
    if (!models || models.pairs.length === 0) {
      report(model.span, `RequestModel '${model.value as string}' of ${where} is not defined: ${api} has no Models${facts.resource ? '' : ' (use an AWS::Serverless::Api with Models and point RestApiId at it)'}.`);
    } else if (!models.pairs.some((pair) => pair.key.text === model.value)) {
      report(model.span, `RequestModel '${model.value as string}' of ${where} is not one of the Models of ${api} (${models.pairs.map((pair) => pair.key.text).join(', ')}).`);
    }
  }
}

function triggerNames(node: LocatedNode | undefined): ScalarNode[] {
  if (node?.kind === 'sequence') return node.items.flatMap((item) => (stringScalar(item) ? [stringScalar(item)!] : []));
  const single = stringScalar(node);
  return single ? [single] : [];
}

/** Cognito events: one function per trigger and user pool. */
export function checkCognitoTriggers(template: TemplateModel, report: Report): void {
  const seen = new Map<string, string>();
  for (const owner of template.resources.values()) {
    if (owner.type !== 'AWS::Serverless::Function' || getPair(owner.node, 'Condition')) continue;
    const events = getValue(propertiesOf(owner), 'Events');
    if (events?.kind !== 'mapping' || asIntrinsic(events)) continue;
    for (const event of events.pairs) {
      if (literalString(getValue(event.value, 'Type')) !== 'Cognito') continue;
      const properties = getValue(event.value, 'Properties');
      const poolRef = asIntrinsic(getValue(properties, 'UserPool'));
      const poolName = poolRef?.name === 'Ref' ? literalString(poolRef.argument) : undefined;
      const pool = poolName === undefined ? undefined : template.resources.get(poolName);
      if (!pool || pool.type !== 'AWS::Cognito::UserPool') continue;
      const poolConfig = getValue(propertiesOf(pool), 'LambdaConfig');
      for (const trigger of triggerNames(getValue(properties, 'Trigger'))) {
        const name = trigger.value as string;
        const key = `${pool.name}\u0000${name}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          report(trigger.span, `Cognito trigger '${name}' of user pool '${pool.name}' is already set by ${earlier}; SAM rejects a trigger defined twice. Keep one event for it.`);
          continue;
        }
        seen.set(key, `event '${event.key.text}' of '${owner.name}'`);
        if (poolConfig?.kind === 'mapping' && !asIntrinsic(poolConfig) && getPair(poolConfig, name)) {
          report(trigger.span, `Cognito trigger '${name}' is already set in the LambdaConfig of user pool '${pool.name}'; SAM rejects a trigger defined twice.`);
        }
      }
    }
  }
}

/** Event types whose rule takes `State` or the older `Enabled`, by owner type. */
const STATE_OR_ENABLED: Readonly<Record<string, readonly string[]>> = lookupTable({
  'AWS::Serverless::Function': ['Schedule', 'CloudWatchEvent', 'EventBridgeRule'],
  'AWS::Serverless::StateMachine': ['Schedule'],
});

/** `State` and `Enabled` together on a rule event. */
export function checkStateAndEnabled(template: TemplateModel, report: Report): void {
  for (const owner of template.resources.values()) {
    const types = owner.type === undefined ? undefined : STATE_OR_ENABLED[owner.type];
    if (!types) continue;
    const events = getValue(propertiesOf(owner), 'Events');
    if (events?.kind !== 'mapping' || asIntrinsic(events)) continue;
    for (const event of events.pairs) {
      const type = literalString(getValue(event.value, 'Type'));
      if (type === undefined || !types.includes(type)) continue;
      const properties = getValue(event.value, 'Properties');
      const state = getValue(properties, 'State');
      const enabled = getPair(properties, 'Enabled');
      if (!state || isEmptyValue(state) || (state.kind === 'scalar' && state.value === '') || !enabled || isEmptyValue(enabled.value)) continue;
      report(enabled.key.span, `${type} event '${event.key.text}' of '${owner.name}' has both State and Enabled: keep State (ENABLED / DISABLED), SAM rejects both.`);
    }
  }
}
