import type { Span } from '../document/located';
import type { Fix, Severity } from '../findings';
import type { Rule, RuleContext } from './rule';
import { TEMPLATE_KINDS } from './rule';

/** An issue of a shared check that finds several kinds at once (the property walk, the IAM policy check). */
export interface KindedIssue<K extends string> {
  readonly kind: K;
  readonly span: Span;
  readonly message: string;
  readonly fixes?: readonly Fix[];
  /** Set when this finding is below its rule's default severity. */
  readonly severity?: Severity;
}

/**
 * A template rule that reports one kind of issue of a shared check. The check runs once per
 * document (it caches its result), and each of its rules picks its own kind, so users can turn
 * kinds on and off one by one.
 */
export function issueKindRule<K extends string>(id: string, kind: K, description: string, issuesOf: (context: RuleContext) => readonly KindedIssue<K>[] | undefined): Rule {
  return {
    id,
    description,
    defaultSeverity: 'error',
    appliesTo: TEMPLATE_KINDS,
    check(context: RuleContext) {
      for (const issue of issuesOf(context) ?? []) {
        if (issue.kind === kind) context.report(issue.span, issue.message, issue.fixes, issue.severity);
      }
    },
  };
}
