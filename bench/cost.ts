/**
 * Cost estimate rows for `npm run bench`: pricing the generated 1,750-resource template in
 * process as a ratio to linting it (interleaved pairs; both parse the text themselves), and the
 * cost panel's first paint in headless Chromium (a cold page per sample; the state, built by
 * the engine for the same template, is sent on `cost/ready` as the extension host sends it).
 * The paint rows are skipped cleanly when Chromium or the built bundle is missing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Analyzer } from '../src/engine/analyzer';
import { analyzeDocument } from '../src/engine/analyzedDocument';
import { estimateCost } from '../src/engine/cost/estimate';
import { SHIPPED_PRICES } from '../src/engine/cost/priceTable';
import { EMPTY_USAGE } from '../src/engine/cost/usage';
import { DEFAULT_WHAT_IF_RATES } from '../src/engine/cost/whatIfTypes';
import { buildCostView } from '../src/extension/cost/costViewModel';
import { CHROMIUM_PATH } from '../scripts/workbench/codeServer.mjs';
import { COST_PAGE, COST_PANEL } from '../src/shared/webview/costProtocol';
import { launchBrowser, openPanelPage, startPageServer, WEBVIEW_DIST, pageFiles } from '../test/unit/webview/webviewPage';
import { formatRatio, formatSpreadMs, interleavedPairs, spread, timeInProcess, type PairResult, type Spread } from './pairs';
import { verdict, type GoalRow } from './goals';

export interface CostBench {
  readonly rows: { label: string; value: string; note: string }[];
  readonly goals: GoalRow[];
}

/** Cost vs lint, in process, on the same text. */
async function costVsLint(analyzer: Analyzer, file: string, text: string, pairs: number): Promise<PairResult> {
  return interleavedPairs(
    () =>
      timeInProcess(() => {
        const analyzed = analyzeDocument(file, text);
        if (analyzed.template) estimateCost(analyzed.template, { prices: SHIPPED_PRICES, region: 'us-east-1' });
      }),
    () => timeInProcess(() => analyzer.lint(file, text)),
    pairs,
  );
}

/** Navigation start -> the total painted, for a cold page that gets the state on `ready`. */
async function firstPaints(file: string, text: string, runs: number): Promise<Spread | string> {
  if (!existsSync(CHROMIUM_PATH)) return `no Chromium at ${CHROMIUM_PATH}`;
  if (!pageFiles(COST_PAGE).every((name) => existsSync(join(WEBVIEW_DIST, name)))) return 'dist/webview/cost.* not built';
  const state = buildCostView({ fileName: file, text, region: 'us-east-1', usage: EMPTY_USAGE, usageFile: '', rates: DEFAULT_WHAT_IF_RATES, preset: undefined, whatIfsOn: new Set(), problems: [] });
  if (!state) return 'the bench template is not a template';
  const server = await startPageServer(COST_PAGE);
  const browser = await launchBrowser();
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const { page, close } = await openPanelPage(browser, server, COST_PANEL, { autoReply: { type: 'cost/state/show', state } });
      await page.getByTestId('cost-total').waitFor({ timeout: 60_000 });
      // The frame after the total is in the DOM is the one that shows it.
      samples.push(await page.evaluate(() => new Promise<number>((resolve) => (globalThis as unknown as { requestAnimationFrame(callback: () => void): void }).requestAnimationFrame(() => resolve(performance.now())))));
      await close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return spread(samples);
}

export async function benchCost(analyzer: Analyzer, file: string, text: string, options: { pairs: number; paintRuns: number }): Promise<CostBench> {
  const resources = (text.match(/^ {4}Type: AWS::/gm) ?? []).length;
  const rows: CostBench['rows'] = [];
  const goals: GoalRow[] = [];
  const ratio = await costVsLint(analyzer, file, text, options.pairs);
  rows.push({ label: `cost vs lint, in process (${resources} resources)`, value: formatRatio(ratio.ratio), note: `cost ${formatSpreadMs(ratio.a.wall)}; lint ${formatSpreadMs(ratio.b.wall)}` });
  goals.push({ work: `\`archlens cost\` of ${resources} resources, in process (parse + price)`, floor: 'linting it in process', goal: '≤ 0.5x', measured: formatRatio(ratio.ratio), verdict: verdict(ratio.ratio, 0.5) });
  const paint = await firstPaints(file, text, options.paintRuns);
  const paintWork = `cost panel first paint, ${resources} resources`;
  if (typeof paint === 'string') {
    rows.push({ label: 'cost panel first paint', value: 'not run', note: paint });
  } else {
    rows.push({ label: `cost panel first paint (${resources} resources, navigation -> total painted)`, value: formatSpreadMs(paint), note: 'headless Chromium, cold page per sample' });
    goals.push({ work: paintWork, floor: '—', goal: 'reported (no goal set)', measured: formatSpreadMs(paint), verdict: '-' });
  }
  return { rows, goals };
}
