import type { Rule, RuleContext, RuleMeta } from './rule';
import { openApiModel } from '../openapi/model';
import type { OpenApiModel } from '../openapi/model';

/** An `oas-*` rule: runs on OpenAPI documents and checks the model every rule of the run shares. */
export function openApiRule(rule: RuleMeta & { check(this: void, context: RuleContext, model: OpenApiModel): void }): Rule {
  const { check, ...meta } = rule;
  return {
    ...meta,
    appliesTo: ['openapi'],
    check(context) {
      const model = openApiModel(context);
      if (model) check(context, model);
    },
  };
}
