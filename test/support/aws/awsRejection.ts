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
