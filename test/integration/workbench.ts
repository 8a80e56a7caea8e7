// A thin driver for VS Code's web workbench through playwright-core.
//
// Selectors: ARIA roles and the accessible names VS Code gives its widgets, plus keyboard
// commands, never workbench CSS classes (they change between releases). Every name relied on is
// listed here and in test/integration/README.md:
//   tree "Files Explorer"                      the workbench is up and the folder is open
//   tab /<file name>/                          an editor tab is open
//   option /<file name>/                       a Quick Open (Ctrl+P) result
//   textbox /^Go to line/                      the Go to Line (Ctrl+G) input
//   textbox "Filter Problems"                  the Problems view (Ctrl+Shift+M) filter
//   tree /problems/i, treeitem /problems in file/  the Problems view and its per-file rows
//   tooltip                                    the editor hover (Ctrl+K Ctrl+I)
//   option /^<label>,/                         a suggestion in the suggest widget (Ctrl+Space)
//   button /Restricted Mode/                   the status bar's Restricted Mode indicator
// Keyboard: Ctrl+P, Ctrl+G, Ctrl+Shift+M, Ctrl+K Ctrl+I, Ctrl+Space, Ctrl+S, Escape (VS Code's
// default Linux keybindings; the web workbench receives them because it calls preventDefault).
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, checkChromium } from '../../scripts/workbench/codeServer.mjs';

export async function launchChromium(): Promise<Browser> {
  checkChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Timeouts (ms). The first diagnostics include the language server's start and catalogue load. */
export const TIMEOUTS = { workbench: 90_000, diagnostics: 60_000, widget: 30_000 };

export class Workbench {
  constructor(readonly page: Page) {}

  /** Loads the workbench and waits until the folder's file tree is shown (~5-10 s here). */
  static async open(browser: Browser, url: string): Promise<Workbench> {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(url, { timeout: TIMEOUTS.workbench });
    const workbench = new Workbench(page);
    await workbench.explorer().waitFor({ timeout: TIMEOUTS.workbench });
    return workbench;
  }

  explorer(): Locator {
    return this.page.getByRole('tree', { name: 'Files Explorer' });
  }

  restrictedModeIndicator(): Locator {
    return this.page.getByRole('button', { name: /Restricted Mode/ });
  }

  /** Quick Open (Ctrl+P): types the file name, picks the matching result, waits for its tab. */
  async quickOpen(fileName: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    await this.page.keyboard.type(fileName);
    const escaped = escapeRegExp(fileName);
    // Enter picks the first item: wait until the filter has put our file there (before it
    // applies, the first item is the most recently opened file).
    const first = this.page.getByRole('listbox').getByRole('option').first();
    const deadline = Date.now() + TIMEOUTS.widget;
    while (!new RegExp(escaped).test((await first.getAttribute('aria-label').catch(() => null)) ?? '')) {
      if (Date.now() > deadline) throw new Error(`Quick Open did not offer ${fileName} first`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.page.keyboard.press('Enter');
    // The file's tab must become the active one (it may already be open in the background).
    await this.page.getByRole('tab', { name: new RegExp(escaped), selected: true }).first().waitFor({ timeout: TIMEOUTS.widget });
  }

  /** Go to Line (Ctrl+G) in the active editor; line and column are 1-based. */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    await this.page.getByRole('textbox', { name: /^Go to line/ }).waitFor({ timeout: TIMEOUTS.widget });
    await this.page.keyboard.type(`${line}:${column}`);
    // Enter before the picker has produced its item ("... go to line 4 at column 5") is lost.
    await this.page.getByRole('option', { name: new RegExp(`\\b${line}\\b.*\\b${column}\\b`) }).waitFor({ timeout: TIMEOUTS.widget });
    await this.page.keyboard.press('Enter');
    // The input closes once the cursor has moved.
    await this.page.getByRole('textbox', { name: /^Go to line/ }).waitFor({ state: 'hidden', timeout: TIMEOUTS.widget });
  }

  /** Opens the Problems view (Ctrl+Shift+M) and returns its tree. */
  async showProblems(): Promise<Locator> {
    await this.page.keyboard.press('Control+Shift+M');
    const tree = this.page.getByRole('tree', { name: /problems/i });
    await tree.waitFor({ timeout: TIMEOUTS.widget });
    return tree;
  }

  /**
   * Filters the Problems view (rows are virtualised: only visible rows exist in the DOM, so a
   * filter is what makes a given finding reliably present) and waits for rows containing `text`.
   * Returns the tree's visible text: messages plus `source(code)` and `[Ln, Col]`.
   */
  async problemsMatching(text: string, timeout = TIMEOUTS.diagnostics): Promise<string> {
    const tree = await this.showProblems();
    const filter = this.page.getByRole('textbox', { name: 'Filter Problems' });
    await filter.fill(text);
    await tree.getByRole('treeitem').filter({ hasText: text }).first().waitFor({ timeout });
    return tree.innerText();
  }

  async clearProblemsFilter(): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Filter Problems' }).fill('');
  }

  /** The count in the Problems view's per-file row ("11 problems in file x.yaml of folder ..."). */
  async problemCountForFile(fileName: string, timeout = TIMEOUTS.diagnostics): Promise<number> {
    await this.showProblems();
    const row = this.page.getByRole('treeitem', { name: new RegExp(`^\\d+ problems? in file ${escapeRegExp(fileName)}\\b`) });
    await row.first().waitFor({ timeout });
    const label = (await row.first().getAttribute('aria-label')) ?? '';
    return Number(/^(\d+)/.exec(label)?.[1] ?? NaN);
  }

  /** Puts the cursor at line:column and shows the hover there (Ctrl+K Ctrl+I); returns its text. */
  async hoverAt(line: number, column: number, expected: RegExp): Promise<string> {
    await this.goTo(line, column);
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const tooltip = this.page.getByRole('tooltip').filter({ hasText: expected });
    await tooltip.first().waitFor({ timeout: TIMEOUTS.widget });
    return tooltip.first().innerText();
  }

  /** Types `text` at line:column, triggers completion (Ctrl+Space) and waits for `label`. */
  async completionAt(line: number, column: number, text: string, label: string): Promise<string[]> {
    await this.goTo(line, column);
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Control+Space');
    // Suggestion names are "<label>, <kind>" (e.g. "AWS::S3::Bucket, Class").
    await this.page.getByRole('option', { name: new RegExp(`^${escapeRegExp(label)},`) }).first().waitFor({ timeout: TIMEOUTS.widget });
    const names: string[] = [];
    for (const option of await this.page.getByRole('option').all()) names.push((await option.getAttribute('aria-label')) ?? '');
    return names.filter((name) => name.startsWith('AWS::'));
  }

  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
