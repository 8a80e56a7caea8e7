import type { LocatedNode } from '../document/located';
import { getValue } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import type { ResourceEntry } from '../cfn/template';
import type { GraphContext } from './graphContext';
import type { EdgeKind } from './graphTypes';
import { lookupTable } from '../util/lookup';

/** Receives one edge; the caller de-duplicates and drops self-loops. */
export type AddEdge = (from: string, to: string, kind: EdgeKind) => void;

/**
 * The property of a SAM event (by event `Type`) that names the resource the events come
 * from. Events without a source resource in the template (Schedule, an implicit API, IoT)
 * are absent or give no edge.
 */
const SAM_EVENT_SOURCE_PROPERTIES: Readonly<Record<string, readonly string[]>> = lookupTable({
  SQS: ['Queue'],
  Kinesis: ['Stream'],
  DynamoDB: ['Stream'],
  MSK: ['Stream'],
  MQ: ['Broker'],
  DocumentDB: ['Cluster'],
  S3: ['Bucket'],
  SNS: ['Topic'],
  Api: ['RestApiId'],
  HttpApi: ['ApiId'],
  CloudWatchLogs: ['LogGroupName'],
  Cognito: ['UserPool'],
  EventBridgeRule: ['EventBusName'],
  CloudWatchEvent: ['EventBusName'],
});

/** S3 notification configuration lists and the property naming each target. */
const S3_NOTIFICATION_TARGETS: readonly (readonly [string, string])[] = [
  ['LambdaConfigurations', 'Function'],
  ['QueueConfigurations', 'Queue'],
  ['TopicConfigurations', 'Topic'],
];

/** Identity types with one `PolicyDocument`, and those with inline `Policies: [{PolicyDocument}]`. */
const POLICY_DOCUMENT_TYPES: ReadonlySet<string> = new Set(['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy', 'AWS::IAM::UserPolicy', 'AWS::IAM::GroupPolicy']);
const INLINE_POLICIES_TYPES: ReadonlySet<string> = new Set(['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group']);

/**
 * Edges that carry meaning beyond "this value references that resource":
 *
 * - `eventSource` edges go **from the source of the events to their consumer** (queue ->
 *   function, bucket -> function, topic -> subscriber, rule -> target, bus -> rule): the
 *   direction events flow, which is how architecture diagrams read, although it is the
 *   opposite of the reference (the function's event names the queue). The plain reference
 *   edge (function -> queue) stays in the graph too; the kind tells them apart.
 * - `iam` edges go from the resource that owns a policy statement (the policy, the role
 *   with the inline policy, the SAM function with `Policies`) to each resource its
 *   `Resource` names; a SAM policy template (`DynamoDBCrudPolicy: {TableName: !Ref T}`) and
 *   a SAM connector (source -> destination) count too.
 */
export function addSemanticEdges(context: GraphContext, resource: ResourceEntry, add: AddEdge): void {
  const name = resource.name;
  const properties = resource.properties;
  switch (resource.type) {
    case 'AWS::Serverless::Function':
    case 'AWS::Serverless::StateMachine':
      samEvents(context, resource, add);
      samPolicies(context, name, getValue(properties, 'Policies'), add);
      break;
    case 'AWS::Lambda::EventSourceMapping':
      connect(context, name, getValue(properties, 'EventSourceArn'), getValue(properties, 'FunctionName'), add);
      break;
    case 'AWS::S3::Bucket': {
      const notifications = getValue(properties, 'NotificationConfiguration');
      for (const [list, property] of S3_NOTIFICATION_TARGETS) {
        for (const item of items(getValue(notifications, list))) {
          for (const target of context.namedIn(name, getValue(item, property))) add(name, target, 'eventSource');
        }
      }
      break;
    }
    case 'AWS::SNS::Subscription':
      connect(context, name, getValue(properties, 'TopicArn'), getValue(properties, 'Endpoint'), add);
      break;
    case 'AWS::SNS::Topic':
      for (const item of items(getValue(properties, 'Subscription'))) {
        for (const target of context.namedIn(name, getValue(item, 'Endpoint'))) add(name, target, 'eventSource');
      }
      break;
    case 'AWS::Events::Rule':
      for (const bus of context.namedIn(name, getValue(properties, 'EventBusName'))) add(bus, name, 'eventSource');
      for (const item of items(getValue(properties, 'Targets'))) {
        for (const target of context.namedIn(name, getValue(item, 'Arn'))) add(name, target, 'eventSource');
      }
      break;
    case 'AWS::Serverless::Connector':
      connector(context, properties, name, false, add);
      break;
    default:
      if (resource.type !== undefined && POLICY_DOCUMENT_TYPES.has(resource.type)) {
        policyDocument(context, name, getValue(properties, 'PolicyDocument'), add);
      } else if (resource.type !== undefined && INLINE_POLICIES_TYPES.has(resource.type)) {
        for (const policy of items(getValue(properties, 'Policies'))) policyDocument(context, name, getValue(policy, 'PolicyDocument'), add);
      }
  }
  // SAM's embedded connectors: `Connectors: { Name: { Properties: { Destination: ... } } }` on any resource.
  const embedded = getValue(resource.node, 'Connectors');
  if (embedded?.kind === 'mapping') for (const pair of embedded.pairs) connector(context, getValue(pair.value, 'Properties'), name, true, add);
}

