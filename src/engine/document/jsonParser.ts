import type { LocatedNode, MappingNode, Pair, ParsedDocument, ScalarNode, SequenceNode, SyntaxProblem } from './located';
import { findDuplicateKeys } from './duplicates';
import { PARSE_LIMITS, sizeLimitProblem } from './limits';

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
/** A JSON number (sticky: matched at the parser's position). */
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
/** Mappings up to this size are checked for a repeated key pairwise, larger ones with a set. */
const PAIRWISE_KEYS = 12;

/**
 * Whether a mapping has a key twice, without allocating for the common small mapping
 * (`findDuplicateKeys` then reports them; it allocates a map per call).
 */
function mayHaveDuplicateKeys(pairs: readonly Pair[]): boolean {
  const n = pairs.length;
  if (n < 2) return false;
  if (n <= PAIRWISE_KEYS) {
    for (let i = 1; i < n; i++) {
      const key = pairs[i]!.key.text;
      for (let j = 0; j < i; j++) if (pairs[j]!.key.text === key) return true;
    }
    return false;
  }
  const seen = new Set<string>();
  for (const pair of pairs) {
    if (seen.has(pair.key.text)) return true;
    seen.add(pair.key.text);
  }
  return false;
}

/** Thrown inside the parser only; turned into one syntax problem. */
class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly code: SyntaxProblem['code'] = 'syntax',
  ) {
    super(message);
  }
}

/**
 * Strict JSON (RFC 8259) into the located tree. Trailing commas, comments,
 * single quotes and other JSON5-isms are errors with their position, because
 * CloudFormation and API Gateway reject them.
 */
export function parseJson(text: string): ParsedDocument {
  const problems: SyntaxProblem[] = [];
  const limit = sizeLimitProblem(text);
  if (limit) {
    problems.push(limit);
    return { format: 'json', text, root: undefined, problems };
  }
  const parser = new JsonParser(text, problems);
  try {
    const root = parser.parseDocument();
    return { format: 'json', text, root, problems };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const start = Math.min(error.offset, text.length);
    problems.push({ code: error.code, severity: 'error', message: error.message, span: { start, end: Math.min(start + 1, text.length) } });
    return { format: 'json', text, root: undefined, problems };
  }
}

