import type { Rule, RuleContext } from './rule';
import type { LocatedNode, MappingNode, Pair, Span } from '../document/located';
import { getPair, getValue } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import { isGeneratedName } from '../cfn/generatedNames';
import { PSEUDO_PARAMETERS } from '../cfn/references';
import type { ResourceEntry, TemplateModel } from '../cfn/template';
import { didYouMean, suggest } from '../util/suggest';
import { renameFixes } from '../util/edits';
import { lookupTable } from '../util/lookup';
import { checkStateAndEnabled } from '../sam/eventChecks';

/**
 * What each `Globals` section accepts: `Globals.supported_properties` of the
 * SAM translator (samtranslator/plugins/globals/globals.py, aws-sam-translator
 * 1.110). Everything else (e.g. Function `Events`, `Role`, `Policies`,
 * `FunctionName`, Api `StageName`, `DefinitionBody`) must be set per resource.
 */
export const SAM_GLOBALS: Readonly<Record<string, readonly string[]>> = lookupTable({
  Function: [
    'Handler', 'Runtime', 'CodeUri', 'DeadLetterQueue', 'Description', 'MemorySize', 'Timeout', 'VpcConfig', 'Environment', 'Tags', 'PropagateTags',
    'Tracing', 'KmsKeyArn', 'AutoPublishAlias', 'AutoPublishAliasAllProperties', 'Layers', 'DeploymentPreference', 'RolePath', 'PermissionsBoundary',
    'ReservedConcurrentExecutions', 'ProvisionedConcurrencyConfig', 'AssumeRolePolicyDocument', 'EventInvokeConfig', 'FileSystemConfigs',
    'CodeSigningConfigArn', 'Architectures', 'SnapStart', 'EphemeralStorage', 'FunctionUrlConfig', 'RuntimeManagementConfig', 'LoggingConfig',
    'RecursiveLoop', 'SourceKMSKeyArn', 'TenancyConfig', 'DurableConfig', 'CapacityProviderConfig', 'FunctionScalingConfig', 'PublishToLatestPublished',
    'VersionDeletionPolicy',
  ],
  Api: [
    'Auth', 'Name', 'DefinitionUri', 'CacheClusterEnabled', 'CacheClusterSize', 'MergeDefinitions', 'Variables', 'EndpointConfiguration', 'MethodSettings',
    'BinaryMediaTypes', 'MinimumCompressionSize', 'Cors', 'GatewayResponses', 'AccessLogSetting', 'CanarySetting', 'TracingEnabled', 'OpenApiVersion',
    'Domain', 'AlwaysDeploy', 'PropagateTags', 'SecurityPolicy', 'EndpointAccessMode',
  ],
  HttpApi: ['Auth', 'AccessLogSettings', 'StageVariables', 'Tags', 'CorsConfiguration', 'DefaultRouteSettings', 'Domain', 'RouteSettings', 'FailOnWarnings', 'PropagateTags'],
  SimpleTable: ['SSESpecification'],
  StateMachine: ['PropagateTags'],
  LayerVersion: ['PublishLambdaVersion'],
  CapacityProvider: ['VpcConfig', 'OperatorRole', 'Tags', 'InstanceRequirements', 'ScalingConfig', 'KmsKeyArn', 'PropagateTags'],
  WebSocketApi: [
    'AccessLogSettings', 'ApiKeySelectionExpression', 'DefaultRouteSettings', 'DisableExecuteApiEndpoint', 'DisableSchemaValidation', 'Domain',
    'FailOnWarnings', 'IpAddressType', 'PropagateTags', 'RouteSelectionExpression', 'RouteSettings', 'StageVariables', 'Tags',
  ],
});

function reportRename(context: RuleContext, span: Span, message: string, suggestions: readonly string[]): void {
  context.report(span, `${message}${didYouMean(suggestions)}`, renameFixes(context.document.text, span, suggestions));
}

/** The SAM `Globals` section: known sections, and only the properties SAM merges from Globals. */
export const samGlobalsRule: Rule = {
  id: 'cfn-sam-globals',
  description: 'SAM Globals may only hold the sections SAM supports (Function, Api, HttpApi, SimpleTable, StateMachine, LayerVersion, CapacityProvider, WebSocketApi), each with the properties SAM accepts in Globals.',
  defaultSeverity: 'error',
  appliesTo: ['sam'],
  check(context) {
    const pair = context.template?.sections.get('Globals');
    if (!pair) return;
    const globals = pair.value;
    if (globals.kind !== 'mapping') {
      context.report(pair.value.span.start === pair.value.span.end ? pair.key.span : pair.value.span, 'Globals must be a mapping of resource kinds (Function, Api, ...) to properties.');
      return;
    }
    const sections = Object.keys(SAM_GLOBALS);
    for (const section of globals.pairs) {
      const name = section.key.text;
      const supported = SAM_GLOBALS[name];
      if (!supported) {
        reportRename(context, section.key.span, `'${name}' is not a Globals section; SAM supports ${sections.join(', ')}.`, suggest(name, sections));
        continue;
      }
      if (section.value.kind !== 'mapping') {
        context.report(section.value.span.start === section.value.span.end ? section.key.span : section.value.span, `Globals.${name} must be a mapping of properties.`);
        continue;
      }
      checkGlobalProperties(context, name, section.value, supported);
    }
  },
};

