import { EVENT_ID, SCALAR_STYLE, COLLECTION_STYLE, getScalarValue, parseEvents } from 'js-yaml';
import type { Event, ScalarEvent } from 'js-yaml';
import type { LocatedNode, MappingNode, Pair, ParsedDocument, ScalarNode, SequenceNode, Span, SyntaxProblem } from './located';
import { resolvePlainScalar } from './scalars';
import { findDuplicateKeys } from './duplicates';
import { PARSE_LIMITS, sizeLimitProblem } from './limits';
import { MAX_PADDED_LINES, MAX_PADDED_REPARSE_CHARS, padLine, toOriginal, type Insertion, type PaddedText } from './quotedContinuation';
import { groupDigits } from '../util/compareText';

/** Options of {@link parseYaml}. */
export interface YamlParseOptions {
  /** Maps a local tag to the key of the one-key mapping it stands for (`!Ref` -> `Ref`); undefined = unknown tag (an error). */
  readonly resolveTag?: (tag: string) => string | undefined;
}

/** Standard YAML tags we accept; anything else (e.g. `!!python/object`) is never constructed. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq']);

/** A container being built, with what the builder needs until its POP event. */
interface OpenContainer {
  readonly node: MappingNode | SequenceNode;
  readonly anchor: string | undefined;
  /** Pending key of a mapping while its value is parsed. */
  key: ScalarNode | undefined;
  /** For a short-form tag on a container: the wrapper mapping to close with it. */
  readonly wrapper: MappingNode | undefined;
  readonly flow: boolean;
  lastEnd: number;
  hasMerge: boolean;
}

/**
 * Parses YAML into the located tree using js-yaml 5's event API (offsets for
 * every token; see docs/ARCHITECTURE.md for why this parser). Never throws:
 * syntax errors become problems with their position.
 */
export function parseYaml(text: string, options: YamlParseOptions = {}): ParsedDocument {
  const problems: SyntaxProblem[] = [];
  const limit = sizeLimitProblem(text);
  if (limit) {
    problems.push(limit);
    return { format: 'yaml', text, root: undefined, problems };
  }
  let events: Event[];
  let padded: PaddedText | undefined;
  try {
    events = parseEvents(text, { maxDepth: PARSE_LIMITS.maxDepth });
  } catch (error) {
    const recovered = parseWithPaddedContinuations(text, error);
    if (!recovered) {
      problems.push(yamlErrorToProblem(error, text));
      return { format: 'yaml', text, root: undefined, problems };
    }
    ({ events, padded } = recovered);
  }
  const builder = new TreeBuilder(padded?.text ?? text, options.resolveTag ?? (() => undefined), problems);
  const root = builder.build(events);
  if (padded) remapOffsets(root, problems, padded.insertions);
  const parsed: ParsedDocument = { format: 'yaml', text, root, problems };
  if (!padded && !builder.usedAnchors) SELF_CONTAINED_PARSES.add(parsed);
  return parsed;
}

/**
 * Parses without padding, anchors and aliases: whether a re-parse of part of a document can
 * stand in for a full one depends on it (yamlEdit.ts).
 */
const SELF_CONTAINED_PARSES = new WeakSet<ParsedDocument>();

/** Whether the parse used no anchor, alias or padded continuation line, so each part of it can be re-parsed alone. */
export function isSelfContainedParse(parsed: ParsedDocument): boolean {
  return SELF_CONTAINED_PARSES.has(parsed);
}

/** Records that a document assembled from self-contained parts is itself self-contained. */
export function markSelfContained(parsed: ParsedDocument): void {
  SELF_CONTAINED_PARSES.add(parsed);
}

/** Records that a parse's tree was reused by a newer one: it cannot be the base of another re-parse. */
export function markConsumed(parsed: ParsedDocument): void {
  SELF_CONTAINED_PARSES.delete(parsed);
}

/**
 * Parses a fragment of a document (the lines of one mapping entry) alone. Returns undefined
 * unless the parse is clean: no syntax problem, one document, no anchor, alias or padding,
 * exactly what a full parse of the whole text would have made of those lines.
 */
export function parseYamlFragment(text: string, options: YamlParseOptions = {}): { root: LocatedNode | undefined } | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: PARSE_LIMITS.maxDepth });
  } catch {
    return undefined;
  }
  const problems: SyntaxProblem[] = [];
  const builder = new TreeBuilder(text, options.resolveTag ?? (() => undefined), problems);
  const root = builder.build(events);
  if (problems.length > 0 || builder.usedAnchors || builder.documentCount > 1) return undefined;
  return { root };
}

