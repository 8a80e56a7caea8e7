// The dependencies a workspace's manifests and lockfiles name, each with the range of its name in
// the file, for the dependency-confusion check: package.json, package-lock.json (lockfile v1-v3),
// yarn.lock, pnpm-lock.yaml (v5-v9), requirements*.txt, Pipfile.lock, poetry.lock, pom.xml, *.csproj and
// packages.lock.json. Text in, dependencies out: no file system here (the CLI and the extension
// read the files). Workspace files are hostile input: bounded (at most MAX_DEPENDENCIES per file),
// JSON through the engine's located parser, lookups by own key only, names checked by
// `coordinatesOf` before anything is asked of AWS.
import type { CodeArtifactFormat, PackageCoordinates } from '../../aws/codeArtifactGateway';
import type { Range } from '../../engine/document/lineIndex';
import { LineIndex } from '../../engine/document/lineIndex';
import { parseJson } from '../../engine/document/jsonParser';
import { getValue, type LocatedNode } from '../../engine/document/located';
import { coordinatesOf } from './packageNames';

/** Dependencies read from one file at most: a lockfile of a large monorepo has a few thousand. */
export const MAX_DEPENDENCIES = 20_000;

export interface ManifestDependency {
  readonly format: CodeArtifactFormat;
  /** The name as written (`@acme/billing-client`, `Acme_ETL`, `com.acme:orders-core`). */
  readonly written: string;
  readonly coordinates: PackageCoordinates;
  /** The name's place in the file (zero-based, LSP style). */
  readonly range: Range;
}

type Reader = (text: string) => ManifestDependency[];

/** The reader for a file name (its base name), or undefined when it is not a manifest ArchLens reads. */
export function manifestReader(fileName: string): Reader | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  if (base === 'package.json') return readPackageJson;
  if (base === 'package-lock.json' || base === 'npm-shrinkwrap.json') return readPackageLock;
  if (base === 'yarn.lock') return readYarnLock;
  if (base === 'pnpm-lock.yaml') return readPnpmLock;
  if (/^requirements.*\.txt$/i.test(base)) return readRequirements;
  if (base === 'Pipfile.lock') return readPipfileLock;
  if (base === 'poetry.lock') return readPoetryLock;
  if (base === 'pom.xml') return readPom;
  if (base.endsWith('.csproj')) return readCsproj;
  if (base === 'packages.lock.json') return readNugetLock;
  return undefined;
}

/** Every dependency of one manifest (empty for an unknown or unparseable file). */
export function readManifest(fileName: string, text: string): ManifestDependency[] {
  return manifestReader(fileName)?.(text) ?? [];
}

class Collector {
  readonly out: ManifestDependency[] = [];
  private readonly index: LineIndex;

  constructor(
    text: string,
    private readonly format: CodeArtifactFormat,
  ) {
    this.index = new LineIndex(text);
  }

  get full(): boolean {
    return this.out.length >= MAX_DEPENDENCIES;
  }

  add(written: string, start: number, end: number = start + written.length): void {
    if (this.full) return;
    const coordinates = coordinatesOf(this.format, written);
    if (coordinates) this.out.push({ format: this.format, written, coordinates, range: { start: this.index.positionAt(start), end: this.index.positionAt(end) } });
  }
}

function jsonRoot(text: string): LocatedNode | undefined {
  return text.length > 50 * 1024 * 1024 ? undefined : parseJson(text).root;
}

/** Adds each key of a mapping (a key span excludes the quotes). */
function addKeys(collector: Collector, mapping: LocatedNode | undefined, name: (key: string) => string | undefined = (k) => k): void {
  if (mapping?.kind !== 'mapping') return;
  for (const pair of mapping.pairs) {
    const written = name(pair.key.text);
    if (written === undefined) continue;
    // The name's place: the end of the key text (a lockfile key `node_modules/x` ends in the name).
    const end = pair.key.span.end - (pair.key.quoted ? 1 : 0);
    collector.add(written, end - written.length, end);
  }
}

function readPackageJson(text: string): ManifestDependency[] {
  const root = jsonRoot(text);
  const c = new Collector(text, 'npm');
  for (const section of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) addKeys(c, getValue(root, section));
  return c.out;
}

