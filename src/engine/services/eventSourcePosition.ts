// Where a Lambda event source mapping starts reading: a stream (Kinesis, DynamoDB Streams, Amazon
// MSK) needs a StartingPosition, and a queue (SQS) takes none. Lambda refuses both at deploy time.
//
// Source: the CreateEventSourceMapping API reference (StartingPosition: "Required for Amazon
// Kinesis, Amazon DynamoDB, and Amazon MSK stream sources"; not supported for Amazon SQS).
// cfn-lint 1.51.0's E3633 and E3634 check literal ARNs; here a `!GetAtt` or `!Ref` to the source in
// the template counts too.
import type { TemplateModel } from '../cfn/template';
import type { LocatedNode } from '../document/located';
import { getPair, getValue } from '../document/located';
import { literalString, referencedResource, resourcesOf, type ServiceProblem } from './resourceIndex';

type SourceKind = 'stream' | 'queue';

/** Source types of the template, by what `EventSourceArn` names of them. */
const SOURCE_TYPES: ReadonlyMap<string, { readonly kind: SourceKind; readonly label: string }> = new Map([
  ['AWS::Kinesis::Stream', { kind: 'stream', label: 'a Kinesis stream' }],
  ['AWS::DynamoDB::Table', { kind: 'stream', label: 'a DynamoDB stream' }],
  ['AWS::MSK::Cluster', { kind: 'stream', label: 'an Amazon MSK cluster' }],
  ['AWS::SQS::Queue', { kind: 'queue', label: 'an SQS queue' }],
]);

/** Services of a literal `arn:<partition>:<service>:...` source. */
const ARN_SERVICES: ReadonlyMap<string, { readonly kind: SourceKind; readonly label: string }> = new Map([
  ['kinesis', { kind: 'stream', label: 'a Kinesis stream' }],
  ['dynamodb', { kind: 'stream', label: 'a DynamoDB stream' }],
  ['kafka', { kind: 'stream', label: 'an Amazon MSK cluster' }],
  ['sqs', { kind: 'queue', label: 'an SQS queue' }],
]);

function sourceOf(template: TemplateModel, node: LocatedNode | undefined): { readonly kind: SourceKind; readonly label: string } | undefined {
  const literal = literalString(node)?.text;
  if (literal !== undefined) {
    const service = /^arn:aws[a-z-]*:([a-z0-9-]+):/.exec(literal)?.[1];
    return service === undefined ? undefined : ARN_SERVICES.get(service);
  }
  const resource = referencedResource(template, node, ...SOURCE_TYPES.keys());
  return resource?.type === undefined ? undefined : SOURCE_TYPES.get(resource.type);
}

/** Event source mappings whose StartingPosition does not fit their source. */
export function eventSourcePositionProblems(template: TemplateModel | undefined): ServiceProblem[] {
  const problems: ServiceProblem[] = [];
  if (!template) return problems;
  for (const mapping of resourcesOf(template, 'AWS::Lambda::EventSourceMapping')) {
    const arn = getValue(mapping.properties, 'EventSourceArn');
    const source = sourceOf(template, arn);
    if (!source) continue;
    const position = getPair(mapping.properties, 'StartingPosition');
    if (source.kind === 'stream' && !position) {
      problems.push({ node: arn!, message: `${mapping.name} reads from ${source.label}, so it needs a StartingPosition (LATEST, TRIM_HORIZON or AT_TIMESTAMP): Lambda refuses the mapping without one.` });
    } else if (source.kind === 'queue' && position) {
      problems.push({ node: position.key, message: `${mapping.name} reads from ${source.label}, which takes no StartingPosition: Lambda refuses the mapping. Remove StartingPosition.` });
    }
  }
  return problems;
}
