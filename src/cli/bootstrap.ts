/**
 * The `archlens` command's entry (bundled to dist/cli.js): loads the CLI bundle (dist/cliMain.js)
 * with V8's code cache when the build made one (dist/cliMain.cache), and the OpenAPI validators'
 * bundle (dist/openapiValidators.js, required by the CLI bundle when a document needs them) with
 * its own (dist/openapiValidators.cache).
 *
 * Why: a cold `archlens lint` of a small template spent about half its time compiling the 3 MB
 * bundle. A cache holds the compiled code of everything a lint ran when the build made it
 * (scripts/build.mjs runs a lint of demo templates and OpenAPI descriptions with
 * ARCHLENS_WRITE_CODE_CACHE set), so V8 skips that work. Two bundles, two caches: the validators'
 * compiled code (about 0.7 MB of cache) is deserialized only by runs that validate OpenAPI.
 *
 * A cache is used only for the exact bundle it was made from (its size and modification time are
 * recorded in it); V8 itself rejects a cache from another Node version, and then the bundle is
 * simply compiled as usual. Nothing is written at run time.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** Environment variable that makes this run write fresh caches beside the bundles (the build sets it). */
const WRITE_CACHE = 'ARCHLENS_WRITE_CODE_CACHE';
/** Bundles loaded through a code cache: `x.js` with `x.cache` beside it. */
const CACHED_BUNDLES = new Set(['cliMain.js', 'openapiValidators.js'].map((name) => path.join(__dirname, name)));

const cacheFileOf = (bundle: string): string => bundle.replace(/\.js$/, '.cache');

/** A bundle's identity as its cache records it: a rebuilt bundle never gets an old cache. */
function bundleStamp(bundle: string): string {
  const stat = fs.statSync(bundle);
  return `${stat.size}:${Math.trunc(stat.mtimeMs)}`;
}

/** The cached code for a bundle, or undefined (no cache, another build's, or unreadable). */
function readCache(bundle: string, stamp: string): Buffer | undefined {
  try {
    const data = fs.readFileSync(cacheFileOf(bundle));
    const newline = data.indexOf(10);
    if (newline < 0 || data.subarray(0, newline).toString('utf8') !== stamp) return undefined;
    return data.subarray(newline + 1);
  } catch {
    return undefined;
  }
}

type ModuleWrapper = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;

/** Compiles and runs one bundle as `module`, with its code cache (or writing one at exit when asked). */
function loadBundle(module: Module, bundle: string): void {
  const writing = Boolean(process.env[WRITE_CACHE]);
  const stamp = bundleStamp(bundle);
  const cachedData = writing ? undefined : readCache(bundle, stamp);
  const source = fs.readFileSync(bundle, 'utf8');
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const compiled = script.runInThisContext() as ModuleWrapper;
  if (writing) {
    // After the run: the cache then holds the functions the lint compiled, not only the top level.
    process.once('exit', () => fs.writeFileSync(cacheFileOf(bundle), Buffer.concat([Buffer.from(`${stamp}\n`), script.createCachedData()])));
  }
  compiled.call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, path.dirname(bundle));
}

/** Node's loader for `.js` files (internal but stable), wrapped so the cached bundles go through {@link loadBundle}. */
type JsLoader = (module: Module, filename: string) => void;
const extensions = (Module as unknown as { _extensions: Record<string, JsLoader> })._extensions;

function run(): void {
  const plainJs = extensions['.js']!;
  extensions['.js'] = (module, filename) => (CACHED_BUNDLES.has(filename) ? loadBundle(module, filename) : plainJs(module, filename));
  const main = path.join(__dirname, 'cliMain.js');
  const module = new Module(main, undefined);
  module.filename = main;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  loadBundle(module, main);
}

run();