function checkGlobalProperties(context: RuleContext, section: string, value: MappingNode, supported: readonly string[]): void {
  const type = `AWS::Serverless::${section}`;
  const known = new Set([...supported, ...Object.keys(context.catalog.resourceType(type)?.properties ?? {})]);
  for (const property of value.pairs) {
    const name = property.key.text;
    if (supported.includes(name)) continue;
    if (known.has(name)) {
      context.report(property.key.span, `SAM does not accept '${name}' in Globals.${section}; set it on each ${type} resource instead.`);
      continue;
    }
    reportRename(context, property.key.span, `'${name}' is not a property SAM accepts in Globals.${section}.`, suggest(name, supported));
  }
}

/** What an event property that names a resource must point at. */
interface TargetSpec {
  /** Resource types a `Ref` may name. */
  readonly ref: readonly string[];
  /** Resource types a `Fn::GetAtt` may name, with the attributes that give the right value. */
  readonly getAtt?: Readonly<Record<string, readonly string[]>>;
  /** SAM links the event to the resource itself: it must be a `Ref` to a resource of this template. */
  readonly sameTemplate?: boolean;
  /** What the property needs, for messages. */
  readonly needs: string;
}

/** An event source type: required properties and the resource-naming properties we check. */
interface EventSpec {
  readonly required: readonly string[];
  readonly targets?: Readonly<Record<string, TargetSpec>>;
}

const REST_API: TargetSpec = { ref: ['AWS::Serverless::Api', 'AWS::ApiGateway::RestApi'], sameTemplate: true, needs: 'a Ref to an AWS::Serverless::Api of this template' };

/**
 * Event sources of `AWS::Serverless::Function` (samtranslator/model/eventsources,
 * aws-sam-translator 1.110): required properties as SAM validates them. `Api`
 * lists RestApiId as required there, but SAM fills it with the implicit API.
 */
export const FUNCTION_EVENTS: Readonly<Record<string, EventSpec>> = lookupTable<EventSpec>({
  S3: { required: ['Bucket', 'Events'], targets: { Bucket: { ref: ['AWS::S3::Bucket'], sameTemplate: true, needs: 'a Ref to an AWS::S3::Bucket of this template' } } },
  SNS: { required: ['Topic'], targets: { Topic: { ref: ['AWS::SNS::Topic'], getAtt: { 'AWS::SNS::Topic': ['TopicArn'] }, needs: 'the topic ARN (!Ref of an AWS::SNS::Topic)' } } },
  SQS: { required: ['Queue'], targets: { Queue: { ref: [], getAtt: { 'AWS::SQS::Queue': ['Arn'] }, needs: 'the queue ARN (!GetAtt Queue.Arn; Ref of a queue is its URL)' } } },
  Kinesis: {
    required: ['Stream', 'StartingPosition'],
    targets: {
      Stream: {
        ref: ['AWS::Kinesis::StreamConsumer'],
        getAtt: { 'AWS::Kinesis::Stream': ['Arn'], 'AWS::Kinesis::StreamConsumer': ['ConsumerARN'] },
        needs: 'the stream ARN (!GetAtt Stream.Arn; Ref of a stream is its name)',
      },
    },
  },
  DynamoDB: {
    required: ['Stream', 'StartingPosition'],
    targets: { Stream: { ref: [], getAtt: { 'AWS::DynamoDB::Table': ['StreamArn'], 'AWS::DynamoDB::GlobalTable': ['StreamArn'] }, needs: 'the table stream ARN (!GetAtt Table.StreamArn)' } },
  },
  MSK: { required: ['Stream', 'StartingPosition'] },
  MQ: { required: ['Broker'] },
  SelfManagedKafka: { required: [] },
  DocumentDB: { required: ['Cluster', 'DatabaseName'] },
  Api: { required: ['Path', 'Method'], targets: { RestApiId: REST_API } },
  HttpApi: { required: [], targets: { ApiId: { ref: ['AWS::Serverless::HttpApi', 'AWS::ApiGatewayV2::Api'], sameTemplate: true, needs: 'a Ref to an AWS::Serverless::HttpApi of this template' } } },
  Schedule: { required: ['Schedule'] },
  ScheduleV2: { required: ['ScheduleExpression'] },
  CloudWatchEvent: { required: [] },
  EventBridgeRule: { required: [] },
  CloudWatchLogs: { required: ['LogGroupName', 'FilterPattern'] },
  IoTRule: { required: ['Sql'] },
  AlexaSkill: { required: [] },
  Cognito: { required: ['UserPool', 'Trigger'], targets: { UserPool: { ref: ['AWS::Cognito::UserPool'], sameTemplate: true, needs: 'a Ref to an AWS::Cognito::UserPool of this template' } } },
});

