/**
 * What the OpenAPI language features share: the document model (version, index, resolver)
 * built from an `AnalyzedDocument` and the host's file access, `$ref`s at an offset and in
 * the whole document, and the component (or other target) a position names.
 */
import type { AnalyzedDocument } from '../../analyzedDocument';
import type { LocatedNode, ScalarNode, Span } from '../../document/located';
import { getValue, isStringScalar } from '../../document/located';
import { nodeAt, pathKeys } from '../../document/nodeAt';
import { parseDocument } from '../../document/parseDocument';
import type { OpenApiModel, SectionInfo } from '../model';
import { cachedOpenApiModel, sectionsOf } from '../model';
import { textWithoutLine } from '../../language/typing';
import { escapeToken, walkPointer } from '../pointer';
import { dirname, joinPath, parseRef } from '../refs';
import type { FileAccess, RefBase } from '../refs';
import { keyOf } from '../spans';
import type { OpenApiVersion } from '../version';

/** How the features reach other files (multi-file `$ref`s); the same contract as `AnalyzerHost.readFile`. */
export type OpenApiLanguageHost = FileAccess;

/** A place in this document (`fileName` undefined) or in another file (`fileName` as the resolver joined it). */
export interface OpenApiLocation {
  readonly fileName?: string;
  readonly span: Span;
}

/** The OpenAPI model of an analyzed document, shared with the rules' (see `cachedOpenApiModel`), or undefined. */
export function languageModel(analyzed: AnalyzedDocument, host?: OpenApiLanguageHost): OpenApiModel | undefined {
  return cachedOpenApiModel(analyzed.document, analyzed.fileName, host ?? {});
}

