/**
 * `$ref` resolution for OpenAPI documents: local JSON pointers, 3.1 anchors and `$id`s, and
 * relative files read through the host. The engine never fetches: remote (`http(s):`) refs
 * and absolute file refs are classified and left to the caller to report.
 */
import type { LocatedNode, ParsedDocument } from '../document/located';
import { getValue, isStringScalar } from '../document/located';
import { parseDocument } from '../document/parseDocument';
import { parsePointer, percentDecode, walkPointer } from './pointer';

/** What a `$ref` string points at, before any file is read. */
export type RefTarget =
  | { readonly kind: 'pointer'; readonly file: string | undefined; readonly tokens: readonly string[] }
  | { readonly kind: 'anchor'; readonly file: string | undefined; readonly anchor: string }
  | { readonly kind: 'uri'; readonly uri: string; readonly fragment: string }
  | { readonly kind: 'remote'; readonly uri: string }
  | { readonly kind: 'absolute'; readonly path: string; readonly fragment: string }
  | { readonly kind: 'invalid'; readonly reason: string };

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/**
 * Classifies a `$ref`. `file` is undefined for a same-document reference, else the path
 * relative to the referring file's directory (joined by {@link joinPath}).
 */
export function parseRef(ref: string): RefTarget {
  const hash = ref.indexOf('#');
  const location = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  const scheme = SCHEME.exec(location)?.[1]?.toLowerCase();
  // A one-letter "scheme" is a Windows drive (`C:\specs\pet.yaml`): an absolute path.
  if (scheme === 'file' || (scheme && scheme.length === 1) || location.startsWith('/') || location.startsWith('\\')) {
    const path = scheme === 'file' ? filePathOfUrl(location) : percentDecode(location);
    if (path === undefined) return { kind: 'invalid', reason: `'${location}' is not a valid file URL or path` };
    return { kind: 'absolute', path, fragment };
  }
  if (scheme === 'http' || scheme === 'https') return { kind: 'remote', uri: ref };
  if (scheme) return { kind: 'uri', uri: location, fragment };
  let file: string | undefined;
  if (location !== '') {
    file = percentDecode(location);
    if (file === undefined) return { kind: 'invalid', reason: `'${location}' has a malformed percent escape` };
  }
  const decoded = percentDecode(fragment);
  if (decoded === undefined) return { kind: 'invalid', reason: `'#${fragment}' has a malformed percent escape` };
  if (decoded === '' || decoded.startsWith('/')) {
    const tokens = parsePointer(decoded);
    if (!tokens) return { kind: 'invalid', reason: `'#${fragment}' is not a valid JSON pointer (use ~0 for ~ and ~1 for /)` };
    return { kind: 'pointer', file, tokens };
  }
  return { kind: 'anchor', file, anchor: decoded };
}

function filePathOfUrl(url: string): string | undefined {
  const match = /^file:\/\/([^/]*)(\/.*)?$/i.exec(url);
  if (!match || (match[1] !== '' && match[1]!.toLowerCase() !== 'localhost')) return undefined;
  const path = percentDecode(match[2] ?? '/');
  // file:///C:/x is the Windows path C:/x.
  return path && /^\/[A-Za-z]:/.test(path) ? path.slice(1) : path;
}

/** The directory part of a path (either separator), '' for a bare file name. */
export function dirname(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

/** Joins a relative reference to a base directory and removes `.` and `..` segments. */
export function joinPath(baseDir: string, relative: string): string {
  const joined = (baseDir + relative).replace(/\\/g, '/');
  const absolute = joined.startsWith('/');
  const out: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (segment === '..' && absolute) continue;
    else out.push(segment);
  }
  return (absolute ? '/' : '') + out.join('/');
}

/** A document that refs resolve in: the linted file or a file it references. */
export interface RefBase {
  readonly file: string;
  readonly root: LocatedNode;
}

/** Why a `$ref` did not resolve. */
export type RefFailure =
  | 'missing'
  | 'invalid'
  | 'file-missing'
  | 'file-unparsable'
  | 'no-file-access'
  | 'remote'
  | 'absolute'
  | 'cycle';

