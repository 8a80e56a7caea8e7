/**
 * The TypeScript compiler API, loaded only when a CDK finding needs property precision. The
 * bundles keep it out of cli.js and server.js (a cold `archlens lint` of a template must not
 * parse 9 MB of compiler): scripts/build.mjs writes it to dist/typescript.js, loaded from there;
 * from sources (tests, tsx) the package itself is loaded. The specifier is not a literal so
 * esbuild leaves the require alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as TS from 'typescript';

export type TypeScriptApi = typeof TS;

let cached: TypeScriptApi | null | undefined;

/** The compiler API, or undefined when it cannot be loaded (then placement stops at the creation line). */
export function loadTypeScript(): TypeScriptApi | undefined {
  if (cached !== undefined) return cached ?? undefined;
  const load = require as (id: string) => unknown;
  const bundled = path.join(__dirname, 'typescript.js');
  for (const id of fs.existsSync(bundled) ? [bundled, 'typescript'] : ['typescript']) {
    try {
      cached = load(id) as TypeScriptApi;
      return cached;
    } catch {
      // try the next one
    }
  }
  cached = null;
  return undefined;
}
