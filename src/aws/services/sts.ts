// STS's descriptor (see serviceDescriptor.ts): the connection's identity check. Every region has
// a regional STS endpoint.
import { defineService } from './serviceDescriptor';
import type * as GatewayModule from '../identityGateway';
import type * as Sdk from '@aws-sdk/client-sts';

export const stsService = defineService({
  id: 'sts',
  sdkServiceId: 'STS',
  displayName: 'STS',
  regions: 'all',
  load: () => {
    // Required here, not imported: loaded on the service's first call (see `ServiceSpec.load`).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { STSClient } = require('@aws-sdk/client-sts') as typeof Sdk;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { IdentityGateway } = require('../identityGateway') as typeof GatewayModule;
    return { client: STSClient, gateway: (client: InstanceType<typeof STSClient>, target) => new IdentityGateway(client, target) };
  },
});
