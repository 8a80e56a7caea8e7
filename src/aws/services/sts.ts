// STS's descriptor (see serviceDescriptor.ts): the connection's identity check. Every region has
// a regional STS endpoint.
import { STSClient } from '@aws-sdk/client-sts';
import { IdentityGateway } from '../identityGateway';
import { defineService } from './serviceDescriptor';

export const stsService = defineService({
  id: 'sts',
  sdkServiceId: 'STS',
  displayName: 'STS',
  regions: 'all',
  client: STSClient,
  gateway: (client, target) => new IdentityGateway(client, target),
});
