// Glue partition predicates (GetPartitions `Expression`): the subset Athena users write, parsed
// into a small tree so a filter is checked before it is sent (an error names the column where it
// went wrong and the partition keys the table has) and so the local test server filters the same
// language. Grammar (keywords case-insensitive):
//   expr       := and (OR and)*
//   and        := unary (AND unary)*
//   unary      := NOT unary | '(' expr ')' | comparison
//   comparison := key op value | key [NOT] BETWEEN value AND value | key [NOT] IN '(' value (',' value)* ')'
//               | key [NOT] LIKE 'pattern'
//   op         := = | <> | != | < | > | <= | >=
//   value      := 'text' ('' is a quote) | number
// Keys are partition keys only (Glue filters on nothing else). Bounded: at most 2,048 characters
// (Glue's limit) and 200 comparisons, so a hostile filter cannot cost unbounded work.

export type CompareOp = '=' | '<>' | '<' | '>' | '<=' | '>=';
export type PartitionPredicate =
  | { readonly kind: 'and' | 'or'; readonly left: PartitionPredicate; readonly right: PartitionPredicate }
  | { readonly kind: 'not'; readonly inner: PartitionPredicate }
  | { readonly kind: 'compare'; readonly key: string; readonly op: CompareOp; readonly value: string }
  | { readonly kind: 'between'; readonly key: string; readonly low: string; readonly high: string; readonly negated: boolean }
  | { readonly kind: 'in'; readonly key: string; readonly values: readonly string[]; readonly negated: boolean }
  | { readonly kind: 'like'; readonly key: string; readonly pattern: string; readonly negated: boolean };

export const MAX_EXPRESSION_LENGTH = 2048;
const MAX_COMPARISONS = 200;

/** A filter that cannot be sent, with the 1-based column where reading stopped. */
export class PartitionExpressionError extends Error {
  override readonly name = 'PartitionExpressionError';
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

interface Token {
  readonly kind: 'word' | 'string' | 'number' | 'op' | 'punct' | 'end';
  readonly text: string;
  readonly at: number;
}

const TOKEN = /\s*(?:(`[^`]*`|[A-Za-z_][A-Za-z0-9_]*)|('(?:[^']|'')*')|(-?\d+(?:\.\d+)?)|(<=|>=|<>|!=|=|<|>)|([(),]))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let position = 0;
  while (position < text.length) {
    if (/^\s*$/.test(text.slice(position))) break;
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(text);
    if (match === null) {
      const at = position + (/^\s*/.exec(text.slice(position))?.[0].length ?? 0);
      const quote = text[at] === "'" ? ' (a text value is missing its closing quote)' : '';
      throw new PartitionExpressionError(`Unexpected "${text.slice(at, at + 10)}" at column ${at + 1}${quote}.`, at + 1);
    }
    const at = match.index + match[0].length - match[0].trimStart().length;
    if (match[1] !== undefined) tokens.push({ kind: 'word', text: match[1].startsWith('`') ? match[1].slice(1, -1) : match[1], at });
    else if (match[2] !== undefined) tokens.push({ kind: 'string', text: match[2].slice(1, -1).replace(/''/g, "'"), at });
    else if (match[3] !== undefined) tokens.push({ kind: 'number', text: match[3], at });
    else if (match[4] !== undefined) tokens.push({ kind: 'op', text: match[4] === '!=' ? '<>' : match[4], at });
    else tokens.push({ kind: 'punct', text: match[5]!, at });
    position = TOKEN.lastIndex;
  }
  tokens.push({ kind: 'end', text: '', at: text.length });
  return tokens;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'between', 'in', 'like']);