/**
 * Retries a "deficient indentation" failure with the quoted scalars' short
 * continuation lines padded (see quotedContinuation.ts). Accepted only when every
 * padded line lies inside a quoted scalar, so no block structure is reinterpreted.
 */
function parseWithPaddedContinuations(text: string, firstError: unknown): { events: Event[]; padded: PaddedText } | undefined {
  let error = firstError;
  let current: PaddedText = { text, insertions: [] };
  const attempts = Math.min(MAX_PADDED_LINES, Math.floor(MAX_PADDED_REPARSE_CHARS / Math.max(text.length, 1)));
  for (let attempt = 0; attempt < attempts; attempt++) {
    if ((error as { reason?: string }).reason !== 'deficient indentation') return undefined;
    const next = padLine(current, (error as { mark?: { position?: number } }).mark?.position ?? 0);
    if (!next) return undefined;
    current = next;
    let events: Event[];
    try {
      events = parseEvents(current.text, { maxDepth: PARSE_LIMITS.maxDepth });
    } catch (retryError) {
      error = retryError;
      continue;
    }
    const quoted = events.filter((event): event is ScalarEvent => event.type === EVENT_ID.SCALAR && (event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED));
    const inside = (offset: number): boolean => quoted.some((event) => event.valueStart <= offset && offset < event.valueEnd);
    let shift = 0;
    for (const insertion of current.insertions) {
      if (!inside(insertion.at + shift)) return undefined;
      shift += insertion.count;
    }
    return { events, padded: current };
  }
  return undefined;
}

/** Maps the spans of a tree built from a padded text back to the original text (one walk, only after a padding). */
function remapOffsets(root: LocatedNode | undefined, problems: SyntaxProblem[], insertions: readonly Insertion[]): void {
  const map = (span: Span): Span => ({ start: toOriginal(insertions, span.start), end: toOriginal(insertions, span.end) });
  const seen = new Set<LocatedNode>();
  const visit = (node: LocatedNode): void => {
    if (seen.has(node)) return; // Aliases share nodes.
    seen.add(node);
    (node as { span: Span }).span = map(node.span);
    if (node.kind === 'mapping') {
      for (const pair of node.pairs) {
        if (!seen.has(pair.key)) {
          seen.add(pair.key);
          (pair.key as { span: Span }).span = map(pair.key.span);
        }
        visit(pair.value);
      }
    } else if (node.kind === 'sequence') {
      for (const item of node.items) visit(item);
    }
  };
  if (root) visit(root);
  for (let i = 0; i < problems.length; i++) problems[i] = { ...problems[i]!, span: map(problems[i]!.span) };
}

function yamlErrorToProblem(error: unknown, text: string): SyntaxProblem {
  const reason = (error as { reason?: string }).reason ?? String(error);
  const position = (error as { mark?: { position?: number } }).mark?.position ?? 0;
  const start = Math.min(Math.max(position, 0), text.length);
  const code = /maxDepth/.test(reason) ? 'depth-limit' : 'syntax';
  const message =
    code === 'depth-limit'
      ? `Nesting is deeper than ${PARSE_LIMITS.maxDepth} levels; ArchLens stops here to stay responsive.`
      : /duplication of a tag/.test(reason)
        ? 'YAML allows one tag per node: two short forms in a row (e.g. `!Base64 !Sub ...`) must be written with the long form for the outer one (`Fn::Base64: !Sub ...`).'
        : `YAML syntax error: ${reason}.`;
  return { code, severity: 'error', message, span: { start, end: Math.min(start + 1, text.length) } };
}

/** Turns the flat event list into located nodes, resolving aliases, merges and tags. */
class TreeBuilder {
  private readonly stack: OpenContainer[] = [];
  private readonly anchors = new Map<string, LocatedNode>();
  private readonly openAnchors = new Set<string>();
  /** Expanded node count, so alias bombs are refused before a walker explodes. */
  private expandedNodes = 0;
  private aliasCount = 0;
  private refusedAliases = 0;
  /** Expanded sizes of anchored nodes, computed on first use by an alias. */
  private readonly anchorSizes = new Map<LocatedNode, number>();
  private root: LocatedNode | undefined;
  private documents = 0;

  /** Whether any anchor or alias appeared. */
  get usedAnchors(): boolean {
    return this.anchors.size > 0 || this.openAnchors.size > 0 || this.aliasCount > 0;
  }

  get documentCount(): number {
    return this.documents;
  }

  constructor(
    private readonly text: string,
    private readonly resolveTag: (tag: string) => string | undefined,
    private readonly problems: SyntaxProblem[],
  ) {}

