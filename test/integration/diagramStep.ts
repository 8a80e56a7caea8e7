// The architecture diagram in the real workbench: a step for test/integration/workbench.test.ts
// (trusted session). Not a test file itself, so it adds no code-server session of its own.
//
// It opens a demo template, runs "ArchLens: Open Architecture Diagram" from the command palette
// (F1), waits for the panel's SVG inside the webview, compares the drawn boxes with what
// `archlens diagram --format json` reports for the same file, clicks one and checks that the
// editor selected its logical id. This is what the browser test cannot show: the real webview
// (service worker, `webview.cspSource`, the layout worker started from a `blob:` URL) and the
// extension host side (engine call, message validation, reveal).
//
// Selectors: ARIA and keyboard for the workbench (F1, `option /Open Architecture Diagram/`,
// `tab /Diagram: <file>/`); the webview's content frame is the child of the frame whose URL
// carries `extensionId=archlens.archlens` (VS Code's webview host page), and inside it our own
// markup (`svg.canvas[data-renders]`, `g.node[data-key="n:<id>"]`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { repoRoot } from '../../scripts/workbench/codeServer.mjs';
import { DEMO_STACK } from '../support/aws/demoData';
import { contextMenu, treeItem } from './awsStep';
import type { Session } from './harness';
import { escapeRegExp, TIMEOUTS } from './workbench';

/** The template the step draws (a Lambda function, its role, a table, a queue and a topic). */
export const DIAGRAM_TEMPLATE = 'orders-api-with-mistakes.yaml';

interface CliNode {
  id: string;
  line: number;
  column: number;
}

function cliNodes(relativePath: string): CliNode[] {
  const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'diagram', '--format', 'json', join('demo', relativePath)], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(result.status, 0, `archlens diagram failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { nodes: CliNode[] }).nodes;
}

/** The diagram webview's content frame, once it has drawn. */
async function diagramFrame(session: Session, timeout: number): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of session.workbench.page.frames()) {
      if (!frame.parentFrame()?.url().includes('extensionId=archlens.archlens')) continue;
      if ((await frame.locator('svg.canvas[data-renders]').count().catch(() => 0)) > 0) return frame;
    }
    if (Date.now() > deadline) throw new Error(`the diagram webview did not draw within ${timeout / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Runs the diagram checks in a (trusted) session. */
export async function checkDiagramPanel(session: Session): Promise<void> {
  const page = session.workbench.page;
  await session.step('diagram-open-template', () => session.workbench.quickOpen(DIAGRAM_TEMPLATE));
  const frame = await session.step('diagram-panel', async () => {
    await page.keyboard.press('F1');
    await page.keyboard.type('ArchLens: Open Architecture Diagram');
    await page.getByRole('option', { name: /Open Architecture Diagram/ }).first().waitFor({ timeout: TIMEOUTS.widget });
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: new RegExp(`Diagram: ${escapeRegExp(DIAGRAM_TEMPLATE)}`) }).first().waitFor({ timeout: TIMEOUTS.widget });
    return diagramFrame(session, TIMEOUTS.widget);
  });

  const expected = cliNodes(`templates/${DIAGRAM_TEMPLATE}`);
  await session.step('diagram-nodes', async () => {
    const drawn: string[] = [];
    for (const node of await frame.locator('g.node').all()) drawn.push((await node.getAttribute('data-key')) ?? '');
    assert.deepEqual(drawn.sort(), expected.map((node) => `n:${node.id}`).sort(), 'the panel draws the resources `archlens diagram` reports');
    assert.equal(await frame.locator('.status.error').count(), 0);
    // Screen readers announce the search field by its name, not the toolkit's generic "Text field".
    assert.equal(await frame.getByRole('textbox', { name: 'Search resources', exact: true }).count(), 1);
  });

  const target = expected.find((node) => node.id === 'OrdersTable') ?? expected[0]!;
  await session.step('diagram-reveal', async () => {
    await frame.locator(`g.node[data-key="n:${target.id}"]`).click();
    // The editor selects the logical id: the status bar shows its line and column.
    await page.getByText(new RegExp(`Ln ${target.line}, Col ${target.column + target.id.length}\\b`)).first().waitFor({ timeout: TIMEOUTS.widget });
    await page.getByRole('tab', { name: new RegExp(escapeRegExp(DIAGRAM_TEMPLATE)) }).first().waitFor({ timeout: TIMEOUTS.widget });
  });
}

/**
 * "Show Diagram" on a deployed stack (the stack's context menu in the stacks tree): the panel
 * draws the demo stack's processed template from the local AWS server, with a live status
 * badge per resource: the drifted function reads drifted, the table CREATE_COMPLETE.
 */
export async function checkStackDiagram(session: Session): Promise<void> {
  const page = session.workbench.page;
  const frame = await session.step('diagram-stack', async () => {
    // The stack's context menu in the stacks tree (the stack row sits above its own events, which carry its name too).
    const row = treeItem(session, new RegExp(`^${escapeRegExp(DEMO_STACK)}(?!-)`), 'update complete');
    await row.waitFor({ timeout: TIMEOUTS.diagnostics });
    await contextMenu(session, row, /^Show Diagram/);
    await page.getByRole('tab', { name: new RegExp(`Diagram: ${escapeRegExp(DEMO_STACK)} \\(deployed, processed\\)`) }).first().waitFor({ timeout: TIMEOUTS.diagnostics });
    return diagramFrame(session, TIMEOUTS.widget);
  });
  await session.step('diagram-stack-badges', async () => {
    const drifted = frame.locator('g.node[data-key="n:OrdersFunction"] .status-badge.tone-drifted');
    await drifted.waitFor({ timeout: TIMEOUTS.diagnostics });
    assert.match((await frame.locator('g.node[data-key="n:OrdersFunction"]').getAttribute('aria-label')) ?? '', /drift MODIFIED/);
    assert.match((await frame.locator('g.node[data-key="n:OrdersTable"]').getAttribute('aria-label')) ?? '', /CREATE_COMPLETE/);
    assert.match((await frame.locator('.status').textContent()) ?? '', /Live status of \d+ deployed resources/);
  });
}