/** Edges from every resource `sources` names to every resource `targets` names. */
function connect(context: GraphContext, owner: string, sources: LocatedNode | undefined, targets: LocatedNode | undefined, add: AddEdge): void {
  const to = context.namedIn(owner, targets);
  if (to.length === 0) return;
  for (const source of context.namedIn(owner, sources)) for (const target of to) add(source, target, 'eventSource');
}

function samEvents(context: GraphContext, resource: ResourceEntry, add: AddEdge): void {
  const events = getValue(resource.properties, 'Events');
  if (events?.kind !== 'mapping') return;
  for (const pair of events.pairs) {
    const type = getValue(pair.value, 'Type');
    if (type?.kind !== 'scalar' || typeof type.value !== 'string' || !Object.hasOwn(SAM_EVENT_SOURCE_PROPERTIES, type.value)) continue;
    const eventProperties = getValue(pair.value, 'Properties');
    for (const property of SAM_EVENT_SOURCE_PROPERTIES[type.value]!) {
      for (const source of context.namedIn(resource.name, getValue(eventProperties, property))) add(source, resource.name, 'eventSource');
    }
  }
}

/**
 * SAM `Policies`: a managed policy name or ARN (no edge), an inline policy document
 * (`{Statement: [...]}`), or a policy template (`{SQSPollerPolicy: {QueueName: ...}}`)
 * whose parameters name the resources it grants access to.
 */
function samPolicies(context: GraphContext, owner: string, policies: LocatedNode | undefined, add: AddEdge): void {
  for (const item of items(policies)) {
    if (item.kind !== 'mapping' || asIntrinsic(item)) continue;
    if (getValue(item, 'Statement')) {
      policyDocument(context, owner, item, add);
      continue;
    }
    for (const pair of item.pairs) for (const target of context.namedIn(owner, pair.value)) add(owner, target, 'iam');
  }
}

/** `iam` edges for every `Resource` of a policy document's statements (through `Fn::If` branches too). */
function policyDocument(context: GraphContext, owner: string, document: LocatedNode | undefined, add: AddEdge): void {
  const statements = getValue(document, 'Statement');
  if (!statements) return;
  const visit = (node: LocatedNode): void => {
    if (node.kind === 'sequence') for (const item of node.items) visit(item);
    else if (node.kind === 'mapping') {
      for (const pair of node.pairs) {
        if (pair.key.text === 'Resource') for (const target of context.namedIn(owner, pair.value)) add(owner, target, 'iam');
        else if (pair.key.text !== 'Condition') visit(pair.value);
      }
    }
  };
  visit(statements);
}

/**
 * A SAM connector grants its source access to its destinations: an `iam` edge source ->
 * destination. Endpoints name resources by literal `Id` (not a reference) or by `Arn`.
 * `host` is the resource whose entry holds the connector (its references are filed under
 * it); an embedded connector's source is its host.
 */
function connector(context: GraphContext, properties: LocatedNode | undefined, host: string, embedded: boolean, add: AddEdge): void {
  if (!properties) return;
  const endpoints = (node: LocatedNode | undefined): string[] => {
    const out: string[] = [];
    for (const item of items(node)) {
      const id = getValue(item, 'Id');
      const target = id?.kind === 'scalar' && typeof id.value === 'string' ? context.resolve(id.value) : undefined;
      if (target !== undefined) out.push(target);
      else out.push(...context.namedIn(host, getValue(item, 'Arn')));
    }
    return out;
  };
  const sources = embedded ? [host] : endpoints(getValue(properties, 'Source'));
  const destinations = endpoints(getValue(properties, 'Destination'));
  for (const source of sources) for (const destination of destinations) add(source, destination, 'iam');
}

/** A list's items, or the value itself when it is a single mapping; `Fn::If` branches are flattened. */
function items(node: LocatedNode | undefined): LocatedNode[] {
  if (!node) return [];
  if (node.kind === 'sequence') return node.items.flatMap((item) => (asIntrinsic(item)?.name === 'Fn::If' ? items(item) : [item]));
  const call = asIntrinsic(node);
  if (call?.name === 'Fn::If' && call.argument.kind === 'sequence') return call.argument.items.slice(1).flatMap(items);
  if (call) return [];
  return node.kind === 'mapping' ? [node] : [];
}
