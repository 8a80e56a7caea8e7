// The real-VS-Code tier: the packaged extension in code-server 4.139.1 (VS Code 1.139.1), driven
// through the workbench UI in headless Chromium. Run with `node scripts/runIntegration.mjs`
// (part of `npm test`); see test/integration/README.md for what it needs and what it relies on.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../../scripts/workbench/codeServer.mjs';
import { eventually, positionOf, prepareEnvironment, SCRATCH_TEMPLATE, type IntegrationEnvironment, type Session } from './harness';
import { TIMEOUTS } from './workbench';
import { checkCostPanel } from './costStep';
import { checkDiagramPanel, checkStackDiagram } from './diagramStep';
import { checkGlueView } from './glueStep';
import { checkCdkView } from './cdkStep';
import { checkCodeArtifactView } from './codeArtifactStep';
import { checkAwsDriftAndLogs, checkAwsLocalTemplates, checkAwsNoProfileSelected, checkAwsRegionSwitch, checkAwsSettingsPage, checkAwsSidebar, checkAwsWelcome, noAwsEnvironment } from './awsStep';
import { startDemoAws, type DemoAws } from '../../scripts/workbench/demoAws';

const ORDERS = 'orders-api-with-mistakes.yaml';
const ORDERS_PATH = `templates/${ORDERS}`;
// First-run install of code-server is ~5 minutes; later runs take seconds.
const SETUP_TIMEOUT = 20 * 60_000;
const STEP_TIMEOUT = 3 * 60_000;

let env: IntegrationEnvironment | undefined;
/** The demo AWS account (local protocol servers) the trusted session's sidebar talks to. */
let demoAws: DemoAws | undefined;

function environment(): IntegrationEnvironment {
  assert.ok(env, 'the integration environment was not prepared (see the before hook failure above)');
  return env;
}

