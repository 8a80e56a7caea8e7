/**
 * The diagram webview's first paint for `npm run bench` (moved here from the unit tier, where
 * a timing could never fail a test): the built `dist/webview/diagram.*` under its exact HTML
 * and CSP, in headless Debian Chromium, through the browser test's page helpers
 * (`test/unit/webview/diagramPage.ts`). Each sample is a cold page (new browser context, no
 * cache) that gets the graph on `diagram/ready`, as the extension host sends it. Its layout
 * requests go to the extension host's layout worker as in the editor (`DiagramLayoutService`
 * over `dist/diagramLayoutWorker.js`): kept warm for the window, so shared by the samples
 * (warmed before the first, as opening the first panel does), except in the "first panel of
 * the window" row, where each sample starts a new worker at navigation start.
 *
 * Rows: the first paint of the 500-resource template (goal <= 1.5 s from navigation start),
 * ELK's layout painted, the same with auxiliary resources shown, an incremental update (one
 * resource added), and 1,750 resources. Median of N samples and the spread (min-max).
 * Skipped cleanly when Chromium or the built bundle is missing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH } from '../scripts/workbench/codeServer.mjs';
import { DiagramLayoutService } from '../src/node/diagramLayoutService';
import { DIAGRAM_PAGE } from '../src/shared/webview/diagramProtocol';
import type { ArchitectureGraph } from '../src/engine/graph/graphTypes';
import { coldPaint, generatedGraph, LAYOUT_WORKER_FILE, rendered, startDiagramServer, updateMessage, type DiagramServer } from '../test/unit/webview/diagramPage';
import { launchBrowser, pageFiles, send, WEBVIEW_DIST } from '../test/unit/webview/webviewPage';
import { spread, type Spread } from './pairs';

const median = (values: readonly number[]): number => spread(values).median;

/** A bench row: label, value, note (median and spread). */
export interface PaintRow {
  readonly label: string;
  readonly value: string;
  readonly note: string;
}

/** First-paint goal for a 500-resource template, from navigation start. */
export const FIRST_PAINT_GOAL_MS = 1500;

