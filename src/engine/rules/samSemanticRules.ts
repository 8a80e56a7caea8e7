/**
 * SAM semantics beyond the schema: what the SAM translator rejects when it expands
 * `AWS::Serverless::*` resources (issue 19, family 5). The checks live in `src/engine/sam/`;
 * these rules only route their findings. Each goes through the template model (SAM resources
 * are few), never a walk of the whole tree.
 */
import type { Rule, RuleContext } from './rule';
import type { Span } from '../document/located';
import type { Fix } from '../findings';
import { renameFixes } from '../util/edits';
import { SAM_TRANSFORM } from '../cfn/template';
import type { Report } from '../sam/apiChecks';
import { checkApiAuth, checkDuplicateRoutes, checkEventAuthorizers } from '../sam/apiChecks';
import { checkApiDefinitions } from '../sam/apiDefinitionChecks';
import { checkCognitoTriggers, checkRequestModels } from '../sam/eventChecks';
import { checkLayerRetention, checkStateMachines } from '../sam/stateMachineChecks';
import { checkFunctions } from '../sam/functionChecks';
import { checkPolicyTemplates } from '../sam/policyTemplates';

function reporters(context: RuleContext): { error: Report; warn: Report } {
  return {
    error: (span: Span, message: string) => context.report(span, message),
    warn: (span: Span, message: string) => context.report(span, message, undefined, 'warning'),
  };
}

/** `AWS::Serverless::*` resources need the SAM transform: CloudFormation rejects them otherwise. */
export const samTransformRequiredRule: Rule = {
  id: 'cfn-sam-transform-required',
  description: `AWS::Serverless::* resources need the SAM transform (Transform: ${SAM_TRANSFORM}); without it CloudFormation rejects the template.`,
  defaultSeverity: 'error',
  appliesTo: ['cloudformation'],
  check({ template, report }) {
    if (!template || template.isSam) return;
    for (const resource of template.resources.values()) {
      if (!resource.type?.startsWith('AWS::Serverless::') || !resource.typeNode) continue;
      const transforms = template.transforms.length ? ` (the template's Transform is ${template.transforms.join(', ')})` : '';
      report(resource.typeNode.span, `${resource.type} needs the SAM transform${transforms}: add 'Transform: ${SAM_TRANSFORM}' at the top level, or CloudFormation rejects the template.`);
    }
  },
};

/** Two events SAM cannot both apply: one method on one path of an API, one Cognito trigger of a user pool. */
export const samDuplicateEventRule: Rule = {
  id: 'cfn-sam-duplicate-event',
  description: 'Api/HttpApi events may not route the same method and path of one API twice (across functions and state machines), and a Cognito trigger of a user pool may be set once.',
  defaultSeverity: 'error',
  appliesTo: ['sam'],
  check(context) {
    if (!context.template) return;
    const { error } = reporters(context);
    checkDuplicateRoutes(context.template, error);
    checkCognitoTriggers(context.template, error);
  },
};

/** Where a SAM API's definition comes from, and what needs it inline. */
export const samApiDefinitionRule: Rule = {
  id: 'cfn-sam-api-definition',
  description:
    'AWS::Serverless::Api and HttpApi: DefinitionBody and DefinitionUri exclude each other, and with DefinitionUri alone SAM cannot add what it writes into the definition (Auth, Cors, Models, GatewayResponses, Tags, Description, Name, DisableExecuteApiEndpoint, MergeDefinitions).',
  defaultSeverity: 'error',
  appliesTo: ['sam'],
  check(context) {
    if (context.template) checkApiDefinitions(context.template, reporters(context).error);
  },
};

/** AWS::Serverless::StateMachine properties SAM checks together. */
export const samStateMachineRule: Rule = {
  id: 'cfn-sam-state-machine',
  description: 'AWS::Serverless::StateMachine: exactly one of Definition and DefinitionUri; DeploymentPreference and UseAliasAsEventTarget need AutoPublishAlias.',
  defaultSeverity: 'error',
  appliesTo: ['sam'],
  check(context) {
    if (context.template) checkStateMachines(context.template, reporters(context).error);
  },
};

/** AWS::Serverless::LayerVersion RetentionPolicy becomes a DeletionPolicy. */
export const samLayerRule: Rule = {
  id: 'cfn-sam-layer',
  description: 'AWS::Serverless::LayerVersion RetentionPolicy must be Retain or Delete (any case) or a Ref to a parameter: SAM turns it into the DeletionPolicy, which takes no intrinsics.',
  defaultSeverity: 'error',
  appliesTo: ['sam'],
  check(context) {
    if (context.template) checkLayerRetention(context.template, reporters(context).error);
  },
};

/** Names an event or API takes from the API's Auth and Models must be defined there. */
export const samApiReferenceRule: Rule = {
  id: 'cfn-sam-api-reference',
  description:
    "An event's Auth.Authorizer must be one of its API's Auth.Authorizers (NONE needs a DefaultAuthorizer; an HttpApi event's Auth needs one or the other), an API's DefaultAuthorizer must be one of its Authorizers, RequestModel must be one of the API's Models, and OverrideApiAuth needs something to override with.",
  defaultSeverity: 'error',
  appliesTo: ['sam'],
  check(context) {
    if (!context.template) return;
    const { error, warn } = reporters(context);
    checkEventAuthorizers(context.template, error);
    checkApiAuth(context.template, error, warn);
    checkRequestModels(context.template, error);
  },
};

/** AWS::Serverless::Function properties SAM checks together: publishing, code by PackageType, DeadLetterQueue. */
export const samFunctionRule: Rule = {
  id: 'cfn-sam-function',
  description:
    'AWS::Serverless::Function: DeploymentPreference and ProvisionedConcurrencyConfig need AutoPublishAlias (a valid alias name, a string or parameter Ref); Zip functions need CodeUri or InlineCode, Runtime and Handler; Image functions need ImageUri and no Runtime, Handler or Layers; DeadLetterQueue Type is SQS or SNS.',
  defaultSeverity: 'error',
  appliesTo: ['sam'],
  check(context) {
    if (!context.template) return;
    const { error, warn } = reporters(context);
    checkFunctions(context.template, error, warn);
  },
};

/** SAM policy templates: a known name and exactly its parameters. */
export const samPolicyTemplateRule: Rule = {
  id: 'cfn-sam-policy-template',
  description: 'Policies of SAM functions and state machines: policy templates must exist and get all their parameters (unknown parameters are warned about); other entries must be managed policies or policy documents.',
  defaultSeverity: 'error',
  appliesTo: ['sam'],
  check(context) {
    if (!context.template) return;
    const text = context.document.text;
    checkPolicyTemplates(
      context.template,
      (span, message, fixes) => context.report(span, message, fixes),
      (span, message, fixes) => context.report(span, message, fixes, 'warning'),
      (span, suggestions): readonly Fix[] => renameFixes(text, span, suggestions),
    );
  },
};
