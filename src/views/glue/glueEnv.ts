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

/**
 * Lake Formation denies with AccessDeniedException too, but IAM policies do not fix it: say which
 * system refused and what to ask for, so the user does not debug the wrong one.
 */
export function explainGlueError(error: unknown): unknown {
  if (!(error instanceof AwsError) || error.code !== 'AccessDenied' || !/lake formation/i.test(error.message)) return error;
  return new AwsError(
    'AccessDenied',
    error.service,
    error.operation,
    `${error.message}. Lake Formation, not IAM, refused: ask a data lake administrator to grant DESCRIBE (and SELECT for data) on it in Lake Formation.`,
    error,
    error.awsCode,
  );
}

/** Pages with their errors explained (see `explainGlueError`). */
export async function* explained<T>(pages: AsyncIterable<ListingPage<T>>): AsyncIterable<ListingPage<T>> {
  try {
    yield* pages;
  } catch (error) {
    throw explainGlueError(error);
  }
}

/** A node id part that cannot collide with the separators (names may hold `/`). */
export function idPart(name: string): string {
  return encodeURIComponent(name);
}
