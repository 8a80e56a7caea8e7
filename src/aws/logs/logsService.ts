// The name CloudWatch Logs' errors carry ("CloudWatchLogs DescribeLogGroups: ..."), for a gateway
// built without the session's target (tests) and for errors made before any call.
export const LOGS_SERVICE = 'CloudWatchLogs';
