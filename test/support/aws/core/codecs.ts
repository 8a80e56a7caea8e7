// How answers go on the wire, per protocol (what the SDK's deserializers in @smithy/core and
// @aws-sdk/core read):
//  - awsQuery: `<OpResponse xmlns><OpResult>...</OpResult><ResponseMetadata><RequestId>` and errors
//    `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`.
//  - awsJson1_1: the output as JSON (`application/x-amz-json-1.1`); errors
//    `{"__type": "<namespace>#<Code>", "message": ...}` (the SDK keeps the part after `#`).
//  - restJson1: the output as JSON; errors carry the code in the `x-amzn-errortype` header and the
//    body `{"message": ..., <members>}`, with the error's own HTTP status (404, 409, 429, ...).
import type { ServerResponse } from 'node:http';
import type { Protocol, ServiceDefinition } from './service';
import type { ServiceError } from './serviceError';
import { esc } from './xml';

export interface Answer {
  readonly res: ServerResponse;
  readonly requestId: string;
  /** Undefined when the request could not be routed to a service. */
  readonly service: ServiceDefinition | undefined;
  readonly operation: string;
}

function send(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

export function writeResult(protocol: Protocol, answer: Answer, output: unknown): void {
  const { res, requestId, operation } = answer;
  const id = { 'x-amzn-requestid': requestId };
  if (protocol === 'awsQuery') {
    const xmlns = answer.service?.xmlNamespace ?? '';
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="${xmlns}"><${operation}Result>${typeof output === 'string' ? output : ''}</${operation}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
    return send(res, 200, 'text/xml', xml, id);
  }
  send(res, 200, protocol === 'awsJson1_1' ? 'application/x-amz-json-1.1' : 'application/json', JSON.stringify(output ?? {}), id);
}

export function writeError(protocol: Protocol, answer: Answer, error: ServiceError): void {
  const { res, requestId } = answer;
  const id = { 'x-amzn-requestid': requestId };
  if (protocol === 'awsQuery') {
    const xmlns = answer.service?.xmlNamespace ?? '';
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${xmlns}"><Error><Type>${error.faultType}</Type><Code>${esc(error.code)}</Code><Message>${esc(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
    return send(res, error.status, 'text/xml', xml, id);
  }
  if (protocol === 'awsJson1_1') {
    const namespace = answer.service?.errorNamespace;
    const body = { __type: namespace !== undefined ? `${namespace}#${error.code}` : error.code, message: error.message, ...error.members };
    return send(res, error.status, 'application/x-amz-json-1.1', JSON.stringify(body), id);
  }
  send(res, error.status, 'application/json', JSON.stringify({ message: error.message, ...error.members }), { ...id, 'x-amzn-errortype': error.code });
}

/** An HTML error page, as a proxy, load balancer or emulator in between answers: neither JSON nor XML. */
export function writeHtmlPage(res: ServerResponse, status: number): void {
  const title = `${status} ${status === 502 ? 'Bad Gateway' : status === 503 ? 'Service Unavailable' : 'Error'}`;
  send(res, status, 'text/html; charset=utf-8', `<!doctype html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1><p>The upstream server did not answer.</p></body></html>\n`);
}
