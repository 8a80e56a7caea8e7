// AWS Glue's descriptor (see serviceDescriptor.ts). The Data Catalog is offered in every
// commercial region ArchLens lists; a missing one still answers with an endpoint error the
// taxonomy reads as `Unavailable`.
import { defineService } from './serviceDescriptor';
import type * as GatewayModule from '../glueGateway';
import type * as Sdk from '@aws-sdk/client-glue';

export const glueService = defineService({
  id: 'glue',
  sdkServiceId: 'Glue',
  displayName: 'Glue',
  regions: 'all',
  load: () => {
    // Required here, not imported: loaded on the service's first call (see `ServiceSpec.load`).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { GlueClient } = require('@aws-sdk/client-glue') as typeof Sdk;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { GlueGateway } = require('../glueGateway') as typeof GatewayModule;
    return { client: GlueClient, gateway: (client: InstanceType<typeof GlueClient>, target) => new GlueGateway(client, target) };
  },
});
