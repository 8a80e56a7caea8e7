// What every Glue node needs: the connection's gateway and the tree to re-render, plus the one
// place where Glue errors get their Lake Formation explanation.
import { AwsError } from '../../aws/errors';
import type { GlueGateway } from '../../aws/glueGateway';
import { glueService } from '../../aws/services/glue';
import type { AwsServices } from '../awsServices';
import type { ListingPage } from '../pagedChildren';
import type { TreeChangeSink } from '../viewNode';

export interface GlueEnv {
  readonly services: AwsServices;
  readonly sink: TreeChangeSink;
}

export function glueGateway(env: GlueEnv): GlueGateway {
  return env.services.gateway(glueService);
}

const KMS_CODES = new Set(['GlueEncryptionException', 'KMSAccessDeniedException', 'KMSDisabledException', 'KMSInvalidStateException', 'KMSNotFoundException']);
const FEDERATION_CODES = new Set(['FederationSourceException', 'FederationSourceRetryableException']);

function rewrite(error: AwsError, message: string): AwsError {
  return new AwsError(error.code, error.service, error.operation, message, error, error.awsCode, error.httpStatusCode);
}

/** The 12-digit accounts of the caller (its IAM/STS ARN) and of the resource in an AccessDenied text. */
function accountsIn(message: string, catalogId: string | undefined): { caller?: string; owner?: string } {
  const caller = /arn:aws[a-z-]*:(?:sts|iam)::(\d{12}):/.exec(message)?.[1];
  const owner = /arn:aws[a-z-]*:glue:[a-z0-9-]*:(\d{12}):/.exec(message)?.[1] ?? /^(\d{12})(?::|$)/.exec(catalogId ?? '')?.[1];
  return { ...(caller ? { caller } : {}), ...(owner ? { owner } : {}) };
}

/**
 * Glue failures whose usual fix is not the caller's IAM policy, said so the user does not debug
 * the wrong system: Lake Formation refusals (same AccessDeniedException as IAM), another
 * account's catalog (its resource policy or share decides), the catalog's KMS key, and the source
 * behind a federated catalog. `catalogId` is the catalog the call went to, when known.
 */
export function explainGlueError(error: unknown, catalogId?: string): unknown {
  if (!(error instanceof AwsError)) return error;
  const awsCode = error.awsCode ?? '';
  if (KMS_CODES.has(awsCode) || /\bKMS\b/.test(error.message)) {
    return rewrite(
      error,
      `${error.message}. The Data Catalog is encrypted with a KMS key this role cannot use: it needs kms:Decrypt (and kms:GenerateDataKey to write) on the key named in the catalog's encryption settings, and the key policy must allow it; a disabled or deleted key needs the key's owner.`,
    );
  }
  if (FEDERATION_CODES.has(awsCode)) {
    const retry = awsCode === 'FederationSourceRetryableException' ? ' It may be temporary: retry in a moment.' : '';
    return rewrite(error, `${error.message}. The source behind this federated catalog${catalogId ? ` (${catalogId})` : ''} failed, not Glue: check its connection in Lake Formation (or the S3 Tables bucket) and its permissions.${retry}`);
  }
  if (error.code !== 'AccessDenied') return error;
  if (/lake formation/i.test(error.message)) {
    return rewrite(error, `${error.message}. Lake Formation, not IAM, refused: ask a data lake administrator to grant DESCRIBE (and SELECT for data) on it in Lake Formation.`);
  }
  const { caller, owner } = accountsIn(error.message, catalogId);
  if (caller !== undefined && owner !== undefined && caller !== owner) {
    return rewrite(
      error,
      `${error.message}. This catalog belongs to account ${owner}, not to ${caller}: its owner must allow you in the catalog's resource policy (or share it through AWS RAM / Lake Formation), and your own IAM policy must allow the action on it too.`,
    );
  }
  return error;
}

/** Pages with their errors explained (see `explainGlueError`). */
export async function* explained<T>(pages: AsyncIterable<ListingPage<T>>, catalogId?: string): AsyncIterable<ListingPage<T>> {
  try {
    yield* pages;
  } catch (error) {
    throw explainGlueError(error, catalogId);
  }
}

/** A node id part that cannot collide with the separators (names may hold `/`). */
export function idPart(name: string): string {
  return encodeURIComponent(name);
}
