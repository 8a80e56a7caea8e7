/**
 * Checks property values against the constraints of the resource provider
 * schemas (enums, patterns, lengths, ranges, list sizes, combinations of
 * properties). It has no walk of its own: the catalogue's property walk
 * (src/engine/cfn/propertyCheck.ts) carries a {@link ConstraintNode} cursor next
 * to each value and calls in here, so constraints cost no extra pass over the tree.
 *
 * Document values are hostile: lookups go through own-property checks, values
 * longer than {@link MAX_TESTED_LENGTH} are not run through patterns, and each
 * pattern is compiled once per process.
 */

import type { LocatedNode, MappingNode, ScalarNode, SequenceNode, Span } from '../document/located';
import type { Fix } from '../findings';
import { asIntrinsic, type IntrinsicCall } from '../cfn/intrinsics';
import type { TemplateModel } from '../cfn/template';
import { expectedFormats, literalFormatProblem, referenceFormatProblem, replacementText, subTemplateWithHoles } from '../formats/formatCheck';
import { referenceFormat } from '../formats/referenceFormats';
import { ANY_ARN } from '../formats/formatCatalog';
import { renameFixes } from '../util/edits';
import { didYouMean, suggest } from '../util/suggest';
import type { Conditional, ConstraintNode, ConstraintSource, FormatNames } from './constraintTypes';
import { isNoValue } from './noValue';

/** What kind of constraint a value breaks; each kind is reported by its own rule. */
export type ConstraintIssueKind =
  | 'value-enum'
  | 'value-pattern'
  | 'value-length'
  | 'value-range'
  | 'array-size'
  | 'property-exclusive'
  | 'property-dependency'
  | 'property-one-of'
  | 'value-format'
  | 'reference-format';

export interface ConstraintIssue {
  readonly kind: ConstraintIssueKind;
  readonly span: Span;
  readonly message: string;
  readonly fixes?: readonly Fix[];
}

/** Longest value run through a pattern: longer values are rare and every test must stay cheap. */
export const MAX_TESTED_LENGTH = 4096;
/** Longest value quoted back in a message. */
const MAX_QUOTED_LENGTH = 80;
/** Most enum values listed in a message. */
const MAX_LISTED_VALUES = 12;

/** Compiled patterns, shared by every document: null when the pattern does not compile. */
const patterns = new Map<string, RegExp | null>();

function compiledPattern(source: string): RegExp | null {
  let compiled = patterns.get(source);
  if (compiled !== undefined) return compiled;
  compiled = null;
  for (const flags of ['u', '']) {
    try {
      compiled = new RegExp(source, flags);
      break;
    } catch {
      // The generator keeps only patterns that compile one way or the other.
    }
  }
  patterns.set(source, compiled);
  return compiled;
}

function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

export { isNoValue };

/** A value that may vanish at deploy time (`Ref: AWS::NoValue`, or an `Fn::If` with such a branch). */
function mayBeAbsent(node: LocatedNode): boolean {
  if (isNoValue(node)) return true;
  const call = asIntrinsic(node);
  return call?.name === 'Fn::If' && call.argument.kind === 'sequence' && call.argument.items.some(isNoValue);
}

/** The text a scalar stands for, as CloudFormation compares it. */
function scalarText(node: ScalarNode): string {
  if (typeof node.value === 'string') return node.value;
  if (typeof node.value === 'boolean') return String(node.value);
  return node.text.trim();
}

function quote(text: string): string {
  return `'${text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}…` : text}'`;
}

/** The property path a person reads: what follows `<Resource>.Properties.`. */
function label(path: string): string {
  const at = path.indexOf('.Properties.');
  return at >= 0 ? path.slice(at + '.Properties.'.length) : path;
}

function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff) length++;
  }
  return length;
}

function list(names: readonly string[]): string {
  return names.map((name) => `'${name}'`).join(', ');
}