/** Outcome of resolving a `$ref`. */
export type Resolution =
  | { readonly ok: true; readonly node: LocatedNode; readonly base: RefBase }
  | {
      readonly ok: false;
      readonly failure: RefFailure;
      readonly message: string;
      /** For a missing pointer: the node where the walk stopped and the token that failed. */
      readonly stoppedAt?: { readonly node: LocatedNode; readonly token: string; readonly prefix: readonly string[] };
    };

/** How the resolver reaches other files; both come from the analyzer host. */
export interface FileAccess {
  readonly readFile?: (path: string) => string | undefined;
  readonly followAbsoluteFileRefs?: boolean;
}

/**
 * Resolves refs across the linted file and the files it references. Each file is read and
 * parsed once per resolver (one resolver per linted document version).
 */
export class RefResolver {
  private readonly files = new Map<string, ParsedDocument | undefined>();
  private readonly ids = new Map<LocatedNode, Map<string, LocatedNode>>();

  /** The linted document as a base for its own refs. */
  readonly main: RefBase;

  constructor(fileName: string, document: ParsedDocument & { readonly root: LocatedNode }, private readonly access: FileAccess) {
    this.main = { file: fileName, root: document.root };
    // A ref back into the linted file by name (`./api.yaml#/...`) must see the editor's text.
    this.files.set(joinPath('', fileName), document);
  }

  private readonly resolved = new Map<LocatedNode, Map<string, Resolution>>();

  /** Resolves one `$ref` written in `base` (memoized: big APIs repeat the same refs thousands of times). */
  resolve(ref: string, base: RefBase): Resolution {
    let memo = this.resolved.get(base.root);
    if (!memo) this.resolved.set(base.root, (memo = new Map<string, Resolution>()));
    let resolution = memo.get(ref);
    if (!resolution) memo.set(ref, (resolution = this.resolveUncached(ref, base)));
    return resolution;
  }

  private resolveUncached(ref: string, base: RefBase): Resolution {
    const target = parseRef(ref);
    switch (target.kind) {
      case 'invalid':
        return { ok: false, failure: 'invalid', message: target.reason };
      case 'remote':
        return { ok: false, failure: 'remote', message: `remote $ref '${ref}' not followed` };
      case 'absolute': {
        if (!this.access.followAbsoluteFileRefs) return { ok: false, failure: 'absolute', message: `absolute file $ref '${ref}' not followed` };
        return this.inFile(target.path, target.fragment, ref);
      }
      case 'uri': {
        // 3.1: a schema can be named by its `$id`.
        const node = this.idsOf(base.root).get(target.uri) ?? this.idsOf(this.main.root).get(target.uri);
        if (node && target.fragment === '') return { ok: true, node, base };
        return { ok: false, failure: 'remote', message: `$ref '${ref}' names no file and no $id of this document; not followed` };
      }
      case 'pointer':
      case 'anchor': {
        if (target.file === undefined) return target.kind === 'pointer' ? this.inRoot(base, target.tokens, ref) : this.anchorIn(base, target.anchor, ref);
        const path = joinPath(dirname(base.file), target.file);
        return this.inFile(path, ref.slice(ref.indexOf('#') + 1 || ref.length), ref);
      }
    }
  }

  /** Follows a chain of `{ $ref }` objects to the first node that is not one. */
  follow(node: LocatedNode, base: RefBase): Resolution {
    let current: Resolution = { ok: true, node, base };
    const seen = new Set<LocatedNode>();
    while (current.ok) {
      const ref = getValue(current.node, '$ref');
      if (!isStringScalar(ref)) return current;
      if (seen.has(current.node) || seen.size > 64) return { ok: false, failure: 'cycle', message: 'circular $ref chain: the references point at each other and never reach an object' };
      seen.add(current.node);
      current = this.resolve(ref.value as string, current.base);
    }
    return current;
  }

  /** The parsed file at a path (joined, normalized), or undefined when unreadable. */
  file(path: string): ParsedDocument | undefined {
    if (!this.files.has(path)) {
      const text = this.access.readFile?.(path);
      this.files.set(path, text === undefined ? undefined : parseReferencedFile(path, text));
    }
    return this.files.get(path);
  }

