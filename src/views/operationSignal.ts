// The AbortSignal of one user operation on AWS (a search, a query, a drift detection, a template
// fetch). Two things end it early: the user's cancel, and a connection change. The connection
// disposes the old session's clients right after announcing a change, so work still using them
// must stop first; `reason` tells the two apart, so the command can say which happened. Written
// against structural types (no vscode here): a CancellationToken and the AwsConnection fit them.
import type { AwsServices } from './awsServices';

export interface Subscription {
  dispose(): void;
}

/** A vscode `CancellationToken`, structurally. */
export interface CancelToken {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): Subscription;
}

/** The connection, structurally: the current services and a change event. */
export interface ServicesSource {
  services(): AwsServices | undefined;
  onDidChange(listener: () => void): Subscription;
}

export type StopReason = 'cancelled' | 'connectionChanged';

export interface OperationSignalOptions {
  readonly token?: CancelToken;
  /** Watched for a change away from `services`. */
  readonly connection?: ServicesSource;
  /** The services the operation uses; default: the connection's at construction. */
  readonly services?: AwsServices;
}

export class OperationSignal implements Subscription {
  private readonly controller = new AbortController();
  private readonly subscriptions: Subscription[] = [];
  private stopReason: StopReason | undefined;

  constructor(options: OperationSignalOptions) {
    const { token, connection } = options;
    if (token) {
      this.subscriptions.push(token.onCancellationRequested(() => this.stop('cancelled')));
      if (token.isCancellationRequested) this.stop('cancelled');
    }
    if (connection) {
      const services = options.services ?? connection.services();
      const check = (): void => {
        if (connection.services() !== services) this.stop('connectionChanged');
      };
      this.subscriptions.push(connection.onDidChange(check));
      check();
    }
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Why the signal was aborted; undefined while it is not. */
  get reason(): StopReason | undefined {
    return this.stopReason;
  }

  private stop(reason: StopReason): void {
    if (this.stopReason) return;
    this.stopReason = reason;
    this.controller.abort();
  }

  dispose(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
  }
}