function readPackageLock(text: string): ManifestDependency[] {
  const root = jsonRoot(text);
  const c = new Collector(text, 'npm');
  // v2/v3: "packages": { "node_modules/@acme/x": {...}, "node_modules/a/node_modules/b": {...} }
  addKeys(c, getValue(root, 'packages'), (key) => {
    const at = key.lastIndexOf('node_modules/');
    return at < 0 ? undefined : key.slice(at + 'node_modules/'.length);
  });
  // v1 (and v2's duplicate): "dependencies": { "name": { "dependencies": {...} } }, nested.
  if (c.out.length === 0) {
    const stack: LocatedNode[] = [];
    const top = getValue(root, 'dependencies');
    if (top) stack.push(top);
    while (stack.length > 0 && !c.full) {
      const node = stack.pop()!;
      addKeys(c, node);
      if (node.kind === 'mapping') for (const pair of node.pairs) {
        const nested = getValue(pair.value, 'dependencies');
        if (nested) stack.push(nested);
      }
    }
  }
  return dedupeByPlace(c.out);
}

function readNugetLock(text: string): ManifestDependency[] {
  const c = new Collector(text, 'nuget');
  const byFramework = getValue(jsonRoot(text), 'dependencies');
  if (byFramework?.kind === 'mapping') for (const pair of byFramework.pairs) addKeys(c, pair.value);
  return c.out;
}

function readPipfileLock(text: string): ManifestDependency[] {
  const root = jsonRoot(text);
  const c = new Collector(text, 'pypi');
  addKeys(c, getValue(root, 'default'));
  addKeys(c, getValue(root, 'develop'));
  return c.out;
}

/** Runs `each(line, offsetOfLine)` over the text's lines. */
function forLines(text: string, each: (line: string, offset: number) => void): void {
  let offset = 0;
  for (const line of text.split('\n')) {
    each(line.endsWith('\r') ? line.slice(0, -1) : line, offset);
    offset += line.length + 1;
  }
}

