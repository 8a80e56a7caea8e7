// Shared set-up of the stacks view tests: the real CloudFormation client and gateway against the
// local awsQuery server, a StacksRoot, and a sink that records re-render requests.
import type { AwsServices } from '../../../src/views/awsServices';
import { StacksRoot, type StacksRootOptions } from '../../../src/views/stacks/stacksRoot';
import type { NodeItem, TreeChangeSink, ViewNode } from '../../../src/views/viewNode';
import { AwsProtocolServer, type ServerOptions } from '../../support/aws/awsProtocolServer';
import { awsServicesFor } from '../../support/awsServicesFor';

export const REGION = 'us-east-1';

export class RecordingSink implements TreeChangeSink {
  readonly changes: (ViewNode | undefined)[] = [];
  changed(node: ViewNode | undefined): void {
    this.changes.push(node);
  }
}

export interface Harness {
  readonly server: AwsProtocolServer;
  readonly services: AwsServices;
  readonly sink: RecordingSink;
  readonly logLines: string[];
  root(options?: StacksRootOptions): StacksRoot;
  close(): Promise<void>;
}

export async function startHarness(options: ServerOptions = {}): Promise<Harness> {
  const server = await AwsProtocolServer.start(options);
  const logLines: string[] = [];
  const services = awsServicesFor({
    endpoint: server.endpoint,
    region: REGION,
    log: { info: (m) => logLines.push(`info ${m}`), warn: (m) => logLines.push(`warn ${m}`), error: (m) => logLines.push(`error ${m}`) },
  });
  const sink = new RecordingSink();
  return {
    server,
    services,
    sink,
    logLines,
    root: (rootOptions = {}) => new StacksRoot(services, sink, { driftPollIntervalMs: 1, ...rootOptions }),
    close: async () => {
      services.dispose();
      await server.close();
    },
  };
}

export function signal(): AbortSignal {
  return new AbortController().signal;
}

export async function expand(node: ViewNode): Promise<ViewNode[]> {
  if (!node.children) throw new Error(`${node.id} has no children`);
  return node.children(signal());
}

export function labels(nodes: readonly ViewNode[]): string[] {
  return nodes.map((n) => n.item().label);
}

export function items(nodes: readonly ViewNode[]): NodeItem[] {
  return nodes.map((n) => n.item());
}

export function byLabel(nodes: readonly ViewNode[], label: string): ViewNode {
  const found = nodes.find((n) => n.item().label === label);
  if (!found) throw new Error(`no node "${label}" among ${labels(nodes).join(', ')}`);
  return found;
}