  build(events: Event[]): LocatedNode | undefined {
    for (const event of events) {
      switch (event.type) {
        case EVENT_ID.DOCUMENT:
          this.documents++;
          break;
        case EVENT_ID.MAPPING:
        case EVENT_ID.SEQUENCE:
          this.openContainer(event);
          break;
        case EVENT_ID.SCALAR:
          this.addNode(this.scalar(event), event.anchorStart >= 0 ? this.slice(event.anchorStart, event.anchorEnd) : undefined);
          break;
        case EVENT_ID.ALIAS:
          this.addAlias(event.anchorStart, event.anchorEnd);
          break;
        case EVENT_ID.POP:
          this.closeContainer();
          break;
      }
    }
    return this.root;
  }

  private slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  private openContainer(event: Extract<Event, { type: 2 | 3 }>): void {
    const start = firstOffset(event.anchorStart, event.tagStart, event.start);
    const flow = event.style === COLLECTION_STYLE.FLOW;
    const node: MappingNode | SequenceNode =
      event.type === EVENT_ID.MAPPING
        ? { kind: 'mapping', pairs: [], span: { start: event.start, end: event.start }, parent: undefined }
        : { kind: 'sequence', items: [], span: { start: event.start, end: event.start }, parent: undefined };
    const wrapper = event.tagStart >= 0 ? this.wrapperForTag(event.tagStart, event.tagEnd, start, node.kind) : undefined;
    const anchor = event.anchorStart >= 0 ? this.slice(event.anchorStart, event.anchorEnd) : undefined;
    if (anchor !== undefined) this.openAnchors.add(anchor);
    this.stack.push({ node, anchor, key: undefined, wrapper, flow, lastEnd: event.start + 1, hasMerge: false });
  }

  private closeContainer(): void {
    const open = this.stack.pop();
    if (!open) return; // a document-level POP
    const end = open.flow ? this.findFlowClose(open.lastEnd, open.node.kind === 'mapping' ? '}' : ']') : open.lastEnd;
    (open.node as { span: Span }).span = { start: open.node.span.start, end: Math.max(end, open.node.span.start) };
    if (open.node.kind === 'mapping') {
      if (open.key) this.addPair(open.node, open.key, this.emptyValue(open.key.span.end));
      if (open.hasMerge) applyMerges(open.node);
      for (const problem of findDuplicateKeys(open.node)) this.problems.push(problem);
    }
    if (open.anchor !== undefined) this.openAnchors.delete(open.anchor);
    let node: LocatedNode = open.node;
    if (open.wrapper) {
      closeWrapper(open.wrapper, node);
      node = open.wrapper;
    }
    this.addNode(node, open.anchor);
  }

