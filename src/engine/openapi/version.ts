import type { LocatedNode, ScalarNode } from '../document/located';
import { getPair } from '../document/located';

/** The OpenAPI versions ArchLens validates: Swagger 2.0, OpenAPI 3.0.x, 3.1.x and 3.2.x. */
export type OpenApiVersion = '2.0' | '3.0' | '3.1' | '3.2';

/** The versions with 3.1's JSON Schema 2020-12 dialect, webhooks and `components.pathItems`. */
export function isJsonSchemaDialect(version: OpenApiVersion): boolean {
  return version === '3.1' || version === '3.2';
}

/** The version of an OpenAPI document and the scalar that declares it. */
export interface VersionInfo {
  readonly version: OpenApiVersion;
  /** The `openapi` / `swagger` key: where document-level findings go. */
  readonly key: ScalarNode;
  /** The declared version as written (`3.0.3`). */
  readonly text: string;
}

/** A declared version ArchLens cannot validate (`openapi: 4.0.0`), for `oas-version`. */
export interface UnsupportedVersion {
  readonly key: ScalarNode;
  readonly value: ScalarNode;
  readonly text: string;
}

/**
 * Reads `swagger: "2.0"` or `openapi: 3.x.y`. A later 3.x minor than 3.2 is validated as 3.2,
 * the closest schema (`oas-version` says so); `openapi: 3.0` without a patch is accepted as 3.0
 * (the schema reports it); `swagger: 2.0.0` is read as 2.0 (the schema reports the value).
 */
export function openApiVersion(root: LocatedNode | undefined): VersionInfo | undefined {
  const openapi = getPair(root, 'openapi');
  if (openapi?.value.kind === 'scalar') {
    // The source text: an unquoted `openapi: 3.0` is the YAML number 3.
    const text = unquoted(openapi.value.text);
    const match = /^3\.(\d+)/.exec(text);
    if (match) return { version: minorVersion(Number(match[1])), key: openapi.key, text };
    return undefined;
  }
  const swagger = getPair(root, 'swagger');
  if (swagger?.value.kind === 'scalar' && /^2(\.0)*$/.test(unquoted(swagger.value.text))) return { version: '2.0', key: swagger.key, text: unquoted(swagger.value.text) };
  return undefined;
}

function minorVersion(minor: number): OpenApiVersion {
  if (minor === 0) return '3.0';
  return minor === 1 ? '3.1' : '3.2';
}

/** JSON source text keeps its quotes; YAML scalars' `text` may too. */
function unquoted(text: string): string {
  return text.replace(/^["']|["']$/g, '');
}

/**
 * The `openapi` / `swagger` declaration of a document whose version ArchLens has no schema for
 * (`openapi: 4.0.0`, `swagger: "1.2"`), or undefined.
 */
export function unsupportedVersion(root: LocatedNode | undefined): UnsupportedVersion | undefined {
  if (openApiVersion(root)) return undefined;
  const pair = getPair(root, 'openapi') ?? getPair(root, 'swagger');
  if (pair?.value.kind !== 'scalar') return undefined;
  return { key: pair.key, value: pair.value, text: unquoted(pair.value.text) };
}
