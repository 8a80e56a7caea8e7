// The CodeArtifact view in the real workbench, against the demo account (domain `acme-corp`,
// repositories `internal` and `public-proxy`, 300 packages, a package group; see
// test/support/aws/demoCodeArtifact.ts). A step for test/integration/workbench.test.ts (trusted
// session); not a test file.
//
// What a user sees: the view's badges (the risky ALLOW/ALLOW state marked "⚠ risky"), a server-side
// filter on a repository, a multi-selection set through Set Origin Controls… (quick picks, the
// modal confirmation naming the count), a bulk plan from a filter reviewed as a read-only plan
// document (the dry run's statuses) and applied, the run restored from Origin-Control Runs…, and
// the workspace's dependency-confusion check against `acme-corp/internal`.
import type { Session } from './harness';
import { answer, contextMenu, expandUntil, runCommand, treeItem } from './awsStep';
import { TIMEOUTS } from './workbench';

/**
 * Answers the quick pick or input box titled `title` (or with that placeholder) once it shows:
 * keys typed before the widget opens would be lost.
 */
async function ask(session: Session, title: string | RegExp, text: string): Promise<void> {
  const page = session.workbench.page;
  const byTitle = page.getByText(title).first();
  const byPlaceholder = page.getByPlaceholder(title).first();
  await byTitle.or(byPlaceholder).first().waitFor({ timeout: TIMEOUTS.widget });
  await answer(session, text);
}

/** Confirms the modal "Set Origin Controls of N Package(s)" dialog. */
async function confirmModal(session: Session): Promise<void> {
  await session.workbench.page.getByRole('button', { name: /^Set Origin Controls of \d+ Package/ }).first().click({ timeout: TIMEOUTS.widget });
}

/** Waits for a notification whose text matches. */
async function notification(session: Session, text: RegExp): Promise<void> {
  await session.workbench.page.getByText(text).first().waitFor({ timeout: TIMEOUTS.diagnostics });
}

export async function checkCodeArtifactView(session: Session): Promise<void> {
  const page = session.workbench.page;
  const repository = () => treeItem(session, /^internal/, 'Packages built at Acme');
  await session.step('codeartifact-tree', async () => {
    await runCommand(session, 'Focus on CodeArtifact View');
    // Fold the stacks view meanwhile: the package rows need the side bar's height.
    await page.getByRole('button', { name: /^CloudFormation Stacks/, expanded: true }).first().click();
    const domain = treeItem(session, /^acme-corp/);
    await domain.waitFor({ timeout: TIMEOUTS.diagnostics });
    await expandUntil(session, domain, repository());
    await expandUntil(session, repository(), treeItem(session, /^Upstream repositories: public-proxy/));
    // A server-side filter: npm packages whose name starts with acme-billing.
    await contextMenu(session, repository(), /^Filter Packages/);
    await ask(session, 'Filter packages: format', 'npm');
    await ask(session, 'Filter packages: name prefix', 'acme-billing');
    await ask(session, 'Filter packages: origin controls', '');
    await treeItem(session, /^internal/, 'filtered: npm · prefix acme-billing').waitFor({ timeout: TIMEOUTS.widget });
    await treeItem(session, /^acme-billing-core-cli/, '⚠ risky').waitFor({ timeout: TIMEOUTS.diagnostics });
  });

  await session.step('codeartifact-multi-select-set', async () => {
    const core = treeItem(session, /^acme-billing-core-cli/);
    const client = treeItem(session, /^acme-billing-client-cli/);
    await core.click();
    await client.click({ modifiers: ['Control'] });
    await contextMenu(session, core, /^Set Origin Controls/);
    await ask(session, /^Publish: may new versions/, 'Keep');
    await ask(session, /^Upstream: may versions come/, 'BLOCK');
    await confirmModal(session);
    await notification(session, /origin controls in acme-corp\/internal: \d+ set/);
    await treeItem(session, /^acme-billing-core-cli/, 'upstream BLOCK').waitFor({ timeout: TIMEOUTS.diagnostics });
  });

  await session.step('codeartifact-plan-dry-run-apply', async () => {
    await contextMenu(session, repository(), /^Plan Origin Changes/);
    await ask(session, 'Plan origin changes: where from?', 'matching a filter');
    await ask(session, 'Filter packages: format', 'npm');
    await page.getByText('Filter packages: name prefix').first().waitFor({ timeout: TIMEOUTS.widget });
    await page.keyboard.press('Control+A');
    await answer(session, 'acme-orders');
    await ask(session, 'Filter packages: origin controls', 'Risky');
    await ask(session, 'Set publish to', 'Keep');
    await ask(session, 'Set upstream to', 'BLOCK');
    // The dry run's plan: a read-only Markdown document.
    await page.getByRole('code').filter({ hasText: 'would-write' }).first().waitFor({ timeout: TIMEOUTS.diagnostics });
    await page.getByRole('button', { name: 'Apply…' }).first().click({ timeout: TIMEOUTS.widget });
    await confirmModal(session);
    await notification(session, /origin controls in acme-corp\/internal: 1 set/);
  });

  await session.step('codeartifact-restore', async () => {
    await runCommand(session, 'Origin-Control Runs');
    // The newest run first: the plan just applied.
    await page.getByRole('option', { name: /acme-corp\/internal/ }).first().waitFor({ timeout: TIMEOUTS.widget });
    await answer(session, '');
    await ask(session, 'Run in acme-corp/internal', 'Restore');
    await confirmModal(session);
    await notification(session, /origin controls in acme-corp\/internal: 1 set/);
  });

  await session.step('codeartifact-dependency-check', async () => {
    await runCommand(session, 'Check Dependencies Against CodeArtifact');
    await ask(session, 'Check dependencies against which repository?', 'acme-corp/internal');
    // acme-billing-core-cli was blocked above; acme-orders-core-cli was restored to ALLOW/ALLOW.
    await notification(session, /3 dependencies are open to dependency confusion in acme-corp\/internal/);
    // Fold the view again and unfold the stacks view: the later steps need the stacks view's room.
    await page.getByRole('button', { name: /^CodeArtifact/, expanded: true }).first().click();
    await page.getByRole('button', { name: /^CloudFormation Stacks/, expanded: false }).first().click();
  });
}