const ms = (value: number): string => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`);

/** `median` as the value; `n samples, min-max` as the note. */
function row(label: string, samples: readonly number[], extra = ''): PaintRow {
  const spread = `${samples.length} samples, ${ms(Math.min(...samples))}-${ms(Math.max(...samples))}`;
  return { label, value: ms(median(samples)), note: extra ? `${extra}; ${spread}` : spread };
}

interface Samples {
  paint: number[];
  final: number[];
  sinceReady: number[];
  /** From `diagram/ready` (when the graph is posted) to the ELK layout painted. */
  finalSinceReady: number[];
  /** CPU of this process (the host's side: the layout worker thread, message handling) per sample, ms. */
  hostCpu: number[];
  /** ELK's own time in the worker per sample, ms. */
  elk: number[];
  firstSources: Set<string>;
  items: number;
}

/** `runs` cold loads of `graph`; with `edit`, also the time from an edit message to its paint. */
async function sample(browser: Browser, server: DiagramServer, graph: ArchitectureGraph, runs: number, options: { showAuxiliary?: boolean; edit?: ArchitectureGraph; edits?: number[]; freshWorker?: boolean } = {}): Promise<Samples> {
  const out: Samples = { paint: [], final: [], sinceReady: [], finalSinceReady: [], hostCpu: [], elk: [], firstSources: new Set(), items: 0 };
  for (let i = 0; i < runs; i++) {
    // The first panel of a window: the worker starts as the panel opens, while its page loads.
    const layouts = options.freshWorker ? new DiagramLayoutService(LAYOUT_WORKER_FILE) : undefined;
    void layouts?.warm();
    const cpu = process.cpuUsage();
    const run = await coldPaint(browser, server, graph, { showAuxiliary: options.showAuxiliary, ...(layouts ? { layouts } : {}) });
    const used = process.cpuUsage(cpu);
    out.hostCpu.push((used.user + used.system) / 1000);
    out.elk.push(run.elk);
    out.paint.push(run.paint);
    out.final.push(run.final);
    out.sinceReady.push(run.sinceReady);
    out.finalSinceReady.push(run.final - (run.paint - run.sinceReady));
    out.firstSources.add(run.firstSource);
    out.items = run.items;
    if (options.edit && options.edits) {
      const renders = Number(await run.page.locator('svg.canvas').getAttribute('data-renders'));
      const sent = await send(run.page, updateMessage(options.edit, { showAuxiliary: options.showAuxiliary }));
      options.edits.push((await rendered(run.page, renders + 1)) - sent);
    }
    await run.close();
    layouts?.dispose();
  }
  return out;
}

/** The printed rows, and for the goals table the 500-resource "graph posted -> ELK painted" samples. */
export interface PaintBench {
  readonly rows: PaintRow[];
  readonly finalSinceReady?: Spread;
  readonly resources?: number;
  /** Per sample of the goal row: this process's CPU (host side) and ELK's time in the worker. */
  readonly hostCpu?: Spread;
  readonly elk?: Spread;
  /** Boxes drawn at first paint (the default level of detail). */
  readonly boxes?: number;
}

/** The rows (or one row saying why they were skipped). `runs`: samples per 500-resource row. */
export async function benchDiagramPaint({ runs = 5, bigRuns = 3 } = {}): Promise<PaintBench> {
  if (!existsSync(CHROMIUM_PATH)) return { rows: [{ label: 'diagram first paint', value: '-', note: `skipped: no Chromium at ${CHROMIUM_PATH}` }] };
  const missing = pageFiles(DIAGRAM_PAGE).filter((file) => !existsSync(join(WEBVIEW_DIST, file)));
  if (missing.length > 0) return { rows: [{ label: 'diagram first paint', value: '-', note: `skipped: dist/webview/${missing[0]} missing (npm run build)` }] };

  const graph500 = generatedGraph(39);
  const graph1750 = generatedGraph(143);
  // A new queue outside the stacks of repeated queues: one more box.
  const { group: _stack, ...queue } = graph500.nodes.find((node) => node.type === 'AWS::SQS::Queue')!;
  const edited: ArchitectureGraph = {
    ...graph500,
    nodes: [...graph500.nodes, { ...queue, id: 'AddedQueue', label: 'AddedQueue' }],
    edges: [...graph500.edges, { from: 'AddedQueue', to: queue.id, kind: 'getatt' }],
  };
  const server = await startDiagramServer();
  const browser = await launchBrowser();
  try {
    // The window's worker is started (and warmed) when the first panel opens; here, before the first sample.
    const warmUp = await server.layouts.warm();
    const plain = await sample(browser, server, graph500, runs);
    const firstPanel = await sample(browser, server, graph500, runs, { freshWorker: true });
    const edits: number[] = [];
    const all = await sample(browser, server, graph500, runs, { showAuxiliary: true, edit: edited, edits });
    const big = await sample(browser, server, graph1750, bigRuns);
    const goal = median(plain.paint) <= FIRST_PAINT_GOAL_MS ? 'met' : 'MISSED';
    const rows = [
      row(`${graph500.nodes.length} resources: first paint`, plain.paint, `${plain.items} boxes, ${[...plain.firstSources].join('/')} layout; goal <= ${ms(FIRST_PAINT_GOAL_MS)} from navigation start: ${goal}`),
      row(`${graph500.nodes.length} resources: first paint after ready`, plain.sinceReady),
      row(`${graph500.nodes.length} resources: ELK layout painted`, plain.final),
      row(`${graph500.nodes.length} resources: graph posted -> ELK painted`, plain.finalSinceReady, 'warm worker (kept per window)'),
      row(`  host side: CPU of the extension-host stand-in per sample`, plain.hostCpu, `ELK in the worker ${ms(median(plain.elk))} (median)`),
      row(`${graph500.nodes.length} resources, first panel of the window: graph posted -> ELK painted`, firstPanel.finalSinceReady, `worker started at navigation; its warm-up took ${ms(warmUp)} on the first start`),
      row(`${graph500.nodes.length} resources, auxiliary shown: first paint`, all.paint, `${all.items} boxes`),
      row(`${graph500.nodes.length} resources, auxiliary shown: ELK painted`, all.final),
      row('incremental update (1 resource added)', edits, 'message to paint'),
      row(`${graph1750.nodes.length} resources: first paint`, big.paint, `${big.items} boxes, ${[...big.firstSources].join('/')} layout`),
      row(`${graph1750.nodes.length} resources: ELK layout painted`, big.final),
      row(`${graph1750.nodes.length} resources: graph posted -> ELK painted`, big.finalSinceReady),
    ];
    return { rows, finalSinceReady: spread(plain.finalSinceReady), hostCpu: spread(plain.hostCpu), elk: spread(plain.elk), resources: graph500.nodes.length, boxes: plain.items };
  } finally {
    await browser.close();
    await server.close();
  }
}