class JsonParser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly problems: SyntaxProblem[],
  ) {}

  parseDocument(): LocatedNode | undefined {
    // A byte order mark is tolerated (editors add it); offsets stay those of the text.
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.skipWhitespace();
    if (this.pos >= this.text.length) return undefined;
    const root = this.parseValue(undefined);
    this.skipWhitespace();
    if (this.pos < this.text.length) throw new JsonSyntaxError(`JSON syntax error: unexpected ${this.describe()} after the end of the document.`, this.pos);
    return root;
  }

  private describe(): string {
    if (this.pos >= this.text.length) return 'end of file';
    const c = this.text[this.pos]!;
    if (c === '/') return 'comment (JSON has no comments)';
    return `character '${c}'`;
  }

  private skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else break;
    }
    this.pos = pos;
  }

  private parseValue(parent: LocatedNode | undefined): LocatedNode {
    this.skipWhitespace();
    switch (this.text.charCodeAt(this.pos)) {
      case OPEN_BRACE:
        return this.parseObject(parent);
      case OPEN_BRACKET:
        return this.parseArray(parent);
      case QUOTE: {
        const start = this.pos;
        const value = this.parseString();
        return { kind: 'scalar', value, text: value, quoted: true, span: { start, end: this.pos }, parent };
      }
      default:
        return this.parseLiteral(parent);
    }
  }

  private enter(): void {
    if (++this.depth > PARSE_LIMITS.maxDepth)
      throw new JsonSyntaxError(`Nesting is deeper than ${PARSE_LIMITS.maxDepth} levels; ArchLens stops here to stay responsive.`, this.pos, 'depth-limit');
  }

  private parseObject(parent: LocatedNode | undefined): MappingNode {
    this.enter();
    const text = this.text;
    // One span object per node, its end set when the node closes (the tree is large: allocations count).
    const span = { start: this.pos, end: this.pos };
    const node: MappingNode = { kind: 'mapping', pairs: [], span, parent };
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === CLOSE_BRACE) {
      this.pos++;
    } else {
      for (;;) {
        this.skipWhitespace();
        if (text.charCodeAt(this.pos) !== QUOTE) {
          const trailing = text.charCodeAt(this.pos) === CLOSE_BRACE ? ' (trailing commas are not allowed in JSON)' : '';
          throw new JsonSyntaxError(`JSON syntax error: expected a property name in double quotes, found ${this.describe()}${trailing}.`, this.pos);
        }
        const keyStart = this.pos;
        const keyText = this.parseString();
        const key: ScalarNode = { kind: 'scalar', value: keyText, text: keyText, quoted: true, span: { start: keyStart, end: this.pos }, parent: node };
        this.skipWhitespace();
        if (text.charCodeAt(this.pos) !== COLON) throw new JsonSyntaxError(`JSON syntax error: expected ':' after the property name, found ${this.describe()}.`, this.pos);
        this.pos++;
        const value = this.parseValue(node);
        node.pairs.push({ key, value });
        this.skipWhitespace();
        const next = text.charCodeAt(this.pos);
        if (next === COMMA) {
          this.pos++;
          continue;
        }
        if (next === CLOSE_BRACE) {
          this.pos++;
          break;
        }
        throw new JsonSyntaxError(`JSON syntax error: expected ',' or '}' after a property, found ${this.describe()}.`, this.pos);
      }
    }
    span.end = this.pos;
    if (mayHaveDuplicateKeys(node.pairs)) for (const problem of findDuplicateKeys(node)) this.problems.push(problem);
    this.depth--;
    return node;
  }

  private parseArray(parent: LocatedNode | undefined): SequenceNode {
    this.enter();
    const text = this.text;
    const span = { start: this.pos, end: this.pos };
    const node: SequenceNode = { kind: 'sequence', items: [], span, parent };
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === CLOSE_BRACKET) {
      this.pos++;
    } else {
      for (;;) {
        this.skipWhitespace();
        if (text.charCodeAt(this.pos) === CLOSE_BRACKET) throw new JsonSyntaxError('JSON syntax error: trailing comma before \']\' (not allowed in JSON).', this.pos);
        node.items.push(this.parseValue(node));
        this.skipWhitespace();
        const next = text.charCodeAt(this.pos);
        if (next === COMMA) {
          this.pos++;
          continue;
        }
        if (next === CLOSE_BRACKET) {
          this.pos++;
          break;
        }
        throw new JsonSyntaxError(`JSON syntax error: expected ',' or ']' in an array, found ${this.describe()}.`, this.pos);
      }
    }
    span.end = this.pos;
    this.depth--;
    return node;
  }

  private parseString(): string {
    const text = this.text;
    const start = ++this.pos;
    let pos = start;
    // Fast path: no escapes.
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 34) {
        this.pos = pos + 1;
        return text.slice(start, pos);
      }
      if (c === 92 || c < 32) break;
      pos++;
    }
    let out = text.slice(start, pos);
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 34) {
        this.pos = pos + 1;
        return out;
      }
      if (c < 32) throw new JsonSyntaxError('JSON syntax error: control character in a string (escape it, e.g. \\n).', pos);
      if (c !== 92) {
        out += text[pos];
        pos++;
        continue;
      }
      const escape = text[pos + 1];
      switch (escape) {
        case '"':
        case '\\':
        case '/':
          out += escape;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError('JSON syntax error: \\u must be followed by four hex digits.', pos);
          out += String.fromCharCode(Number.parseInt(hex, 16));
          pos += 4;
          break;
        }
        default:
          throw new JsonSyntaxError(`JSON syntax error: invalid escape '\\${escape ?? ''}'.`, pos);
      }
      pos += 2;
    }
    throw new JsonSyntaxError('JSON syntax error: unterminated string.', start - 1);
  }

  private parseLiteral(parent: LocatedNode | undefined): ScalarNode {
    const text = this.text;
    const start = this.pos;
    const make = (value: string | number | boolean | null, end: number): ScalarNode => {
      this.pos = end;
      return { kind: 'scalar', value, text: text.slice(start, end), quoted: false, span: { start, end }, parent };
    };
    if (text.startsWith('true', start)) return make(true, start + 4);
    if (text.startsWith('false', start)) return make(false, start + 5);
    if (text.startsWith('null', start)) return make(null, start + 4);
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(text);
    if (match && match[0].length > 0) return make(Number(match[0]), start + match[0].length);
    if (text[start] === '/') throw new JsonSyntaxError('JSON syntax error: comments are not allowed in JSON.', start);
    if (text[start] === "'") throw new JsonSyntaxError('JSON syntax error: strings must use double quotes.', start);
    throw new JsonSyntaxError(`JSON syntax error: unexpected ${this.describe()}; expected a value.`, start);
  }
}
