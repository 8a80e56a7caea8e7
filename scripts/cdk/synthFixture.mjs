/**
 * `npm run synth:cdk-fixture`: synthesizes the CDK fixture app (test/fixtures/cdk-app) for real
 * and writes the checked-in assemblies the fast unit tests read.
 *
 * 1. Compiles the app's TypeScript with the TypeScript compiler API into `build/` (sibling
 *    `.js.map` files), so creation frames point at `.js` and the source-map step is exercised.
 * 2. Synthesizes through `@aws-cdk/toolkit-lib` (`Toolkit`, `fromCdkApp`, `lookups: false`, no
 *    default-environment resolution: nothing reaches the network) into `cdk.out`.
 * 3. Writes `cdk.out.legacy`: the same assembly with every `aws:cdk:creationStack` entry removed,
 *    as aws-cdk-lib before creation stacks (or without `--debug`) made it, for the static fallback.
 *
 * Usage: node scripts/cdk/synthFixture.mjs [appDir] [--out DIR] [--no-legacy]
 * The unit test test/unit/cdk/realSynth.test.ts calls `synthesizeFixture` with a temporary `out`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURE_APP = path.join(repoRoot, 'test', 'fixtures', 'cdk-app');

/** Compiles the app with its own tsconfig.json; throws with the compiler's messages on error. */
export function compileApp(appDir) {
  const configPath = path.join(appDir, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, appDir);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const emitted = program.emit();
  const problems = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (problems.length > 0) {
    throw new Error(problems.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'));
  }
}

/**
 * Synthesizes `appDir` (its cdk.json `app` command) into `outDir` with toolkit-lib and returns
 * the top-level artifact ids. Lookups are off and the default environment is not resolved, so the
 * app runs without credentials or network.
 */
export async function synthesizeFixture(appDir, outDir) {
  compileApp(appDir);
  const { Toolkit, NonInteractiveIoHost } = await import('@aws-cdk/toolkit-lib');
  const cdkJson = JSON.parse(fs.readFileSync(path.join(appDir, 'cdk.json'), 'utf8'));
  fs.rmSync(outDir, { recursive: true, force: true });
  const toolkit = new Toolkit({ ioHost: new NonInteractiveIoHost({ logLevel: 'error' }) });
  const source = await toolkit.fromCdkApp(cdkJson.app, {
    workingDirectory: appDir,
    outdir: outDir,
    lookups: false,
    resolveDefaultEnvironment: false,
    // More frames than V8's default 10, so creation stacks reach the user's code through L2/L3 layers.
    env: { NODE_OPTIONS: '--stack-trace-limit=50', JSII_HOST_STACK_TRACES: '1' },
    contextStore: undefined,
  });
  const assembly = await toolkit.synth(source);
  await assembly.dispose();
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
  return Object.keys(manifest.artifacts ?? {});
}

/** Copies an assembly folder, dropping `aws:cdk:creationStack` metadata entries (inline and side files). */
export function writeLegacyAssembly(fromDir, toDir) {
  fs.rmSync(toDir, { recursive: true, force: true });
  fs.cpSync(fromDir, toDir, { recursive: true });
  const strip = (entries) => (Array.isArray(entries) ? entries.filter((entry) => entry?.type !== 'aws:cdk:creationStack') : entries);
  const visit = (dir) => {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isDirectory()) {
        visit(file);
        continue;
      }
      if (name === 'manifest.json') {
        const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
        for (const artifact of Object.values(manifest.artifacts ?? {})) {
          if (!artifact.metadata) continue;
          for (const key of Object.keys(artifact.metadata)) artifact.metadata[key] = strip(artifact.metadata[key]);
        }
        fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
      } else if (name.endsWith('.metadata.json')) {
        const metadata = JSON.parse(fs.readFileSync(file, 'utf8'));
        for (const key of Object.keys(metadata)) metadata[key] = strip(metadata[key]);
        fs.writeFileSync(file, JSON.stringify(metadata, null, 2) + '\n');
      }
    }
  };
  visit(toDir);
}

async function main() {
  const args = process.argv.slice(2);
  const appDir = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? FIXTURE_APP);
  const outIndex = args.indexOf('--out');
  const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : path.join(appDir, 'cdk.out');
  const started = Date.now();
  const artifacts = await synthesizeFixture(appDir, outDir);
  console.log(`synthesized ${artifacts.length} artifacts (${artifacts.join(', ')}) into ${path.relative(process.cwd(), outDir)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!args.includes('--no-legacy')) {
    const legacy = `${outDir}.legacy`;
    writeLegacyAssembly(outDir, legacy);
    console.log(`wrote ${path.relative(process.cwd(), legacy)} (no creation stacks)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
