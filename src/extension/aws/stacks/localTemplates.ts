// Local template files for "compare with local" and "reveal in local template". Open editors win
// over the disk (unsaved changes count); files are read through workspace.fs so remote and
// virtual workspaces work; big files and dependency folders are skipped.
import * as vscode from 'vscode';

const GLOB = '**/*.{yaml,yml,json,template}';
const EXCLUDE = '**/{node_modules,.git,cdk.out,.aws-sam,dist,out}/**';
const MAX_FILES = 500;
/** CloudFormation's own template size limit. */
const MAX_BYTES = 1_000_000;

export interface LocalFile {
  readonly uri: vscode.Uri;
  readonly text: string;
}

export async function readLocal(uri: vscode.Uri): Promise<LocalFile | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { uri, text: open.getText() };
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_BYTES) return undefined;
    return { uri, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  } catch {
    return undefined;
  }
}

/** The active editor's file first (when it is a file), then the workspace's candidate files. */
export async function candidateFiles(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const found = await vscode.workspace.findFiles(GLOB, EXCLUDE, MAX_FILES, token);
  const out: vscode.Uri[] = [];
  if (active && active.scheme !== 'archlens-stack' && active.scheme !== 'output') out.push(active);
  for (const uri of found) if (uri.toString() !== active?.toString()) out.push(uri);
  return out;
}
