// CloudFormation's descriptor (see serviceDescriptor.ts): the service exists in every region.
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudFormationGateway } from '../cloudFormationGateway';
import { defineService } from './serviceDescriptor';

export const cloudFormationService = defineService({
  id: 'cloudformation',
  sdkServiceId: 'CloudFormation',
  displayName: 'CloudFormation',
  regions: 'all',
  client: CloudFormationClient,
  gateway: (client, target) => new CloudFormationGateway(client, target),
});
