// CloudWatch Logs' descriptor (see serviceDescriptor.ts): the service exists in every region.
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { LogsGateway } from '../logsGateway';
import { defineService } from './serviceDescriptor';

export const logsService = defineService({
  id: 'logs',
  sdkServiceId: 'CloudWatch Logs',
  // As in every Logs message since the first release ("CloudWatchLogs DescribeLogGroups: ...").
  displayName: 'CloudWatchLogs',
  regions: 'all',
  client: CloudWatchLogsClient,
  gateway: (client, target) => new LogsGateway(client, target),
});
