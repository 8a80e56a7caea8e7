// One local endpoint for every service, the way LocalStack-style emulators work: the SDK sends
// CloudFormation, STS and CloudWatch Logs requests to the same `endpoint_url`, and this router
// forwards each to the protocol server that speaks its wire protocol:
//   - `X-Amz-Target: Logs_20140328.*` (awsJson1_1)                 -> the JSON server (Logs)
//   - form-encoded `Action=GetCallerIdentity` (awsQuery, STS)        -> the JSON server (STS)
//   - any other form-encoded `Action=...` (awsQuery, CloudFormation) -> the CloudFormation server
// Responses are piped, so streamed ones (StartLiveTail's event stream) pass through as they come.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

export interface RouterTargets {
  /** `http://127.0.0.1:<port>` of the CloudFormation (awsQuery/XML) server. */
  readonly cloudFormation: string;
  /** `http://127.0.0.1:<port>` of the CloudWatch Logs (awsJson1_1) and STS server. */
  readonly json: string;
}

export interface LocalAwsRouter {
  readonly endpoint: string;
  close(): Promise<void>;
}

const STS_ACTIONS = new Set(['GetCallerIdentity', 'AssumeRole', 'GetSessionToken']);

function targetFor(req: IncomingMessage, body: Buffer, targets: RouterTargets): string {
  if (req.headers['x-amz-target'] !== undefined) return targets.json;
  const action = new URLSearchParams(body.toString('utf8')).get('Action') ?? '';
  return STS_ACTIONS.has(action) ? targets.json : targets.cloudFormation;
}

function forward(req: IncomingMessage, res: ServerResponse, body: Buffer, target: string): void {
  const url = new URL(target);
  const upstream = request(
    { host: url.hostname, port: url.port, method: req.method, path: req.url, headers: { ...req.headers, host: url.host, 'content-length': String(body.length) } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  // A client that goes away (an aborted live tail) must end the upstream request too.
  res.on('close', () => upstream.destroy());
  upstream.end(body);
}

/** Starts the router on 127.0.0.1 (`port` 0: a free port). */
export async function startLocalAwsRouter(targets: RouterTargets, port = 0): Promise<LocalAwsRouter> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      forward(req, res, body, targetFor(req, body, targets));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
