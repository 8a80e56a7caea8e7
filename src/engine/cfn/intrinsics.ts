import { placeholders } from '../util/placeholders';
import type { LocatedNode, MappingNode, ScalarNode } from '../document/located';

/** Names of CloudFormation intrinsic functions (long form). */
export const INTRINSIC_FUNCTIONS: ReadonlySet<string> = new Set([
  'Ref',
  'Fn::GetAtt',
  'Fn::Sub',
  'Fn::If',
  'Fn::Equals',
  'Fn::Not',
  'Fn::And',
  'Fn::Or',
  'Fn::FindInMap',
  'Fn::Select',
  'Fn::Split',
  'Fn::Join',
  'Fn::GetAZs',
  'Fn::ImportValue',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::Transform',
  'Fn::Length',
  'Fn::ToJsonString',
  'Fn::GetStackOutput',
  'Fn::Contains',
  'Fn::EachMemberEquals',
  'Fn::EachMemberIn',
  'Fn::RefAll',
  'Fn::ValueOf',
  'Fn::ValueOfAll',
]);

/** A one-key mapping that calls an intrinsic function. */
export interface IntrinsicCall {
  /** Long-form name, e.g. `Fn::GetAtt`; `Fn::ForEach::Loop` keeps its loop suffix. */
  readonly name: string;
  readonly keyNode: ScalarNode;
  readonly argument: LocatedNode;
  readonly node: MappingNode;
}

/**
 * Returns the intrinsic call a node stands for, or undefined. `Condition` counts
 * only where a condition reference is expected (inside condition functions), so
 * callers that need it pass `allowCondition`.
 */
export function asIntrinsic(node: LocatedNode | undefined, allowCondition = false): IntrinsicCall | undefined {
  if (!node || node.kind !== 'mapping' || node.pairs.length !== 1) return undefined;
  const pair = node.pairs[0]!;
  const name = pair.key.text;
  // `Rain::` directives are opaque pre-processor calls: treated like functions so no type is assumed.
  if (INTRINSIC_FUNCTIONS.has(name) || name.startsWith('Fn::ForEach::') || name.startsWith('Rain::') || (allowCondition && name === 'Condition')) {
    return { name, keyNode: pair.key, argument: pair.value, node };
  }
  return undefined;
}

/** Whether a key looks like an intrinsic function name (`Ref` or `Fn::...`). */
export function isIntrinsicName(name: string): boolean {
  return name === 'Ref' || name.startsWith('Fn::');
}

/** A `${...}` placeholder inside an `Fn::Sub` string, with its offsets in the source. */
export interface SubVariable {
  /** The name inside the braces, e.g. `AWS::Region` or `Bucket.Arn`. */
  readonly name: string;
  /** Source offsets of the name when they can be mapped exactly (plain or simple quoted scalars). */
  readonly start: number;
  readonly end: number;
  /** False when the name could not be mapped to its own offsets (fixes are then withheld). */
  readonly exact: boolean;
}

/**
 * Finds `${Name}` placeholders in a Sub string; `${!Literal}` is an escape.
 * Each placeholder is located in the source text in order, so offsets stay exact
 * in block scalars and multi-line strings; a placeholder whose source form
 * differs from its value (escaped characters) gets the scalar's span, `exact: false`.
 */
export function subVariables(scalar: ScalarNode, sourceText: string): SubVariable[] {
  const value = scalar.text;
  const out: SubVariable[] = [];
  let cursor = scalar.span.start;
  // After one placeholder cannot be found in the source, the cursor is lost: the rest are
  // not searched (each search may scan to the end of the document).
  let lost = false;
  for (const placeholder of placeholders(value)) {
    const name = placeholder.inner.trim();
    if (name.startsWith('!')) continue;
    const written = value.slice(placeholder.start, placeholder.end);
    const at = lost ? -1 : sourceText.indexOf(written, cursor);
    if (at >= 0 && at + written.length <= scalar.span.end) {
      cursor = at + written.length;
      out.push({ name, start: at + 2, end: at + 2 + placeholder.inner.length, exact: true });
    } else {
      lost = true;
      out.push({ name, start: scalar.span.start, end: scalar.span.end, exact: false });
    }
  }
  return out;
}
