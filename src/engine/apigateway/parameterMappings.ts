/**
 * Integration `requestParameters` that read a path parameter: `method.request.path.id` (REST)
 * or `$request.path.id` (HTTP APIs). The name must be a `{id}` / `{id+}` segment of the
 * operation's path: API Gateway rejects the import otherwise ("Invalid mapping expression
 * specified: ... method.request.path.id").
 */
import type { MappingNode } from '../document/located';
import { getValue } from '../document/located';
import type { ApiGatewayCheckContext } from './values';
import { plainMapping, stringOf } from './values';

const PATH_SOURCE = /^(?:method\.request|\$request)\.path\.(.+)$/;

/** Checks the path-parameter sources of an integration's requestParameters against its path. */
export function checkPathParameterMappings(integration: MappingNode, path: string, context: ApiGatewayCheckContext): void {
  const mappings = plainMapping(getValue(integration, 'requestParameters'));
  if (!mappings) return;
  const names = pathParameterNames(path);
  for (const pair of mappings.pairs) {
    const source = stringOf(pair.value);
    const match = source === undefined ? undefined : PATH_SOURCE.exec(source.trim());
    if (!match || names.includes(match[1]!)) continue;
    const known = names.length > 0 ? ` (its parameters: ${names.join(', ')})` : ' (it has no parameters)';
    context.report(pair.value.span, `'${source}' reads path parameter '${match[1]}', which is not in the path '${path}'${known}: API Gateway rejects the import.`);
  }
}

/** The `{name}` / `{name+}` segments of a path template (`+` marks a greedy proxy segment). */
export function pathParameterNames(path: string): string[] {
  const out: string[] = [];
  let at = path.indexOf('{');
  while (at >= 0) {
    const end = path.indexOf('}', at);
    if (end < 0) break;
    out.push(path.slice(at + 1, end).replace(/\+$/, ''));
    at = path.indexOf('{', end);
  }
  return out;
}