/** Where an object-level finding goes: the key that holds the object, or its first key inside a list. */
function objectAnchor(node: MappingNode): Span {
  const parent = node.parent;
  if (parent?.kind === 'mapping') return parent.pairs.find((pair) => pair.value === node)?.key.span ?? node.span;
  return node.pairs[0]?.key.span ?? node.span;
}

/** The constraint checker for one document's property walk. */
export class ConstraintChecker {
  private definitions: Readonly<Record<string, ConstraintNode>> | undefined;
  /** Set while checking values under a conditional, appended to messages. */
  private condition: string | undefined;
  private readonly merged = new WeakMap<ConstraintNode, ConstraintNode>();

  constructor(
    private readonly source: ConstraintSource,
    private readonly text: string,
    /** Where issues go: the property walk's list, shared with its own kinds. */
    private readonly issues: { push(issue: ConstraintIssue): unknown },
    /** The template, to know what a `Ref` / `Fn::GetAtt` returns; without it references are not checked. */
    private readonly template?: TemplateModel,
  ) {}

  /** Starts a resource: returns the cursor for its `Properties` object, if its type has constraints. */
  forResource(type: string): ConstraintNode | undefined {
    const constraints = this.source.resource(type);
    this.definitions = constraints?.d;
    return constraints ? this.resolve(constraints.r) : undefined;
  }

  /** The cursor for property `name` of an object. */
  property(cursor: ConstraintNode | undefined, name: string): ConstraintNode | undefined {
    const child = own(cursor?.o, name);
    return child && this.resolve(child);
  }

  /** The cursor for each item of a list. */
  item(cursor: ConstraintNode | undefined): ConstraintNode | undefined {
    return cursor?.i && this.resolve(cursor.i);
  }

  /** The cursor for each value of a map. */
  mapValue(cursor: ConstraintNode | undefined): ConstraintNode | undefined {
    return cursor?.v && this.resolve(cursor.v);
  }

  /** A node with its definition reference folded in (cached per node). */
  private resolve(node: ConstraintNode): ConstraintNode {
    if (node.$ === undefined) return node;
    const cached = this.merged.get(node);
    if (cached) return cached;
    const definition = own(this.definitions, node.$);
    // A definition may refer to another one (aliases): follow at most a few steps.
    let target: ConstraintNode = definition ?? {};
    for (let hops = 0; target.$ !== undefined && hops < 4; hops++) target = { ...own(this.definitions, target.$), ...target, $: undefined };
    const result = { ...target, ...node, $: undefined };
    // The by-name ARN guess of a property yields to the format its definition names.
    if (node.f === ANY_ARN && target.f !== undefined) result.f = target.f;
    this.merged.set(node, result);
    return result;
  }

  /** Combination rules on an object whose keys are all literal (no `Fn::If` at key level). */
  checkObject(node: MappingNode, cursor: ConstraintNode | undefined, owner: string): void {
    if (!cursor || (!cursor.rx && !cursor.ex && !cursor.dr && !cursor.one && !cursor.any && !cursor.c)) return;
    /** Keys that may be present at deploy time, and keys that certainly are. */
    const keys = new Map<string, Span>();
    const certain = new Set<string>();
    for (const pair of node.pairs) {
      if (isNoValue(pair.value)) continue;
      keys.set(pair.key.text, pair.key.span);
      if (!mayBeAbsent(pair.value)) certain.add(pair.key.text);
    }
    if (cursor.rx) this.requiredXor(node, cursor.rx, keys, certain, owner);
    if (cursor.ex) this.excluded(cursor.ex, keys, certain);
    if (cursor.dr) {
      for (const [name, needed] of Object.entries(cursor.dr)) {
        if (!certain.has(name)) continue;
        const missing = needed.filter((other) => !keys.has(other));
        if (missing.length > 0) this.issue('property-dependency', keys.get(name)!, `'${name}' needs ${list(missing)} as well: ${owner} uses ${missing.length === 1 ? 'it' : 'them'} together with '${name}'.`);
      }
    }
    if (cursor.one) this.groups(node, cursor.one, keys, certain, owner, true);
    if (cursor.any) this.groups(node, cursor.any, keys, certain, owner, false);
    if (cursor.c) for (const conditional of cursor.c) this.conditional(node, conditional, keys);
  }

