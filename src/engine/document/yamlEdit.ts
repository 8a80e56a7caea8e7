// Re-parsing a YAML template after an edit without parsing all of it again.
//
// A keystroke in a 1 MB template changes one resource, yet a full parse costs more than all the
// rules together. When the change lies inside one entry of a top-level section (the block mapping
// `Resources`, `Outputs`, `Parameters`...), only that entry's lines are parsed again; the rest
// of the tree is reused, its offsets after the
// change moved by the edit's length change. The previous tree is consumed (reused in place):
// its holder must drop it. The result is exactly the tree a full parse would build (the unit
// tests compare both on every kind of edit), or undefined when that cannot be guaranteed cheaply
// (anchors, syntax problems, an edit across sections or of a top-level key...): then the caller
// parses in full, as before.
import type { LocatedNode, MappingNode, Pair, ParsedDocument, ScalarNode, Span } from './located';
import { sizeLimitProblem } from './limits';
import { lineStartOf } from './lineIndex';
import { textDelta } from './textDelta';
import { isSelfContainedParse, markConsumed, markSelfContained, parseYamlFragment, type YamlParseOptions } from './yamlParser';

/**
 * The same text again (re-checked because a file it refers to or a setting changed): the same
 * tree under a new document, so nothing cached per document (resolved `$ref`s of other files)
 * is reused.
 */
function sameTree(previous: ParsedDocument): ParsedDocument {
  const document: ParsedDocument = { format: 'yaml', text: previous.text, root: previous.root, problems: [] };
  markConsumed(previous);
  markSelfContained(document);
  EDITED_PARSES.add(document);
  return document;
}

/** Trees built from a previous one: their host edits the document, so more edits are likely to follow. */
const EDITED_PARSES = new WeakSet<ParsedDocument>();

/**
 * Whether the document's tree was built from a previous one by an edit. Per-entry results are
 * kept (cfn/entryMemo.ts) only from then on: a one-shot lint (the CLI) keeps nothing, and an
 * editor pays for keeping them once, on its first edit.
 */
export function isEditedParse(document: ParsedDocument): boolean {
  return EDITED_PARSES.has(document);
}

/** The changed range: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

function changedRange(oldText: string, newText: string): TextChange | undefined {
  if (oldText === newText) return undefined;
  const delta = textDelta(oldText, newText);
  return { start: delta.prefix, oldEnd: delta.oldEnd, newEnd: delta.newEnd };
}

/**
 * The tree of `text` built from `previous` (the parse of an earlier version of the same
 * document) by re-parsing only the edited entry of a top-level section; undefined when a full parse is
 * needed (then `previous` is untouched). When a tree is returned, `previous` must not be used again.
 */
