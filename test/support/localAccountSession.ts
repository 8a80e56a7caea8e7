// The shared set-up of tests that drive a service's gateway or tree through the real SDK: one
// local account (every service on one port) per test file, a session with one attempt per
// request (an injected 5xx reaches the code under test instead of being retried by the SDK),
// and faults and the request log cleared before each test.
import { after, before, beforeEach } from 'node:test';
import type { AwsSession } from '../../src/aws/session';
import { startLocalAccount, type LocalAccount } from './aws/localAccount';
import { awsServicesFor } from './awsServicesFor';

export interface LocalAccountSession {
  readonly account: LocalAccount;
  readonly session: AwsSession;
}

/** Registers the hooks in the calling file or `describe`; read the fields inside tests. */
export function useLocalAccountSession(): LocalAccountSession {
  let account: LocalAccount | undefined;
  let session: AwsSession | undefined;
  before(async () => {
    account = await startLocalAccount();
    session = awsServicesFor({ endpoint: account.server.endpoint, maxAttempts: 1 });
  });
  after(async () => {
    session?.dispose();
    await account?.server.close();
  });
  beforeEach(() => {
    account!.server.faults.clear();
    account!.server.log.clear();
  });
  return {
    get account() {
      if (!account) throw new Error('useLocalAccountSession: read the account inside a test');
      return account;
    },
    get session() {
      if (!session) throw new Error('useLocalAccountSession: read the session inside a test');
      return session;
    },
  };
}
