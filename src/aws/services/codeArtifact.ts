// CodeArtifact's descriptor (see serviceDescriptor.ts). CodeArtifact exists in a subset of
// regions (AWS regional services table, 2026); an endpoint override (emulator) works anywhere.
import { defineService } from './serviceDescriptor';
import type * as GatewayModule from '../codeArtifactGateway';
import type * as Sdk from '@aws-sdk/client-codeartifact';

export const codeArtifactService = defineService({
  id: 'codeartifact',
  sdkServiceId: 'codeartifact',
  displayName: 'CodeArtifact',
  regions: [
    'us-east-1',
    'us-east-2',
    'us-west-2',
    'ap-south-1',
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-southeast-1',
    'ap-southeast-2',
    'ca-central-1',
    'eu-central-1',
    'eu-west-1',
    'eu-west-2',
    'eu-west-3',
    'eu-north-1',
    'eu-south-1',
    'sa-east-1',
  ],
  load: () => {
    // Required here, not imported: loaded on the service's first call (see `ServiceSpec.load`).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { CodeartifactClient } = require('@aws-sdk/client-codeartifact') as typeof Sdk;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { CodeArtifactGateway } = require('../codeArtifactGateway') as typeof GatewayModule;
    return { client: CodeartifactClient, gateway: (client: InstanceType<typeof CodeartifactClient>, target) => new CodeArtifactGateway(client, target) };
  },
});
