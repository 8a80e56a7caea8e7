// The stacks a command run from the palette offers ("Detect Drift", "Open Deployed Template"),
// read page by page through the same PagedChildren as the tree: one ListStacks call until the
// user asks for more, pages kept when a later one fails, a retry resumes from the last good token.
// Deleted stacks are left out (AWS filters them: they have no template or drift to show).
import type { StackSummary } from '../../aws/cloudFormationGateway';
import { cloudFormationService } from '../../aws/services/cloudFormation';
import type { AwsServices } from '../awsServices';
import { PagedChildren } from '../pagedChildren';
import type { NodeItem, TreeChangeSink, ViewNode } from '../viewNode';
import { type StackInfo, stackInfoFromSummary } from './stackInfo';
import { ACTIVE_STACK_STATUSES, statusText } from './stackStatus';

/** One stack to choose. */
export class StackChoiceNode implements ViewNode {
  constructor(
    readonly id: string,
    readonly info: StackInfo,
  ) {}

  item(): NodeItem {
    const s = this.info;
    return { label: s.name, description: `${statusText(s.status)}${s.parentId ? ' · nested' : ''}`, collapsible: 'none' };
  }
}

/** The choices, one page per request; `sink` is told when "load more" or "retry" was asked for. */
export function stackChoices(services: AwsServices, sink: TreeChangeSink): PagedChildren<StackSummary> {
  const statuses = [...ACTIVE_STACK_STATUSES];
  return new PagedChildren<StackSummary>({
    idPrefix: 'choices',
    fetch: (startToken, signal) => services.gateway(cloudFormationService).listStacks({ startToken, signal, statuses }),
    key: (s) => s.StackId ?? s.StackName ?? '',
    toNode: (s) => new StackChoiceNode(`choices/${s.StackId ?? ''}`, stackInfoFromSummary(s)),
    emptyMessage: `No CloudFormation stacks in ${services.region}`,
    sink,
    parent: () => undefined,
  });
}

/**
 * The choice the pick starts on: the stack selected in the tree when it is listed, else the first
 * stack; never "Load more" or an error (Enter on the opened pick must choose a stack).
 */
export function initialChoice(nodes: readonly ViewNode[], selectedStackId: string | undefined): StackChoiceNode | undefined {
  const stacks = nodes.filter((n): n is StackChoiceNode => n instanceof StackChoiceNode);
  return (selectedStackId !== undefined ? stacks.find((s) => s.info.id === selectedStackId) : undefined) ?? stacks[0];
}