/** Findings the CLI reports for a demo file (the editor must show the same). */
function cliFindings(relativePath: string): { rule: string; message: string; line: number }[] {
  const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'lint', '--format', 'json', join('demo', relativePath)], { cwd: repoRoot, encoding: 'utf8' });
  assert.ok(result.status === 0 || result.status === 1, `CLI failed (exit ${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as { rule: string; message: string; line: number }[];
}

/** Problems view step shared by the trusted and the Restricted Mode sessions. */
async function assertFindingsShown(session: Session): Promise<void> {
  await session.step('open-template', () => session.workbench.quickOpen(ORDERS));
  const text = await session.step('problems-view', () => session.workbench.problemsMatching('AWS::SQS::Queu'));
  assert.match(text, /Unknown resource type 'AWS::SQS::Queu'/);
  assert.match(text, /cfn-unknown-resource-type/);
  assert.match(text, /archlens/);
  const expected = positionOf(join(session.folder, ORDERS_PATH), 'AWS::SQS::Queu');
  assert.match(text, new RegExp(`Ln ${expected.line}, Col ${expected.column}`), 'the finding is on the line of the typo');
}

describe('ArchLens in a real VS Code (code-server + headless Chromium)', () => {
  before(async () => {
    env = await prepareEnvironment();
    demoAws = await startDemoAws(join(env.tmp, 'demo-aws'));
  }, { timeout: SETUP_TIMEOUT });

  after(async () => {
    await demoAws?.close();
    await env?.dispose();
  });

  describe('trusted folder', () => {
    let session: Session | undefined;
    const open = (): Session => {
      assert.ok(session, 'the workbench did not open (see the before hook failure above)');
      return session;
    };

    before(async () => {
      assert.ok(demoAws, 'the demo AWS account did not start (see the before hook failure above)');
      session = await environment().openSession('trusted', { trust: true, env: demoAws.env });
    }, { timeout: STEP_TIMEOUT });

    after(async () => {
      await session?.close();
    });

    it('installs the packaged extension and the workbench shows the demo folder', { timeout: STEP_TIMEOUT }, async () => {
      const s = open();
      await s.step('workbench', async () => {
        assert.ok(s.installedExtensions().some((id) => id.startsWith('archlens.archlens@')), `archlens.archlens is not installed: ${s.installedExtensions().join(', ')}`);
        await s.workbench.explorer().getByRole('treeitem', { name: 'templates' }).waitFor({ timeout: TIMEOUTS.widget });
        assert.equal(await s.workbench.restrictedModeIndicator().count(), 0, 'a trusted folder must not be in Restricted Mode');
      });
    });

    it('(a) opening a template shows the ArchLens findings in the Problems view', { timeout: STEP_TIMEOUT }, async () => {
      const s = open();
      await assertFindingsShown(s);
      // Activation is logged by the extension host once the YAML editor opened.
      await eventually(() => s.extensionHostLog().includes('_doActivateExtension archlens.archlens'), TIMEOUTS.widget, 'the extension host to log the activation of archlens.archlens');
    });

    it('(a) the Problems view lists exactly what the CLI reports for the file', { timeout: STEP_TIMEOUT }, async () => {
      const s = open();
      const expected = cliFindings(ORDERS_PATH).length;
      const shown = await s.step('problems-count', async () => {
        await s.workbench.clearProblemsFilter();
        return s.workbench.problemCountForFile(ORDERS);
      });
      assert.equal(shown, expected, `Problems view shows ${shown} problems for ${ORDERS}, the CLI reports ${expected}`);
    });

    it('(b) hovering a resource type shows its documentation', { timeout: STEP_TIMEOUT }, async () => {
      const s = open();
      const at = positionOf(join(s.folder, ORDERS_PATH), 'AWS::DynamoDB::Table');
      const text = await s.step('hover', async () => {
        await s.workbench.quickOpen(ORDERS);
        // Two characters into the type name, so the cursor is inside it.
        return s.workbench.hoverAt(at.line, at.column + 2, /DynamoDB/);
      });
      assert.match(text, /AWS::DynamoDB::Table/);
      // The first sentence of the resource's CloudFormation documentation.
      assert.match(text, /creates a DynamoDB table/);
      await s.workbench.press('Escape');
    });

    it('(c) completion after `Type: AWS::S3::B` offers AWS::S3::Bucket', { timeout: STEP_TIMEOUT }, async () => {
      const s = open();
      const scratch = join(s.folder, SCRATCH_TEMPLATE);
      const at = positionOf(scratch, 'Scratch:');
      const offered = await s.step('completion', async () => {
        await s.workbench.quickOpen('completion-scratch.yaml');
        return s.workbench.completionAt(at.line + 1, at.column + 2, 'Type: AWS::S3::B', 'AWS::S3::Bucket');
      });
      assert.ok(offered.some((name) => name.startsWith('AWS::S3::Bucket,')), `offered: ${offered.join(' | ')}`);
      // Accept it and save: the file on disk proves what the editor inserted.
      await s.step('completion-accepted', async () => {
        await s.workbench.press('Enter', 'Control+S');
        await eventually(() => /^ {4}Type: AWS::S3::Bucket\s*$/m.test(readFileSync(scratch, 'utf8')), TIMEOUTS.widget, 'the accepted completion to be saved');
      });
    });

    it('(e) the architecture diagram draws the template and reveals a resource', { timeout: STEP_TIMEOUT }, () => checkDiagramPanel(open()));

    it('(n) the cost estimate: code lenses on the resources, Show Cost Estimate opens the panel, an edited usage figure changes the total and is written to the usage file', { timeout: STEP_TIMEOUT }, () =>
      checkCostPanel(open()),
    );

    it('(f) the AWS sidebar lists the demo stacks, expands resources and events, opens a deployed template and searches a log group', { timeout: STEP_TIMEOUT }, () =>
      checkAwsSidebar(open()),
    );

    it('(g) drift detection shows badges and a diff; live tail streams and stops; a Logs Insights query shows its rows', { timeout: STEP_TIMEOUT }, () =>
      checkAwsDriftAndLogs(open()),
    );

    it('(o) Show Diagram on a deployed stack draws its processed template with live status badges', { timeout: STEP_TIMEOUT }, () => checkStackDiagram(open()));

    it('(i) a deployed template compares with its local file, and a resource reveals its logical id there', { timeout: STEP_TIMEOUT }, () => checkAwsLocalTemplates(open()));

    it('(m) the Glue Data Catalog view expands a partitioned table to its partitions, filters them, generates DDL, shows schema drift and searches tables', { timeout: STEP_TIMEOUT }, () => checkGlueView(open()));

    it('(p) the CDK view lists the apps, a construct opens its source line, and its finding shows on the .ts property', { timeout: STEP_TIMEOUT }, () => checkCdkView(open()));

    it('(q) the CodeArtifact view: badges, a filter, multi-select and set, a planned dry run applied, a restore, and the dependency check', { timeout: STEP_TIMEOUT }, () => checkCodeArtifactView(open()));

    it('(j) the status bar switches region, and the stacks view follows the connection', { timeout: STEP_TIMEOUT }, () => checkAwsRegionSwitch(open()));

    it('(l) the Settings page shows no error on the untouched endpoint setting', { timeout: STEP_TIMEOUT }, () => checkAwsSettingsPage(open()));
  });

  describe('untrusted folder (Restricted Mode)', () => {
    let session: Session | undefined;

    before(async () => {
      session = await environment().openSession('restricted', { trust: false, env: noAwsEnvironment(environment().tmp) });
    }, { timeout: STEP_TIMEOUT });

    after(async () => {
      await session?.close();
    });

    it('(d) Restricted Mode still shows the findings', { timeout: STEP_TIMEOUT }, async () => {
      assert.ok(session, 'the workbench did not open (see the before hook failure above)');
      const s = session;
      await s.step('restricted-mode', () => s.workbench.restrictedModeIndicator().first().waitFor({ timeout: TIMEOUTS.widget }));
      await assertFindingsShown(s);
    });

    it('(h) with no AWS configuration at all, the stacks view shows its welcome content', { timeout: STEP_TIMEOUT }, async () => {
      assert.ok(session, 'the workbench did not open (see the before hook failure above)');
      await checkAwsWelcome(session);
    });

    it('(k) with profiles but none selected and no default, the view says so, lists them and offers Select Profile', { timeout: STEP_TIMEOUT }, async () => {
      assert.ok(session, 'the workbench did not open (see the before hook failure above)');
      await checkAwsNoProfileSelected(session, environment().tmp);
    });
  });
});
