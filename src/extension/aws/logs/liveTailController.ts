// `archlens.logs.startTail` / `archlens.logs.stopTail`: one live tail session at a time, shown
// in the "ArchLens Live Tail" output channel. Lines go through a capped TailBuffer
// (`archlens.logs.tailBufferLines`) and are flushed once a second: appended normally, and the
// channel is rewritten from the buffer when lines were dropped, so neither the buffer nor the
// channel grows without bound. CloudWatch Logs ends a session after 3 hours: that is reported
// with a "Restart Tail" action rather than as an error.
import * as vscode from 'vscode';
import type { LiveTailEvent } from '../../../aws/logsGateway';
import { LIVE_TAIL_MAX_GROUPS, isLiveTailStreamingError } from '../../../aws/logs/logsLimits';
import type { AwsServices } from '../../../views/awsServices';
import { formatEvents } from '../../../views/logs/logFormat';
import { filterPatternHint, groupShortName } from '../../../views/logs/logInputs';
import { TailBuffer } from '../../../views/logs/tailBuffer';
import type { AwsConnection } from '../awsConnection';
import { reportCommandFailure, requireServices, type CommandInvocation } from '../awsCommand';
import { logGroupTargets, logsSettings, type GroupTarget } from './logsUi';
import { logsService } from '../../../aws/services/logs';

interface Session {
  readonly controller: AbortController;
  /** The connection's services the tail was started on (the ARNs belong to its account and region). */
  readonly services: AwsServices;
  readonly groups: readonly GroupTarget[];
  readonly filterPattern: string;
}

