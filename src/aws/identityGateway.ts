// Who the configured credentials belong to (STS GetCallerIdentity). Needs no IAM permission, so
// it is the cheapest way to prove credentials work and to name the account in the UI.
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { awsCall, type CallOptions, type ServiceTarget } from './awsCall';

/** The caller behind the current credentials. */
export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
}

/** Thin gateway over one STSClient. */
export class IdentityGateway {
  constructor(
    private readonly client: STSClient,
    /** Who the calls go to, for error messages (the session passes the resolved endpoint). */
    private readonly target: ServiceTarget = { service: 'STS' },
  ) {}

  async whoAmI(options: CallOptions = {}): Promise<CallerIdentity> {
    const { signal } = options;
    const out = await awsCall(this.target, 'GetCallerIdentity', signal, () => this.client.send(new GetCallerIdentityCommand({}), { abortSignal: signal }));
    return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
  }
}
