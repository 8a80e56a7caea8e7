// Who the configured credentials belong to (STS GetCallerIdentity). Needs no IAM permission, so
// it is the cheapest way to prove credentials work and to name the account in the UI.
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { toAwsError } from './errors';

/** The caller behind the current credentials. */
export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
}

/** Thin gateway over one STSClient. */
export class IdentityGateway {
  constructor(private readonly client: STSClient) {}

  async whoAmI(options: { readonly signal?: AbortSignal } = {}): Promise<CallerIdentity> {
    const { signal } = options;
    if (signal?.aborted) throw toAwsError(new DOMException('The operation was aborted', 'AbortError'), 'STS', 'GetCallerIdentity');
    try {
      const out = await this.client.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
      return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
    } catch (error) {
      throw toAwsError(error, 'STS', 'GetCallerIdentity');
    }
  }
}
