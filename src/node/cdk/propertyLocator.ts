/**
 * Property-level placement: given the position of a construct call (`new CfnTable(this, 'Orders',
 * { ... })`) and a CloudFormation property path (`SSESpecification.SSEType`), the key of that
 * property in the props object literal. L1 props are the camelCase of the CloudFormation names
 * and most L2 props share them (`runtime`), so names are compared case- and `_`-insensitively;
 * Python keyword arguments (`sse_specification=`) compare the same way.
 */
import type * as TS from 'typescript';
import { loadTypeScript } from './typescriptRuntime';

/** A zero-based range in a source file. */
export interface SourceRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/** What the locator found at a construct call. */
export interface CallPlacement {
  /** The construct call's range (`new X(...)` up to the end of its first line). */
  readonly call: SourceRange;
  /** The deepest property key found, when at least the first path segment matched. */
  readonly property?: SourceRange;
  /** The first line of the call (suppression comments are looked for there). */
  readonly callLine: number;
}

/** CloudFormation `SSEType`, CDK `sseType`, Python `sse_type`: one key. */
export function normalizePropertyName(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

const sourceFiles = new Map<string, { text: string; file: TS.SourceFile }>();
const MAX_CACHED_FILES = 500;

function parsed(ts: typeof TS, fileName: string, text: string): TS.SourceFile {
  const cached = sourceFiles.get(fileName);
  if (cached && cached.text === text) return cached.file;
  if (sourceFiles.size >= MAX_CACHED_FILES) sourceFiles.clear();
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  sourceFiles.set(fileName, { text, file });
  return file;
}

function rangeOf(file: TS.SourceFile, start: number, end: number): SourceRange {
  const a = file.getLineAndCharacterOfPosition(start);
  const b = file.getLineAndCharacterOfPosition(end);
  return { start: { line: a.line, character: a.character }, end: { line: b.line, character: b.character } };
}

/** The innermost `new X(...)` (or call) starting at `offset`, else the innermost containing it. */
function callAt(ts: typeof TS, file: TS.SourceFile, offset: number): TS.NewExpression | TS.CallExpression | undefined {
  let best: TS.NewExpression | TS.CallExpression | undefined;
  const visit = (node: TS.Node): void => {
    if (offset < node.getFullStart() || offset > node.getEnd()) return;
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.getStart(file) <= offset) {
      if (!best || node.getStart(file) === offset || best.getStart(file) !== offset) best = node;
    }
    node.forEachChild(visit);
  };
  visit(file);
  return best;
}

function propertyName(ts: typeof TS, element: TS.ObjectLiteralElementLike): string | undefined {
  const name = element.name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** The deepest key of `propertyPath` found in an object literal (through arrays by index); undefined when the first is not there. */
function keyInLiteral(ts: typeof TS, file: TS.SourceFile, start: TS.Expression | undefined, propertyPath: readonly (string | number)[]): SourceRange | undefined {
  let node = start;
  let property: SourceRange | undefined;
  for (const segment of propertyPath) {
    while (node && (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))) node = node.expression;
    if (!node) break;
    if (typeof segment === 'number') {
      if (!ts.isArrayLiteralExpression(node) || !node.elements[segment]) break;
      node = node.elements[segment];
      continue;
    }
    if (!ts.isObjectLiteralExpression(node)) break;
    const wanted = normalizePropertyName(segment);
    const element = node.properties.find((candidate) => {
      const name = propertyName(ts, candidate);
      return name !== undefined && normalizePropertyName(name) === wanted;
    });
    if (!element || !element.name) break;
    property = rangeOf(file, element.name.getStart(file), element.name.getEnd());
    node = ts.isPropertyAssignment(element) ? element.initializer : undefined;
  }
  return property;
}

/** The range of a node's first line (from its start to the end of that line, or of the node). */
function firstLineRange(file: TS.SourceFile, text: string, node: TS.Node): SourceRange {
  const start = node.getStart(file);
  const lineEnd = text.indexOf('\n', start);
  return rangeOf(file, start, Math.min(node.getEnd(), lineEnd < 0 ? text.length : lineEnd));
}

/** `addPropertyOverride('A.B', value)` / `addOverride('Properties.A.B', value)`: the override call. */
function isOverrideCall(ts: typeof TS, node: TS.Node): node is TS.CallExpression {
  return ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^add(Property)?Override$/.test(node.expression.name.text);
}

/** `x.sseSpecification = ...` (or `x['sseSpecification'] = ...`). */
function isPropertyAssignment(ts: typeof TS, node: TS.Node): node is TS.BinaryExpression {
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && (ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left));
}

