/**
 * `npm run synth:cdk-debug-fixture -- --older <folder>`: synthesizes the debug fixture app
 * (test/fixtures/cdk-app-debug) for real, with the repository's aws-cdk-lib and with an older
 * aws-cdk-lib installed elsewhere, and writes the checked-in assemblies the unit tests read:
 *
 * - `cdk.out`: the repository's aws-cdk-lib with `CDK_DEBUG=true` (creation stacks and
 *   `aws:cdk:propertyAssignment` entries);
 * - `cdk.out.<version>-debug`: the older aws-cdk-lib with `CDK_DEBUG=true` (`trace` on
 *   `aws:cdk:logicalId` entries, no creation stacks);
 * - `cdk.out.<version>`: the older aws-cdk-lib without debug (no frames at all: static fallback).
 *
 * The older aws-cdk-lib is never a dependency of this repository: install it in a scratch folder
 * outside the repository first (`npm install aws-cdk-lib@2.150.0 constructs@10.3.0` in
 * /tmp/cdk-older), then pass that folder with `--older`. The app is compiled here (TypeScript
 * compiler API, sibling source maps in `build/`), copied into `<folder>/app` so that `require`
 * finds the older library, and run there: its frames name `<folder>/app/build/...`, which the
 * source mapping finds again in the fixture by path suffix (as for an assembly made in CI).
 *
 * Each run goes through `@aws-cdk/toolkit-lib` (the app in its own process, with the context
 * `cdk synth` gives it: path metadata on); nothing reaches the network (lookups off, explicit
 * environments).
 *
 * Usage: node scripts/cdk/synthDebugFixture.mjs --older /tmp/cdk-older [--current-only]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileApp } from './synthFixture.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEBUG_FIXTURE_APP = path.join(repoRoot, 'test', 'fixtures', 'cdk-app-debug');

/**
 * Synthesizes the compiled app in `workingDirectory` into `outDir` through `@aws-cdk/toolkit-lib`
 * (as `cdk synth` does: path metadata on, lookups off), with `CDK_DEBUG=true` when `debug`.
 */
export async function runApp(workingDirectory, outDir, debug) {
  const { Toolkit, NonInteractiveIoHost } = await import('@aws-cdk/toolkit-lib');
  const cdkJson = JSON.parse(fs.readFileSync(path.join(workingDirectory, 'cdk.json'), 'utf8'));
  fs.rmSync(outDir, { recursive: true, force: true });
  const toolkit = new Toolkit({ ioHost: new NonInteractiveIoHost({ logLevel: 'error' }) });
  const source = await toolkit.fromCdkApp(cdkJson.app, {
    workingDirectory,
    outdir: outDir,
    lookups: false,
    resolveDefaultEnvironment: false,
    env: { NODE_OPTIONS: '--stack-trace-limit=50', ...(debug ? { CDK_DEBUG: 'true' } : {}) },
  });
  const assembly = await toolkit.synth(source);
  await assembly.dispose();
}

/** The aws-cdk-lib version `require` finds from `folder`. */
export function cdkLibVersion(folder) {
  return JSON.parse(fs.readFileSync(path.join(folder, 'node_modules', 'aws-cdk-lib', 'package.json'), 'utf8')).version;
}

/** Copies the compiled app (and what it reads) into `<olderDir>/app` and synthesizes it there, with and without debug. */
export async function synthesizeWithOlder(appDir, olderDir, outBase) {
  const version = cdkLibVersion(olderDir);
  const copy = path.join(olderDir, 'app');
  fs.rmSync(copy, { recursive: true, force: true });
  for (const entry of ['bin', 'lib', 'build', 'cdk.json']) fs.cpSync(path.join(appDir, entry), path.join(copy, entry), { recursive: true });
  const debugOut = `${outBase}.${version}-debug`;
  const plainOut = `${outBase}.${version}`;
  await runApp(copy, debugOut, true);
  await runApp(copy, plainOut, false);
  return { version, debugOut, plainOut };
}

async function main() {
  const args = process.argv.slice(2);
  const olderIndex = args.indexOf('--older');
  const olderDir = olderIndex >= 0 ? path.resolve(args[olderIndex + 1]) : undefined;
  const appDir = DEBUG_FIXTURE_APP;
  compileApp(appDir);
  await runApp(appDir, path.join(appDir, 'cdk.out'), true);
  console.log(`aws-cdk-lib ${cdkLibVersion(repoRoot)} with CDK_DEBUG=true -> ${path.relative(process.cwd(), path.join(appDir, 'cdk.out'))}`);
  if (args.includes('--current-only')) return;
  if (!olderDir) throw new Error('Pass --older <folder>: a folder outside the repository with an older aws-cdk-lib installed (npm install aws-cdk-lib@2.150.0 constructs@10.3.0).');
  const { version, debugOut, plainOut } = await synthesizeWithOlder(appDir, olderDir, path.join(appDir, 'cdk.out'));
  console.log(`aws-cdk-lib ${version} with CDK_DEBUG=true -> ${path.relative(process.cwd(), debugOut)}; without -> ${path.relative(process.cwd(), plainOut)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
