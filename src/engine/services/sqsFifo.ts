// FIFO and standard SQS queues, and what only one kind takes. SQS (and Lambda) refuse at deploy time:
// a FIFO queue whose name does not end in `.fifo`; FIFO-only properties (ContentBasedDeduplication,
// DeduplicationScope, FifoThroughputLimit) on a standard queue; a dead-letter queue of the other
// kind; a Lambda event source mapping reading more than 10 messages at a time from a FIFO queue.
//
// Source: the AWS::SQS::Queue reference (QueueName: "a FIFO queue name must end with the .fifo
// suffix"; the three FIFO-only properties: "valid only for FIFO queues"), the SQS developer guide
// on dead-letter queues ("The dead-letter queue of a FIFO queue must also be a FIFO queue",
// likewise standard) and CreateEventSourceMapping (BatchSize: "Amazon SQS ... FIFO: maximum 10").
// cfn-lint 1.51.0's E3501, E3502 and E3705 check the same.
import type { ResourceEntry, TemplateModel } from '../cfn/template';
import type { LocatedNode } from '../document/located';
import { getPair, getValue } from '../document/located';
import { literalBoolean, literalInteger, literalString, referencedResource, resourcesOf, type ServiceProblem } from './resourceIndex';

const FIFO_ONLY = ['ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit'];
const MAX_FIFO_BATCH = 10;

/** true / false when `FifoQueue` is a literal boolean (or absent: standard), undefined when unknown. */
function isFifo(queue: ResourceEntry): boolean | undefined {
  const node = getValue(queue.properties, 'FifoQueue');
  return node === undefined ? false : literalBoolean(node);
}

const kind = (fifo: boolean): string => (fifo ? 'a FIFO queue' : 'a standard queue');

/** The queue of the template a `!GetAtt Queue.Arn` (or `!Ref`) names. */
const queueNamed = (template: TemplateModel, node: LocatedNode | undefined): ResourceEntry | undefined => referencedResource(template, node, 'AWS::SQS::Queue');

/** What the template's queues, and the event source mappings reading them, get wrong about FIFO. */
export function sqsFifoProblems(template: TemplateModel | undefined): ServiceProblem[] {
  const problems: ServiceProblem[] = [];
  if (!template) return problems;
  for (const queue of resourcesOf(template, 'AWS::SQS::Queue')) {
    const fifo = isFifo(queue);
    if (fifo === undefined) continue;
    const name = literalString(getValue(queue.properties, 'QueueName'));
    if (fifo && name && !name.text.endsWith('.fifo')) {
      problems.push({ node: name, message: `${queue.name} is a FIFO queue, so its QueueName must end with '.fifo': SQS refuses '${name.text}'.` });
    }
    if (!fifo) {
      for (const property of FIFO_ONLY) {
        const pair = getPair(queue.properties, property);
        if (pair) problems.push({ node: pair.key, message: `${property} is for FIFO queues only, and ${queue.name} is a standard queue: SQS refuses it. Set FifoQueue: true, or remove ${property}.` });
      }
    }
    const target = getValue(getValue(queue.properties, 'RedrivePolicy'), 'deadLetterTargetArn');
    const deadLetter = queueNamed(template, target);
    const deadLetterFifo = deadLetter ? isFifo(deadLetter) : undefined;
    if (deadLetter && deadLetterFifo !== undefined && deadLetterFifo !== fifo) {
      problems.push({ node: target!, message: `${queue.name} is ${kind(fifo)} and its dead-letter queue ${deadLetter.name} is ${kind(deadLetterFifo)}: SQS requires both of the same kind.` });
    }
  }
  for (const mapping of resourcesOf(template, 'AWS::Lambda::EventSourceMapping')) {
    const queue = queueNamed(template, getValue(mapping.properties, 'EventSourceArn'));
    if (!queue || isFifo(queue) !== true) continue;
    const batchNode = getValue(mapping.properties, 'BatchSize');
    const batch = literalInteger(batchNode);
    if (batch !== undefined && batch > MAX_FIFO_BATCH) {
      problems.push({ node: batchNode!, message: `BatchSize ${batch} of ${mapping.name} is over ${MAX_FIFO_BATCH}, the most Lambda reads at a time from a FIFO queue (${queue.name}): Lambda refuses the mapping.` });
    }
  }
  return problems;
}
