// The local AWS-protocol server: one HTTP endpoint on 127.0.0.1 for every registered service
// (services/*.ts). For each request: route (router.ts) -> log (requestLog.ts) -> hold (tests that
// cancel mid-request) -> fault (faults.ts) -> input model (inputModel.ts) -> handler -> codec
// (codecs.ts). SigV4 signatures are not checked (any Authorization header is accepted).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeError, writeHtmlPage, writeResult, type Answer } from './codecs';
import { FaultModel, type FaultRule } from './faults';
import { checkInput } from './inputModel';
import { RequestLog, type LoggedRequest } from './requestLog';
import { accessKeyIdOf, routeRequest, type RoutedRequest } from './router';
import { STREAMED, type ServiceDefinition, type ServiceErrors } from './service';
import { fromTemplate, ServiceError } from './serviceError';

export interface LocalAwsServerOptions {
  readonly services: readonly ServiceDefinition[];
  /** 0 (default): a free port. */
  readonly port?: number;
}

/** A request held at the server until released; lets tests cancel mid-request deterministically. */
export interface HeldRequest {
  /** Resolves when the held request has arrived at the server. */
  readonly arrived: Promise<void>;
  /** Lets the held request proceed (its answer is dropped if the client has gone). */
  release(): void;
}

interface Hold {
  readonly operation: string;
  remaining: number;
  readonly arrive: () => void;
  readonly gate: Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;
const INTERNAL = { code: 'InternalFailure', status: 500, message: 'Internal failure' };

/** Fault answers for a request no registered service answers (a fault rule without a service). */
const UNROUTED_ERRORS: ServiceErrors = {
  validation: { code: 'ValidationException', status: 400, message: 'Validation failed' },
  serialization: { code: 'SerializationException', status: 400, message: 'Malformed input' },
  throttle: { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' },
  expiredToken: { code: 'ExpiredTokenException', status: 400, message: 'The security token included in the request is expired' },
  accessDenied: { code: 'AccessDeniedException', status: 403, message: 'Access denied' },
  serverError: INTERNAL,
  unknownOperation: { code: 'UnknownOperationException', status: 400, message: 'Unknown operation' },
  invalidToken: () => new ServiceError('InvalidNextToken', 'The page token is not valid'),
};

export class LocalAwsServer {
  readonly log = new RequestLog();
  readonly faults = new FaultModel();
  /** Called for every routed request once its fault (if any) is known, before it is answered. */
  onRequest: ((request: LoggedRequest) => void) | undefined;
  private readonly holds: Hold[] = [];
  private readonly stalled = new Set<ServerResponse>();
  private requestCounter = 0;

  private constructor(
    private readonly server: Server,
    readonly services: readonly ServiceDefinition[],
  ) {}

  static async start(options: LocalAwsServerOptions): Promise<LocalAwsServer> {
    const names = new Set<string>();
    for (const service of options.services) {
      if (names.has(service.name)) throw new Error(`service ${service.name} is registered twice`);
      names.add(service.name);
    }
    const server = createServer();
    // Idle keep-alive sockets stay open for the life of a test file, so a client never reuses a
    // socket the server is just closing (which would show up as a spurious ECONNRESET).
    server.keepAliveTimeout = 60_000;
    const instance = new LocalAwsServer(server, options.services);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      instance.handle(req, res).catch(() => {
        if (!res.headersSent && !res.destroyed) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    return instance;
  }

  get endpoint(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** The registered service named `name` (throws for an unknown one: a test typo). */
  service(name: string): ServiceDefinition {
    const found = this.services.find((s) => s.name === name);
    if (found === undefined) throw new Error(`no service ${name} on this server`);
    return found;
  }

  /** Shorthand for `faults.inject`. */
  injectFault(rule: FaultRule): ReturnType<FaultModel['inject']> {
    return this.faults.inject(rule);
  }

  /** Holds the `nth` (1-based, counted from now) request of `operation` until released. */
  hold(operation: string, nth = 1): HeldRequest {
    let arrive!: () => void;
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.holds.push({ operation, remaining: nth, arrive, gate });
    return { arrived, release };
  }

  async close(): Promise<void> {
    for (const h of this.holds.splice(0)) h.arrive();
    for (const res of this.stalled) res.destroy();
    this.stalled.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.on('error', () => undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      // Bounded work: a runaway body ends the connection (AWS caps request sizes too).
      if (size > MAX_BODY_BYTES) return void res.writeHead(413, { connection: 'close' }).end();
      chunks.push(chunk as Buffer);
    }
    const raw = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
    const routed = routeRequest(raw, this.services);
    const requestId = `00000000-0000-4000-8000-${String(++this.requestCounter).padStart(12, '0')}`;
    const { service, operation, input } = routed;
    const page = service !== undefined && routed.error === undefined ? service.pageOf?.(operation, input) : undefined;
    const entry = this.log.add({ service: service?.name ?? 'unknown', operation, input, accessKeyId: accessKeyIdOf(req.headers), ...(page !== undefined ? { page } : {}) });
    const answer: Answer = { res, requestId, service, operation };
    const fail = (error: ServiceError): void => {
      entry.status = error.status;
      writeError(routed.protocol, answer, error);
    };
    const routable = routed.error === undefined && service !== undefined && routed.spec !== undefined;
    if (routable) {
      await this.awaitHold(operation);
      if (res.destroyed) {
        entry.clientClosed = true;
        return;
      }
    }
    // Faults come before the request is understood, as AWS authenticates and throttles before it
    // looks at the action: a rule without service or operation also fails a request nobody answers.
    const tokenMember = service?.tokenMember;
    const fault = this.faults.take({ service: entry.service, operation, page, hasPageToken: tokenMember !== undefined && input[tokenMember] !== undefined });
    if (fault !== undefined) entry.fault = fault.kind;
    if (routable) this.onRequest?.(entry);
    try {
      if (fault !== undefined && (await this.applyFault(fault, routed, entry, answer))) return;
      if (routed.error !== undefined || service === undefined || routed.spec === undefined) return fail(routed.error ?? new ServiceError('UnknownOperationException', 'Unknown operation'));
      if (routed.spec.input !== undefined) checkInput(routed.protocol, routed.spec.input, input, service.errors);
      const output = await routed.spec.handle(input, { requestId, response: res, request: entry });
      if (output === STREAMED) {
        entry.status = res.statusCode;
        return;
      }
      entry.status = 200;
      writeResult(routed.protocol, answer, output);
    } catch (error) {
      fail(error instanceof ServiceError ? error : fromTemplate(service?.errors.serverError ?? INTERNAL));
    }
  }

  private async awaitHold(operation: string): Promise<void> {
    const index = this.holds.findIndex((h) => h.operation === operation);
    if (index < 0) return;
    const hold = this.holds[index]!;
    hold.remaining -= 1;
    if (hold.remaining > 0) return;
    this.holds.splice(index, 1);
    hold.arrive();
    await hold.gate;
  }

  /** Answers `fault`; false for a fault after which the request goes on normally (`slow`). */
  private async applyFault(fault: FaultRule, routed: RoutedRequest, entry: LoggedRequest, answer: Answer): Promise<boolean> {
    const errors = routed.service?.errors ?? UNROUTED_ERRORS;
    const { res } = answer;
    const errorOf = (): ServiceError => {
      switch (fault.kind) {
        case 'throttle':
          return fromTemplate(errors.throttle);
        case 'expiredToken':
          return fromTemplate(errors.expiredToken);
        case 'accessDenied':
          return fromTemplate(errors.accessDenied);
        case 'serverError': {
          const template = errors.serverError;
          return new ServiceError(template.code, template.message, fault.status ?? template.status);
        }
        case 'invalidToken': {
          const token = routed.input[routed.service?.tokenMember ?? ''];
          return errors.invalidToken(typeof token === 'string' ? token : '');
        }
        default:
          return new ServiceError(fault.error?.code ?? 'InternalFailure', fault.error?.message ?? 'Injected fault', fault.error?.status ?? 400);
      }
    };
    switch (fault.kind) {
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
        return res.destroyed;
      case 'drop':
        res.socket?.destroy();
        return true;
      case 'stall':
        this.stalled.add(res);
        res.on('close', () => {
          entry.clientClosed = true;
          this.stalled.delete(res);
        });
        return true;
      case 'htmlPage':
        entry.status = fault.status ?? 502;
        writeHtmlPage(res, entry.status);
        return true;
      default: {
        const error = errorOf();
        entry.status = error.status;
        writeError(routed.protocol, answer, error);
        return true;
      }
    }
  }
}
