import type { LocatedNode, ScalarNode } from '../document/located';
import { getPair } from '../document/located';

/** The OpenAPI versions ArchLens validates: Swagger 2.0, OpenAPI 3.0.x and 3.1.x. */
export type OpenApiVersion = '2.0' | '3.0' | '3.1';

/** The version of an OpenAPI document and the scalar that declares it. */
export interface VersionInfo {
  readonly version: OpenApiVersion;
  /** The `openapi` / `swagger` key: where document-level findings go. */
  readonly key: ScalarNode;
  /** The declared version as written (`3.0.3`). */
  readonly text: string;
}

/**
 * Reads `swagger: "2.0"` or `openapi: 3.x.y`. Later 3.x minors (3.2) are validated as 3.1,
 * the closest schema; `openapi: 3.0` without a patch is accepted as 3.0 (the schema reports it).
 */
export function openApiVersion(root: LocatedNode | undefined): VersionInfo | undefined {
  const openapi = getPair(root, 'openapi');
  if (openapi?.value.kind === 'scalar') {
    // The source text: an unquoted `openapi: 3.0` is the YAML number 3.
    const match = /^3\.(\d+)/.exec(openapi.value.text);
    if (match) return { version: match[1] === '0' ? '3.0' : '3.1', key: openapi.key, text: openapi.value.text };
  }
  const swagger = getPair(root, 'swagger');
  if (swagger?.value.kind === 'scalar' && swagger.value.text === '2.0') return { version: '2.0', key: swagger.key, text: '2.0' };
  return undefined;
}
