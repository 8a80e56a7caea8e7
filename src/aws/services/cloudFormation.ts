// CloudFormation's descriptor (see serviceDescriptor.ts): the service exists in every region.
import { defineService } from './serviceDescriptor';
import type * as GatewayModule from '../cloudFormationGateway';
import type * as Sdk from '@aws-sdk/client-cloudformation';

export const cloudFormationService = defineService({
  id: 'cloudformation',
  sdkServiceId: 'CloudFormation',
  displayName: 'CloudFormation',
  regions: 'all',
  load: () => {
    // Required here, not imported: loaded on the service's first call (see `ServiceSpec.load`).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { CloudFormationClient } = require('@aws-sdk/client-cloudformation') as typeof Sdk;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { CloudFormationGateway } = require('../cloudFormationGateway') as typeof GatewayModule;
    return { client: CloudFormationClient, gateway: (client: InstanceType<typeof CloudFormationClient>, target) => new CloudFormationGateway(client, target) };
  },
});
