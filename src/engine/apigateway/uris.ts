/**
 * Shapes of integration and authorizer URIs, checked on their literal parts only:
 * `!Sub arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/...` has holes
 * where any text may go, so a part is wrong only when no filling of the holes fits.
 */
import type { StringPieces } from './values';
import { ARN_HOLE, fullyLiteral, literalPrefix, literalSuffix } from './values';

const LAMBDA_PATH = ':lambda:path/';

/** The Lambda paths API Gateway calls: the Invoke API and (since 2025) the response streaming API. */
const LAMBDA_ACTIONS: ReadonlyArray<{ readonly version: string; readonly action: string }> = [
  { version: '2015-03-31', action: 'invocations' },
  { version: '2021-11-15', action: 'response-streaming-invocations' },
];

/** The documented form, for messages. */
export const LAMBDA_URI_FORM = 'arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations';

/** True when the URI is an API Gateway Lambda path (`...:lambda:path/...`) or a Lambda function ARN. */
export function isLambdaUri(pieces: StringPieces): boolean {
  return pieces.some((piece) => typeof piece === 'string' && piece.includes(LAMBDA_PATH)) || /^arn:[^:]+:lambda:/.test(literalPrefix(pieces));
}

/**
 * What is wrong with an `arn:...:apigateway:{region}:lambda:path/...` URI, or undefined
 * when it fits (or its holes could make it fit). Not a Lambda path: undefined.
 */
export function lambdaPathProblem(pieces: StringPieces): string | undefined {
  const index = pieces.findIndex((piece) => typeof piece === 'string' && piece.includes(LAMBDA_PATH));
  if (index < 0) return undefined;
  const piece = pieces[index] as string;
  const at = piece.indexOf(LAMBDA_PATH);
  // Only a fully literal head can be judged: `arn:${AWS::Partition}:apigateway:` has holes.
  if (index === 0 && !/^arn:[^:]+:apigateway:[^:]+$/.test(piece.slice(0, at))) {
    return `'${piece.slice(0, at)}' should be arn:{partition}:apigateway:{region}`;
  }
  const rest = piece.slice(at + LAMBDA_PATH.length);
  const last = index === pieces.length - 1;
  if (last) {
    const whole = LAMBDA_ACTIONS.some(({ version, action }) => new RegExp(`^${version}/functions/.+/${action}$`).test(rest));
    return whole ? undefined : `'lambda:path/${rest}' is not 2015-03-31/functions/{functionArn}/invocations`;
  }
  const heads = LAMBDA_ACTIONS.map(({ version }) => `${version}/functions/`);
  const version = LAMBDA_ACTIONS.find(({ version: v }) => rest.startsWith(`${v}/functions/`) || `${v}/functions/`.startsWith(rest));
  if (!version) return `'lambda:path/${rest}' does not start with ${heads.join(' or ')}`;
  const ending = `/${version.action}`;
  // `.../functions/${Fn.Arn}` ends with the function ARN itself.
  if (pieces[pieces.length - 1] === ARN_HOLE) return `it must end in ${ending} after the function ARN`;
  const tail = literalSuffix(pieces);
  if (tail === '') return undefined;
  // A tail shorter than the ending may be the end of it (`${Fn.Arn}/invocations` splits anywhere).
  if (tail.endsWith(ending) || ending.endsWith(tail)) return undefined;
  const other = LAMBDA_ACTIONS.find(({ action }) => tail.endsWith(`/${action}`));
  if (other && rest.length >= version.version.length) return `the ${version.version} path ends in /${version.action}, not /${other.action}`;
  if (other) return undefined;
  return `it must end in /${version.action}, not '${tail}'`;
}

/**
 * The `:`-separated components of a URI's literal head when it shows at least `arn`, partition
 * and service (three complete components); otherwise the verdict on what little is known: not an
 * ARN when the whole string is literal and does not start with `arn:`, else undefined (cannot tell).
 */
function arnHead(pieces: StringPieces): string[] | { readonly verdict: string | undefined } {
  const parts = literalPrefix(pieces).split(':');
  if (parts.length >= 4 && parts[0] === 'arn') return parts;
  const literal = fullyLiteral(pieces);
  return { verdict: literal !== undefined && !literal.startsWith('arn:') ? `'${literal}' is not an ARN` : undefined };
}

/**
 * For REST APIs, `aws` and `aws_proxy` URIs are API Gateway service ARNs
 * (`arn:aws:apigateway:{region}:{service}:path|action/...`); a Lambda function ARN
 * is only accepted by HTTP APIs. Returns a problem when the literal head shows another service.
 */
export function restAwsUriProblem(pieces: StringPieces): string | undefined {
  const parts = arnHead(pieces);
  if (!Array.isArray(parts)) return parts.verdict;
  if (parts[2] === 'apigateway') {
    const literal = fullyLiteral(pieces);
    if (literal !== undefined && !/^arn:[^:]+:apigateway:[^:]+:[^:]+:(path|action)\//.test(literal)) return `'${literal}' is not arn:{partition}:apigateway:{region}:{service}:path|action/{service_api}`;
    return undefined;
  }
  if (parts[2] === 'lambda') return 'REST APIs call Lambda through an API Gateway service ARN, not the function ARN';
  return `'${parts.slice(0, 3).join(':')}:' is not an API Gateway service ARN`;
}

/** For `http` / `http_proxy` over the internet: an http:// or https:// URL. */
export function httpUrlProblem(pieces: StringPieces): string | undefined {
  const head = literalPrefix(pieces).toLowerCase();
  const whole = pieces.length === 1 && typeof pieces[0] === 'string';
  const fits = (scheme: string): boolean => head.startsWith(scheme) || (!whole && scheme.startsWith(head));
  if (pieces.length === 0 || fits('http://') || fits('https://')) return undefined;
  return `'${literalPrefix(pieces)}${whole ? '' : '...'}' is not an http:// or https:// URL`;
}

/**
 * For `aws` / `aws_proxy` when the API kind is HTTP or not known: an API Gateway service ARN or a
 * Lambda function ARN (HTTP APIs take either). Judged on the literal head only.
 */
export function awsUriProblem(pieces: StringPieces): string | undefined {
  const parts = arnHead(pieces);
  if (!Array.isArray(parts)) return parts.verdict;
  if (parts[2] === 'apigateway' || parts[2] === 'lambda') return undefined;
  return `'${parts.slice(0, 3).join(':')}:' is neither an API Gateway service ARN nor a Lambda function ARN`;
}