export class LiveTailController implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('ArchLens Live Tail');
  private readonly status = vscode.window.createStatusBarItem('archlens.logs.liveTail', vscode.StatusBarAlignment.Left, 0);
  private session: Session | undefined;
  /** A run still ending after dispose must not write to the disposed channel. */
  private disposed = false;

  constructor(
    private readonly connection: AwsConnection,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.status.name = 'ArchLens Live Tail';
    this.status.command = 'archlens.logs.stopTail';
  }

  /** True while a session runs (for tests and the stop command). */
  get running(): boolean {
    return this.session !== undefined;
  }

  /**
   * Starts a tail for groups or stacks' folders (up to 10 groups in all), or a picked group.
   * Failures are the command wrapper's.
   */
  async start(invocation: CommandInvocation): Promise<void> {
    const arg = invocation.arg;
    const given = await logGroupTargets(invocation, this.connection, {
      none: 'no existing log group to tail here (a Lambda function creates its group on the first invocation).',
      max: { count: LIVE_TAIL_MAX_GROUPS, warning: (count) => `a live tail takes at most ${LIVE_TAIL_MAX_GROUPS} log groups; tailing the first ${LIVE_TAIL_MAX_GROUPS} of ${count}.` },
    });
    if (!given) return;
    const { services, targets } = given;
    const presetPattern = arg && typeof arg === 'object' ? (arg as { filterPattern?: unknown }).filterPattern : undefined;
    const filterPattern =
      typeof presetPattern === 'string'
        ? presetPattern
        : await vscode.window.showInputBox({
            title: `Live tail ${targets.length === 1 ? targets[0]!.name : `${targets.length} log groups`}`,
            prompt: 'Optional filter pattern (empty: every event)',
            ignoreFocusOut: true,
            validateInput: (v) => filterPatternHint(v),
          });
    if (filterPattern === undefined) return;
    const resolved = await this.withArns(services, targets);
    if (resolved.length === 0) return;
    // The prompts can take a while: a tail must not start on a session the connection has
    // replaced (and disposed) meanwhile.
    if (this.connection.services() !== services) {
      void vscode.window.showWarningMessage('ArchLens: the AWS connection changed while the live tail was being set up. Start it again.');
      return;
    }
    this.stop();
    void this.run({ controller: new AbortController(), services, groups: resolved, filterPattern: filterPattern.trim() });
  }

  /** The status bar item, and `archlens.logs.tailing` for the palette's Stop Live Tail. */
  private showTailing(on: boolean): void {
    if (on) this.status.show();
    else this.status.hide();
    void vscode.commands.executeCommand('setContext', 'archlens.logs.tailing', on);
  }

  stop(): void {
    const session = this.session;
    if (!session) return;
    this.session = undefined;
    session.controller.abort();
    this.showTailing(false);
    this.log.info('Live tail stopped');
  }

  /** StartLiveTail takes ARNs; groups named by the palette or another command are looked up. */
  private async withArns(services: AwsServices, targets: readonly GroupTarget[]): Promise<GroupTarget[]> {
    const missing = targets.filter((t) => !t.arn).map((t) => t.name);
    if (missing.length === 0) return [...targets];
    const lookups = await services.gateway(logsService).describeLogGroups(missing);
    const out: GroupTarget[] = [];
    for (const t of targets) {
      if (t.arn) {
        out.push(t);
        continue;
      }
      const lookup = lookups.find((l) => l.name === t.name);
      if (lookup?.group?.arn) out.push({ name: t.name, arn: lookup.group.arn });
      else if (lookup?.error !== undefined) reportCommandFailure(this.log, `Checking log group ${t.name}`, lookup.error);
      else void vscode.window.showWarningMessage(`ArchLens: log group ${t.name} does not exist; it is left out of the live tail.`);
    }
    return out;
  }

  private async run(session: Session): Promise<void> {
    const { services } = session;
    this.session = session;
    const buffer = new TailBuffer(logsSettings().tailBufferLines);
    const names = session.groups.map((g) => g.name);
    const header = `# Live tail of ${names.join(', ')}${session.filterPattern ? ` matching ${session.filterPattern}` : ''} (${services.label}); times in UTC`;
    this.channel.replace(`${header}\n`);
    this.channel.show(true);
    this.status.text = `$(debug-stop) Tailing ${names.length} group${names.length === 1 ? '' : 's'}`;
    this.status.tooltip = `Live tail of ${names.join(', ')}. Click to stop.`;
    this.showTailing(true);
    let sampledUpdates = 0;
    let events = 0;
    const flush = (): void => {
      if (this.disposed) return;
      const { added, rewrite } = buffer.drain();
      if (rewrite) this.channel.replace(`${header}\n# ${buffer.dropped} older lines dropped (archlens.logs.tailBufferLines = ${buffer.capacity})\n${buffer.lines().join('\n')}\n`);
      else if (added.length > 0) this.channel.append(`${added.join('\n')}\n`);
    };
    const timer = setInterval(flush, 1000);
    let timedOut = false;
    try {
      for await (const update of services.gateway(logsService).startLiveTail(
        session.groups.map((g) => g.arn!),
        { filterPattern: session.filterPattern, signal: session.controller.signal },
      )) {
        if (update.kind === 'start') this.log.info(`Live tail session ${update.sessionId} started for ${update.groups.length} log groups`);
        else if (update.kind === 'update') {
          events += update.events.length;
          if (update.sampled) sampledUpdates += 1;
          buffer.push(...toLines(update.events, names.length > 1));
        } else timedOut = true;
      }
    } catch (error) {
      if (isLiveTailStreamingError(error)) this.offerRestart(session, 'CloudWatch Logs interrupted the live tail stream.');
      else reportCommandFailure(this.log, 'The live tail', error);
    } finally {
      clearInterval(timer);
      flush();
      if (this.session === session) {
        this.session = undefined;
        this.showTailing(false);
      }
      // Counts only: event messages can hold secrets.
      this.log.info(`Live tail ended: ${events} events, ${sampledUpdates} sampled updates, ${buffer.dropped} lines dropped from the buffer`);
    }
    if (timedOut && !this.disposed) this.offerRestart(session, 'Live tail ended: CloudWatch Logs limits a live tail session to 3 hours.');
  }

  private offerRestart(session: Session, message: string): void {
    this.channel.appendLine(`# ${message}`);
    void vscode.window.showInformationMessage(`ArchLens: ${message}`, 'Restart Tail').then(async (choice) => {
      if (choice !== 'Restart Tail') return;
      const services = await requireServices(this.connection);
      if (!services) return;
      if (services !== session.services) {
        void vscode.window.showWarningMessage('ArchLens: the AWS connection changed since this tail started. Start a new live tail from the log group.');
        return;
      }
      this.stop();
      void this.run({ ...session, controller: new AbortController() });
    });
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
    this.channel.dispose();
    this.status.dispose();
  }
}

function toLines(events: readonly LiveTailEvent[], showGroup: boolean): string[] {
  const text = formatEvents(
    events.map((e) => ({ timestamp: e.timestamp, message: e.message, stream: showGroup ? `${groupShortName(e.group)}/${e.stream}` : e.stream })),
    { showStream: true },
  );
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}
