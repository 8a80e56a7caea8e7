/**
 * Small readers over the located tree shared by the API Gateway checks. OpenAPI
 * bodies embedded in templates (and files pulled in with `AWS::Include`) may hold
 * intrinsic functions anywhere: such a value is "something known at deploy time"
 * and is accepted wherever a value of the expected kind would be.
 */
import { placeholders } from '../util/placeholders';
import type { LocatedNode, MappingNode, ScalarNode, Span } from '../document/located';
import { getValue } from '../document/located';
import type { Fix } from '../findings';
import { asIntrinsic } from '../cfn/intrinsics';

/** Which API Gateway product imports the document; `unknown` for a standalone file that does not say. */
export type ApiFlavor = 'rest' | 'http' | 'unknown';

/** What a check of `x-amazon-apigateway-*` extensions sees. */
export interface ApiGatewayCheckContext {
  readonly flavor: ApiFlavor;
  /** True for a body inside a template (intrinsic functions are then expected). */
  readonly embedded: boolean;
  /** The linted text (for fixes that keep a token's quotes). */
  readonly text: string;
  readonly report: (span: Span, message: string, fixes?: readonly Fix[]) => void;
}

/** True for an intrinsic function call: a value only known at deploy time. */
export function isDeployTime(node: LocatedNode | undefined): boolean {
  return asIntrinsic(node) !== undefined;
}

/** The string value of a scalar, or undefined. */
export function stringOf(node: LocatedNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** A mapping that is not an intrinsic call, or undefined. */
export function plainMapping(node: LocatedNode | undefined): MappingNode | undefined {
  return node?.kind === 'mapping' && !isDeployTime(node) ? node : undefined;
}

/** Result of reading a value that should be of some kind. */
export type Reading<T> = { readonly kind: 'value'; readonly value: T } | { readonly kind: 'deploy-time' } | { readonly kind: 'wrong' };

const WRONG = { kind: 'wrong' } as const;
const DEPLOY_TIME = { kind: 'deploy-time' } as const;

/**
 * Reads an integer written as a number or a numeric string: API Gateway's importer
 * is a Java OpenAPI parser that coerces `"300"` where the docs type a number (and the
 * authorizer TTL is even documented as a string).
 */
export function readInteger(node: LocatedNode): Reading<number> {
  if (isDeployTime(node)) return DEPLOY_TIME;
  if (node.kind !== 'scalar') return WRONG;
  const value = typeof node.value === 'number' ? node.value : typeof node.value === 'string' && /^-?\d+$/.test(node.value.trim()) ? Number(node.value) : NaN;
  return Number.isInteger(value) ? { kind: 'value', value } : WRONG;
}

/** A hole in a string: text only known at deploy time (`${...}`, a `Ref`, a stage variable). */
export const HOLE: unique symbol = Symbol('hole');

/** A hole filled with a resource's `Arn` attribute (`${Fn.Arn}`, `!GetAtt Fn.Arn`): an ARN, never a path. */
export const ARN_HOLE: unique symbol = Symbol('arn');

/** A deploy-time part of a string. */
export type Hole = typeof HOLE | typeof ARN_HOLE;

/** A string as literal pieces and holes; adjacent literals are merged. */
export type StringPieces = ReadonlyArray<string | Hole>;

/**
 * The literal parts of a string value: a plain string, `Fn::Sub` (each `${...}` is a
 * hole, `${!x}` the literal `${x}`) or `Fn::Join` (non-literal items are holes). Any
 * `${...}` in a plain string is a hole too: API Gateway fills `${stageVariables.x}`
 * at run time and Terraform's `templatefile` fills its own before import.
 * Returns undefined for a non-string scalar or a collection.
 */
export function stringPieces(node: LocatedNode | undefined): StringPieces | undefined {
  if (!node) return undefined;
  const plain = stringOf(node);
  if (plain !== undefined) return splitPlaceholders(plain, false);
  const call = asIntrinsic(node);
  if (!call) return undefined;
  if (call.name === 'Fn::GetAtt') return [isArnAttribute(call.argument) ? ARN_HOLE : HOLE];
  if (call.name === 'Fn::Sub') {
    const template = call.argument.kind === 'sequence' ? call.argument.items[0] : call.argument;
    const text = stringOf(template);
    return text === undefined ? [HOLE] : splitPlaceholders(text, true);
  }
  if (call.name === 'Fn::Join' && call.argument.kind === 'sequence') {
    const [delimiter, list] = call.argument.items;
    const separator = stringOf(delimiter);
    if (separator === undefined || list?.kind !== 'sequence') return [HOLE];
    const out: Array<string | Hole> = [];
    list.items.forEach((item, index) => {
      if (index > 0) out.push(separator);
      out.push(...(stringPieces(item) ?? [HOLE]));
    });
    return merge(out);
  }
  return [HOLE];
}

function isArnAttribute(argument: LocatedNode): boolean {
  const attribute = argument.kind === 'sequence' ? stringOf(argument.items[1]) : stringOf(argument)?.split('.').slice(1).join('.');
  return attribute === 'Arn';
}

function splitPlaceholders(text: string, sub: boolean): StringPieces {
  const out: Array<string | Hole> = [];
  let last = 0;
  for (const { start, end, inner } of placeholders(text)) {
    out.push(text.slice(last, start));
    // In Fn::Sub, `${!Literal}` is the escape for a literal `${Literal}`.
    if (sub && inner.startsWith('!')) out.push('${' + inner.slice(1) + '}');
    else out.push(sub && /^\s*[A-Za-z0-9]+\.Arn\s*$/.test(inner) ? ARN_HOLE : HOLE);
    last = end;
  }
  out.push(text.slice(last));
  return merge(out);
}

function merge(pieces: ReadonlyArray<string | Hole>): StringPieces {
  const out: Array<string | Hole> = [];
  for (const piece of pieces) {
    const previous = out[out.length - 1];
    if (piece === '') continue;
    if (typeof piece === 'string' && typeof previous === 'string') out[out.length - 1] = previous + piece;
    // Two holes in a row are one; the later one decides how the string ends.
    else if (typeof piece !== 'string' && previous !== undefined && typeof previous !== 'string') out[out.length - 1] = piece;
    else out.push(piece);
  }
  return out;
}

/** The whole literal when the string has no hole. */
export function fullyLiteral(pieces: StringPieces | undefined): string | undefined {
  if (!pieces) return undefined;
  if (pieces.length === 0) return '';
  return pieces.length === 1 && typeof pieces[0] === 'string' ? pieces[0] : undefined;
}

/** The literal text before the first hole (the whole string when there is none). */
export function literalPrefix(pieces: StringPieces): string {
  return typeof pieces[0] === 'string' ? pieces[0] : '';
}

/** The literal text after the last hole (the whole string when there is none). */
export function literalSuffix(pieces: StringPieces): string {
  const last = pieces[pieces.length - 1];
  return typeof last === 'string' ? last : '';
}

/** HTTP methods that are operations of an OpenAPI path item, plus API Gateway's catch-all. */
export const OPERATION_KEYS: ReadonlySet<string> = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'x-amazon-apigateway-any-method']);

