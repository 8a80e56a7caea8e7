// The connection's user interactions: the MFA code prompt, the progress notification of a slow
// credential resolution (with Cancel), and the failure notification with its remedy actions.
// Decisions (messages, remedies) are made in src/aws/credentials; this file only shows them.
import * as vscode from 'vscode';
import { abortError, type Remedy } from '../../../aws/credentials/credentialErrors';
import type { SlowResolution } from '../../../aws/credentials/sessionCredentials';

/** Tracks open prompts so a progress notification does not pop up over the MFA input box. */
export class PromptGate {
  private open = 0;
  private waiters: (() => void)[] = [];

  async around<T>(run: () => Thenable<T>): Promise<T> {
    this.open++;
    try {
      return await run();
    } finally {
      this.open--;
      if (this.open === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  idle(): Promise<void> {
    return this.open === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}

/** `mfaCodeProvider` for fromIni: Escape rejects with an AbortError (cancelled, not failed). */
export function mfaPrompt(profile: string, gate: PromptGate): (serial: string) => Promise<string> {
  return async (serial) => {
    const code = await gate.around(() =>
      vscode.window.showInputBox({
        title: `MFA code for AWS profile ${profile}`,
        prompt: `Enter the current code of ${serial}`,
        placeHolder: '123456',
        ignoreFocusOut: true,
        validateInput: (value) => (/^\d{6}$/.test(value.trim()) ? undefined : 'Enter the 6-digit code'),
      }),
    );
    if (code === undefined) throw abortError('MFA code entry cancelled');
    return code.trim();
  };
}

/** Shows "Resolving AWS credentials…" with Cancel once a resolution is slow (after 1 s). */
export function progressOnSlow(label: () => string, gate: PromptGate): (run: SlowResolution) => void {
  return (run) => {
    void (async () => {
      let finished = false;
      void run.done.then(() => (finished = true));
      await Promise.race([gate.idle(), run.done]);
      if (finished) return;
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Resolving AWS credentials for ${label()}…`, cancellable: true },
        async (_progress, token): Promise<void> => {
          const sub = token.onCancellationRequested(() => run.cancel());
          try {
            await run.done;
          } finally {
            sub.dispose();
          }
        },
      );
    })();
  };
}

/** The error notification of a failed connection, with actions for its remedy. */
export async function showFailure(message: string, remedy: Remedy | undefined, log: vscode.LogOutputChannel): Promise<void> {
  const actions: string[] = [];
  if (remedy?.kind === 'ssoLogin') actions.push('Run in Terminal', 'Copy Command');
  if (remedy?.kind === 'selectProfile') actions.push('Select Profile');
  if (remedy?.kind === 'selectRegion') actions.push('Select Region');
  if (remedy?.kind === 'openFile') actions.push('Open File');
  actions.push('Show Log');
  const choice = await vscode.window.showErrorMessage(message, ...actions);
  switch (choice) {
    case 'Run in Terminal':
      if (remedy?.kind === 'ssoLogin') {
        // User-initiated: the login opens a browser and writes the token cache; we reconnect
        // when the cache changes (see registerConnection.ts).
        const terminal = vscode.window.createTerminal({ name: 'AWS SSO login' });
        terminal.show();
        terminal.sendText(remedy.command);
      }
      return;
    case 'Copy Command':
      if (remedy?.kind === 'ssoLogin') await vscode.env.clipboard.writeText(remedy.command);
      return;
    case 'Select Profile':
      await vscode.commands.executeCommand('archlens.aws.selectProfile');
      return;
    case 'Select Region':
      await vscode.commands.executeCommand('archlens.aws.selectRegion');
      return;
    case 'Open File':
      if (remedy?.kind === 'openFile') {
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(remedy.file));
        const line = Math.max(0, remedy.line - 1);
        await vscode.window.showTextDocument(doc, { selection: new vscode.Range(line, 0, line, 0) });
      }
      return;
    case 'Show Log':
      log.show();
      return;
    default:
      return;
  }
}