/** Event sources of `AWS::Serverless::StateMachine` (samtranslator/model/stepfunctions/events). */
export const STATE_MACHINE_EVENTS: Readonly<Record<string, EventSpec>> = lookupTable({
  Api: FUNCTION_EVENTS.Api!,
  Schedule: { required: ['Schedule'] },
  ScheduleV2: { required: ['ScheduleExpression'] },
  CloudWatchEvent: { required: [] },
  EventBridgeRule: { required: [] },
});

const EVENT_SPECS: Readonly<Record<string, Readonly<Record<string, EventSpec>>>> = lookupTable({
  'AWS::Serverless::Function': FUNCTION_EVENTS,
  'AWS::Serverless::StateMachine': STATE_MACHINE_EVENTS,
});

/** Whether the catalogue says nothing reliable about what a type's Ref / GetAtt return. */
function isOpaqueType(type: string | undefined): boolean {
  return type === undefined || !/^(AWS|Alexa)::/.test(type) || type === 'AWS::CloudFormation::CustomResource' || type === 'AWS::CloudFormation::Stack';
}

class EventChecker {
  constructor(
    private readonly context: RuleContext,
    private readonly template: TemplateModel,
  ) {}

  checkResource(resource: ResourceEntry, specs: Readonly<Record<string, EventSpec>>): void {
    const events = getValue(resource.properties, 'Events');
    if (events?.kind !== 'mapping' || asIntrinsic(events)) return;
    for (const event of events.pairs) this.checkEvent(resource, event, specs);
  }

  private checkEvent(resource: ResourceEntry, event: Pair, specs: Readonly<Record<string, EventSpec>>): void {
    const body = event.value;
    if (body.kind !== 'mapping' || asIntrinsic(body)) {
      if (!asIntrinsic(body)) this.context.report(event.key.span, `Event '${event.key.text}' of '${resource.name}' must be a mapping with Type and Properties.`);
      return;
    }
    const typePair = getPair(body, 'Type');
    if (!typePair) {
      this.context.report(event.key.span, `Event '${event.key.text}' of '${resource.name}' has no Type (one of ${Object.keys(specs).join(', ')}).`);
      return;
    }
    const typeNode = typePair.value;
    if (typeNode.kind !== 'scalar' || typeof typeNode.value !== 'string') return;
    const spec = specs[typeNode.value];
    if (!spec) {
      const kind = resource.type === 'AWS::Serverless::StateMachine' ? 'state machine' : 'function';
      reportRename(this.context, typeNode.span, `'${typeNode.value}' is not a ${kind} event type; SAM supports ${Object.keys(specs).join(', ')}.`, suggest(typeNode.value, Object.keys(specs)));
      return;
    }
    const propertiesPair = getPair(body, 'Properties');
    const properties = propertiesPair?.value;
    if (properties && (properties.kind !== 'mapping' || asIntrinsic(properties))) return;
    if (properties?.pairs.some((pair) => pair.key.text === 'Fn::Transform')) return;
    const present = new Set(properties?.pairs.map((pair) => pair.key.text) ?? []);
    const missing = spec.required.filter((name) => !present.has(name));
    if (missing.length > 0) {
      const anchor = propertiesPair && properties && properties.span.start !== properties.span.end ? propertiesPair.key.span : event.key.span;
      this.context.report(anchor, `${typeNode.value} event '${event.key.text}' is missing required ${missing.length === 1 ? 'property' : 'properties'} ${missing.map((m) => `'${m}'`).join(', ')}.`);
    }
    for (const [name, target] of Object.entries(spec.targets ?? {})) {
      const value = getValue(properties, name);
      if (value) this.checkTarget(`${typeNode.value} event '${event.key.text}'`, name, value, target);
    }
  }

