// CDK apps in the real workbench, on the fixture app (test/fixtures/cdk-app: real aws-cdk-lib,
// checked-in assembly), copied into the session's folder next to the demo's own CDK app. A step
// for test/integration/workbench.test.ts (trusted session); not a test file.
//
// What a user sees: the CDK view lists both apps; the fixture's DataStack row shows its
// environment; it expands to the L1 table `Orders` (type and logical id, read whole by a screen
// reader); clicking it opens lib/dataStack.ts at the line that created it; the construct line has
// its "Creates AWS::DynamoDB::Table" code lens; and the Problems view shows the table's finding
// on the `.ts` line of the faulty property (the language server maps the template finding there).
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { Session } from './harness';
import { positionOf } from './harness';
import { expandUntil, runCommand, treeItem } from './awsStep';
import { TIMEOUTS } from './workbench';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'cdk-app');
const APP_FOLDER = 'cdk-fixture';

export async function checkCdkView(session: Session): Promise<void> {
  try {
    await checkCdkSteps(session);
  } finally {
    // Whatever happened, fold the CDK view and unfold the stacks view: the later steps need its room.
    const page = session.workbench.page;
    await session.workbench.clearProblemsFilter().catch(() => undefined);
    const cdk = page.getByRole('button', { name: /^CDK/, expanded: true }).first();
    if (await cdk.isVisible().catch(() => false)) await cdk.click().catch(() => undefined);
    const stacks = page.getByRole('button', { name: /^CloudFormation Stacks/, expanded: false }).first();
    if (await stacks.isVisible().catch(() => false)) await stacks.click().catch(() => undefined);
  }
}

async function checkCdkSteps(session: Session): Promise<void> {
  const page = session.workbench.page;
  const dataStackTs = join(session.folder, APP_FOLDER, 'lib', 'dataStack.ts');

  await session.step('cdk-tree', async () => {
    // The assembly without creation stacks is a second copy for the unit tests: not needed here.
    cpSync(FIXTURE, join(session.folder, APP_FOLDER), { recursive: true, filter: (source) => !source.includes('cdk.out.legacy') });
    await runCommand(session, 'Focus on CDK View');
    // Fold the stacks view meanwhile: the construct rows need the side bar's height.
    const stacksView = page.getByRole('button', { name: /^CloudFormation Stacks/, expanded: true }).first();
    if (await stacksView.isVisible().catch(() => false)) await stacksView.click();
    // The new cdk.json is picked up by the file watcher; Refresh makes it immediate.
    await runCommand(session, 'ArchLens: Refresh CDK Apps');
    await treeItem(session, /^cdk-shop/, '1 stack').waitFor({ timeout: TIMEOUTS.diagnostics });
    const stack = treeItem(session, /^DataStack/, 'aws://111111111111/us-east-1');
    await stack.waitFor({ timeout: TIMEOUTS.diagnostics });
    const orders = treeItem(session, /^Orders/, 'AWS::DynamoDB::Table');
    await expandUntil(session, stack, orders);
    // The screen reader reads the whole row, not just "Orders".
    await page.getByRole('treeitem', { name: /^Orders, AWS::DynamoDB::Table resource, logical id Orders · 1 error/ }).first().waitFor({ timeout: TIMEOUTS.widget });
  });

  await session.step('cdk-open-source', async () => {
    await treeItem(session, /^Orders/, 'AWS::DynamoDB::Table').click();
    await page.getByRole('tab', { name: /dataStack\.ts/, selected: true }).first().waitFor({ timeout: TIMEOUTS.widget });
    const at = positionOf(dataStackTs, "new CfnTable(this, 'Orders'");
    await page.getByRole('button', { name: new RegExp(`^Ln ${at.line}, Col ${at.column}\\b`) }).first().waitFor({ timeout: TIMEOUTS.widget });
    // The construct line's code lens (a link in the editor).
    await page.getByRole('button', { name: /^Creates AWS::DynamoDB::Table$/ }).or(page.getByText('Creates AWS::DynamoDB::Table', { exact: true })).first().waitFor({ timeout: TIMEOUTS.diagnostics });
  });

  await session.step('cdk-problems-on-property', async () => {
    const at = positionOf(dataStackTs, "sseType: 'AES256'");
    // The app was just copied in: the server places its findings on the sources once it has read
    // the new assembly, which can come after the template's own finding shows.
    const deadline = Date.now() + TIMEOUTS.diagnostics;
    let text = await session.workbench.problemsMatching("'AES256' is not one of KMS");
    while (!text.includes('dataStack.ts') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      text = await session.workbench.problemsMatching("'AES256' is not one of KMS");
    }
    if (!text.includes('dataStack.ts')) throw new Error(`the finding is not shown on dataStack.ts:\n${text}`);
    if (!text.includes(`[Ln ${at.line}, Col ${at.column}]`)) throw new Error(`the finding is not on the sseType property (Ln ${at.line}, Col ${at.column}):\n${text}`);
  });
}