export function reparseYamlEdit(previous: ParsedDocument, text: string, options: YamlParseOptions = {}): ParsedDocument | undefined {
  const root = previous.root;
  if (previous.format !== 'yaml' || root?.kind !== 'mapping' || previous.problems.length > 0 || !isSelfContainedParse(previous)) return undefined;
  if (sizeLimitProblem(text)) return undefined;
  const oldText = previous.text;
  const change = changedRange(oldText, text);
  if (!change) return previous.text === text ? sameTree(previous) : undefined;
  // The top-level section the change starts in (Resources, Outputs, Parameters...): the last one whose key comes before it.
  let sectionPair: Pair | undefined;
  for (const pair of root.pairs) if (pair.key.span.start <= change.start) sectionPair = pair;
  const section = sectionPair?.value;
  if (!sectionPair || section?.kind !== 'mapping' || section.fromShortForm || section.pairs.length === 0) return undefined;
  const indent = entryIndent(oldText, section, sectionPair.key);
  if (indent === undefined) return undefined;
  const entry = editedEntries(oldText, root, section, sectionPair, change, indent);
  if (!entry) return undefined;
  const delta = change.newEnd - change.oldEnd;
  const fragment = text.slice(entry.start, entry.end + delta);
  // What follows the fragment must still start a line, as it did.
  const endsLine = entry.end + delta === text.length || fragment.endsWith('\n');
  if (!endsLine || !linesStayInside(fragment, indent)) return undefined;
  const parsed = parseYamlFragment(fragment, options);
  if (!parsed) return undefined;
  const newPairs = fragmentPairs(parsed.root, fragment, indent);
  if (!newPairs || !uniqueKeys(section.pairs, entry, newPairs)) return undefined;

  markConsumed(previous);
  // Assemble: the entries before the edited ones are kept as they are, the re-parsed ones move
  // to where the fragment starts, everything after moves by the length change. Only the root and
  // the section's mapping are new objects (caches keyed by them must not see other pairs).
  const newRoot: MappingNode = { kind: 'mapping', pairs: [], span: root.span, parent: undefined };
  for (const pair of root.pairs) {
    if (pair !== sectionPair) {
      newRoot.pairs.push(adoptPair(pair, newRoot, pair.key.span.start >= entry.end ? delta : 0));
      continue;
    }
    const mapping: MappingNode = { kind: 'mapping', pairs: [], span: section.span, parent: newRoot };
    for (let index = 0; index < section.pairs.length; index++) {
      if (index === entry.first) for (const added of newPairs) mapping.pairs.push(adoptPair(added, mapping, entry.start));
      if (index < entry.first || index > entry.last) mapping.pairs.push(adoptPair(section.pairs[index]!, mapping, index > entry.last ? delta : 0));
    }
    setSpanAroundPairs(mapping);
    newRoot.pairs.push(adoptPair(pair, newRoot, 0, mapping));
  }
  setSpanAroundPairs(newRoot);
  const document: ParsedDocument = { format: 'yaml', text, root: newRoot, problems: [] };
  markSelfContained(document);
  EDITED_PARSES.add(document);
  return document;
}

/** The column of the entries of a section, when it is a block mapping indented under its key. */
function entryIndent(text: string, section: MappingNode, sectionKey: ScalarNode): number | undefined {
  const first = section.pairs[0]!.key;
  const lineStart = lineStartOf(text, first.span.start);
  // Only blanks before the first key on its line: a block mapping, not `Resources: {...}` or `Resources: !If`.
  for (let i = lineStart; i < first.span.start; i++) if (text.charCodeAt(i) !== 0x20) return undefined;
  const indent = first.span.start - lineStart;
  const keyColumn = sectionKey.span.start - lineStartOf(text, sectionKey.span.start);
  return indent > keyColumn ? indent : undefined;
}

/**
 * The entries of the section whose lines hold the whole change: from the line of the first one's
 * key to the line of the key after the last one (or of the next top-level key, or the end of the
 * text). A change that starts in the indentation of a key line may as well belong to the entry
 * before (typing a new line after it), so that entry is re-parsed too.
 */
