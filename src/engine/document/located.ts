/**
 * The located tree: one model for YAML and JSON documents in which every key
 * and value knows its source offsets, so every finding points at the exact token.
 *
 * Offsets are UTF-16 code unit offsets into the text handed to the parser
 * (the same unit VS Code and LSP positions use). Convert them to lines and
 * columns with {@link LineIndex}.
 */

/** Half-open source span `[start, end)` in UTF-16 offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Common fields of every located node. */
interface NodeBase {
  /** Span of the node's value (for a tagged YAML node: from the tag to the end of the value). */
  readonly span: Span;
  /** Parent node, or undefined for the document root. */
  parent: LocatedNode | undefined;
}

/** A scalar value. `value` follows the YAML 1.2 core schema (or JSON). */
export interface ScalarNode extends NodeBase {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  /**
   * The scalar's text after unquoting and unescaping, before type resolution.
   * `1e400` keeps its text here while `value` is `Infinity`; `yes` stays a string.
   */
  readonly text: string;
  /** Whether the scalar was quoted (or a block scalar): quoted scalars are always strings. */
  readonly quoted: boolean;
}

/** A key/value pair of a mapping. */
export interface Pair {
  readonly key: ScalarNode;
  /** The value; an empty YAML value is a null scalar with an empty span at the key's end. */
  readonly value: LocatedNode;
  /** True when this pair came from a YAML merge key (`<<: *anchor`). */
  readonly merged?: boolean;
}

/** A mapping (YAML block/flow mapping or JSON object). Keys keep source order. */
export interface MappingNode extends NodeBase {
  readonly kind: 'mapping';
  readonly pairs: Pair[];
  /**
   * True when the mapping is the long form of a CloudFormation YAML short-form tag
   * (`!Ref X` becomes `{ Ref: X }`); the key's span is the tag's span.
   */
  readonly fromShortForm?: boolean;
}

/** A sequence (YAML sequence or JSON array). */
export interface SequenceNode extends NodeBase {
  readonly kind: 'sequence';
  readonly items: LocatedNode[];
}

/** Any node of the located tree. */
export type LocatedNode = ScalarNode | MappingNode | SequenceNode;

/** Syntax problems found while parsing, with the offending span. */
export interface SyntaxProblem {
  readonly message: string;
  readonly span: Span;
  /** `cfn-syntax` problems are errors; a few (e.g. a BOM) are informational. */
  readonly severity: 'error' | 'warning';
  /** A stable code for the kind of problem, e.g. `duplicate-key`, `unknown-tag`. */
  readonly code: SyntaxProblemCode;
}

/** Kinds of syntax problems. */
export type SyntaxProblemCode =
  | 'syntax'
  | 'duplicate-key'
  | 'unknown-tag'
  | 'alias-limit'
  | 'depth-limit'
  | 'size-limit'
  /** An OpenAPI description over its (larger) limit: an `oas-size-limit` warning, not a syntax error. */
  | 'openapi-size-limit'
  | 'multi-document'
  | 'complex-key'
  /** The parser or the model failed on this file (a limit nobody foresaw): reported, never thrown. */
  | 'analysis-limit';

/** A parsed document: the root (undefined when empty or unparseable) and its problems. */
export interface ParsedDocument {
  readonly format: 'yaml' | 'json';
  readonly text: string;
  readonly root: LocatedNode | undefined;
  readonly problems: SyntaxProblem[];
}

/** Returns the value node of `key` in a mapping, or undefined. Linear: mappings are small. */
export function getValue(node: LocatedNode | undefined, key: string): LocatedNode | undefined {
  if (!node || node.kind !== 'mapping') return undefined;
  for (const pair of node.pairs) {
    if (pair.key.text === key) return pair.value;
  }
  return undefined;
}

/** Returns the pair of `key` in a mapping, or undefined. */
export function getPair(node: LocatedNode | undefined, key: string): Pair | undefined {
  if (!node || node.kind !== 'mapping') return undefined;
  for (const pair of node.pairs) {
    if (pair.key.text === key) return pair;
  }
  return undefined;
}

/** True for a scalar whose value is a string (quoted or not). */
export function isStringScalar(node: LocatedNode | undefined): node is ScalarNode {
  return node !== undefined && node.kind === 'scalar' && typeof node.value === 'string';
}

/** Converts a located node to a plain JavaScript value (for tests, hashing and exports). */
export function toPlain(node: LocatedNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'sequence':
      return node.items.map(toPlain);
    case 'mapping': {
      // A null-prototype object: `__proto__` keys stay ordinary keys.
      const out = Object.create(null) as Record<string, unknown>;
      for (const pair of node.pairs) out[pair.key.text] = toPlain(pair.value);
      return out;
    }
  }
}
