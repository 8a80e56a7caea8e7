// Status -> icon mapping for stacks, resources, events and drift, in one table so every node
// kind shows the same state the same way. Codicon ids and theme colour ids are plain strings:
// the tree adapter turns them into ThemeIcon/ThemeColor.
import type { StackStatus } from '../../aws/cloudFormationGateway';
import { STACK_STATUSES } from '../../aws/stackStatuses';
import type { NodeIcon } from '../viewNode';

const GREEN = 'testing.iconPassed';
const RED = 'testing.iconFailed';
const YELLOW = 'charts.yellow';
const BLUE = 'charts.blue';
const MUTED = 'disabledForeground';

/** First matching row wins; statuses are CloudFormation's stack, resource and event statuses. */
const STATUS_ICONS: readonly { readonly match: RegExp; readonly icon: NodeIcon }[] = [
  // A stack (or resource) that is gone: muted, so live ones stand out.
  { match: /^DELETE_COMPLETE$/, icon: { id: 'trash', color: MUTED } },
  { match: /^DELETE_SKIPPED$/, icon: { id: 'debug-step-over', color: MUTED } },
  // A change set waiting to be executed is not an operation in progress: nothing spins.
  { match: /^REVIEW_IN_PROGRESS$/, icon: { id: 'eye', color: BLUE } },
  { match: /_IN_PROGRESS$/, icon: { id: 'sync~spin', color: BLUE } },
  { match: /_FAILED$/, icon: { id: 'error', color: RED } },
  // After a failed *update* the stack still works at its previous template: a warning, not an
  // error. A failed *create* (ROLLBACK_COMPLETE) leaves a stack that can only be deleted.
  { match: /^(UPDATE|IMPORT)_ROLLBACK_COMPLETE$/, icon: { id: 'warning', color: YELLOW } },
  { match: /ROLLBACK/, icon: { id: 'error', color: RED } },
  { match: /_COMPLETE$/, icon: { id: 'pass', color: GREEN } },
  // Drift, per stack and per resource.
  { match: /^IN_SYNC$/, icon: { id: 'pass', color: GREEN } },
  { match: /^(MODIFIED|DRIFTED)$/, icon: { id: 'diff-modified', color: YELLOW } },
  { match: /^DELETED$/, icon: { id: 'diff-removed', color: RED } },
  { match: /^NOT_CHECKED$/, icon: { id: 'circle-slash', color: MUTED } },
];

const UNKNOWN_ICON: NodeIcon = { id: 'question', color: MUTED };

/** The icon for any CloudFormation stack, resource, event or drift status. */
export function statusIcon(status: string | undefined): NodeIcon {
  if (!status) return UNKNOWN_ICON;
  return STATUS_ICONS.find((row) => row.match.test(status))?.icon ?? UNKNOWN_ICON;
}

/** An operation is running, so events keep coming (REVIEW_IN_PROGRESS waits for a user). */
export function isInProgress(status: string | undefined): boolean {
  return status !== undefined && status !== 'REVIEW_IN_PROGRESS' && status.endsWith('_IN_PROGRESS');
}

/** `UPDATE_ROLLBACK_COMPLETE` -> `update rollback complete`, for descriptions. */
export function statusText(status: string | undefined): string {
  return status ? status.toLowerCase().replace(/_/g, ' ') : 'unknown';
}

/** The server-side status filter of the "active" default: every status but DELETE_COMPLETE. */
export const ACTIVE_STACK_STATUSES: readonly StackStatus[] = STACK_STATUSES.filter((s) => s !== 'DELETE_COMPLETE');

export { STACK_STATUSES };
export type { StackStatus };