function editedEntries(text: string, root: MappingNode, section: MappingNode, sectionPair: Pair, change: TextChange, indent: number): { first: number; last: number; start: number; end: number } | undefined {
  const pairs = section.pairs;
  const after = root.pairs[root.pairs.indexOf(sectionPair) + 1];
  const endOfSection = after ? lineStartOf(text, after.key.span.start) : text.length;
  if (change.oldEnd > endOfSection) return undefined;
  // The first entry whose lines end at or after (`after`: strictly after) the offset.
  const entryAt = (offset: number, after: boolean): number => {
    let low = 0;
    let high = pairs.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      const end = entryEnd(text, pairs, middle, endOfSection);
      if (end < offset || (after && end === offset)) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  let first = entryAt(change.start, false);
  // A change that reaches the start of the next key's line (deleting the newline before it) changes that entry too.
  const last = Math.max(first, entryAt(change.oldEnd, true));
  if (first > 0 && change.start <= lineStartOf(text, pairs[first]!.key.span.start) + indent) first--;
  const start = lineStartOf(text, pairs[first]!.key.span.start);
  if (change.start < start) return undefined;
  return { first, last, start, end: entryEnd(text, pairs, last, endOfSection) };
}

function entryEnd(text: string, pairs: readonly Pair[], index: number, endOfSection: number): number {
  const next = pairs[index + 1];
  return next ? lineStartOf(text, next.key.span.start) : endOfSection;
}

/**
 * Whether every line of the fragment that holds more than blanks or a comment is indented at
 * least as far as the entries: a less indented line would end the section in the full document.
 */
function linesStayInside(fragment: string, indent: number): boolean {
  let lineStart = 0;
  while (lineStart < fragment.length) {
    let column = 0;
    while (column < indent && fragment.charCodeAt(lineStart + column) === 0x20) column++;
    const next = fragment.charCodeAt(lineStart + column);
    const blank = Number.isNaN(next) || next === 0x0a || next === 0x0d || (column === indent && next === 0x20);
    if (column < indent && !blank && !isCommentLine(fragment, lineStart + column)) return false;
    const newline = fragment.indexOf('\n', lineStart);
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return true;
}

/** Whether the line goes on, from `at`, with only blanks and then a comment or its end. */
function isCommentLine(text: string, at: number): boolean {
  let i = at;
  while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
  const c = text.charCodeAt(i);
  return Number.isNaN(c) || c === 0x23 /* # */ || c === 0x0a || c === 0x0d;
}

/** The fragment's entries: a block mapping whose keys sit at the entries' column (or no entry at all). */
function fragmentPairs(root: LocatedNode | undefined, fragment: string, indent: number): readonly Pair[] | undefined {
  if (root === undefined) return [];
  if (root.kind !== 'mapping' || root.fromShortForm || root.pairs.length === 0) return undefined;
  const first = root.pairs[0]!.key.span.start;
  return first - lineStartOf(fragment, first) === indent ? root.pairs : undefined;
}

/**
 * Whether the section stays non-empty and uniquely named (a full parse reports a duplicate: leave
 * that to it). Checked before anything is moved, so a refusal leaves the previous tree intact.
 */
function uniqueKeys(pairs: readonly Pair[], entry: { first: number; last: number }, added: readonly Pair[]): boolean {
  const names = new Set<string>();
  let count = 0;
  const take = (pair: Pair): boolean => {
    count++;
    if (names.has(pair.key.text)) return false;
    names.add(pair.key.text);
    return true;
  };
  for (let index = 0; index < pairs.length; index++) if ((index < entry.first || index > entry.last) && !take(pairs[index]!)) return false;
  for (const pair of added) if (!take(pair)) return false;
  return count > 0;
}

/** A block mapping spans from its first key to the furthest end of its keys and values, as the parser sets it. */
function setSpanAroundPairs(mapping: MappingNode): void {
  let end = 0;
  for (const pair of mapping.pairs) end = Math.max(end, pair.key.span.end, pair.value.span.end);
  (mapping as { span: { start: number; end: number } }).span = { start: mapping.pairs[0]!.key.span.start, end };
}

/**
 * Moves a pair into its new mapping: its key and value now have that parent, and every offset
 * in them moves by `shift` (in place: the previous tree is consumed).
 */
function adoptPair(pair: Pair, parent: MappingNode, shift: number, value: LocatedNode = pair.value): Pair {
  pair.key.parent = parent;
  value.parent = parent;
  if (shift !== 0) {
    shiftNode(pair.key, shift);
    shiftNode(value, shift);
  }
  return value === pair.value ? pair : { key: pair.key, value };
}

/** Moves a subtree's offsets (new span objects: a span may be shared with a finding or another node). */
function shiftNode(node: LocatedNode, shift: number): void {
  (node as { span: Span }).span = { start: node.span.start + shift, end: node.span.end + shift };
  if (node.kind === 'sequence') for (const item of node.items) shiftNode(item, shift);
  else if (node.kind === 'mapping')
    for (const pair of node.pairs) {
      // A short form's key is its tag: a node of its own inside the wrapper.
      shiftNode(pair.key, shift);
      shiftNode(pair.value, shift);
    }
}
