/**
 * Folder lint on worker threads: `archlens lint --jobs 2` against `--jobs 1` on a generated
 * folder of 1,200 files (720 templates of two sizes, and the non-template JSON a CDK output
 * folder holds: 240 `manifest.json`, 240 60 KB `tree.json`), cold processes in interleaved
 * pairs. Every run's output must equal the one-thread output, or the row fails.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { generateTemplate } from './generateTemplate';
import { cdkTreeJson } from './classify';
import { formatPairDetail, formatRatio, interleavedPairs, timeChild, type PairResult } from './pairs';

/**
 * The folder's generation: a folder written by another one is written again. 2: the templates
 * are valid YAML (generation 1 put `stack N` in place of the `>-` of the multi-line
 * `Description`, so every template was a YAML syntax error and no rule ran on any of them).
 */
const FOLDER_GENERATION = 2;

/** Writes the folder once (reused while it is of this generation). */
export function folderOf1200(root: string): string {
  const dir = path.join(root, 'folder-1200');
  const marker = path.join(dir, `.complete-${FOLDER_GENERATION}`);
  if (fs.existsSync(marker)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const small = generateTemplate({ azs: 1, services: 1 });
  const medium = generateTemplate({ azs: 2, services: 4 });
  const manifest = JSON.stringify({ version: '36.0.0', artifacts: { Stack: { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile: 'Stack.template.json' } } } }, null, 1);
  const tree = cdkTreeJson(60_000);
  for (let i = 0; i < 1200; i++) {
    const sub = path.join(dir, `app${String(Math.floor(i / 40)).padStart(2, '0')}`);
    fs.mkdirSync(sub, { recursive: true });
    const name = String(i).padStart(4, '0');
    const kind = i % 10;
    if (kind < 6) fs.writeFileSync(path.join(sub, `${name}.yaml`), (i % 30 === 0 ? medium : small).replace('Description: >-\n', `Description: >-\n  Stack ${i}.\n`));
    else if (kind < 8) fs.writeFileSync(path.join(sub, `${name}.manifest.json`), manifest);
    else fs.writeFileSync(path.join(sub, `${name}.tree.json`), tree);
  }
  fs.writeFileSync(marker, '');
  return dir;
}

export interface FolderResult {
  readonly pairs: PairResult;
  readonly files: number;
  readonly row: { label: string; value: string; note: string };
  /** The most threads could gain here (see speedUpCeiling), when CPU times were measured. */
  readonly ceiling?: { readonly busyCores: number; readonly atMost: number; readonly text: string };
}

export async function benchFolder(cliPath: string, root: string, pairs: number): Promise<FolderResult> {
  const dir = folderOf1200(root);
  const lint = (jobs: number) => spawnSync(process.execPath, [cliPath, 'lint', '--format', 'json', '--jobs', String(jobs), dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const one = lint(1);
  const two = lint(2);
  if (two.stdout !== one.stdout || two.stderr !== one.stderr || two.status !== one.status) throw new Error('--jobs 2 printed something else than --jobs 1');
  // The row times linting templates: a folder whose templates do not parse would time parse errors.
  if ((JSON.parse(one.stdout) as { rule: string }[]).some((finding) => finding.rule === 'cfn-syntax')) throw new Error(`${dir} holds templates that do not parse`);
  const result = await interleavedPairs(
    () => timeChild({ nodeArgs: [cliPath, 'lint', '--format', 'json', '--jobs', '1', dir] }, [0, 1], root),
    () => timeChild({ nodeArgs: [cliPath, 'lint', '--format', 'json', '--jobs', '2', dir] }, [0, 1], root),
    pairs,
    1,
  );
  const ceiling = speedUpCeiling(result);
  return { pairs: result, files: 1200, ceiling, row: { label: 'folder, 1,200 files: 1 thread / 2 threads', value: formatRatio(result.ratio), note: `${formatPairDetail(result, 'jobs 1', 'jobs 2')}; output identical (checked)${ceiling ? `; ${ceiling.text}` : ''}` } };
}

/**
 * What 2 threads could at best gain on this machine, from the one-thread run's own figures: one
 * lint thread already keeps more than one core busy (V8 compiles hot functions and marks the heap
 * on background threads), and two threads cannot use more than the machine's cores. So the
 * speed-up is at most cores / (CPU time / wall time of the one-thread run), even if the second
 * thread cost nothing extra.
 */
function speedUpCeiling(result: PairResult): { busyCores: number; atMost: number; text: string } | undefined {
  const cpu = result.a.cpu?.median;
  if (cpu === undefined || result.a.wall.median <= 0) return undefined;
  const busyCores = cpu / result.a.wall.median;
  const cores = os.cpus().length;
  const atMost = cores / busyCores;
  return { busyCores, atMost, text: `jobs 1 keeps ${busyCores.toFixed(2)} cores busy, so on ${cores} cores threads gain at most ${atMost.toFixed(2)}x` };
}
