// Declarative input checks, written per operation from the SDK's models
// (node_modules/@aws-sdk/client-*/dist-types/models/*.d.ts: a member without `?` is required; enums
// are the `export declare const X: {...}` objects) and the service's documented limits. The core
// checks them before a handler runs and answers the way AWS does:
//   "1 validation error detected: Value null at 'stackName' failed to satisfy constraint: Member must not be null"
// A value of the wrong JSON type is a SerializationException on the JSON protocols (AWS cannot
// even parse it); awsQuery has only strings, so a bad number there is a validation error.
import type { Protocol } from './service';
import { ServiceError } from './serviceError';

export type MemberType = 'string' | 'integer' | 'boolean' | 'list' | 'structure';

export interface MemberRule {
  /** Default `string`. awsQuery lists are the form's `Name.member.N` entries. */
  readonly type?: MemberType;
  readonly required?: boolean;
  /** Allowed values (for a list: of each element). */
  readonly enum?: readonly string[];
  /** Inclusive bounds of an integer. */
  readonly range?: readonly [number, number];
  /** Inclusive bounds of a string's length or a list's size. */
  readonly length?: readonly [number, number];
  /** A string must match (e.g. a 12-digit account). */
  readonly pattern?: RegExp;
  /** A structure's own members (JSON protocols), checked as `outer.inner`. */
  readonly members?: InputModel;
}

/** Member name (as on the wire: `StackName` for awsQuery, `logGroupName` for JSON) -> rule. */
export type InputModel = Readonly<Record<string, MemberRule>>;

/** What the core needs to report a problem in the service's own words. */
export interface ValidationErrors {
  readonly validation: { readonly code: string; readonly status: number };
  readonly serialization: { readonly code: string; readonly status: number };
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function show(value: unknown): string {
  return Array.isArray(value) ? `[${value.map(String).join(', ')}]` : String(value);
}

/** The member's value as the model's type sees it; `undefined` when absent. */
function read(protocol: Protocol, input: Readonly<Record<string, unknown>>, name: string, rule: MemberRule): unknown {
  if (protocol !== 'awsQuery') return Object.hasOwn(input, name) ? input[name] : undefined;
  if (rule.type === 'list') {
    const out: unknown[] = [];
    for (let i = 1; Object.hasOwn(input, `${name}.member.${i}`); i++) out.push(input[`${name}.member.${i}`]);
    // An empty list is sent as `Name=` by the query serializer.
    return out.length > 0 || Object.hasOwn(input, name) ? out : undefined;
  }
  return Object.hasOwn(input, name) ? input[name] : undefined;
}

function typeMismatch(protocol: Protocol, value: unknown, type: MemberType): boolean {
  if (protocol === 'awsQuery') return type === 'integer' ? !/^-?\d+$/.test(String(value)) : false;
  switch (type) {
    case 'string':
      return typeof value !== 'string';
    case 'integer':
      return typeof value !== 'number' || !Number.isInteger(value);
    case 'boolean':
      return typeof value !== 'boolean';
    case 'list':
      return !Array.isArray(value);
    case 'structure':
      return typeof value !== 'object' || value === null || Array.isArray(value);
  }
}

/** The constraint `value` breaks, in AWS's words; undefined when it satisfies the rule. */
function violation(value: unknown, rule: MemberRule): string | undefined {
  const type = rule.type ?? 'string';
  if (rule.enum !== undefined) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => !rule.enum!.includes(String(v)))) return `Member must satisfy enum value set: [${rule.enum.join(', ')}]`;
  }
  if (rule.range !== undefined && type === 'integer') {
    const n = Number(value);
    if (n < rule.range[0]) return `Member must have value greater than or equal to ${rule.range[0]}`;
    if (n > rule.range[1]) return `Member must have value less than or equal to ${rule.range[1]}`;
  }
  if (rule.length !== undefined) {
    const size = Array.isArray(value) ? value.length : String(value).length;
    if (size < rule.length[0]) return `Member must have length greater than or equal to ${rule.length[0]}`;
    if (size > rule.length[1]) return `Member must have length less than or equal to ${rule.length[1]}`;
  }
  if (rule.pattern !== undefined && !rule.pattern.test(String(value))) return `Member must satisfy regular expression pattern: ${rule.pattern.source}`;
  return undefined;
}

/** The problems of `input` against `model` (AWS's wording), member names prefixed with `path`. */
function problemsOf(protocol: Protocol, model: InputModel, input: Readonly<Record<string, unknown>>, errors: ValidationErrors, path: string): string[] {
  const problems: string[] = [];
  for (const [name, rule] of Object.entries(model)) {
    const value = read(protocol, input, name, rule);
    const at = path + lowerFirst(name);
    if (value === undefined || value === null) {
      if (rule.required) problems.push(`Value null at '${at}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    if (typeMismatch(protocol, value, rule.type ?? 'string')) {
      if (protocol === 'awsQuery') problems.push(`Value '${show(value)}' at '${at}' failed to satisfy constraint: Member must be a number`);
      else throw new ServiceError(errors.serialization.code, `Unexpected value type for '${at}': expected ${rule.type ?? 'string'}`, errors.serialization.status);
      continue;
    }
    if (rule.members !== undefined) {
      problems.push(...problemsOf(protocol, rule.members, value as Record<string, unknown>, errors, `${at}.`));
      continue;
    }
    const broken = violation(value, rule);
    if (broken !== undefined) problems.push(`Value '${show(value)}' at '${at}' failed to satisfy constraint: ${broken}`);
  }
  return problems;
}

/** Throws the service's validation (or serialization) error when `input` breaks `model`. */
export function checkInput(protocol: Protocol, model: InputModel, input: Readonly<Record<string, unknown>>, errors: ValidationErrors): void {
  const problems = problemsOf(protocol, model, input, errors, '');
  if (problems.length > 0) {
    const count = `${problems.length} validation error${problems.length > 1 ? 's' : ''} detected: `;
    throw new ServiceError(errors.validation.code, count + problems.join('; '), errors.validation.status);
  }
}
