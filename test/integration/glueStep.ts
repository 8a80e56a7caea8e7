// The Glue Data Catalog view in the real workbench, against the demo account's data lake
// (test/support/aws/glueFixtures.ts through scripts/workbench/demoAws.ts). A step for
// test/integration/workbench.test.ts (trusted session); not a test file.
//
// What a user sees: focusing the view (it starts collapsed) lists the default catalog, which expands into the raw database,
// then the partitioned table (its badge), its Partitions folder with the first partition, and a
// Filter Partitions… expression that narrows the folder (the input box rejects a wrong key first).
import type { Session } from './harness';
import { DEMO_ACCOUNT } from '../support/aws/demoData';
import { answer, contextMenu, expandUntil, runCommand, treeItem } from './awsStep';
import { TIMEOUTS } from './workbench';

export async function checkGlueView(session: Session): Promise<void> {
  const page = session.workbench.page;
  await session.step('glue-tree', async () => {
    // The view starts collapsed (the stacks view keeps its room); focusing it opens it.
    await runCommand(session, 'Focus on Glue Data Catalog View');
    // Fold the stacks view meanwhile: the table's rows need the side bar's height (rows out of view are not rendered).
    await page.getByRole('button', { name: /^CloudFormation Stacks/, expanded: true }).first().click();
    const catalog = treeItem(session, /^default/, DEMO_ACCOUNT);
    await catalog.waitFor({ timeout: TIMEOUTS.diagnostics });
    const raw = treeItem(session, /^raw/, 'Landing zone');
    await expandUntil(session, catalog, raw);
    const table = treeItem(session, /^clickstream_events/, 'EXTERNAL');
    await expandUntil(session, raw, table);
    const folder = treeItem(session, /^Partitions/, 'by year, month, day, hour');
    await expandUntil(session, table, folder);
    await expandUntil(session, folder, treeItem(session, 'year=2024/month=01/day=01/hour=00'));
  });
  await session.step('glue-partition-filter', async () => {
    await contextMenu(session, treeItem(session, /^Partitions/), /Filter Partitions/);
    // A wrong key is refused in the input box itself, before anything is sent.
    await page.keyboard.type("yeer = '2025'");
    await page.getByText(/"yeer" is not a partition key/).first().waitFor({ timeout: TIMEOUTS.widget });
    await page.keyboard.press('Control+A');
    await answer(session, "year = '2025' AND month = '03' AND day = '15'");
    await treeItem(session, /^Partitions/, "filter: year = '2025'").waitFor({ timeout: TIMEOUTS.widget });
    await treeItem(session, 'year=2025/month=03/day=15/hour=00').waitFor({ timeout: TIMEOUTS.diagnostics });
    // Fold the view again and unfold the stacks view: the later steps need the stacks view's room.
    await page.getByRole('button', { name: /^Glue Data Catalog/, expanded: true }).first().click();
    await page.getByRole('button', { name: /^CloudFormation Stacks/, expanded: false }).first().click();
  });
}
