// Read-only virtual documents: deployed templates (`archlens-stack:`) and the two sides of a
// drift diff (`archlens-drift:`). Content providers' documents are read-only in VS Code, so
// nobody edits a deployed template by mistake thinking it changes the stack.
import * as vscode from 'vscode';
import type { TemplateStage } from '../../../aws/cloudFormationGateway';
import { isCancelled } from '../../../aws/errors';
import type { AwsServices } from '../../../views/awsServices';
import { UserFacingError } from '../../../views/errorMessages';
import { LruCache } from '../../../views/lruCache';
import { OperationSignal } from '../../../views/operationSignal';
import type { StackInfo } from '../../../views/stacks/stackInfo';
import { templateLanguage } from '../../../views/stacks/templateLocator';
import { cloudFormationService } from '../../../aws/services/cloudFormation';

export const TEMPLATE_SCHEME = 'archlens-stack';
export const DRIFT_SCHEME = 'archlens-drift';

/** A stage GetTemplate did not return (e.g. Processed for a stack whose change set is in review). */
export class StageUnavailableError extends UserFacingError {}

function stageUnavailable(stack: string, stage: TemplateStage, available: readonly string[]): StageUnavailableError {
  const has = available.length > 0 ? available.join(', ') : 'none';
  return new StageUnavailableError(
    `The ${stage.toLowerCase()} template of ${stack} is not available (available: ${has}). A stack in review has only its original template until its change set is executed.`,
  );
}

/** Templates kept at most; one can be megabytes (a processed SAM template), a session opens many. */
export const TEMPLATE_CACHE_SIZE = 50;

/**
 * Deployed templates, fetched on demand and kept per URI while their document is open (and at
 * most the last 50 used): a document opened again after it was closed, or after a window
 * reload, is fetched again from the stack ID in its URI.
 */
export class DeployedTemplates implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly bodies = new LruCache<string, string>(TEMPLATE_CACHE_SIZE);
  private readonly closing: vscode.Disposable;

  constructor(private readonly services: () => AwsServices | undefined) {
    this.closing = vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme === TEMPLATE_SCHEME) this.bodies.delete(document.uri.toString());
    });
  }

  /** Fetches the template and returns the URI of its document (title: `<stack> (deployed).yaml`). */
  async load(stack: StackInfo, stage: TemplateStage, signal?: AbortSignal): Promise<vscode.Uri> {
    const services = this.services();
    if (!services) throw new Error('Not connected to AWS: select a profile first.');
    const { body, stagesAvailable } = await services.gateway(cloudFormationService).getTemplate(stack.id, stage, { signal });
    if (!body || (stagesAvailable.length > 0 && !stagesAvailable.includes(stage))) throw stageUnavailable(stack.name, stage, stagesAvailable);
    const uri = this.uriFor(services.region, stack, stage, templateLanguage(body));
    const key = uri.toString();
    const changed = this.bodies.has(key) && this.bodies.get(key) !== body;
    this.bodies.set(key, body);
    if (changed) this.emitter.fire(uri);
    return uri;
  }

  uriFor(region: string, stack: StackInfo, stage: TemplateStage, language: 'json' | 'yaml'): vscode.Uri {
    const suffix = stage === 'Processed' ? ' (deployed, processed)' : ' (deployed)';
    // The file extension picks the language; the query says what to fetch after a reload.
    const query = new URLSearchParams({ stackId: stack.id, stage, region }).toString();
    return vscode.Uri.from({ scheme: TEMPLATE_SCHEME, path: `/${region}/${stack.name}${suffix}.${language}`, query });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const cached = this.bodies.get(uri.toString());
    if (cached !== undefined) return cached;
    const query = new URLSearchParams(uri.query);
    const stackId = query.get('stackId') ?? '';
    const stage: TemplateStage = query.get('stage') === 'Processed' ? 'Processed' : 'Original';
    const services = this.services();
    if (!services || services.region !== query.get('region')) return `# Connect to AWS in ${query.get('region') ?? 'the stack\'s region'} and open the template again from the stacks view.\n`;
    const operation = new OperationSignal({ token });
    try {
      const { body } = await services.gateway(cloudFormationService).getTemplate(stackId, stage, { signal: operation.signal });
      this.bodies.set(uri.toString(), body);
      return body;
    } catch (error) {
      // A closed document (its token cancelled) is not a failure worth a log line.
      if (!isCancelled(error)) services.log.error(`Stacks: could not fetch the ${stage} template of ${stackId}`, error);
      return `# Could not fetch the template: ${error instanceof Error ? error.message : String(error)}\n`;
    } finally {
      operation.dispose();
    }
  }

  dispose(): void {
    this.closing.dispose();
    this.emitter.dispose();
    this.bodies.clear();
  }
}

/** The expected and actual sides of drift diffs, kept in memory for the session. */
export class DriftDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly contents = new Map<string, string>();

  /** Stores both sides and returns their URIs (`<logicalId> (expected).jsonc`, `(actual)`). */
  put(stack: StackInfo, logicalId: string, expected: string, actual: string): { left: vscode.Uri; right: vscode.Uri } {
    const side = (name: string, text: string): vscode.Uri => {
      // `.jsonc`: the actual side of a deleted resource is an explanatory comment.
      const uri = vscode.Uri.from({ scheme: DRIFT_SCHEME, path: `/${stack.name}/${logicalId} (${name}).jsonc`, query: new URLSearchParams({ stackId: stack.id }).toString() });
      const key = uri.toString();
      const changed = this.contents.has(key) && this.contents.get(key) !== text;
      this.contents.set(key, text);
      if (changed) this.emitter.fire(uri);
      return uri;
    };
    return { left: side('expected', expected), right: side('actual', actual) };
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '// Run "Detect Drift" on the stack again to see this diff.\n';
  }

  dispose(): void {
    this.emitter.dispose();
    this.contents.clear();
  }
}
