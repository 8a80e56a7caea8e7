/**
 * CDK row of `npm run bench`: from a saved cloud assembly to diagnostics on sources for a
 * 20-stack app (read the assembly, lint every template, map each finding to its source line and
 * property), against linting the same 20 templates alone (each with its stack's region, as the CDK
 * side lints it), in process, in interleaved pairs.
 *
 * The CDK side is what the CLI and the language server do: `loadCdkApp(dir, { withoutTree: true })`
 * (each template parsed once, by the assembly reader, for lint too) then `lintCdkApp`.
 *
 * The app is the checked-in fixture (test/fixtures/cdk-app) grown to 20 stacks in a temporary
 * folder: its four stacks' templates and metadata are copied under new artifact ids and construct
 * paths, so every stack maps to real sources through real creation frames and source maps.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Analyzer } from '../src/engine/analyzer';
import { lintCdkApp } from '../src/node/cdk/lintCdkApp';
import { loadCdkApp } from '../src/node/cdk/loadCdkApp';
import { interleavedPairs, timeInProcess, type PairResult, type Sample } from './pairs';

const FIXTURE = path.resolve(__dirname, '..', 'test', 'fixtures', 'cdk-app');
/** Copied stacks: the ones without nested stacks, so each copy is one template. */
const TEMPLATE_STACKS = ['EdgeStack', 'ApiStack'];

/** Writes a copy of the fixture app with `stacks` templates (its own 6 included) into a temporary folder; returns the app folder. */
export function twentyStackApp(stacks = 20): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-bench-cdk-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  const out = path.join(dir, 'cdk.out');
  const manifestFile = path.join(out, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { artifacts: Record<string, Record<string, unknown>> };
  const existing = loadCdkApp(dir).assembly?.stacks.length ?? 0;
  for (let index = 0; index < stacks - existing; index++) {
    const source = TEMPLATE_STACKS[index % TEMPLATE_STACKS.length]!;
    const id = `${source}Copy${index}`;
    const rename = (text: string): string => text.split(`${source}/`).join(`${id}/`).split(`"/${source}"`).join(`"/${id}"`);
    fs.writeFileSync(path.join(out, `${id}.template.json`), rename(fs.readFileSync(path.join(out, `${source}.template.json`), 'utf8')));
    fs.writeFileSync(path.join(out, `${id}.metadata.json`), rename(fs.readFileSync(path.join(out, `${source}.metadata.json`), 'utf8')).split(`${source}.template.json`).join(`${id}.template.json`));
    manifest.artifacts[id] = { ...manifest.artifacts[source], properties: { ...(manifest.artifacts[source]!['properties'] as object), templateFile: `${id}.template.json` }, additionalMetadataFile: `${id}.metadata.json`, displayName: id };
  }
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 1));
  return dir;
}

/**
 * Runs of each side per timed sample. One run is 15-30 ms: a GC pause or a moment of the
 * scheduler is a large part of it, and single-run pairs spread wide (idle: median 1.73x, IQR
 * 1.29-2.00). Timing five consecutive runs per sample averages those out; both sides run the
 * same number of times, so the ratio still compares one run with one run.
 */
export const RUNS_PER_SAMPLE = 5;

/** One sample of {@link RUNS_PER_SAMPLE} consecutive runs of `fn`, reported per run (the row's times stay those of one run). */
async function perRunSample(fn: () => unknown): Promise<Sample> {
  const sample = await timeInProcess(() => {
    for (let run = 0; run < RUNS_PER_SAMPLE; run++) fn();
  });
  return { wallMs: sample.wallMs / RUNS_PER_SAMPLE, ...(sample.cpuMs !== undefined ? { cpuMs: sample.cpuMs / RUNS_PER_SAMPLE } : {}) };
}

/** The CDK row: pairs of (assembly -> diagnostics on sources) vs (the same templates linted alone), each sample {@link RUNS_PER_SAMPLE} runs. */
export async function benchCdk(analyzer: Analyzer, pairs: number): Promise<{ result: PairResult; stacks: number; findings: number; first: Sample }> {
  const dir = twentyStackApp();
  try {
    const app = loadCdkApp(dir);
    // Each template with its stack's region, as the CDK side lints it: the floor is the same lint.
    const templates = (app.assembly?.stacks ?? []).map((stack) => ({ file: path.join(app.assemblyDir, ...stack.templateFile.split('/')), region: stack.environment?.region }));
    const toSources = (): number => lintCdkApp(loadCdkApp(dir, { withoutTree: true }), analyzer).reports.reduce((sum, report) => sum + report.findings.length, 0);
    const alone = (): number => templates.reduce((sum, { file, region }) => sum + analyzer.lint(file, fs.readFileSync(file, 'utf8'), region ? { deploymentRegion: region } : {}).findings.length, 0);
    const first = await timeInProcess(toSources);
    const findings = toSources();
    const result = await interleavedPairs(() => perRunSample(toSources), () => perRunSample(alone), pairs, 2);
    return { result, stacks: templates.length, findings, first };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
