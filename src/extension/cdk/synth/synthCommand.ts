// "Synthesize CDK App": runs the app's own code, so only in a trusted workspace and only when the
// user asks (the command, the tree, a code lens; or a save with `archlens.cdk.synthOnSave`, which
// the user turned on). The exact command is shown before it runs; progress comes from toolkit-lib's
// IoHost messages in a cancellable notification and the ArchLens log; a cancel ends the app too.
// Errors that need context lookups say so and offer `cdk synth` in a terminal. On completion the
// workspace re-reads the assembly (tree, lenses) and the language server re-validates the changed
// templates through its file watcher.
import * as vscode from 'vscode';
import type { CdkApp } from '../../../views/cdk/cdkModel';
import type { CdkWorkspace } from '../cdkWorkspace';
import { synthEnvironment, type SynthIoMessage } from './synthProtocol';
import { runSynth, type SynthOutcome } from './synthRunner';

export interface SynthCommandServices {
  readonly workspace: CdkWorkspace;
  readonly log: vscode.LogOutputChannel;
  /** dist/cdkSynthWorker.js of the installed extension. */
  readonly workerPath: string;
}

/** How a synth was asked for: a save (setting on) runs without the confirmation, in the status bar. */
export type SynthTrigger = 'explicit' | 'save';

const running = new Map<string, Promise<void>>();

function logMessage(log: vscode.LogOutputChannel, app: CdkApp, message: SynthIoMessage): void {
  const text = `CDK synth ${app.name}: ${message.message}${message.code ? ` (${message.code})` : ''}`;
  // Debug and trace messages are left out: they print the app's whole environment.
  if (message.level === 'error') log.error(text);
  else if (message.level === 'warn') log.warn(text);
  else if (message.level === 'info' || message.level === 'result') log.info(text);
}

/** Explains why the command is off in Restricted Mode (and offers the trust editor). */
export async function explainUntrusted(app: CdkApp | undefined): Promise<void> {
  const what = app?.appCommand ? ` (\`${app.appCommand}\`)` : '';
  const choice = await vscode.window.showWarningMessage(
    `ArchLens: Synthesize CDK App is off in Restricted Mode: synthesizing runs the app's own code${what}. Trust this workspace to use it. Until then ArchLens reads the existing cloud assembly only.`,
    'Manage Workspace Trust',
  );
  if (choice === 'Manage Workspace Trust') await vscode.commands.executeCommand('workbench.trust.manage');
}

async function confirm(app: CdkApp): Promise<boolean> {
  const choice = await vscode.window.showInformationMessage(
    `Synthesize the CDK app "${app.name}"?`,
    {
      modal: true,
      detail: `ArchLens will run this command in ${app.rootDir}:\n\n${app.appCommand ?? ''}\n\nIt runs your app's code, with context lookups off (no AWS calls), and writes the cloud assembly to ${app.outDir}.`,
    },
    'Synthesize',
  );
  return choice === 'Synthesize';
}

function openTerminalSynth(app: CdkApp): void {
  const terminal = vscode.window.createTerminal({ name: `cdk synth: ${app.name}`, cwd: app.rootDir });
  terminal.show();
  terminal.sendText('npx cdk synth', true);
}

async function report(outcome: SynthOutcome, app: CdkApp, services: SynthCommandServices, trigger: SynthTrigger): Promise<void> {
  switch (outcome.kind) {
    case 'done':
      services.log.info(`CDK synth ${app.name}: done, ${outcome.stacks.length} stack${outcome.stacks.length === 1 ? '' : 's'} (${outcome.stacks.join(', ')}).`);
      vscode.window.setStatusBarMessage(`$(check) ArchLens: synthesized ${app.name} (${outcome.stacks.length} stack${outcome.stacks.length === 1 ? '' : 's'})`, 5_000);
      return;
    case 'cancelled':
      services.log.info(`CDK synth ${app.name}: cancelled.`);
      return;
    case 'failed':
      services.log.error(`CDK synth ${app.name} failed (${outcome.reason}): ${outcome.message}`);
      if (outcome.reason === 'lookups') {
        const choice = await vscode.window.showErrorMessage(
          `ArchLens: "${app.name}" needs context lookups (VPC, AMI, hosted zone...), which are off when ArchLens synthesizes, so the editor makes no AWS calls. Run "cdk synth" in a terminal once with credentials: it saves the values in cdk.context.json, and Synthesize works here after that.`,
          'Run cdk synth in Terminal',
          'Show Log',
        );
        if (choice === 'Run cdk synth in Terminal') openTerminalSynth(app);
        else if (choice === 'Show Log') services.log.show();
        return;
      }
      if (trigger === 'save') {
        vscode.window.setStatusBarMessage(`$(error) ArchLens: synthesizing ${app.name} failed; see the ArchLens log`, 8_000);
        return;
      }
      if ((await vscode.window.showErrorMessage(`ArchLens: synthesizing "${app.name}" failed: ${firstLine(outcome.message)} The app's output is in the ArchLens log.`, 'Show Log')) === 'Show Log') services.log.show();
      return;
    case 'crashed':
      services.log.error(`CDK synth ${app.name}: ${outcome.message}`);
      if ((await vscode.window.showErrorMessage(`ArchLens: the synth of "${app.name}" stopped unexpectedly. Details are in the ArchLens log; "cdk synth" in a terminal shows the app's own output.`, 'Show Log')) === 'Show Log') services.log.show();
  }
}

function firstLine(message: string): string {
  const line = message.split('\n').find((l) => l.trim() !== '')?.trim() ?? 'no message';
  const cut = line.length > 300 ? `${line.slice(0, 300)}…` : line;
  return /[.!?…]$/.test(cut) ? cut : `${cut}.`;
}

/** Synthesizes one app; concurrent requests for the same app share the run in progress. */
export function synthesizeApp(app: CdkApp, services: SynthCommandServices, trigger: SynthTrigger): Promise<void> {
  const existing = running.get(app.rootDir);
  if (existing) return existing;
  const run = (async () => {
    if (!vscode.workspace.isTrusted) {
      if (trigger === 'explicit') await explainUntrusted(app);
      return;
    }
    if (!app.appCommand) {
      if (trigger === 'explicit') void vscode.window.showErrorMessage(`ArchLens: cdk.json in ${app.rootDir} has no "app" command, so there is nothing to synthesize. Add "app" (e.g. "npx ts-node bin/app.ts").`);
      return;
    }
    if (trigger === 'explicit' && !(await confirm(app))) return;
    services.log.info(`CDK synth ${app.name}: running \`${app.appCommand}\` in ${app.rootDir} (lookups off) -> ${app.outDir}`);
    const outcome = await vscode.window.withProgress(
      { location: trigger === 'save' ? vscode.ProgressLocation.Window : vscode.ProgressLocation.Notification, title: `Synthesizing ${app.name}`, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          return await runSynth(
            { kind: 'synth', app: app.appCommand!, workingDirectory: app.rootDir, outdir: app.outDir, env: synthEnvironment(process.env.NODE_OPTIONS) },
            {
              workerPath: services.workerPath,
              signal: controller.signal,
              onMessage: (message) => {
                logMessage(services.log, app, message);
                if (message.level === 'info' || message.level === 'result') progress.report({ message: firstLine(message.message).slice(0, 120) });
              },
            },
          );
        } finally {
          subscription.dispose();
        }
      },
    );
    services.workspace.invalidate();
    await report(outcome, app, services, trigger);
  })().finally(() => running.delete(app.rootDir));
  running.set(app.rootDir, run);
  return run;
}
