/**
 * What the policy checks report: one issue kind per rule (src/engine/rules/iamPolicyRules.ts),
 * and the reporter every check shares, which maps spans of policies given as JSON strings back to
 * the template and adds "did you mean" fixes only where the token is exactly in place.
 */
import type { LocatedNode, MappingNode, Span } from '../document/located';
import type { Fix } from '../findings';
import { renameFixes } from '../util/edits';
import { didYouMean } from '../util/suggest';
import type { SpanMapper } from './policyText';

/** The kind of an IAM policy problem; each kind is reported by its own rule. */
export type IamIssueKind = 'policy-structure' | 'principal' | 'sid' | 'condition' | 'action' | 'resource-arn';

/** One problem found in a policy document. */
export interface IamIssue {
  readonly kind: IamIssueKind;
  readonly span: Span;
  readonly message: string;
  /** Set when the finding is below its rule's default severity (unknown action names, old versions). */
  readonly severity?: 'warning';
  readonly fixes?: readonly Fix[];
}

/** Reports issues of one policy document (its spans go through the document's mapper). */
export class IssueSink {
  constructor(
    private readonly text: string,
    private readonly mapper: SpanMapper,
    private readonly issues: IamIssue[],
  ) {}

  /**
   * Reports at a node (or span). `suggestions` are appended as "Did you mean"; they become
   * "Change to" fixes when `replaceable` and the token is in the template as written.
   */
  report(kind: IamIssueKind, at: LocatedNode | Span, message: string, options: { severity?: 'warning'; suggestions?: readonly string[]; replaceable?: boolean } = {}): void {
    const local = 'kind' in at ? at.span : at;
    const span = this.mapper.map(local);
    // Inside a JSON string whose tokens cannot be placed, the finding covers the whole string: say where.
    const where = 'kind' in at && !this.mapper.exact(local) ? `In the JSON string, at ${jsonPath(at)}: ` : '';
    const suggestions = options.suggestions ?? [];
    const fixes = options.replaceable && suggestions.length > 0 && this.mapper.exact(local) ? renameFixes(this.text, span, suggestions) : undefined;
    this.issues.push({
      kind,
      span,
      message: where + message + didYouMean(suggestions),
      ...(options.severity ? { severity: options.severity } : {}),
      ...(fixes ? { fixes } : {}),
    });
  }
}

/** Where to report that something is missing from a mapping: the key that holds it, else its first key, else the mapping. */
export function anchorOf(node: MappingNode): LocatedNode | Span {
  const parent = node.parent;
  if (parent?.kind === 'mapping') {
    const pair = parent.pairs.find((p) => p.value === node);
    if (pair) return pair.key;
  }
  const first = node.pairs[0];
  return first ? first.key : { start: node.span.start, end: Math.min(node.span.end, node.span.start + 1) };
}

/** `Statement[0].Effect`: where a node of a parsed JSON policy string sits (keys give their own place). */
function jsonPath(node: LocatedNode): string {
  const parts: string[] = [];
  let current: LocatedNode = node;
  for (let depth = 0; current.parent !== undefined && depth < 64; depth++) {
    const parent: LocatedNode = current.parent;
    if (parent.kind === 'sequence') parts.push(`[${parent.items.indexOf(current)}]`);
    else if (parent.kind === 'mapping') {
      const pair = parent.pairs.find((p) => p.value === current || p.key === current);
      if (pair) parts.push(`.${pair.key.text}`);
    }
    current = parent;
  }
  const path = parts.reverse().join('').replace(/^\./, '');
  return path === '' ? 'the top' : path;
}
