// CloudWatch Logs' descriptor (see serviceDescriptor.ts): the service exists in every region.
import { defineService } from './serviceDescriptor';
import type * as GatewayModule from '../logsGateway';
import type * as Sdk from '@aws-sdk/client-cloudwatch-logs';

export const logsService = defineService({
  id: 'logs',
  sdkServiceId: 'CloudWatch Logs',
  // As in every Logs message since the first release ("CloudWatchLogs DescribeLogGroups: ...").
  displayName: 'CloudWatchLogs',
  regions: 'all',
  load: () => {
    // Required here, not imported: loaded on the service's first call (see `ServiceSpec.load`).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { CloudWatchLogsClient } = require('@aws-sdk/client-cloudwatch-logs') as typeof Sdk;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { LogsGateway } = require('../logsGateway') as typeof GatewayModule;
    return { client: CloudWatchLogsClient, gateway: (client: InstanceType<typeof CloudWatchLogsClient>, target) => new LogsGateway(client, target) };
  },
});
