// What a service handler module (test/support/aws/services/*.ts) hands the core: its protocol, how
// requests reach it (awsQuery `Version`, awsJson1_1 `X-Amz-Target` prefix, restJson1 method +
// path), its error names for the situations the core creates, and one entry per operation with
// the operation's input model and its handler.
import type { ServerResponse } from 'node:http';
import type { InputModel } from './inputModel';
import type { LoggedRequest } from './requestLog';
import type { ErrorTemplate, ServiceError } from './serviceError';

export type Protocol = 'awsQuery' | 'awsJson1_1' | 'restJson1';

/** The input a handler gets: awsQuery the flat form (`Action`, `Name.member.1`, ...), JSON protocols the parsed body (restJson1: plus query-string and path members). */
export type OperationInput = Readonly<Record<string, unknown>>;

/** Returned by a handler that wrote the response itself (an event stream). */
export const STREAMED = Symbol('streamed');

export interface OperationContext {
  readonly requestId: string;
  /** For streaming handlers only; others return their output. */
  readonly response: ServerResponse;
  readonly request: LoggedRequest;
}

export interface RestRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Exact path, e.g. `/v1/domains` (CodeArtifact puts every identifier in the query string). */
  readonly path: string;
  /** Query-string name -> member name, e.g. `{ 'max-results': 'maxResults' }` (from the SDK's `httpQuery` traits). */
  readonly query?: Readonly<Record<string, string>>;
}

export interface OperationSpec {
  /** Checked by the core before `handle` runs. */
  readonly input?: InputModel;
  /** restJson1 only: where the operation lives. */
  readonly http?: RestRoute;
  /**
   * awsQuery: the XML inside `<OpResult>`; JSON protocols: the output object; or STREAMED.
   * Throw a ServiceError for a modelled error.
   */
  handle(input: OperationInput, context: OperationContext): unknown;
}

/** The service's own error names for what the core produces (throttling, validation, ...). */
export interface ServiceErrors {
  readonly validation: ErrorTemplate;
  /** A JSON value of the wrong type (JSON protocols). */
  readonly serialization: ErrorTemplate;
  readonly throttle: ErrorTemplate;
  readonly expiredToken: ErrorTemplate;
  readonly accessDenied: ErrorTemplate;
  readonly serverError: ErrorTemplate;
  readonly unknownOperation: ErrorTemplate;
  /** A page token the service did not issue (message gets the token). */
  invalidToken(token: string): ServiceError;
}

export interface ServiceDefinition {
  /** Short id used in the request log and fault rules: `cloudformation`, `sts`, `logs`, `codeartifact`. */
  readonly name: string;
  readonly protocol: Protocol;
  /** awsQuery: the `Version` form value, e.g. `2010-05-15`. */
  readonly version?: string;
  /** awsQuery: the XML namespace of answers. */
  readonly xmlNamespace?: string;
  /** awsJson1_1: the `X-Amz-Target` prefix before the dot, e.g. `Logs_20140328`. */
  readonly targetPrefix?: string;
  /** awsJson1_1: the `__type` namespace of errors, e.g. `com.amazonaws.logs`. */
  readonly errorNamespace?: string;
  /** The member that carries a page token (`NextToken` / `nextToken`); faults of kind `invalidToken` need it. */
  readonly tokenMember?: string;
  readonly errors: ServiceErrors;
  readonly operations: Readonly<Record<string, OperationSpec>>;
  /** 1-based page of a paginated request (for the log and page-scoped faults); 0 for a token the service rejects. */
  pageOf?(operation: string, input: OperationInput): number | undefined;
}