function readRequirements(text: string): ManifestDependency[] {
  const c = new Collector(text, 'pypi');
  forLines(text, (line, offset) => {
    // `name[extra] >= 1.0 ; marker  # comment`; options (-r, -e, --index-url) and URLs are not names.
    const m = /^(\s*)([A-Za-z0-9][A-Za-z0-9._-]*)(?=\s*(?:\[|[<>=!~;@#]|$))/.exec(line);
    if (m && !/^\s*-/.test(line) && !/:\/\//.test(line.slice(0, 200))) c.add(m[2]!, offset + m[1]!.length);
  });
  return c.out;
}

function readPoetryLock(text: string): ManifestDependency[] {
  const c = new Collector(text, 'pypi');
  let inPackage = false;
  forLines(text, (line, offset) => {
    if (/^\[\[package\]\]\s*$/.test(line)) inPackage = true;
    else if (/^\[/.test(line)) inPackage = false;
    const m = inPackage ? /^name\s*=\s*"([^"]+)"/.exec(line) : null;
    if (m) {
      c.add(m[1]!, offset + line.indexOf('"') + 1);
      inPackage = false;
    }
  });
  return c.out;
}

function readYarnLock(text: string): ManifestDependency[] {
  const c = new Collector(text, 'npm');
  forLines(text, (line, offset) => {
    // An entry header: `"@acme/x@^1.0.0", "@acme/x@^1.2.0":` or `left-pad@^1.3.0:` (not indented).
    if (line === '' || /^[\s#]/.test(line) || !line.endsWith(':')) return;
    const first = line.split(',')[0]!.trim();
    const quoted = first.startsWith('"');
    const spec = quoted ? first.slice(1).replace(/"?:?$/, '') : first.replace(/:$/, '');
    const at = spec.indexOf('@', 1);
    const name = at > 0 ? spec.slice(0, at) : spec;
    c.add(name, offset + (quoted ? 1 : 0));
  });
  return dedupeByName(c.out);
}

/** A manifest or lockfile larger than this is not read (a real one of a large monorepo is a few MB). */
export const MAX_MANIFEST_BYTES = 50 * 1024 * 1024;

/** `'@acme/x':`, `left-pad:` or `left-pad: 1.3.0` at an indent: the key and where it starts. */
const YAML_KEY = /^( *)(?:'([^']{1,1000})'|"([^"]{1,1000})"|([^\s'"#:][^:]{0,1000}?))\s*:(?:\s|$)/;

/** The package name of a pnpm `packages:` key: `/@acme/x@1.2.0(peer@1)` (v6), `left-pad@1.3.0` (v9), `/left-pad/1.3.0` (v5). */
function pnpmPackageName(key: string): string | undefined {
  const k = key.startsWith('/') ? key.slice(1) : key;
  const at = k.indexOf('@', 1);
  if (at > 0) return k.slice(0, at);
  const slash = k.lastIndexOf('/');
  return slash > 0 ? k.slice(0, slash) : undefined;
}

/**
 * pnpm-lock.yaml, read line by line (no YAML parser, no object built from its keys): the direct
 * dependencies of every importer (`importers: { '.': { dependencies: { name: { specifier,
 * version } } } }`, v6-v9; top-level `dependencies:` in v5), each on its own line, then the
 * `packages:` keys (transitive ones) not already found. pnpm writes two-space indents.
 */
function readPnpmLock(text: string): ManifestDependency[] {
  const c = new Collector(text, 'npm');
  if (text.length > MAX_MANIFEST_BYTES) return [];
  const fromPackages: { name: string; start: number }[] = [];
  let section = '';
  let inDependencies = false;
  const DEPENDENCY_SECTIONS = new Set(['dependencies', 'devDependencies', 'optionalDependencies']);
  forLines(text, (line, offset) => {
    if (c.full) return;
    const m = YAML_KEY.exec(line);
    if (!m) return;
    const indent = m[1]!.length;
    const key = m[2] ?? m[3] ?? m[4]!;
    const start = offset + indent + (m[4] === undefined ? 1 : 0);
    if (indent === 0) {
      section = key;
      inDependencies = DEPENDENCY_SECTIONS.has(key);
      return;
    }
    if (section === 'importers') {
      if (indent === 4) inDependencies = DEPENDENCY_SECTIONS.has(key);
      else if (indent === 2) inDependencies = false;
      else if (indent === 6 && inDependencies) c.add(key, start);
    } else if (inDependencies && indent === 2) {
      c.add(key, start);
    } else if (section === 'packages' && indent === 2) {
      const name = pnpmPackageName(key);
      if (name) fromPackages.push({ name, start: start + (key.startsWith('/') ? 1 : 0) });
    }
  });
  for (const p of fromPackages) c.add(p.name, p.start);
  return dedupeByName(c.out);
}

function readPom(text: string): ManifestDependency[] {
  const c = new Collector(text, 'maven');
  // Each <dependency> block's groupId and artifactId; the finding goes on the artifactId.
  const block = /<dependency>([\s\S]{0,4000}?)<\/dependency>/g;
  for (let m = block.exec(text); m && !c.full; m = block.exec(text)) {
    const body = m[1]!;
    const group = /<groupId>\s*([^<\s]+)\s*<\/groupId>/.exec(body)?.[1];
    const artifact = /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(body);
    if (!group || !artifact || group.includes('${')) continue;
    const start = m.index + '<dependency>'.length + artifact.index + artifact[0].indexOf(artifact[1]!);
    const coordinates = coordinatesOf('maven', `${group}:${artifact[1]!}`);
    if (coordinates) c.out.push({ format: 'maven', written: `${group}:${artifact[1]!}`, coordinates, range: rangeOf(text, start, start + artifact[1]!.length) });
  }
  return c.out;
}

function readCsproj(text: string): ManifestDependency[] {
  const c = new Collector(text, 'nuget');
  const ref = /<PackageReference\s+(?:[^>]*?\s)?Include\s*=\s*"([^"]+)"/g;
  for (let m = ref.exec(text); m && !c.full; m = ref.exec(text)) c.add(m[1]!, m.index + m[0].length - 1 - m[1]!.length);
  return c.out;
}

function rangeOf(text: string, start: number, end: number): Range {
  const index = new LineIndex(text);
  return { start: index.positionAt(start), end: index.positionAt(end) };
}

/** One entry per package and place (lockfile v2 lists a package under `packages` and `dependencies`). */
function dedupeByPlace(list: ManifestDependency[]): ManifestDependency[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.range.start.line}:${d.range.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function dedupeByName(list: ManifestDependency[]): ManifestDependency[] {
  const seen = new Set<string>();
  return list.filter((d) => (seen.has(d.written) ? false : (seen.add(d.written), true)));
}
