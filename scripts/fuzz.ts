// `npm run fuzz`: the long fuzzing campaign of issue 18. Mutates the seed templates and specs
// (built-in, demo/, and ../shared/corpus with --corpus), feeds each to the engine's entry
// points, then sends random edit sequences to the language server over stdio.
//
//   npm run fuzz -- [--count 100000] [--seed 1] [--corpus] [--edits 2000] [--save]
//
// --save minimises each distinct defect and writes it to test/fixtures/fuzz/, where the unit
// tier's fuzz test replays it on every run. Exit code 1 when any defect was found.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAnalyzer } from '../src/engine/analyzer';
import { defaultCatalogDir, loadCatalogFromDir } from '../src/node/catalogLoader';
import { minimize, runCampaign } from '../test/support/fuzz/campaign';
import { Random } from '../test/support/fuzz/random';
import { BUILT_IN_SEEDS, seedsFromFolder, type Seed } from '../test/support/fuzz/seeds';
import { runServerEdits } from '../test/support/fuzz/serverEdits';
import { examine } from '../test/support/fuzz/targets';

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(`--${name}`);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
};
const count = option('count', 100_000);
const seed = option('seed', 1);
const edits = option('edits', 2_000);

const seeds: Seed[] = [...BUILT_IN_SEEDS, ...seedsFromFolder(path.join(root, 'demo'), 50)];
const corpus = path.join(root, '..', 'shared', 'corpus');
if (args.includes('--corpus')) {
  if (fs.existsSync(corpus)) seeds.push(...seedsFromFolder(corpus, 400));
  else console.log(`--corpus: ${corpus} is not here; using the built-in and demo seeds only.`);
}

const analyzer = createAnalyzer({ catalog: loadCatalogFromDir(defaultCatalogDir()) });
console.log(`fuzz: ${count} mutated inputs from ${seeds.length} seeds (seed ${seed}), then ${edits} server edits`);
const summary = runCampaign(analyzer, seeds, {
  seed,
  count,
  maxFindings: 200,
  onProgress: (done, found) => {
    if (done % 10_000 === 0) console.log(`  ${done} inputs, ${found} defects`);
  },
});
const byKind = new Map<string, number>();
for (const hit of summary.findings) byKind.set(hit.defect.kind, (byKind.get(hit.defect.kind) ?? 0) + 1);
console.log(`inputs: ${summary.inputs} in ${(summary.totalMs / 1000).toFixed(1)} s (${(summary.totalMs / Math.max(1, summary.inputs)).toFixed(2)} ms each)`);
console.log(`defects: ${summary.findings.length}${[...byKind].map(([kind, n]) => ` ${kind}=${n}`).join('')}`);
console.log(`slowest input: ${summary.slowest.ms.toFixed(0)} ms (${summary.slowest.seedFile}, ${summary.slowest.mutations.join('+')})`);
const distinct = new Map<string, (typeof summary.findings)[number]>();
for (const hit of summary.findings) distinct.set(`${hit.defect.kind} ${hit.defect.where.replace(/@\d+/, '')} ${hit.defect.detail.slice(0, 80)}`, hit);
for (const [key, hit] of distinct) console.log(`  ${key}\n    from ${hit.seedFile} via ${hit.mutations.join('+')}`);

if (args.includes('--save') && distinct.size > 0) {
  const out = path.join(root, 'test', 'fixtures', 'fuzz');
  fs.mkdirSync(out, { recursive: true });
  for (const [key, hit] of distinct) {
    const stillFails = (text: string): boolean => examine(analyzer, hit.seedFile, text, new Random(seed)).defects.some((d) => d.kind === hit.defect.kind);
    const small = minimize(hit.text, stillFails);
    const name = `${hit.defect.kind}-${distinct.size > 1 ? [...distinct.keys()].indexOf(key) : 0}-${hit.seedFile}`;
    fs.writeFileSync(path.join(out, name), small);
    console.log(`saved ${path.relative(root, path.join(out, name))} (${small.length} chars)`);
  }
}

void (async () => {
  let serverOk = true;
  if (edits > 0) {
    const run = await runServerEdits(seeds.slice(0, 6), edits, seed);
    console.log(`server: ${run.edits} edits, ${run.requests} requests (${run.unanswered} unanswered), ${run.outsideRanges} diagnostics outside their document, alive: ${run.alive}, RSS ${run.rssWarmMb.toFixed(0)} MB after warm-up -> ${run.rssEndMb.toFixed(0)} MB at the end (by tenths: ${run.rssSeriesMb.map((mb) => mb.toFixed(0)).join(', ')})`);
    serverOk = run.unanswered === 0 && run.outsideRanges === 0 && run.alive;
  }
  process.exitCode = summary.findings.length === 0 && serverOk ? 0 : 1;
})();