  /** Ends a flow collection at its closing bracket, skipping blanks, commas and comments. */
  private findFlowClose(from: number, closer: string): number {
    const text = this.text;
    let i = from;
    while (i < text.length) {
      const c = text[i];
      if (c === closer) return i + 1;
      if (c === '#') {
        while (i < text.length && text[i] !== '\n') i++;
        continue;
      }
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== ',' && c !== '"' && c !== "'") return from;
      i++;
    }
    return from;
  }

  private scalar(event: ScalarEvent): LocatedNode {
    const empty = event.valueStart < 0;
    // An empty value sits after its tag (`!GetAZs` alone) or, untagged, right after the key.
    const valueStart = empty ? (event.tagStart >= 0 ? event.tagEnd : this.currentEnd()) : event.valueStart;
    const valueEnd = empty ? valueStart : event.valueEnd;
    const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
    const block = event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK;
    const textValue = empty ? '' : event.fast ? this.slice(valueStart, valueEnd) : getScalarValue(this.text, event);
    // Spans include the quotes so a finding underlines the whole token.
    let spanStart = quoted ? valueStart - 1 : valueStart;
    const spanEnd = quoted ? valueEnd + 1 : valueEnd;
    let value: string | number | boolean | null = quoted || block ? textValue : resolvePlainScalar(textValue);
    let tagName: string | undefined;
    if (event.tagStart >= 0) {
      tagName = this.slice(event.tagStart, event.tagEnd);
      // The non-specific tag `!` makes a scalar a string (YAML 1.2, 6.9.1: "!" resolves to !!str, !!seq or !!map by kind).
      const core = tagName === '!' ? 'str' : coreTagName(tagName);
      if (core !== undefined && CORE_TAGS.has(core)) {
        value = applyCoreTag(core, textValue, value);
        tagName = undefined;
      }
    }
    const node: ScalarNode = { kind: 'scalar', value, text: textValue, quoted: quoted || block, span: { start: spanStart, end: spanEnd }, parent: undefined };
    if (tagName === undefined) return node;
    spanStart = firstOffset(event.anchorStart, event.tagStart, spanStart);
    const wrapper = this.wrapperForTag(event.tagStart, event.tagEnd, spanStart, 'scalar');
    if (!wrapper) return node;
    closeWrapper(wrapper, node);
    return wrapper;
  }

  /** The offset where an empty value sits: right after the pending key. */
  private currentEnd(): number {
    const top = this.stack[this.stack.length - 1];
    return top ? top.lastEnd : 0;
  }

  /**
   * Builds the `{ Ref: ... }` wrapper for a short-form tag, or reports an unknown tag.
   * Returns undefined when the tag is not one we turn into a mapping.
   */
  private wrapperForTag(tagStart: number, tagEnd: number, nodeStart: number, kind: LocatedNode['kind']): MappingNode | undefined {
    const tag = this.slice(tagStart, tagEnd);
    const longForm = this.resolveTag(tag);
    if (longForm === undefined) {
      if (tag === '!') return undefined; // Non-specific: the node keeps its kind (a mapping or a sequence).
      const core = coreTagName(tag);
      if (core !== undefined && CORE_TAGS.has(core) && (kind !== 'scalar' || core !== 'map')) return undefined;
      this.problems.push({
        code: 'unknown-tag',
        severity: 'error',
        message: `Unknown tag '${tag}': CloudFormation accepts only its short-form functions (!Ref, !GetAtt, !Sub, ...). The value is not constructed.`,
        span: { start: tagStart, end: tagEnd },
      });
      return undefined;
    }
    const key: ScalarNode = { kind: 'scalar', value: longForm, text: longForm, quoted: false, span: { start: tagStart, end: tagEnd }, parent: undefined };
    const wrapper: MappingNode = { kind: 'mapping', pairs: [], fromShortForm: true, span: { start: nodeStart, end: nodeStart }, parent: undefined };
    key.parent = wrapper;
    // The value is attached by closeWrapper once it is complete.
    (wrapper.pairs as Pair[]).push({ key, value: key });
    return wrapper;
  }

  private emptyValue(at: number): ScalarNode {
    return { kind: 'scalar', value: null, text: '', quoted: false, span: { start: at, end: at }, parent: undefined };
  }

  private addAlias(anchorStart: number, anchorEnd: number): void {
    const name = this.slice(anchorStart, anchorEnd);
    const span = { start: anchorStart - 1, end: anchorEnd };
    const target = this.anchors.get(name);
    this.aliasCount++;
    let problem: string | undefined;
    if (this.openAnchors.has(name)) problem = `Alias '*${name}' refers to the node that contains it (a recursive alias).`;
    else if (!target) problem = `Alias '*${name}' has no anchor '&${name}' before it.`;
    else if (this.aliasCount > PARSE_LIMITS.maxAliases) problem = `More than ${PARSE_LIMITS.maxAliases} aliases: refused to protect the editor (possible alias bomb).`;
    else if (this.expandedNodes + this.sizeOf(target) > PARSE_LIMITS.maxExpandedNodes)
      problem = `Aliases expand to more than ${groupDigits(PARSE_LIMITS.maxExpandedNodes)} nodes: refused (a "billion laughs" alias bomb?).`;
    if (problem !== undefined || !target) {
      // One report per kind of refusal is enough; an alias bomb has thousands.
      if (this.refusedAliases++ === 0 || !target || this.openAnchors.has(name)) this.problems.push({ code: 'alias-limit', severity: 'error', message: problem ?? 'Invalid alias.', span });
      this.addNode(this.emptyValue(span.start), undefined, span.end);
      return;
    }
    this.expandedNodes += this.sizeOf(target);
    // Aliased nodes are shared, not copied: positions stay those of the anchored node.
    this.addNode(target, undefined, span.end, true);
  }

  /** Node count of a subtree with aliases expanded, bounded so a bomb stops the count early. */
  private sizeOf(node: LocatedNode): number {
    const cached = this.anchorSizes.get(node);
    if (cached !== undefined) return cached;
    let size = 1;
    if (node.kind === 'sequence') for (const item of node.items) size += this.sizeOf(item);
    else if (node.kind === 'mapping') for (const pair of node.pairs) size += 1 + this.sizeOf(pair.value);
    // Only shared (anchored) nodes are worth caching: they are the ones visited repeatedly.
    if (size > 16) this.anchorSizes.set(node, size);
    return Math.min(size, PARSE_LIMITS.maxExpandedNodes + 1);
  }

  /** Attaches a finished node to the open container (or makes it the root). */
  private addNode(node: LocatedNode, anchor: string | undefined, endOverride?: number, isAlias = false): void {
    if (!isAlias) this.expandedNodes += 1;
    if (anchor !== undefined) this.anchors.set(anchor, node);
    const end = endOverride ?? node.span.end;
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      if (this.documents > 1) {
        this.problems.push({
          code: 'multi-document',
          severity: 'error',
          message: 'A template holds one YAML document; this file has more than one (`---`). Only the first is analysed.',
          span: { start: node.span.start, end: Math.min(node.span.end, node.span.start + 3) },
        });
        return;
      }
      this.root = node;
      return;
    }
    top.lastEnd = Math.max(top.lastEnd, end);
    if (top.node.kind === 'sequence') {
      if (!isAlias) node.parent = top.node;
      top.node.items.push(node);
      return;
    }
    if (top.key === undefined) {
      top.key = this.asKey(node);
      return;
    }
    if (!isAlias) node.parent = top.node;
    if (top.key.text === '<<' && !top.key.quoted) top.hasMerge = true;
    this.addPair(top.node, top.key, node);
    top.key = undefined;
  }

  private addPair(mapping: MappingNode, key: ScalarNode, value: LocatedNode): void {
    if (value.parent === undefined && value !== this.root) value.parent = mapping;
    mapping.pairs.push({ key, value });
  }

  /** Keys must be scalars; a complex key is reported and kept under a placeholder name. */
  private asKey(node: LocatedNode): ScalarNode {
    if (node.kind === 'scalar') {
      node.parent = this.stack[this.stack.length - 1]?.node;
      return node;
    }
    this.problems.push({
      code: 'complex-key',
      severity: 'error',
      message: 'A mapping or sequence used as a key: CloudFormation and OpenAPI keys are plain strings.',
      span: node.span,
    });
    return { kind: 'scalar', value: '', text: '', quoted: false, span: node.span, parent: this.stack[this.stack.length - 1]?.node };
  }
}

