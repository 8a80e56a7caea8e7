// STS alone on the local AWS-protocol server (services/sts.ts), as the credentials tests use it:
// which access key signed each request, a settable account, and `failWith` to fail every call
// with an STS error (a fault rule of kind `error` underneath).
import { LocalAwsServer } from './core/localAwsServer';
import type { ActiveFault } from './core/faults';
import { stsService, StsState } from './services/sts';

export interface StsRequest {
  readonly action: string;
  readonly params: Record<string, string>;
  /** The access key id from the SigV4 Authorization header. */
  readonly accessKeyId?: string;
}

export interface StsStub {
  readonly endpoint: string;
  readonly core: LocalAwsServer;
  readonly requests: StsRequest[];
  /** When set, every request fails with this STS error (status default 403). */
  failWith?: { code: string; message: string; status?: number };
  /** The caller's account; the identity is `arn:aws:iam::<account>:user/tester`. */
  account: string;
  close(): Promise<void>;
}

function testerIdentity(account: string): StsState['identity'] {
  return { account, arn: `arn:aws:iam::${account}:user/tester`, userId: 'AIDATESTUSER' };
}

export async function startStsStub(): Promise<StsStub> {
  const state = new StsState(testerIdentity('123456789012'));
  const core = await LocalAwsServer.start({ services: [stsService(state)] });
  const requests: StsRequest[] = [];
  core.log.onEntry((entry) => requests.push({ action: entry.operation, params: entry.input as Record<string, string>, accessKeyId: entry.accessKeyId }));
  let failure: { code: string; message: string; status?: number } | undefined;
  let rule: ActiveFault | undefined;
  return {
    endpoint: core.endpoint,
    core,
    requests,
    get failWith() {
      return failure;
    },
    set failWith(error: { code: string; message: string; status?: number } | undefined) {
      failure = error;
      rule?.remove();
      // Any request, whatever its action: authentication fails before AWS reads the action
      // (tests also point another service's client at this stub to see such a refusal).
      rule = error !== undefined ? core.faults.inject({ kind: 'error', error: { ...error, status: error.status ?? 403 } }) : undefined;
    },
    get account() {
      return state.identity.account;
    },
    set account(account: string) {
      state.identity = testerIdentity(account);
    },
    close: () => core.close(),
  };
}
