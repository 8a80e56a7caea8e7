// AWS Glue's descriptor (see serviceDescriptor.ts). The Data Catalog is offered in every
// commercial region ArchLens lists; a missing one still answers with an endpoint error the
// taxonomy reads as `Unavailable`.
import { GlueClient } from '@aws-sdk/client-glue';
import { GlueGateway } from '../glueGateway';
import { defineService } from './serviceDescriptor';

export const glueService = defineService({
  id: 'glue',
  sdkServiceId: 'Glue',
  displayName: 'Glue',
  regions: 'all',
  client: GlueClient,
  gateway: (client, target) => new GlueGateway(client, target),
});
