// AWS console links for stacks and their resources. The console host depends on the partition
// (China and GovCloud have their own domains); the stack is identified by its ARN, because a
// name can be reused by a newer stack and deleted stacks are only reachable by ARN.

function consoleHome(region: string): string {
  const q = `region=${encodeURIComponent(region)}`;
  if (region.startsWith('cn-')) return `https://${region}.console.amazonaws.cn/cloudformation/home?${q}`;
  if (region.startsWith('us-gov-')) return `https://console.amazonaws-us-gov.com/cloudformation/home?${q}`;
  return `https://${region}.console.aws.amazon.com/cloudformation/home?${q}`;
}

/** The stack's "Stack info" page. */
export function stackConsoleUrl(region: string, stackId: string): string {
  return `${consoleHome(region)}#/stacks/stackinfo?stackId=${encodeURIComponent(stackId)}`;
}

/** The stack's "Resources" tab (the console has no per-resource page for every resource type). */
export function stackResourcesConsoleUrl(region: string, stackId: string): string {
  return `${consoleHome(region)}#/stacks/resources?stackId=${encodeURIComponent(stackId)}`;
}
