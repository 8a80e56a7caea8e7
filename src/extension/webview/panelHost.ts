/**
 * The host side of every ArchLens webview panel: creates the panel with the kit's rules, and
 * owns the message loop. A panel class gives it its page, its protocol's validator, one
 * handler per UI message, and what to send on `ready`; it gets back `post`, `title`, `reveal`
 * and `dispose`.
 *
 * Rules (docs/ARCHITECTURE.md, "Webviews"):
 * - strict CSP with a fresh nonce per load (`renderWebviewHtml`), scripts only from the
 *   panel's bundle; `localResourceRoots` = `dist/webview` + `media`; command URIs and forms off;
 * - not retained when hidden: the page reloads when shown again and says `<panel>/ready`,
 *   `isReady` is false until then, and `onReady` sends the state again (the UI keeps its own
 *   view state with `setState`). A panel that must survive a window reload would register a
 *   `WebviewPanelSerializer`; none does yet;
 * - every incoming message validated (`createReceiver`): an invalid one is logged by its reason
 *   only, a failing handler is logged and shown to the user;
 * - `post` after dispose, or to a webview that went away, is dropped quietly.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { createReceiver, readyType } from '../../shared/webview/protocolKit';
import type { MessageHandlers, ReadyMessage, Validator, WebviewMessage, WebviewThemeKind } from '../../shared/webview/protocolKit';
import { renderWebviewHtml } from '../../shared/webview/webviewHtml';
import type { WebviewPage } from '../../shared/webview/webviewHtml';

/** The handlers a panel gives its host: one per UI message type except `ready`. */
export type PanelHandlers<Ui extends WebviewMessage, Panel extends string> = MessageHandlers<Exclude<Ui, ReadyMessage<Panel>>>;

/** What a panel tells its host. */
export interface PanelHostOptions<Ui extends WebviewMessage, Panel extends string> {
  /** The protocol's panel name (`diagram`): its ready message is `<panel>/ready`. */
  readonly panel: Panel;
  /** `archlens.<panel>` (VS Code's view type). */
  readonly viewType: string;
  /** The tab title. */
  readonly title: string;
  readonly page: WebviewPage;
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  /** The protocol's UI -> host validator. */
  readonly validate: Validator<Ui>;
  readonly handlers: PanelHandlers<Ui, Panel>;
  /** On every `ready` (first load, and each reload after the tab was hidden): send the state. */
  readonly onReady: () => void;
  /** After the panel closed (by the user or `dispose`). */
  readonly onDidDispose: () => void;
  /** Where to open (default: beside the active editor, keeping focus there). */
  readonly show?: { readonly viewColumn: vscode.ViewColumn; readonly preserveFocus: boolean };
}

/** VS Code's colour theme kind as the protocols send it (`vscode.window.activeColorTheme.kind`). */
export function themeKind(kind: vscode.ColorThemeKind): WebviewThemeKind {
  switch (kind) {
    case vscode.ColorThemeKind.Light:
      return 'light';
    case vscode.ColorThemeKind.HighContrast:
      return 'highContrast';
    case vscode.ColorThemeKind.HighContrastLight:
      return 'highContrastLight';
    default:
      return 'dark';
  }
}

/** The webview files of a page, as the webview sees them. */
function pageUris(webview: vscode.Webview, dist: vscode.Uri, page: WebviewPage): { scriptUri: string; styleUri: string; workerUri?: string } {
  const uri = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(dist, file)).toString();
  return { scriptUri: uri(`${page.bundle}.js`), styleUri: uri(`${page.bundle}.css`), workerUri: page.workerBundle ? uri(`${page.workerBundle}.js`) : undefined };
}

/** A panel and its message loop. Disposes itself when the user closes the panel. */
export class PanelHost<Ui extends WebviewMessage, Host extends WebviewMessage, Panel extends string = string> implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private ready = false;
  private disposed = false;

  constructor(private readonly options: PanelHostOptions<Ui, Panel>) {
    const { extensionUri, page, log } = options;
    const dist = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(options.viewType, options.title, options.show ?? { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      retainContextWhenHidden: false,
      localResourceRoots: [dist, vscode.Uri.joinPath(extensionUri, 'media')],
    });
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'archlens.png');
    const webview = this.panel.webview;
    try {
      webview.html = renderWebviewHtml(page, { cspSource: webview.cspSource, nonce: randomBytes(18).toString('base64'), ...pageUris(webview, dist, page) });
    } catch (error) {
      // No half-built panel left behind: the caller's command reports the error.
      this.panel.dispose();
      throw error;
    }
    const receive = createReceiver({
      panel: options.panel,
      from: 'webview',
      validate: options.validate,
      ready: readyType(options.panel),
      onReady: () => {
        this.ready = true;
        options.onReady();
      },
      handlers: options.handlers,
      log,
      onHandlerError: (error) => void vscode.window.showErrorMessage(`ArchLens: ${error instanceof Error ? error.message : String(error)}`),
    });
    this.subscriptions.push(
      webview.onDidReceiveMessage((message: unknown) => void receive(message)),
      this.panel.onDidDispose(() => this.dispose()),
      // Not retained when hidden: the page reloads when shown again and says `ready` then.
      this.panel.onDidChangeViewState(({ webviewPanel }) => {
        if (!webviewPanel.visible) this.ready = false;
      }),
    );
  }

  /** Whether the UI has said `ready` since it was last loaded (state sent now is seen). */
  get isReady(): boolean {
    return this.ready && !this.disposed;
  }

  set title(title: string) {
    if (!this.disposed) this.panel.title = title;
  }

  /** Shows the panel in its column without taking focus. */
  reveal(): void {
    if (!this.disposed) this.panel.reveal(undefined, true);
  }

  /** Disposed with the panel (subscriptions of the panel class). */
  own(...disposables: vscode.Disposable[]): void {
    if (this.disposed) for (const disposable of disposables) disposable.dispose();
    else this.subscriptions.push(...disposables);
  }

  /** Sends a message; dropped quietly after dispose or when the webview went away meanwhile. */
  post(message: Host): void {
    if (this.disposed) return;
    const dropped = (error: unknown): void => this.options.log.debug(`${this.options.panel}: message not delivered: ${String(error)}`);
    try {
      this.panel.webview.postMessage(message).then(undefined, dropped);
    } catch (error) {
      dropped(error);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.ready = false;
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.panel.dispose();
    this.options.onDidDispose();
  }
}