  /** `VolumeType: io1` needs `Iops` between 100 and 64000: applies when the trigger is a literal value of the list. */
  private conditional(node: MappingNode, conditional: Conditional, keys: ReadonlyMap<string, Span>): void {
    const trigger = node.pairs.find((pair) => pair.key.text === conditional.w)?.value;
    if (trigger?.kind !== 'scalar' || trigger.value === null || !conditional.e.includes(scalarText(trigger))) return;
    const when = `${conditional.w} is ${quote(scalarText(trigger))}`;
    const missing = (conditional.r ?? []).filter((name) => !keys.has(name));
    if (missing.length > 0) this.issue('property-dependency', keys.get(conditional.w)!, `${list(missing)} ${missing.length === 1 ? 'is' : 'are'} required when ${when}.`);
    for (const name of conditional.n ?? []) {
      const at = keys.get(name);
      if (at) this.issue('property-exclusive', at, `'${name}' cannot be used when ${when}: remove it, or change ${conditional.w}.`);
    }
    if (!conditional.o) return;
    for (const pair of node.pairs) {
      const limits = own(conditional.o, pair.key.text);
      if (limits && pair.value.kind === 'scalar') this.checkScalar(pair.value, limits, pair.key.text, when);
    }
  }

  private requiredXor(node: MappingNode, names: readonly string[], keys: ReadonlyMap<string, Span>, certain: ReadonlySet<string>, owner: string): void {
    const present = names.filter((name) => keys.has(name));
    if (present.length === 0) {
      this.issue('property-one-of', objectAnchor(node), `${owner} needs exactly one of ${list(names)}.`);
      return;
    }
    // In source order: the first one written stays, the later ones are reported.
    const sure = present.filter((name) => certain.has(name)).sort((a, b) => keys.get(a)!.start - keys.get(b)!.start);
    if (sure.length < 2) return;
    for (const name of sure.slice(1)) {
      this.issue('property-exclusive', keys.get(name)!, `'${name}' cannot be used together with '${sure[0]}': ${owner} takes exactly one of ${list(names)}.`);
    }
  }

  private excluded(rules: Readonly<Record<string, readonly string[]>>, keys: ReadonlyMap<string, Span>, certain: ReadonlySet<string>): void {
    const reported = new Set<string>();
    for (const [name, excluded] of Object.entries(rules)) {
      if (!certain.has(name)) continue;
      for (const other of excluded) {
        if (!certain.has(other)) continue;
        const pairKey = name < other ? `${name}\0${other}` : `${other}\0${name}`;
        if (reported.has(pairKey)) continue;
        reported.add(pairKey);
        // The later of the two keys in the source is the one to remove.
        const [first, second] = keys.get(name)!.start < keys.get(other)!.start ? [name, other] : [other, name];
        this.issue('property-exclusive', keys.get(second)!, `'${second}' cannot be used together with '${first}'; remove one of them.`);
      }
    }
  }

  private groups(node: MappingNode, groups: readonly (readonly string[])[], keys: ReadonlyMap<string, Span>, certain: ReadonlySet<string>, owner: string, exactlyOne: boolean): void {
    const complete = groups.filter((group) => group.every((name) => keys.has(name)));
    if (complete.length === 0) {
      const options = groups.map((group) => group.map((name) => `'${name}'`).join(' and ')).join('; or ');
      this.issue('property-one-of', objectAnchor(node), `${owner} needs ${exactlyOne ? 'exactly' : 'at least'} one of: ${options}.`);
      return;
    }
    if (!exactlyOne) return;
    const sure = groups.filter((group) => group.every((name) => certain.has(name)));
    if (sure.length < 2) return;
    const first = sure[0]!;
    for (const group of sure.slice(1)) {
      const extra = group.find((name) => !first.includes(name));
      if (extra === undefined) continue;
      this.issue('property-exclusive', keys.get(extra)!, `'${extra}' cannot be used together with ${list(first)}: ${owner} takes only one of these alternatives.`);
    }
  }

