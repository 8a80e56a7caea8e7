// Most AWS tests check how a call fails: this awaits the rejection and narrows it to AwsError.
import assert from 'node:assert/strict';
import { AwsError } from '../../../src/aws/errors';

/** The AwsError `promise` rejects with; fails the test if it resolves or rejects with anything else. */
export async function awsRejection(promise: Promise<unknown>): Promise<AwsError> {
  const error = await promise.then(
    () => assert.fail('expected a rejection'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof AwsError, `expected an AwsError, got ${String(error)}`);
  return error;
}

/** An error straight from an SDK client (no gateway in between): its modelled name, HTTP status and members. */
export interface SdkError extends Error {
  readonly $metadata?: { readonly httpStatusCode?: number };
  /** Node's socket error code (ECONNRESET, ...). */
  readonly code?: string;
  /** restJson1 error members, e.g. ResourceNotFoundException's `resourceType`. */
  readonly resourceType?: string;
}

/** The error an SDK call rejects with; fails the test if it resolves. */
export async function sdkRejection(promise: Promise<unknown>): Promise<SdkError> {
  return promise.then(
    () => assert.fail('expected a rejection'),
    (error: unknown) => error as SdkError,
  );
}
