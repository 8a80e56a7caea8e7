/**
 * OpenAPI definitions that templates carry: inline bodies, `AWS::Include` files and
 * SAM `DefinitionUri` files. Sources: the `Body` / `BodyS3Location` properties of
 * `AWS::ApiGateway::RestApi` and `AWS::ApiGatewayV2::Api`, `DefinitionBody` /
 * `DefinitionUri` of `AWS::Serverless::Api` and `AWS::Serverless::HttpApi`, and the
 * `AWS::Include` transform (whose `Location` the CLI and SAM upload when it is local).
 */
import type { LocatedNode, Span } from '../document/located';
import { getPair, getValue } from '../document/located';
import type { TemplateModel } from '../cfn/template';
import { asIntrinsic } from '../cfn/intrinsics';
import { stringOf } from './values';
import { lookupTable } from '../util/lookup';

/** An OpenAPI definition a template resource carries. */
export interface EmbeddedOpenApi {
  /** Logical id of the API resource. */
  readonly resource: string;
  readonly resourceType: string;
  /** RestApi and Serverless::Api import REST APIs; ApiGatewayV2::Api and Serverless::HttpApi HTTP APIs. */
  readonly flavor: 'rest' | 'http';
  /** The inline body; undefined when the definition is in another file. */
  readonly root: LocatedNode | undefined;
  /** A local file (relative to the template) named by `AWS::Include` `Location` or SAM `DefinitionUri`. */
  readonly includeLocation?: string;
  /** Where the definition comes from. */
  readonly source: 'body' | 'include' | 'definitionUri';
  /** The body, or the `Location` / `DefinitionUri` value (where cross-file findings go). */
  readonly span: Span;
}

/** The property that holds the body and the flavor, per resource type. */
const API_TYPES: Readonly<Record<string, { readonly body: string; readonly uri?: string; readonly flavor: 'rest' | 'http' }>> = lookupTable({
  'AWS::ApiGateway::RestApi': { body: 'Body', flavor: 'rest' },
  'AWS::ApiGatewayV2::Api': { body: 'Body', flavor: 'http' },
  'AWS::Serverless::Api': { body: 'DefinitionBody', uri: 'DefinitionUri', flavor: 'rest' },
  'AWS::Serverless::HttpApi': { body: 'DefinitionBody', uri: 'DefinitionUri', flavor: 'http' },
});

const cache = new WeakMap<TemplateModel, readonly EmbeddedOpenApi[]>();

/**
 * Every OpenAPI definition of the template, in resource order. S3 locations
 * (`s3://`, `BodyS3Location`, `DefinitionUri: {Bucket, Key}`) and locations built with
 * intrinsic functions cannot be read and are left out; so are bodies chosen by `Fn::If`.
 */
export function findEmbeddedOpenApi(template: TemplateModel): readonly EmbeddedOpenApi[] {
  const cached = cache.get(template);
  if (cached) return cached;
  const out: EmbeddedOpenApi[] = [];
  for (const resource of template.resources.values()) {
    const spec = resource.type ? API_TYPES[resource.type] : undefined;
    if (!spec || !resource.type) continue;
    const base = { resource: resource.name, resourceType: resource.type, flavor: spec.flavor };
    const body = getValue(resource.properties, spec.body);
    if (body) {
      const include = includeLocation(body);
      if (include) {
        if (include.location !== undefined) out.push({ ...base, root: undefined, includeLocation: include.location, source: 'include', span: include.span });
      } else if (body.kind === 'mapping' && !asIntrinsic(body)) out.push({ ...base, root: body, source: 'body', span: body.span });
      continue;
    }
    const uri = spec.uri ? getPair(resource.properties, spec.uri)?.value : undefined;
    const path = stringOf(uri);
    if (uri && path !== undefined && isLocalPath(path)) out.push({ ...base, root: undefined, includeLocation: path, source: 'definitionUri', span: uri.span });
  }
  cache.set(template, out);
  return out;
}

/**
 * `Fn::Transform: {Name: AWS::Include, Parameters: {Location: ...}}`: undefined when the
 * node is not an include; `location` undefined when the include cannot be read here.
 */
function includeLocation(node: LocatedNode): { location: string | undefined; span: Span } | undefined {
  const call = asIntrinsic(node);
  if (call?.name !== 'Fn::Transform') return undefined;
  if (stringOf(getValue(call.argument, 'Name')) !== 'AWS::Include') return { location: undefined, span: node.span };
  const location = getValue(getValue(call.argument, 'Parameters'), 'Location');
  const path = stringOf(location);
  if (!location || path === undefined || !isLocalPath(path)) return { location: undefined, span: node.span };
  return { location: path, span: location.span };
}

/** A path the template's tools resolve next to it (not S3, not a URL). */
function isLocalPath(path: string): boolean {
  return path.trim() !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(path);
}

/** Whether a location is an absolute path (`/x`, `C:\x`, `C:/x`). */
export function isAbsoluteLocation(location: string): boolean {
  return /^([/\\]|[A-Za-z]:[/\\])/.test(location);
}

/**
 * Resolves a relative location against the template's file name, with `/` separators
 * (the engine does no I/O: the host's `readFile` gets the result). Absolute paths are kept.
 */
export function resolveLocation(templateFile: string, location: string): string {
  const normalized = location.replace(/\\/g, '/');
  if (isAbsoluteLocation(normalized)) return normalized;
  const base = templateFile.replace(/\\/g, '/');
  const directory = base.includes('/') ? base.slice(0, base.lastIndexOf('/')) : '';
  const parts = (directory ? directory.split('/') : []).concat(normalized.split('/'));
  const out: string[] = [];
  for (const part of parts) {
    if (part === '.' || (part === '' && out.length > 0)) continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(part);
  }
  return out.join('/') || '.';
}