/** The compiler API, the parsed file and the offset of a zero-based line and column; undefined when out of range or without TypeScript. */
function parsedAt(fileName: string, text: string, line: number, column: number): { ts: typeof TS; file: TS.SourceFile; offset: number } | undefined {
  const ts = loadTypeScript();
  if (!ts) return undefined;
  const file = parsed(ts, fileName, text);
  const lineStarts = file.getLineStarts();
  if (line < 0 || line >= lineStarts.length) return undefined;
  return { ts, file, offset: Math.min(lineStarts[line]! + column, text.length) };
}

/**
 * A property set after the construct call, at the position an `aws:cdk:propertyAssignment` frame
 * recorded: `orders.sseSpecification = { sseType: ... }` (the key of the rest of the path in the
 * assigned literal, else the assigned name) or `cfn.addPropertyOverride('Runtime', value)` (the
 * value). `call` is the statement's first line; undefined when no such code is at the position.
 */
export function locateAssignment(fileName: string, text: string, line: number, column: number, propertyPath: readonly (string | number)[]): CallPlacement | undefined {
  const at = parsedAt(fileName, text, line, column);
  if (!at) return undefined;
  const { ts, file, offset } = at;
  let found: TS.BinaryExpression | TS.CallExpression | undefined;
  const visit = (node: TS.Node): void => {
    if (offset < node.getFullStart() || offset > node.getEnd()) return;
    if (isPropertyAssignment(ts, node) || isOverrideCall(ts, node)) found = node;
    node.forEachChild(visit);
  };
  visit(file);
  if (!found) return undefined;
  const call = firstLineRange(file, text, found);
  const callLine = call.start.line;
  if (ts.isCallExpression(found)) {
    const value = found.arguments[1] ?? found.arguments[0];
    return { call, callLine, ...(value ? { property: firstLineRange(file, text, value) } : {}) };
  }
  const left = found.left;
  const name = ts.isPropertyAccessExpression(left) ? left.name : ts.isElementAccessExpression(left) ? left.argumentExpression : left;
  const deeper = keyInLiteral(ts, file, found.right, propertyPath.slice(1));
  return { call, callLine, property: deeper ?? rangeOf(file, name.getStart(file), name.getEnd()) };
}

/** Places a construct call of a TypeScript/JavaScript file and, when possible, the property path's key. */
export function locateInScript(fileName: string, text: string, line: number, column: number, propertyPath: readonly (string | number)[]): CallPlacement | undefined {
  const at = parsedAt(fileName, text, line, column);
  if (!at) return undefined;
  const { ts, file, offset } = at;
  const call = callAt(ts, file, offset);
  if (!call) return undefined;
  const callRange = firstLineRange(file, text, call);
  const property = keyInLiteral(ts, file, call.arguments?.[2], propertyPath);
  return { call: callRange, callLine: callRange.start.line, ...(property ? { property } : {}) };
}

/** Python: keyword arguments after the call's line, matched in order, within the call's parentheses. */
export function locateInPython(text: string, line: number, propertyPath: readonly (string | number)[]): CallPlacement | undefined {
  const lines = text.split(/\r?\n/);
  if (line < 0 || line >= lines.length) return undefined;
  const lineText = lines[line]!;
  const first = lineText.search(/\S/);
  const call: SourceRange = { start: { line, character: Math.max(0, first) }, end: { line, character: lineText.length } };
  // The call's extent: from its line until the parentheses opened there close (bounded).
  let depth = 0;
  let opened = false;
  let last = line;
  for (let index = line; index < Math.min(lines.length, line + 400); index++) {
    for (const char of lines[index]!.replace(/#.*$/, '')) {
      if (char === '(' || char === '[' || char === '{') {
        depth++;
        opened = true;
      } else if (char === ')' || char === ']' || char === '}') depth--;
    }
    last = index;
    if (opened && depth <= 0) break;
  }
  let property: SourceRange | undefined;
  let from = line;
  for (const segment of propertyPath) {
    if (typeof segment === 'number') continue;
    const wanted = normalizePropertyName(segment);
    let found = false;
    for (let index = from; index <= last && !found; index++) {
      const pattern = /([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)|["']([A-Za-z_][A-Za-z0-9_]*)["']\s*:/g;
      for (let match = pattern.exec(lines[index]!); match; match = pattern.exec(lines[index]!)) {
        const name = match[1] ?? match[2]!;
        if (normalizePropertyName(name) !== wanted) continue;
        const start = match.index + (match[1] ? 0 : 1);
        property = { start: { line: index, character: start }, end: { line: index, character: start + name.length } };
        from = index;
        found = true;
        break;
      }
    }
    if (!found) break;
  }
  return { call, callLine: line, ...(property ? { property } : {}) };
}