/** The version written in the text, for documents that do not parse (mid-edit). */
export function versionFromText(text: string): OpenApiVersion | undefined {
  const head = text.slice(0, 20_000);
  // `[ \t]*`, not `\s*`: with `m`, `\s*` would rescan every following blank line from each line start.
  const openapi = /(?:^|[{,])[ \t]*["']?openapi["']?[ \t]*:[ \t]*["']?3\.(\d+)/m.exec(head);
  if (openapi) return openapi[1] === '0' ? '3.0' : openapi[1] === '1' ? '3.1' : '3.2';
  return /(?:^|[{,])[ \t]*["']?swagger["']?[ \t]*:[ \t]*["']?2\.0/m.test(head) ? '2.0' : undefined;
}

/**
 * The root to read names from while typing: the parsed root, or (when the document does not
 * parse) the root of the text with the line being typed blanked out.
 */
export function rootWhileTyping(analyzed: AnalyzedDocument, offset: number): LocatedNode | undefined {
  if (analyzed.document.root) return analyzed.document.root;
  return parseDocument(analyzed.fileName, textWithoutLine(analyzed.text, offset)).root;
}

// ---------------------------------------------------------------------------------------------
// Component sections

export { sectionsOf } from '../model';
export type { EntryKind, SectionInfo } from '../model';

/** The pointer prefix of a `$ref` into a section (`#/components/schemas/`). */
export function sectionPrefix(section: SectionInfo): string {
  return `#/${section.tokens.map(escapeToken).join('/')}/`;
}

/** The length of the component part of pointer tokens: 3 for `components/x/Name`, 2 for 2.0 sections, else all. */
export function componentLength(tokens: readonly string[]): number {
  if (tokens[0] === 'components' && tokens.length >= 3) return 3;
  if (['definitions', 'parameters', 'responses', 'securityDefinitions'].includes(tokens[0] ?? '') && tokens.length >= 2) return 2;
  return tokens.length;
}

// ---------------------------------------------------------------------------------------------
// $refs

/** A `$ref` string (or a discriminator mapping value) in this document. */
export interface RefOccurrence {
  readonly value: ScalarNode;
  /** The reference; for a discriminator mapping that names a schema, the equivalent `#/...` pointer. */
  readonly ref: string;
  /** True for a discriminator mapping value that is a bare schema name (renamed as a name). */
  readonly bareName?: boolean;
}

const refsCache = new WeakMap<OpenApiModel, RefOccurrence[]>();

/**
 * Every `$ref` of the document that can name a component: the index's (outside examples and
 * extensions), the `$ref`s inside `x-amazon-apigateway-integration(s)` (HTTP APIs share
 * integrations that way) and discriminator mapping values.
 */
export function allRefs(model: OpenApiModel): RefOccurrence[] {
  const cached = refsCache.get(model);
  if (cached) return cached;
  const out: RefOccurrence[] = model.index.refs.map((site) => ({ value: site.value, ref: site.ref }));
  const schemas = model.version === '2.0' ? '#/definitions/' : '#/components/schemas/';
  for (const value of model.index.discriminatorMappings) {
    const text = String(value.value);
    const bare = !text.includes('#') && !text.includes('/') && !text.includes('.');
    out.push(bare ? { value, ref: schemas + escapeToken(text), bareName: true } : { value, ref: text });
  }
  collectExtensionRefs(model.root, out, 0);
  refsCache.set(model, out);
  return out;
}

function collectExtensionRefs(node: LocatedNode, out: RefOccurrence[], depth: number, inside = false): void {
  if (depth > 64) return;
  if (node.kind === 'sequence') for (const item of node.items) collectExtensionRefs(item, out, depth + 1, inside);
  if (node.kind !== 'mapping') return;
  for (const pair of node.pairs) {
    const key = pair.key.text;
    if (inside && key === '$ref' && isStringScalar(pair.value)) out.push({ value: pair.value, ref: String(pair.value.value) });
    else if (key === 'x-amazon-apigateway-integration' || key === 'x-amazon-apigateway-integrations') collectExtensionRefs(pair.value, out, depth + 1, true);
    else if (!inside && !['example', 'examples', 'default', 'enum', 'const', 'x-amazon-apigateway-policy', 'x-amazon-apigateway-documentation'].includes(key)) collectExtensionRefs(pair.value, out, depth + 1, false);
  }
}

/** The `$ref` (or discriminator mapping value) at an offset: on the value, or on its `$ref` key. */
export function refAt(model: OpenApiModel, offset: number): RefOccurrence | undefined {
  const hit = nodeAt(model.root, offset);
  if (!hit) return undefined;
  const keys = pathKeys(hit.path);
  const last = hit.path[hit.path.length - 1];
  if (last && 'key' in last && last.key === '$ref' && isStringScalar(last.pair.value)) return { value: last.pair.value, ref: String(last.pair.value.value) };
  if (!hit.isKey && isStringScalar(hit.node) && keys[keys.length - 3] === 'discriminator' && keys[keys.length - 2] === 'mapping') {
    return allRefs(model).find((occurrence) => occurrence.value === hit.node);
  }
  return undefined;
}

/** The normalized path of the document itself, as the resolver names it. */
export function mainPath(model: OpenApiModel): string {
  return joinPath('', model.fileName);
}

/** Where a ref points, as a file and pointer tokens; undefined for anchors, `$id`s, remote and invalid refs. */
export function refLocation(model: OpenApiModel, ref: string): { readonly file: string; readonly tokens: readonly string[] } | undefined {
  const target = parseRef(ref);
  if (target.kind !== 'pointer') return undefined;
  return { file: target.file === undefined ? mainPath(model) : joinPath(dirname(model.fileName), target.file), tokens: target.tokens };
}

// ---------------------------------------------------------------------------------------------
// Targets

/** A named thing a position refers to: a component (here or in another file) or another pointer target. */
export interface Target {
  /** The file that defines it (normalized). */
  readonly file: string;
  readonly local: boolean;
  /** Pointer tokens of the target in its file. */
  readonly tokens: readonly string[];
  readonly name: string;
  /** The target's value and its key span (undefined when it does not resolve). */
  readonly node: LocatedNode | undefined;
  readonly keySpan: Span | undefined;
  /** The span under the cursor (a key, a ref value, a security requirement name). */
  readonly span: Span;
  /** For a security scheme: security requirements name it, not `$ref`s. */
  readonly isSecurityScheme: boolean;
}

/** The component section whose entry a key path (or pointer tokens) names, if any. */
export function sectionOfKey(model: OpenApiModel, keys: readonly (string | number)[]): SectionInfo | undefined {
  return sectionsOf(model.version, model.root).find((section) => keys.length === section.tokens.length + 1 && section.tokens.every((token, i) => keys[i] === token));
}

/** The target at an offset: a component key, a `$ref` to something, or a security requirement name. */
export function targetAt(model: OpenApiModel, offset: number): Target | undefined {
  const hit = nodeAt(model.root, offset);
  if (!hit) return undefined;
  const keys = pathKeys(hit.path);
  if (hit.isKey && hit.node.kind === 'scalar') {
    const section = sectionOfKey(model, keys);
    if (section) {
      const name = hit.node.text;
      const node = getValue(section.node, name);
      return { file: mainPath(model), local: true, tokens: [...section.tokens, name], name, node, keySpan: hit.node.span, span: hit.node.span, isSecurityScheme: section.entryKind === 'securityScheme' };
    }
    const requirement = model.index.security.find((entry) => entry.name === hit.node);
    if (requirement) {
      const section = sectionsOf(model.version, model.root).find((candidate) => candidate.entryKind === 'securityScheme')!;
      const name = requirement.name.text;
      const node = getValue(section.node, name);
      return { file: mainPath(model), local: true, tokens: [...section.tokens, name], name, node, keySpan: node ? keyOf(node) : undefined, span: hit.node.span, isSecurityScheme: true };
    }
  }
  const occurrence = refAt(model, offset);
  if (!occurrence) return undefined;
  return targetOfRef(model, occurrence);
}

/** The target a `$ref` names (the component it points into, for pointers into component sections). */
export function targetOfRef(model: OpenApiModel, occurrence: RefOccurrence): Target | undefined {
  const location = refLocation(model, occurrence.ref);
  const span = occurrence.value.span;
  if (!location) {
    // Anchors and `$id`s: the node they resolve to, as a target without a name to rename.
    const resolution = model.resolve(occurrence.ref);
    if (!resolution.ok) return undefined;
    const keySpan = keyOf(resolution.node);
    const local = resolution.base.root === model.root;
    return { file: local ? mainPath(model) : resolution.base.file, local, tokens: [], name: occurrence.ref, node: resolution.node, keySpan, span, isSecurityScheme: false };
  }
  const tokens = location.tokens.slice(0, componentLength(location.tokens));
  const local = location.file === mainPath(model);
  let node: LocatedNode | undefined;
  let keySpan: Span | undefined;
  if (local) {
    node = walkPointer(model.root, tokens).node;
  } else {
    const document = model.resolver.file(location.file);
    node = document?.root ? walkPointer(document.root, tokens).node : undefined;
  }
  if (node) keySpan = keyOf(node) ?? (node.parent === undefined ? { start: 0, end: 0 } : undefined);
  const name = tokens.length > 0 ? tokens[tokens.length - 1]! : location.file;
  const isSecurityScheme = tokens.length >= 2 && (tokens[0] === 'securityDefinitions' || tokens[1] === 'securitySchemes');
  return { file: location.file, local, tokens, name, node, keySpan, span, isSecurityScheme };
}

/** Whether a `$ref` of this document points at (or into) a target. */
export function refMatches(model: OpenApiModel, occurrence: RefOccurrence, target: Target): boolean {
  const location = refLocation(model, occurrence.ref);
  if (location) {
    if (location.file !== target.file || location.tokens.length < target.tokens.length) return false;
    return target.tokens.every((token, i) => location.tokens[i] === token);
  }
  // Anchors and `$id`s resolve to a node: does it lie inside the target?
  if (!target.node) return false;
  const resolution = model.resolve(occurrence.ref);
  if (!resolution.ok) return false;
  for (let node: LocatedNode | undefined = resolution.node; node; node = node.parent) if (node === target.node) return true;
  return false;
}

/** A resolution's node as a location: its key, the start of its file for a whole file, else its span. */
export function locationOfNode(model: OpenApiModel, node: LocatedNode, base: RefBase): OpenApiLocation {
  const span = keyOf(node) ?? (node.parent === undefined ? { start: 0, end: 0 } : node.span);
  return base.root === model.root ? { span } : { fileName: base.file, span };
}

/** The raw span of one pointer segment (token `index`) inside a `$ref` scalar's source, when it can be found. */
export function segmentSpan(text: string, value: ScalarNode, index: number): Span | undefined {
  const raw = text.slice(value.span.start, value.span.end);
  const hash = raw.indexOf('#');
  if (hash < 0) return undefined;
  const segments = raw.slice(hash + 1).split('/');
  let start = value.span.start + hash + 1;
  for (let i = 0; i <= index && i + 1 < segments.length; i++) start += segments[i]!.length + 1;
  const segment = segments[index + 1];
  if (segment === undefined) return undefined;
  const clean = segment.replace(/["']$/, '');
  return { start, end: start + clean.length };
}
