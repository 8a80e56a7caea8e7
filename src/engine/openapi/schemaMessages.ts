/**
 * Plain-language messages for {@link SchemaIssue}s, and which token each one points at.
 * Messages name the field and the OpenAPI object, never the schema path.
 */
import { suggest } from '../util/suggest';
import { kindName } from './locations';
import type { SchemaIssue } from './schemaErrors';
import { lookupTable } from '../util/lookup';

/** Where a finding goes: the key of a property, the object holding it, or the value itself. */
export type IssueAnchor = { readonly at: 'property'; readonly property: string } | { readonly at: 'holder' } | { readonly at: 'value' };

/** A rendered issue. */
export interface RenderedIssue {
  readonly message: string;
  readonly anchor: IssueAnchor;
  /** Replacement suggestions for the anchored token (did you mean). */
  readonly suggestions: readonly string[];
}

const code = (text: unknown): string => `\`${String(text)}\``;

/** The field an issue is about: `in`, `tags[2]`, or "the document". */
function fieldName(tokens: readonly string[]): string {
  const last = tokens[tokens.length - 1];
  if (last === undefined) return 'the document';
  if (/^\d+$/.test(last) && tokens.length > 1) return code(`${tokens[tokens.length - 2]}[${last}]`);
  return code(last);
}

function list(values: readonly unknown[], conjunction = 'or'): string {
  const shown = values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown[shown.length - 1]}`;
}

const TYPE_NAMES: Record<string, string> = lookupTable({ string: 'a string', number: 'a number', integer: 'an integer', boolean: 'a boolean', array: 'a list', object: 'an object', null: 'null' });

function typeText(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return list(types.map((name) => TYPE_NAMES[String(name)] ?? String(name)));
}

function plural(count: unknown, one: string, many: string): string {
  return `${String(count)} ${Number(count) === 1 ? one : many}`;
}

/** Renders an issue; `actual` is the value at the issue's path (for "did you mean"). */
export function renderIssue(issue: SchemaIssue, actual: unknown): RenderedIssue {
  const field = fieldName(issue.tokens);
  const where = kindName(issue.where);
  const p = issue.params;
  const value = { at: 'value' } as const;
  const holder = { at: 'holder' } as const;
  switch (issue.keyword) {
    case 'required':
      if (issue.anyOfRequired) return { message: `one of ${list(issue.anyOfRequired.map(code))} is required in ${where}`, anchor: holder, suggestions: [] };
      return { message: `${code(issue.property)} is required in ${where}`, anchor: holder, suggestions: [] };
    case 'additionalProperties':
      return unknownField(issue);
    case 'enum': {
      const allowed = issue.allowed ?? [];
      const strings = allowed.filter((item): item is string => typeof item === 'string');
      const suggestions = typeof actual === 'string' ? suggest(actual, strings) : [];
      const hint = suggestions.length > 0 ? `; did you mean ${list(suggestions.map(code))}?` : '';
      return { message: `${field} must be ${allowed.length === 1 ? code(allowed[0]) : `one of ${list(allowed)}`}${hint}`, anchor: value, suggestions };
    }
    case 'type':
      return { message: `${field} must be ${typeText(p['type'])}`, anchor: value, suggestions: [] };
    case 'pattern':
      if (issue.tokens.length === 1 && issue.tokens[0] === 'openapi') {
        return { message: `${field} must be a full version number such as 3.0.3 or 3.1.0`, anchor: value, suggestions: [] };
      }
      return { message: `${field} must match the pattern ${code(p['pattern'])}`, anchor: value, suggestions: [] };
    case 'minItems':
      return { message: `${field} must have at least ${plural(p['limit'], 'item', 'items')}`, anchor: holder, suggestions: [] };
    case 'maxItems':
      return { message: `${field} must have at most ${plural(p['limit'], 'item', 'items')}`, anchor: value, suggestions: [] };
    case 'minProperties':
      return { message: `${field} must have at least ${plural(p['limit'], 'entry', 'entries')}`, anchor: holder, suggestions: [] };
    case 'maxProperties':
      return { message: `${field} must have at most ${plural(p['limit'], 'entry', 'entries')}`, anchor: value, suggestions: [] };
    case 'minLength':
      return { message: `${field} must not be shorter than ${plural(p['limit'], 'character', 'characters')}`, anchor: value, suggestions: [] };
    case 'maxLength':
      return { message: `${field} must not be longer than ${plural(p['limit'], 'character', 'characters')}`, anchor: value, suggestions: [] };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { message: `${field} must be ${String(p['comparison'])} ${String(p['limit'])}`, anchor: value, suggestions: [] };
    case 'multipleOf':
      return { message: `${field} must be a multiple of ${String(p['multipleOf'])}`, anchor: value, suggestions: [] };
    case 'uniqueItems':
      return { message: `${field} must not repeat items (items ${String(p['j'])} and ${String(p['i'])} are equal)`, anchor: value, suggestions: [] };
    case 'not':
      return { message: issue.description ? `${issue.description} (in ${where})` : `${field} is not allowed in this form`, anchor: holder, suggestions: [] };
    case 'false schema':
      return { message: `${field} is not allowed here`, anchor: value, suggestions: [] };
    case 'dependencies':
    case 'dependentRequired':
      return { message: `${code(p['property'])} requires ${code(p['missingProperty'])} in ${where}`, anchor: holder, suggestions: [] };
    case 'oneOf':
      return { message: issue.description ? `${field} is ambiguous: ${issue.description}` : `${field} matches more than one of the allowed forms`, anchor: holder, suggestions: [] };
    default:
      return { message: `${field} is not valid here (${issue.keyword})`, anchor: value, suggestions: [] };
  }
}

function unknownField(issue: SchemaIssue): RenderedIssue {
  const property = issue.property ?? '';
  const anchor = { at: 'property', property } as const;
  if (issue.where === 'paths') return { message: `path ${code(property)} must start with / (extensions start with x-)`, anchor, suggestions: [] };
  if (issue.where === 'responses') {
    return { message: `${code(property)} is not a response code: use a status code such as 200, a range such as 4XX, or default`, anchor, suggestions: [] };
  }
  const suggestions = suggest(property, issue.known ?? []);
  const hint = suggestions.length > 0 ? `; did you mean ${list(suggestions.map(code))}?` : property.startsWith('x') || property.startsWith('X') ? ' (extensions must start with x-)' : '';
  return { message: `unknown field ${code(property)} in ${kindName(issue.where)}${hint}`, anchor, suggestions };
}