  /** List size and uniqueness. */
  checkArray(node: SequenceNode, cursor: ConstraintNode | undefined, path: string): void {
    if (!cursor || (cursor.ni === undefined && cursor.xi === undefined && !cursor.u)) return;
    // An item that is an intrinsic (`Fn::If` with AWS::NoValue, a list-valued Ref) makes the count unknowable.
    if (node.items.some((item) => asIntrinsic(item) !== undefined)) return;
    const count = node.items.length;
    if (cursor.ni !== undefined && count < cursor.ni) {
      this.issue('array-size', node.span, `${label(path)} has ${count} ${count === 1 ? 'item' : 'items'}; it needs at least ${cursor.ni}.`);
    } else if (cursor.xi !== undefined && count > cursor.xi) {
      this.issue('array-size', node.items[cursor.xi]!.span, `${label(path)} has ${count} items; at most ${cursor.xi} ${cursor.xi === 1 ? 'is' : 'are'} allowed.`);
    }
    if (cursor.u) {
      const seen = new Set<string>();
      for (const item of node.items) {
        if (item.kind !== 'scalar' || item.value === null) continue;
        const text = scalarText(item);
        if (seen.has(text)) this.issue('array-size', item.span, `${label(path)} lists ${quote(text)} more than once; its items must be unique.`);
        seen.add(text);
      }
    }
  }

  /** Enum, pattern, length and range of a literal scalar (already known to have the right primitive type). */
  checkScalar(node: ScalarNode, cursor: ConstraintNode | undefined, path: string, when?: string): void {
    if (!cursor || node.value === null) return;
    this.condition = when;
    try {
      this.scalarChecks(node, cursor, path);
    } finally {
      this.condition = undefined;
    }
  }

  private scalarChecks(node: ScalarNode, cursor: ConstraintNode, path: string): void {
    const text = scalarText(node);
    // A dynamic reference is replaced at deploy time: its text says nothing of the value.
    if (typeof node.value === 'string' && text.includes('{{resolve:')) return;
    let formatReported = false;
    if (cursor.f !== undefined && typeof node.value === 'string') {
      const problem = literalFormatProblem(text, cursor.f);
      if (problem !== undefined) this.issue('value-format', node.span, `${label(path)} ${quote(text)} ${problem}.`);
      formatReported = problem !== undefined;
    }
    if (cursor.e) this.checkEnum(node, text, cursor.e, cursor.ei === 1, path);
    if (cursor.nl !== undefined || cursor.xl !== undefined) {
      const length = codePointLength(text);
      if (cursor.nl !== undefined && length < cursor.nl) this.issue('value-length', node.span, `${label(path)} ${quote(text)} is ${length} characters long; the minimum is ${cursor.nl}.`);
      else if (cursor.xl !== undefined && length > cursor.xl) {
        this.issue('value-length', node.span, `${label(path)} is ${length} characters long; the maximum is ${cursor.xl}.`);
        return; // Too long for a pattern test to be worth it.
      }
    }
    if (cursor.n !== undefined || cursor.x !== undefined) {
      const value = typeof node.value === 'number' ? node.value : /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : undefined;
      if (value !== undefined) {
        if (cursor.n !== undefined && value < cursor.n) this.issue('value-range', node.span, `${label(path)} ${text} is below the minimum ${cursor.n}${cursor.x !== undefined ? ` (allowed: ${cursor.n} to ${cursor.x})` : ''}.`);
        else if (cursor.x !== undefined && value > cursor.x) this.issue('value-range', node.span, `${label(path)} ${text} is above the maximum ${cursor.x}${cursor.n !== undefined ? ` (allowed: ${cursor.n} to ${cursor.x})` : ''}.`);
      }
    }
    // A value of the wrong format is reported once, with the format's explanation rather than the pattern.
    if (cursor.p !== undefined && text.length <= MAX_TESTED_LENGTH && !cursor.e && !formatReported) {
      const pattern = compiledPattern(cursor.p);
      if (pattern && !pattern.test(text)) this.issue('value-pattern', node.span, `${label(path)} ${quote(text)} does not match the pattern ${cursor.p} that CloudFormation requires.`);
    }
  }

