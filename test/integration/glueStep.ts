// The Glue Data Catalog view in the real workbench, against the demo account's data lake
// (test/support/aws/glueFixtures.ts through scripts/workbench/demoAws.ts). A step for
// test/integration/workbench.test.ts (trusted session); not a test file.
//
// What a user sees: focusing the view (it starts collapsed) lists the default catalog, which expands into the raw database,
// then the partitioned table (its badge), its Partitions folder with the first partition, and a
// Filter Partitions… expression that narrows the folder (the input box rejects a wrong key first);
// then Generate Athena DDL (a SQL editor), Show Schema Drift against the demo template
// templates/data-lake.yaml (a diff and a summary), and Search Tables… (a hit opens its document).
import type { Session } from './harness';
import { DEMO_ACCOUNT } from '../support/aws/demoData';
import assert from 'node:assert/strict';
import { answer, contextMenu, editorText, expandUntil, runCommand, treeItem } from './awsStep';
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
  });
  await session.step('glue-ddl', async () => {
    // Fold the filtered Partitions folder: the table's row stays in view.
    await treeItem(session, /^Partitions/).click();
    await page.keyboard.press('ArrowLeft');
    await contextMenu(session, treeItem(session, /^clickstream_events/, 'EXTERNAL'), /Generate Athena DDL/);
    const ddl = await editorText(session, 'CREATE EXTERNAL TABLE');
    assert.match(ddl, /CREATE EXTERNAL TABLE `raw`\.`clickstream_events`/);
    assert.match(ddl, /PARTITIONED BY \(/);
    assert.match(ddl, /LOCATION 's3:\/\/demo-lake-raw\/clickstream\/'/);
    // An untitled editor: closed without a save prompt, so later steps start from a clean editor area.
    await runCommand(session, 'View: Revert and Close Editor');
  });
  await session.step('glue-schema-drift', async () => {
    // The demo template templates/data-lake.yaml defines the table (its name through !Sub), with a
    // schema the live table no longer has: a diff of both sides and the differences in a sentence.
    await contextMenu(session, treeItem(session, /^clickstream_events/, 'EXTERNAL'), /Show Schema Drift/);
    await page.getByRole('tab', { name: /raw\.clickstream_events: data-lake\.yaml ↔ live schema/ }).first().waitFor({ timeout: TIMEOUTS.diagnostics });
    await page.getByText(/differs from data-lake\.yaml in 3 places: column user_id: bigint in AWS, string in the template/).first().waitFor({ timeout: TIMEOUTS.widget });
    assert.match(await editorText(session, '"referrer"'), /"Name": "user_id",\s+"Type": "string"/);
  });
  try {
    await session.step('glue-search', async () => {
      await runCommand(session, 'ArchLens: Search Tables');
      // The input box opens once the command has its connection: type only when it is there.
      await page.getByText(/Glue SearchTables: words in table names/).first().waitFor({ timeout: TIMEOUTS.widget });
      await answer(session, 'amount');
      // SearchTables matches column names across databases: curated.orders and curated.payments.
      await page.getByRole('option', { name: /^payments/ }).first().waitFor({ timeout: TIMEOUTS.diagnostics });
      const orders = page.getByRole('option', { name: /^orders/ }).first();
      await orders.waitFor({ timeout: TIMEOUTS.widget });
      await orders.click();
      const doc = await editorText(session, '# curated.orders');
      assert.match(doc, /\*\*Iceberg\*\*/);
      await runCommand(session, 'View: Close All Editors');
    });
  } finally {
    // Fold the view again and unfold the stacks view, even after a failure: the later steps need the stacks view's room.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Glue Data Catalog/, expanded: true }).first().click().catch(() => undefined);
    await page.getByRole('button', { name: /^CloudFormation Stacks/, expanded: false }).first().click().catch(() => undefined);
  }
}