/** One operation of the document. */
export interface OperationSite {
  readonly path: string;
  readonly pathKey: ScalarNode;
  readonly method: string;
  readonly methodKey: ScalarNode;
  readonly operation: MappingNode;
}

/** Every operation under `paths` (intrinsic-valued entries are skipped). */
export function operations(root: LocatedNode): OperationSite[] {
  const out: OperationSite[] = [];
  const paths = plainMapping(getValue(root, 'paths'));
  for (const pathPair of paths?.pairs ?? []) {
    const item = plainMapping(pathPair.value);
    for (const pair of item?.pairs ?? []) {
      const operation = plainMapping(pair.value);
      if (OPERATION_KEYS.has(pair.key.text) && operation) out.push({ path: pathPair.key.text, pathKey: pathPair.key, method: pair.key.text, methodKey: pair.key, operation });
    }
  }
  return out;
}

/** A named security scheme (OpenAPI 3 `components.securitySchemes`, Swagger 2 `securityDefinitions`). */
export interface SecuritySchemeSite {
  readonly name: string;
  readonly scheme: MappingNode;
}

/** Every security scheme of the document. */
export function securitySchemes(root: LocatedNode): SecuritySchemeSite[] {
  const sections = [getValue(getValue(root, 'components'), 'securitySchemes'), getValue(root, 'securityDefinitions')];
  const out: SecuritySchemeSite[] = [];
  for (const section of sections) {
    for (const pair of plainMapping(section)?.pairs ?? []) {
      const scheme = plainMapping(pair.value);
      if (scheme) out.push({ name: pair.key.text, scheme });
    }
  }
  return out;
}

/** Lower-cased string value for case-insensitive enums, or undefined. */
export function lowerOf(node: LocatedNode | undefined): string | undefined {
  return stringOf(node)?.toLowerCase();
}

/** Formats a list of allowed values for a message: `a, b or c`. */
export function oneOf(values: readonly string[]): string {
  return values.length === 1 ? values[0]! : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}