  /**
   * A function call in a value position, against the format(s) expected there: what a `Ref` or
   * `Fn::GetAtt` returns (`listPosition`: the position takes a list, so a list of the items' format
   * fits), and the literal parts of an `Fn::Sub` ARN. Other functions are not judged.
   */
  checkReference(call: IntrinsicCall, cursor: ConstraintNode | undefined, path: string, listPosition: boolean): void {
    if (call.name === 'Fn::Sub') {
      if (cursor?.f !== undefined && !listPosition) this.checkSubTemplate(call, cursor.f, path);
      return;
    }
    if (!cursor || !this.template || (call.name !== 'Ref' && call.name !== 'Fn::GetAtt')) return;
    const expected = expectedFormats(cursor.f, listPosition ? this.item(cursor)?.f : undefined, listPosition);
    if (expected.length === 0) return;
    const result = referenceFormat(call, this.template, this.source);
    const problem = result && referenceFormatProblem(result, expected);
    if (problem === undefined) return;
    const span = call.node.span;
    const newText = problem.alternative === undefined ? undefined : replacementText(this.text.slice(span.start, span.end), problem.alternative);
    const fixes = newText === undefined ? undefined : [{ title: `Change to ${problem.alternative!}`, edits: [{ span, newText }] }];
    this.issue('reference-format', span, `${label(path)} ${problem.message}`, fixes);
  }

  /** The literal parts of an `Fn::Sub` ARN (`arn:${AWS::Partition}:iam::${AWS::AccountId}:user/x` is no role ARN). */
  private checkSubTemplate(call: IntrinsicCall, formats: FormatNames, path: string): void {
    const argument = call.argument.kind === 'sequence' ? call.argument.items[0] : call.argument;
    if (argument?.kind !== 'scalar' || typeof argument.value !== 'string' || !argument.value.startsWith('arn:')) return;
    const template = subTemplateWithHoles(argument.value);
    const problem = template === undefined ? undefined : literalFormatProblem(template, formats);
    if (problem !== undefined) this.issue('value-format', argument.span, `${label(path)} !Sub ${quote(argument.value)} ${problem}.`);
  }

  private checkEnum(node: ScalarNode, text: string, values: readonly string[], caseInsensitive: boolean, path: string): void {
    if (values.includes(text)) return;
    const lower = text.toLowerCase();
    if ((caseInsensitive || typeof node.value === 'boolean') && values.some((value) => value.toLowerCase() === lower)) return;
    // Numbers have no near misses worth naming (8 is not a typo of 7).
    const suggestions = text.length <= 200 && !/^[-+]?[\d.]/.test(text) ? suggest(text, values) : [];
    const shown = values.length > MAX_LISTED_VALUES ? `${values.slice(0, MAX_LISTED_VALUES).join(', ')}, … (${values.length} values)` : values.join(', ');
    this.issue('value-enum', node.span, `${label(path)} ${quote(text)} is not one of ${shown}.${didYouMean(suggestions)}`, renameFixes(this.text, node.span, suggestions));
  }

  private issue(kind: ConstraintIssueKind, span: Span, message: string, fixes?: readonly Fix[]): void {
    const full = this.condition === undefined ? message : `${message.replace(/\.$/, '')} when ${this.condition}.`;
    this.issues.push(fixes && fixes.length > 0 ? { kind, span, message: full, fixes } : { kind, span, message: full });
  }
}
