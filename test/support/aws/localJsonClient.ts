// The set-up every test over the local JSON-protocol server shares: start the server and a real
// SDK client against it before a `describe` block's tests, destroy both after them.
import { after, before } from 'node:test';
import { CloudWatchLogsClient, type CloudWatchLogsClientConfig } from '@aws-sdk/client-cloudwatch-logs';
import { LogsGateway } from '../../../src/aws/logsGateway';
import { startJsonProtocolServer, testClientConfig, type JsonProtocolServer, type JsonProtocolServerOptions } from './jsonProtocolServer';

/** The server and client of one `describe` block; reading either before its `before` hook ran throws. */
export interface LocalJsonClient<C> {
  readonly server: JsonProtocolServer;
  readonly client: C;
}

export interface LocalLogsClient extends LocalJsonClient<CloudWatchLogsClient> {
  readonly logs: LogsGateway;
}

export interface LocalLogsOptions {
  readonly server?: JsonProtocolServerOptions;
  /** Attempts per call, retried after 1 ms (see `FastRetryStrategy`). */
  readonly maxAttempts?: number;
  /** Overrides on top of `testClientConfig`, e.g. `disableHostPrefix` for live tail. */
  readonly client?: Partial<CloudWatchLogsClientConfig>;
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is only available once the before() hook has run`);
  return value;
}

/**
 * Registers `before` / `after` hooks in the calling `describe` block that start the local
 * JSON-protocol server with a client from `createClient`, and stop both.
 */
export function useLocalJsonClient<C extends { destroy(): void }>(createClient: (server: JsonProtocolServer) => C, serverOptions: JsonProtocolServerOptions = {}): LocalJsonClient<C> {
  let server: JsonProtocolServer | undefined;
  let client: C | undefined;
  before(async () => {
    server = await startJsonProtocolServer(serverOptions);
    client = createClient(server);
  });
  after(async () => {
    client?.destroy();
    await server?.close();
  });
  return {
    get server() {
      return started(server, 'server');
    },
    get client() {
      return started(client, 'client');
    },
  };
}

/** `useLocalJsonClient` with a `CloudWatchLogsClient` and the `LogsGateway` over it. */
export function useLocalLogsClient(options: LocalLogsOptions = {}): LocalLogsClient {
  const local = useLocalJsonClient((server) => new CloudWatchLogsClient({ ...testClientConfig(server, options.maxAttempts), ...options.client }), options.server);
  let logs: LogsGateway | undefined;
  return {
    get server() {
      return local.server;
    },
    get client() {
      return local.client;
    },
    get logs() {
      logs ??= new LogsGateway(local.client);
      return logs;
    },
  };
}
