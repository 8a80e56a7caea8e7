// A forwarding proxy in front of separate local servers, for tests that want one endpoint over
// several servers (secretsNeverLogged: a profile's `endpoint_url`). It routes with the core's
// router (`X-Amz-Target`, `Action`/`Version`, REST path), so each request reaches the server of
// its service. One LocalAwsServer with several services needs no proxy (see demoAws.ts).
// Responses are piped, so streamed ones (StartLiveTail's event stream) pass through as they come.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { routeRequest } from './core/router';
import { cloudFormationService, CloudFormationState } from './services/cloudFormation';
import { codeArtifactService, CodeArtifactState } from './services/codeArtifact';
import { logsService, LogsState } from './services/logs';
import { stsService, StsState } from './services/sts';

export interface RouterTargets {
  /** `http://127.0.0.1:<port>` of the server with CloudFormation. */
  readonly cloudFormation: string;
  /** `http://127.0.0.1:<port>` of the server with CloudWatch Logs and STS (and anything else not listed). */
  readonly json: string;
  /** `http://127.0.0.1:<port>` of the server with CodeArtifact; default `json`. */
  readonly codeArtifact?: string;
}

export interface LocalAwsRouter {
  readonly endpoint: string;
  close(): Promise<void>;
}

// Only their routing facts are used (prefixes, versions, REST paths); the states stay empty.
const ROUTING = [
  cloudFormationService(new CloudFormationState([])),
  stsService(new StsState()),
  logsService(new LogsState([])),
  codeArtifactService(new CodeArtifactState([])),
];

function targetFor(req: IncomingMessage, body: Buffer, targets: RouterTargets): string {
  const routed = routeRequest({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: body.toString('utf8') }, ROUTING);
  switch (routed.service?.name) {
    case 'cloudformation':
      return targets.cloudFormation;
    case 'codeartifact':
      return targets.codeArtifact ?? targets.json;
    default:
      return targets.json;
  }
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
