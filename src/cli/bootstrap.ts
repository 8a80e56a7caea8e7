/**
 * The `archlens` command's entry (bundled to dist/cli.js): loads the CLI bundle (dist/cliMain.js)
 * with V8's code cache when the build made one (dist/cliMain.cache).
 *
 * Why: a cold `archlens lint` of a small template spent about half its time compiling the 3 MB
 * bundle. The cache holds the compiled code of everything a lint ran when the build made it
 * (scripts/build.mjs runs a lint of a demo template with ARCHLENS_WRITE_CODE_CACHE set), so V8
 * skips that work. The cache is used only for the exact bundle it was made from (its size and
 * modification time are recorded in it); V8 itself rejects a cache from another Node version, and
 * then the bundle is simply compiled as usual. Nothing is written at run time.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

const bundle = path.join(__dirname, 'cliMain.js');
const cacheFile = path.join(__dirname, 'cliMain.cache');
/** Environment variable naming where to write a fresh cache (the build sets it). */
const WRITE_CACHE = 'ARCHLENS_WRITE_CODE_CACHE';

/** The bundle's identity as the cache records it: a rebuilt bundle never gets an old cache. */
function bundleStamp(): string {
  const stat = fs.statSync(bundle);
  return `${stat.size}:${Math.trunc(stat.mtimeMs)}`;
}

/** The cached code for this bundle, or undefined (no cache, another build's, or unreadable). */
function readCache(stamp: string): Buffer | undefined {
  try {
    const data = fs.readFileSync(cacheFile);
    const newline = data.indexOf(10);
    if (newline < 0 || data.subarray(0, newline).toString('utf8') !== stamp) return undefined;
    return data.subarray(newline + 1);
  } catch {
    return undefined;
  }
}

function run(): void {
  const writeTo = process.env[WRITE_CACHE];
  const stamp = bundleStamp();
  const cachedData = writeTo ? undefined : readCache(stamp);
  const source = fs.readFileSync(bundle, 'utf8');
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const compiled = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  const module = new Module(bundle, undefined);
  module.filename = bundle;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  if (writeTo) {
    // After the run: the cache then holds the functions the lint compiled, not only the top level.
    process.once('exit', () => fs.writeFileSync(writeTo, Buffer.concat([Buffer.from(`${stamp}\n`), script.createCachedData()])));
  }
  compiled.call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, __dirname);
}

run();
