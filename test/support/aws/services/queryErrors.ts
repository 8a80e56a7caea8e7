// The error names the awsQuery services (CloudFormation, STS) share for what the core produces.
import type { ServiceErrors } from '../core/service';
import { ServiceError } from '../core/serviceError';

export function awsQueryErrors(overrides: Partial<ServiceErrors> = {}): ServiceErrors {
  return {
    validation: { code: 'ValidationError', status: 400, message: 'Validation error' },
    serialization: { code: 'ValidationError', status: 400, message: 'Malformed input' },
    throttle: { code: 'Throttling', status: 400, message: 'Rate exceeded' },
    expiredToken: { code: 'ExpiredToken', status: 400, message: 'The security token included in the request is expired' },
    accessDenied: { code: 'AccessDenied', status: 403, message: 'User: arn:aws:iam::123456789012:user/test is not authorized to perform this action' },
    serverError: { code: 'InternalFailure', status: 500, message: 'Internal failure' },
    unknownOperation: { code: 'InvalidAction', status: 400, message: 'The action is not valid for this web service.' },
    // CloudFormation's wording for a token it does not accept (boto/boto3#2203).
    invalidToken: (token) => new ServiceError('ValidationError', `${token} is not a valid NextToken`),
    ...overrides,
  };
}