class Parser {
  private index = 0;
  private comparisons = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly keys: ReadonlyMap<string, string>,
  ) {}

  parse(): PartitionPredicate {
    const predicate = this.or();
    const rest = this.peek();
    if (rest.kind !== 'end') this.fail(`Expected AND, OR or the end of the filter, found "${rest.text}"`, rest);
    return predicate;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }
  private next(): Token {
    const token = this.tokens[this.index]!;
    if (token.kind !== 'end') this.index += 1;
    return token;
  }
  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.text.toLowerCase() === word;
  }
  private fail(message: string, token: Token): never {
    throw new PartitionExpressionError(`${message} at column ${token.at + 1}.`, token.at + 1);
  }

  private or(): PartitionPredicate {
    let left = this.and();
    while (this.isKeyword('or')) {
      this.next();
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }
  private and(): PartitionPredicate {
    let left = this.unary();
    while (this.isKeyword('and')) {
      this.next();
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }
  private unary(): PartitionPredicate {
    if (this.isKeyword('not')) {
      this.next();
      return { kind: 'not', inner: this.unary() };
    }
    const token = this.peek();
    if (token.kind === 'punct' && token.text === '(') {
      this.next();
      const inner = this.or();
      this.expectPunct(')');
      return inner;
    }
    return this.comparison();
  }

  private comparison(): PartitionPredicate {
    const keyToken = this.next();
    if (keyToken.kind !== 'word' || KEYWORDS.has(keyToken.text.toLowerCase())) this.fail(keyToken.kind === 'end' ? 'The filter ends where a partition key was expected' : `Expected a partition key, found "${keyToken.text}"`, keyToken);
    const key = this.partitionKey(keyToken);
    this.comparisons += 1;
    if (this.comparisons > MAX_COMPARISONS) this.fail(`More than ${MAX_COMPARISONS} comparisons`, keyToken);
    let negated = false;
    if (this.isKeyword('not')) {
      this.next();
      negated = true;
    }
    const token = this.peek();
    if (!negated && token.kind === 'op') {
      this.next();
      return { kind: 'compare', key, op: token.text as CompareOp, value: this.value() };
    }
    if (this.isKeyword('between')) {
      this.next();
      const low = this.value();
      if (!this.isKeyword('and')) this.fail('BETWEEN needs "AND" between its two values', this.peek());
      this.next();
      return { kind: 'between', key, low, high: this.value(), negated };
    }
    if (this.isKeyword('in')) {
      this.next();
      this.expectPunct('(');
      const values = [this.value()];
      while (this.peek().kind === 'punct' && this.peek().text === ',') {
        this.next();
        values.push(this.value());
      }
      this.expectPunct(')');
      return { kind: 'in', key, values, negated };
    }
    if (this.isKeyword('like')) {
      this.next();
      const pattern = this.next();
      if (pattern.kind !== 'string') this.fail("LIKE needs a quoted pattern such as '2024-%'", pattern);
      return { kind: 'like', key, pattern: pattern.text, negated };
    }
    return this.fail(`Expected =, <>, <, >, <=, >=, BETWEEN, IN or LIKE after "${key}"`, token);
  }

  private partitionKey(token: Token): string {
    const wanted = token.text.toLowerCase();
    for (const name of this.keys.keys()) if (name.toLowerCase() === wanted) return name;
    const known = [...this.keys.keys()];
    return this.fail(`"${token.text}" is not a partition key${known.length > 0 ? ` (the table's partition keys: ${known.join(', ')})` : ' (the table has no partition keys)'}`, token);
  }

  private value(): string {
    const token = this.next();
    if (token.kind !== 'string' && token.kind !== 'number') this.fail(token.kind === 'end' ? 'The filter ends where a value was expected' : `Expected a value ('text' or a number), found "${token.text}"`, token);
    return token.text;
  }

  private expectPunct(text: string): void {
    const token = this.next();
    if (token.kind !== 'punct' || token.text !== text) this.fail(`Expected "${text}"`, token);
  }
}

/**
 * Parses a partition filter against the table's partition keys (name -> Glue type, e.g. `year` ->
 * `string`). Throws PartitionExpressionError with a message a user can act on.
 */
export function parsePartitionExpression(text: string, keys: ReadonlyMap<string, string>): PartitionPredicate {
  if (text.length > MAX_EXPRESSION_LENGTH) throw new PartitionExpressionError(`The filter is ${text.length} characters long; Glue accepts at most ${MAX_EXPRESSION_LENGTH}.`, MAX_EXPRESSION_LENGTH + 1);
  if (text.trim() === '') throw new PartitionExpressionError('The filter is empty.', 1);
  return new Parser(tokenize(text), keys).parse();
}

const NUMERIC_TYPES = new Set(['tinyint', 'smallint', 'int', 'integer', 'bigint', 'float', 'double', 'decimal']);

/** Whether a partition (values in key order) passes; numeric key types compare as numbers, others as text. */
export function matchesPartition(predicate: PartitionPredicate, keys: ReadonlyMap<string, string>, values: readonly string[]): boolean {
  const names = [...keys.keys()];
  const valueOf = (key: string): string => values[names.indexOf(key)] ?? '';
  const compare = (key: string, a: string, b: string): number => {
    const type = (keys.get(key) ?? 'string').toLowerCase().replace(/\(.*$/, '');
    if (NUMERIC_TYPES.has(type)) return Number(a) - Number(b);
    return a < b ? -1 : a > b ? 1 : 0;
  };
  const test = (p: PartitionPredicate): boolean => {
    switch (p.kind) {
      case 'and':
        return test(p.left) && test(p.right);
      case 'or':
        return test(p.left) || test(p.right);
      case 'not':
        return !test(p.inner);
      case 'compare': {
        const c = compare(p.key, valueOf(p.key), p.value);
        return p.op === '=' ? c === 0 : p.op === '<>' ? c !== 0 : p.op === '<' ? c < 0 : p.op === '>' ? c > 0 : p.op === '<=' ? c <= 0 : c >= 0;
      }
      case 'between': {
        const v = valueOf(p.key);
        return (compare(p.key, v, p.low) >= 0 && compare(p.key, v, p.high) <= 0) !== p.negated;
      }
      case 'in':
        return p.values.some((candidate) => compare(p.key, valueOf(p.key), candidate) === 0) !== p.negated;
      case 'like':
        return likeRegExp(p.pattern).test(valueOf(p.key)) !== p.negated;
    }
  };
  return test(predicate);
}

/** SQL LIKE: `%` any run, `_` one character, everything else literal. */
function likeRegExp(pattern: string): RegExp {
  const body = [...pattern].map((ch) => (ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 's');
}
