// Read-only documents for logs (scheme `archlens-logs`): stream pages, search results and
// Insights results. A content provider's documents cannot be edited or saved by mistake, and
// memory stays bounded: a stream is shown one page (1,000 events) per document, with a link to
// the next page on the first line; result documents are kept for the last 20 results only, and
// the page tokens that link stream pages for the last 200 pages used while their documents are open.
import * as vscode from 'vscode';
import { redactSecrets } from '../../../aws/redact';
import type { AwsServices } from '../../../views/awsServices';
import { LruCache } from '../../../views/lruCache';
import { formatEvents } from '../../../views/logs/logFormat';
import { groupShortName, safeFragment } from '../../../views/logs/logInputs';
import { unneededTokenPages } from '../../../views/logs/streamPages';
import { OperationSignal } from '../../../views/operationSignal';
import { errorSummary } from '../../../views/errorMessages';
import { logsService } from '../../../aws/services/logs';

export const LOGS_SCHEME = 'archlens-logs';
/** Events per stream document page (GetLogEvents returns up to 10,000 / 1 MB per call). */
export const STREAM_PAGE_EVENTS = 1000;
const MAX_RESULTS = 20;
/** Stream page positions kept at most (a token is a few hundred bytes; sessions page a lot). */
export const STREAM_TOKEN_CACHE_SIZE = 200;
const NEXT_PAGE = 'Next page →';

export class LogsDocuments implements vscode.TextDocumentContentProvider, vscode.DocumentLinkProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  /** Result documents by URI string, oldest first (a Map keeps insertion order). */
  private readonly results = new Map<string, string>();
  /** GetLogEvents forward tokens by `group \n stream \n page`, so page N+1 continues page N. */
  private readonly tokens = new LruCache<string, string>(STREAM_TOKEN_CACHE_SIZE);
  private counter = 0;
  private readonly closing: vscode.Disposable;

  constructor(
    private readonly services: () => AwsServices | undefined,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.closing = vscode.workspace.onDidCloseTextDocument((document) => this.streamClosed(document.uri));
  }

  /** The URI of page `page` of a stream; its title is the stream's short name. */
  streamUri(group: string, stream: string, page = 1): vscode.Uri {
    const query = new URLSearchParams({ group, stream, page: String(page) }).toString();
    return vscode.Uri.from({ scheme: LOGS_SCHEME, path: `/stream/${safeFragment(groupShortName(group))} ${safeFragment(stream, 60)}${page > 1 ? ` (page ${page})` : ''}.log`, query });
  }

  /** Stores `content` as a new read-only document titled `title` and returns its URI. */
  addResult(title: string, content: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: LOGS_SCHEME, path: `/results/${title}`, query: `id=${++this.counter}` });
    this.results.set(uri.toString(), content);
    while (this.results.size > MAX_RESULTS) this.results.delete(this.results.keys().next().value!);
    return uri;
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const stored = this.results.get(uri.toString());
    if (stored !== undefined) return stored;
    if (!uri.path.startsWith('/stream/')) return 'This result is no longer available: run the search or query again.\n';
    const params = new URLSearchParams(uri.query);
    const group = params.get('group') ?? '';
    const stream = params.get('stream') ?? '';
    const page = Math.max(1, Number(params.get('page')) || 1);
    return this.streamPage(group, stream, page, token);
  }

  /** The "Next page →" text on a stream document's first line links to the next page. */
  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    if (document.uri.scheme !== LOGS_SCHEME || !document.uri.path.startsWith('/stream/')) return [];
    const first = document.lineAt(0).text;
    const at = first.indexOf(NEXT_PAGE);
    if (at < 0) return [];
    const params = new URLSearchParams(document.uri.query);
    const next = this.streamUri(params.get('group') ?? '', params.get('stream') ?? '', (Number(params.get('page')) || 1) + 1);
    const link = new vscode.DocumentLink(new vscode.Range(0, at, 0, at + NEXT_PAGE.length), next);
    link.tooltip = 'Open the next page of this stream';
    return [link];
  }

  /** Drops the page tokens no open document of the closed stream needs (see `unneededTokenPages`). */
  private streamClosed(closed: vscode.Uri): void {
    if (closed.scheme !== LOGS_SCHEME || !closed.path.startsWith('/stream/')) return;
    const position = (uri: vscode.Uri): { stream: string; page: number } => {
      const params = new URLSearchParams(uri.query);
      return { stream: `${params.get('group') ?? ''}\n${params.get('stream') ?? ''}`, page: Number(params.get('page')) || 1 };
    };
    const { stream, page } = position(closed);
    const open = vscode.workspace.textDocuments
      .filter((d) => d.uri.scheme === LOGS_SCHEME && d.uri.path.startsWith('/stream/') && d.uri.toString() !== closed.toString())
      .map((d) => position(d.uri))
      .filter((p) => p.stream === stream)
      .map((p) => p.page);
    for (const k of unneededTokenPages(page, open)) this.tokens.delete(`${stream}\n${k}`);
  }

  private async streamPage(group: string, stream: string, page: number, token: vscode.CancellationToken): Promise<string> {
    const services = this.services();
    if (!services) return 'No AWS connection: select a profile (ArchLens: Select AWS Profile), then reopen the stream.\n';
    const startToken = page > 1 ? this.tokens.get(`${group}\n${stream}\n${page}`) : undefined;
    if (page > 1 && startToken === undefined) return `Page ${page} of ${stream} is no longer known: open the stream again from the tree.\n`;
    const operation = new OperationSignal({ token });
    try {
      const result = await services.gateway(logsService).readStreamPage(group, stream, { startToken, limit: STREAM_PAGE_EVENTS, signal: operation.signal });
      if (result.nextToken !== undefined) this.tokens.set(`${group}\n${stream}\n${page + 1}`, result.nextToken);
      this.log.info(`Opened log stream page ${page} of ${group}: ${result.items.length} events`);
      const first = (page - 1) * STREAM_PAGE_EVENTS + 1;
      const range = result.items.length > 0 ? `events ${first}–${first + result.items.length - 1}` : 'no events';
      const next = result.items.length === STREAM_PAGE_EVENTS && result.nextToken !== undefined ? `  ${NEXT_PAGE}` : '  (end of stream so far)';
      return `# ${group} › ${stream} · page ${page} · ${range} (oldest first, UTC)${next}\n${formatEvents(result.items)}`;
    } catch (error) {
      this.log.error(redactSecrets(`Opening log stream ${group} › ${stream} failed: ${errorSummary(error)}`));
      return `Could not read ${group} › ${stream}: ${error instanceof Error ? error.message : String(error)}\n`;
    } finally {
      operation.dispose();
    }
  }

  dispose(): void {
    this.closing.dispose();
    this.emitter.dispose();
    this.results.clear();
    this.tokens.clear();
  }
}
