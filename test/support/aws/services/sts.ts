// STS (awsQuery, Version 2011-06-15) for the local AWS-protocol server: who the caller is
// (GetCallerIdentity) and AssumeRole for profile chains. The one STS emulator: the JSON server's
// identity checks, the credentials tests' stub (stsStub.ts) and the demo all use it. Failing
// every call with an STS error (an expired or invalid token) is a fault rule of kind `error`.
import type { ServiceDefinition } from '../core/service';
import { el } from '../core/xml';
import { awsQueryErrors } from './queryErrors';

export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
}

export class StsState {
  private assumed = 0;

  constructor(public identity: CallerIdentity = { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/archlens-test', userId: 'AIDAEXAMPLEUSERID0001' }) {}

  /** Temporary credentials numbered per call, so tests see which ones signed later requests. */
  nextAssumed(): number {
    return ++this.assumed;
  }
}

export function stsService(state: StsState): ServiceDefinition {
  return {
    name: 'sts',
    protocol: 'awsQuery',
    version: '2011-06-15',
    xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
    errors: awsQueryErrors({
      expiredToken: { code: 'ExpiredToken', status: 403, message: 'The security token included in the request is expired' },
      unknownOperation: { code: 'InvalidAction', status: 400, message: 'Could not find operation' },
    }),
    operations: {
      GetCallerIdentity: {
        handle: () => el('Arn', state.identity.arn) + el('UserId', state.identity.userId) + el('Account', state.identity.account),
      },
      AssumeRole: {
        // AssumeRoleRequest: RoleArn and RoleSessionName required; DurationSeconds 900-43200.
        input: { RoleArn: { required: true, length: [20, 2048] }, RoleSessionName: { required: true, length: [2, 64], pattern: /^[\w+=,.@-]*$/ }, DurationSeconds: { type: 'integer', range: [900, 43_200] } },
        handle(input) {
          const n = state.nextAssumed();
          const seconds = input.DurationSeconds !== undefined ? Number(input.DurationSeconds) : 3600;
          const expiration = new Date(Date.now() + seconds * 1000).toISOString();
          const role = /:role\/(.+)$/.exec(String(input.RoleArn))?.[1] ?? 'role';
          return (
            `<Credentials>${el('AccessKeyId', `ASIAASSUMED${String(n).padStart(9, '0')}`)}${el('SecretAccessKey', `assumed-secret-${n}`)}${el('SessionToken', `assumed-token-${n}`)}${el('Expiration', expiration)}</Credentials>` +
            `<AssumedRoleUser>${el('Arn', `arn:aws:sts::${state.identity.account}:assumed-role/${role}/${String(input.RoleSessionName)}`)}${el('AssumedRoleId', `AROATEST:${String(input.RoleSessionName)}`)}</AssumedRoleUser>`
          );
        },
      },
    },
  };
}