  private inFile(path: string, fragment: string, ref: string): Resolution {
    if (!this.access.readFile) return { ok: false, failure: 'no-file-access', message: `$ref '${ref}' is in another file, which this host cannot read` };
    const document = this.file(path);
    if (!document) return { ok: false, failure: 'file-missing', message: `$ref '${ref}': cannot read '${path}'` };
    if (!document.root || document.problems.some((problem) => problem.severity === 'error')) {
      return { ok: false, failure: 'file-unparsable', message: `$ref '${ref}': '${path}' is not valid YAML or JSON` };
    }
    const base: RefBase = { file: path, root: document.root };
    const decoded = percentDecode(fragment);
    if (decoded === undefined) return { ok: false, failure: 'invalid', message: `'#${fragment}' has a malformed percent escape` };
    if (decoded !== '' && !decoded.startsWith('/')) return this.anchorIn(base, decoded, ref);
    const tokens = parsePointer(decoded);
    if (!tokens) return { ok: false, failure: 'invalid', message: `'#${fragment}' is not a valid JSON pointer (use ~0 for ~ and ~1 for /)` };
    return this.inRoot(base, tokens, ref);
  }

  private inRoot(base: RefBase, tokens: readonly string[], ref: string): Resolution {
    const walk = walkPointer(base.root, tokens);
    if (walk.node) return { ok: true, node: walk.node, base };
    const token = tokens[walk.failedAt]!;
    return {
      ok: false,
      failure: 'missing',
      message: `$ref '${ref}' does not resolve: no '${token}' at '#${tokens.slice(0, walk.failedAt).map((t) => `/${t}`).join('')}'`,
      stoppedAt: { node: walk.last, token, prefix: tokens.slice(0, walk.failedAt) },
    };
  }

  private anchorIn(base: RefBase, anchor: string, ref: string): Resolution {
    const node = this.idsOf(base.root).get(`#${anchor}`);
    if (node) return { ok: true, node, base };
    return { ok: false, failure: 'missing', message: `$ref '${ref}' does not resolve: no $anchor '${anchor}' in the document` };
  }

  /** `$id` and `$anchor` values of a document (3.1 schemas), computed on first use. */
  private idsOf(root: LocatedNode): Map<string, LocatedNode> {
    let ids = this.ids.get(root);
    if (!ids) {
      ids = new Map();
      collectIds(root, ids);
      this.ids.set(root, ids);
    }
    return ids;
  }
}

/**
 * Referenced files by path, with the text they were parsed from. The server re-lints on every
 * keystroke with a fresh resolver; an unchanged referenced file (a shared components file is
 * often the biggest one) is then not parsed again. Least recently used entries are evicted.
 */
const MAX_PARSED_FILES = 64;
const parsedFiles = new Map<string, ParsedDocument>();

function parseReferencedFile(path: string, text: string): ParsedDocument {
  const cached = parsedFiles.get(path);
  parsedFiles.delete(path);
  const document = cached?.text === text ? cached : parseDocument(path, text);
  parsedFiles.set(path, document);
  if (parsedFiles.size > MAX_PARSED_FILES) parsedFiles.delete(parsedFiles.keys().next().value!);
  return document;
}

function collectIds(node: LocatedNode, out: Map<string, LocatedNode>): void {
  if (node.kind === 'sequence') for (const item of node.items) collectIds(item, out);
  if (node.kind !== 'mapping') return;
  for (const pair of node.pairs) {
    const key = pair.key.text;
    if ((key === '$anchor' || key === '$dynamicAnchor') && isStringScalar(pair.value)) out.set(`#${String(pair.value.value)}`, node);
    else if (key === '$id' && isStringScalar(pair.value)) out.set(String(pair.value.value).replace(/#$/, ''), node);
    else if (!key.startsWith('x-') && key !== 'example' && key !== 'examples' && key !== 'enum' && key !== 'const' && key !== 'default') collectIds(pair.value, out);
  }
}