/** Start offset of a node: its anchor or tag if present, else its value. */
function firstOffset(anchorStart: number, tagStart: number, valueStart: number): number {
  let start = valueStart;
  if (anchorStart >= 0) start = Math.min(start, anchorStart - 1);
  if (tagStart >= 0) start = Math.min(start, tagStart);
  return start;
}

/** `!!str` and `!<tag:yaml.org,2002:str>` both name the core tag `str`. */
function coreTagName(tag: string): string | undefined {
  if (tag.startsWith('!!')) return tag.slice(2);
  const verbatim = /^!<tag:yaml\.org,2002:(\w+)>$/.exec(tag);
  return verbatim ? verbatim[1] : undefined;
}

function applyCoreTag(core: string, text: string, resolved: string | number | boolean | null): string | number | boolean | null {
  switch (core) {
    case 'str':
      return text;
    case 'int':
    case 'float':
      return typeof resolved === 'number' ? resolved : Number(text);
    case 'bool':
      return typeof resolved === 'boolean' ? resolved : text === 'true';
    case 'null':
      return null;
    default:
      return resolved;
  }
}

function closeWrapper(wrapper: MappingNode, value: LocatedNode): void {
  const placeholder = wrapper.pairs[0]!;
  (wrapper.pairs as Pair[])[0] = { key: placeholder.key, value };
  value.parent = wrapper;
  (wrapper as { span: Span }).span = { start: wrapper.span.start, end: Math.max(value.span.end, placeholder.key.span.end) };
}

/**
 * Applies YAML merge keys: pairs of the merged mappings are added unless the
 * mapping defines the key itself (explicit keys win, wherever they appear).
 */
function applyMerges(mapping: MappingNode): void {
  const own = new Set<string>();
  for (const pair of mapping.pairs) if (!(pair.key.text === '<<' && !pair.key.quoted)) own.add(pair.key.text);
  const result: Pair[] = [];
  for (const pair of mapping.pairs) {
    if (!(pair.key.text === '<<' && !pair.key.quoted)) {
      result.push(pair);
      continue;
    }
    const sources = pair.value.kind === 'sequence' ? pair.value.items : [pair.value];
    for (const source of sources) {
      if (source.kind !== 'mapping') continue;
      for (const merged of source.pairs) {
        if (own.has(merged.key.text)) continue;
        own.add(merged.key.text);
        result.push({ key: merged.key, value: merged.value, merged: true });
      }
    }
  }
  mapping.pairs.length = 0;
  // One by one: spreading 130,000 merged pairs into push() overflows the stack (RangeError).
  for (const pair of result) mapping.pairs.push(pair);
}
