// An SQS queue that feeds a Lambda function must keep a message invisible at least as long as the
// function may run: Lambda refuses the event source mapping when the queue's VisibilityTimeout is
// shorter than the function's Timeout ("Queue visibility timeout: 30 seconds is less than Function
// timeout: 60 seconds"), at deploy time.
//
// Source: the Lambda developer guide, "Using Lambda with Amazon SQS" (and its advice of six times
// the function timeout); defaults from the resource references (VisibilityTimeout 30 s, Timeout
// 3 s). cfn-lint 1.51.0's E3505 checks AWS::Lambda::EventSourceMapping; SAM `SQS` events are
// checked here too, with the function's Timeout from Globals when it has none of its own.
import type { ResourceEntry, TemplateModel } from '../cfn/template';
import type { LocatedNode } from '../document/located';
import { getValue } from '../document/located';
import { propertiesOf, samProperty } from '../sam/samProperties';
import { literalInteger, literalString, referencedResource, resourcesOf, type ServiceProblem } from './resourceIndex';

const DEFAULT_VISIBILITY_SECONDS = 30;
const DEFAULT_TIMEOUT_SECONDS = 3;
const FUNCTION_TYPES = ['AWS::Lambda::Function', 'AWS::Serverless::Function'];

/** A number of seconds as written, or the default when the property is absent; undefined when not literal. */
interface Seconds {
  readonly value: number;
  readonly byDefault: boolean;
}

function seconds(node: LocatedNode | undefined, fallback: number): Seconds | undefined {
  if (node === undefined) return { value: fallback, byDefault: true };
  const value = literalInteger(node);
  return value === undefined ? undefined : { value, byDefault: false };
}


function timeoutOf(template: TemplateModel, fn: ResourceEntry): Seconds | undefined {
  const node = fn.type === 'AWS::Serverless::Function' ? samProperty(template, fn, 'Timeout')?.value : getValue(fn.properties, 'Timeout');
  return seconds(node, DEFAULT_TIMEOUT_SECONDS);
}

function check(template: TemplateModel, queue: ResourceEntry | undefined, fn: ResourceEntry | undefined, at: LocatedNode, problems: ServiceProblem[]): void {
  if (!queue || !fn) return;
  const visibility = seconds(getValue(queue.properties, 'VisibilityTimeout'), DEFAULT_VISIBILITY_SECONDS);
  const timeout = timeoutOf(template, fn);
  if (!visibility || !timeout || visibility.value >= timeout.value) return;
  const visibilityText = `${visibility.value} s${visibility.byDefault ? ', the default' : ''}`;
  const timeoutText = `${timeout.value} s${timeout.byDefault ? ', the default' : ''}`;
  problems.push({
    node: at,
    message: `The VisibilityTimeout of queue ${queue.name} (${visibilityText}) is shorter than the Timeout of ${fn.name} (${timeoutText}), which reads from it: Lambda refuses the event source mapping. Set VisibilityTimeout to at least ${timeout.value} (AWS advises six times the function's timeout).`,
  });
}

/** Queues whose visibility timeout is shorter than the timeout of a function reading them. */
export function sqsVisibilityProblems(template: TemplateModel | undefined): ServiceProblem[] {
  const problems: ServiceProblem[] = [];
  if (!template) return problems;
  for (const mapping of resourcesOf(template, 'AWS::Lambda::EventSourceMapping')) {
    const source = getValue(mapping.properties, 'EventSourceArn');
    if (source) check(template, referencedResource(template, source, 'AWS::SQS::Queue'), referencedResource(template, getValue(mapping.properties, 'FunctionName'), ...FUNCTION_TYPES), source, problems);
  }
  for (const fn of resourcesOf(template, 'AWS::Serverless::Function')) {
    const events = getValue(propertiesOf(fn), 'Events');
    if (events?.kind !== 'mapping') continue;
    for (const event of events.pairs) {
      if (literalString(getValue(event.value, 'Type'))?.value !== 'SQS') continue;
      const queueNode = getValue(getValue(event.value, 'Properties'), 'Queue');
      if (queueNode) check(template, referencedResource(template, queueNode, 'AWS::SQS::Queue'), fn, queueNode, problems);
    }
  }
  return problems;
}