  /** Checks that a resource-naming property points at a resource of a fitting type. */
  private checkTarget(where: string, property: string, value: LocatedNode, target: TargetSpec): void {
    const call = asIntrinsic(value);
    if (!call) {
      // A literal name or ARN: fine unless SAM must link to a resource of this template.
      if (!target.sameTemplate) return;
      const resource = value.kind === 'scalar' ? this.template.resources.get(value.text) : undefined;
      if (resource && (isOpaqueType(resource.type) || target.ref.includes(resource.type!))) return;
      this.context.report(value.span, `${property} of ${where} must be ${target.needs}: SAM links the event to that resource.`);
      return;
    }
    if (call.name === 'Fn::If' && call.argument.kind === 'sequence') {
      if (target.sameTemplate) this.context.report(call.keyNode.span, `${property} of ${where} must be ${target.needs}: SAM resolves it before conditions are known.`);
      else for (const branch of call.argument.items.slice(1, 3)) this.checkTarget(where, property, branch, target);
      return;
    }
    if (call.name === 'Ref') return this.checkRef(where, property, call.argument, target);
    if (call.name === 'Fn::GetAtt') return this.checkGetAtt(where, property, call.argument, target);
    if (target.sameTemplate && !call.name.startsWith('Rain::')) this.context.report(call.keyNode.span, `${property} of ${where} must be ${target.needs}, not ${call.name}: SAM links the event to that resource.`);
  }

  private checkRef(where: string, property: string, argument: LocatedNode, target: TargetSpec): void {
    if (argument.kind !== 'scalar' || typeof argument.value !== 'string') return;
    const name = argument.value;
    if (name === 'AWS::NoValue') return;
    const resource = this.template.resources.get(name);
    if (!resource) {
      const isValue = this.template.parameters.has(name) || PSEUDO_PARAMETERS.has(name);
      if (target.sameTemplate && isValue) this.context.report(argument.span, `${property} of ${where} must be ${target.needs}, not the ${this.template.parameters.has(name) ? 'parameter' : 'pseudo parameter'} '${name}': SAM links the event to that resource.`);
      // Unknown names are cfn-ref-target's; SAM-generated ones (ServerlessRestApi...) are fine.
      return;
    }
    if (isOpaqueType(resource.type) || target.ref.includes(resource.type!)) return;
    this.context.report(argument.span, `${property} of ${where} must be ${target.needs}; '${name}' is ${resource.type}.`);
  }

  private checkGetAtt(where: string, property: string, argument: LocatedNode, target: TargetSpec): void {
    let name: string | undefined;
    let attribute: string | undefined;
    if (argument.kind === 'scalar' && typeof argument.value === 'string') {
      const dot = argument.value.indexOf('.');
      if (dot > 0) [name, attribute] = [argument.value.slice(0, dot), argument.value.slice(dot + 1)];
    } else if (argument.kind === 'sequence') {
      const [first, second] = argument.items;
      if (first?.kind === 'scalar') name = first.text;
      if (second?.kind === 'scalar') attribute = second.text;
    }
    if (name === undefined) return;
    const resource = this.template.resources.get(name);
    if (!resource || isGeneratedName(this.template, name) || isOpaqueType(resource.type)) return;
    if (target.sameTemplate) {
      this.context.report(argument.span, `${property} of ${where} must be ${target.needs}, not Fn::GetAtt.`);
      return;
    }
    const attributes = target.getAtt?.[resource.type!];
    if (!target.getAtt) return;
    if (!attributes) {
      this.context.report(argument.span, `${property} of ${where} must be ${target.needs}; '${name}' is ${resource.type}.`);
      return;
    }
    if (attribute !== undefined && !attributes.includes(attribute)) {
      this.context.report(argument.span, `${property} of ${where} must be ${target.needs}; ${name}.${attribute} is not it (use ${name}.${attributes.join(` or ${name}.`)}).`);
    }
  }
}

/** SAM event sources: known types, required properties, and the resources they name. */
export const samEventSourceRule: Rule = {
  id: 'cfn-sam-event-source',
  description:
    'Events of AWS::Serverless::Function and AWS::Serverless::StateMachine must have a SAM event Type, its required properties, and reference resources of the right type (RestApiId, ApiId, Bucket, Topic, Queue, Stream, UserPool); rule events take State or Enabled, not both.',
  defaultSeverity: 'error',
  appliesTo: ['sam'],
  check(context) {
    const template = context.template;
    if (!template) return;
    const checker = new EventChecker(context, template);
    for (const resource of template.resources.values()) {
      const specs = resource.type ? EVENT_SPECS[resource.type] : undefined;
      if (specs) checker.checkResource(resource, specs);
    }
    checkStateAndEnabled(template, (span, message) => context.report(span, message));
  },
};
