// The live-AWS sidebar in the real workbench, against the demo account (scripts/workbench/demoAws.ts:
// the local CloudFormation and CloudWatch Logs/STS protocol servers behind one port, profile
// `demo`). A step for test/integration/workbench.test.ts (trusted session); not a test file.
//
// It checks what a user sees: the status bar names the demo account (STS GetCallerIdentity went
// through the profile's endpoint), the CloudFormation Stacks view lists the demo stacks, a stack
// expands into its resources and events, "Open Deployed Template" (context menu) opens the
// template as a read-only document, and "ArchLens: Search Log Group…" run from the command palette
// (group pick, filter pattern, time range) opens a result document with the matching events.
//
// Selectors: ARIA roles and VS Code's English UI strings (treeitem, menuitem, option, tab, the
// status bar button); tree items are matched on their visible text (label and description), and
// an editor's text through its `role="code"` container.
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { DEMO_ACCOUNT, DEMO_FUNCTION, DEMO_LOG_GROUP, DEMO_SEARCH_TERM, DEMO_STACK } from '../support/aws/demoData';
import type { Session } from './harness';
import { escapeRegExp, TIMEOUTS } from './workbench';

/** Runs a command from the palette (F1) by its title. */
async function runCommand(session: Session, title: string): Promise<void> {
  const page = session.workbench.page;
  await page.keyboard.press('F1');
  await page.keyboard.type(title);
  await page.getByRole('option', { name: new RegExp(escapeRegExp(title)) }).first().waitFor({ timeout: TIMEOUTS.widget });
  await page.keyboard.press('Enter');
}

/** A tree item whose visible text (label + description) matches every `texts` entry. */
function treeItem(session: Session, ...texts: (string | RegExp)[]): Locator {
  let items = session.workbench.page.getByRole('treeitem');
  for (const text of texts) items = items.filter({ hasText: text });
  return items.first();
}

/** The editor showing `tab`, once its text contains `text`. */
async function editorText(session: Session, text: string): Promise<string> {
  const editor = session.workbench.page.getByRole('code').filter({ hasText: text }).first();
  await editor.waitFor({ timeout: TIMEOUTS.widget });
  return editor.innerText();
}

export async function checkAwsSidebar(session: Session): Promise<void> {
  const page = session.workbench.page;

  await session.step('aws-connection', async () => {
    // `$(cloud) demo · us-east-1 · <account>`: the account comes from STS through the demo endpoint.
    await page.getByRole('button', { name: new RegExp(`demo · us-east-1 · ${DEMO_ACCOUNT}`) }).first().waitFor({ timeout: TIMEOUTS.diagnostics });
  });

  await session.step('aws-stacks-view', async () => {
    await runCommand(session, 'Focus on CloudFormation Stacks View');
    await treeItem(session, new RegExp(`^${escapeRegExp(DEMO_STACK)}(?!-)`), 'update complete').waitFor({ timeout: TIMEOUTS.diagnostics });
    for (const name of ['platform', 'serverless-app', 'orders-api-staging', 'legacy-billing']) {
      assert.equal(await treeItem(session, new RegExp(`^${escapeRegExp(name)}`)).count(), 1, `the stacks view lists ${name}`);
    }
    // The list is paged: 100 stacks, then "Load more…" (rows are virtualised: End scrolls to it).
    await treeItem(session, /^platform/).focus();
    await page.keyboard.press('End');
    await treeItem(session, 'Load more…').waitFor({ timeout: TIMEOUTS.widget });
    await page.keyboard.press('Home');
  });

  await session.step('aws-stack-resources', async () => {
    await treeItem(session, new RegExp(`^${escapeRegExp(DEMO_STACK)}(?!-)`), 'update complete').click();
    await treeItem(session, /^Resources/).click();
    await treeItem(session, /^OrdersFunction(?!Role)/, 'AWS::Lambda::Function').waitFor({ timeout: TIMEOUTS.widget });
    await treeItem(session, /^OrdersTable/, 'AWS::DynamoDB::Table').waitFor({ timeout: TIMEOUTS.widget });
  });

  await session.step('aws-stack-events', async () => {
    await treeItem(session, /^Events/).click();
    // A CREATE_IN_PROGRESS event of a resource carries CloudFormation's reason.
    await treeItem(session, /^OrdersQueue/, 'Resource creation Initiated').waitFor({ timeout: TIMEOUTS.widget });
  });

  await session.step('aws-deployed-template', async () => {
    await treeItem(session, new RegExp(`^${escapeRegExp(DEMO_STACK)}(?!-)`), 'update complete').click({ button: 'right' });
    await page.getByRole('menuitem', { name: /^Open Deployed Template$/ }).first().click();
    await page.getByRole('tab', { name: new RegExp(`${escapeRegExp(DEMO_STACK)} \\(deployed\\)\\.yaml`) }).first().waitFor({ timeout: TIMEOUTS.widget });
    const text = await editorText(session, 'OrdersFunctionRole');
    assert.match(text, /AWS::DynamoDB::Table/);
  });

  await session.step('aws-log-search', async () => {
    await runCommand(session, 'ArchLens: Search Log Group…');
    await page.getByRole('option', { name: new RegExp(escapeRegExp(DEMO_FUNCTION)) }).first().waitFor({ timeout: TIMEOUTS.diagnostics });
    await page.keyboard.type(DEMO_FUNCTION);
    await page.keyboard.press('Enter');
    // The input box's prompt (its textbox is named after the placeholder).
    await page.getByText(/CloudWatch Logs filter pattern/).first().waitFor({ timeout: TIMEOUTS.widget });
    await page.keyboard.type(DEMO_SEARCH_TERM);
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: /Last 24 hours/ }).first().waitFor({ timeout: TIMEOUTS.widget });
    await page.keyboard.type('Last 24 hours');
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: new RegExp(`search ${DEMO_SEARCH_TERM}`) }).first().waitFor({ timeout: TIMEOUTS.diagnostics });
    const text = await editorText(session, `Search of ${DEMO_LOG_GROUP}`);
    assert.match(text, new RegExp(`ERROR ${DEMO_SEARCH_TERM} order=\\d+`), 'the result document lists matching events');
    assert.doesNotMatch(text, /INFO processed order/, 'only matching events are listed');
  });
}
