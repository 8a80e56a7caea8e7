/**
 * "Show Diagram" on a deployed stack: the processed template (GetTemplate, TemplateStage
 * Processed) drawn with each resource's live status (ListStackResources) and drift (the
 * latest detection's DescribeStackResourceDrifts), read through the real AWS SDK v3 client
 * against the local awsQuery server.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { AwsClientFactory } from '../../src/aws/clientFactory';
import { CloudFormationGateway } from '../../src/aws/cloudFormationGateway';
import type { ArchitectureGraph } from '../../src/engine/graph/graphTypes';
import { visibleGraph } from '../../src/engine/graph/graphView';
import { statusTone, withLiveStatus } from '../../src/engine/graph/liveStatus';
import { computeDiagramGraph } from '../../src/extension/diagram/diagramGraph';
import { readLiveResources } from '../../src/extension/diagram/liveResources';
import { validateDiagramHostMessage } from '../../src/shared/webview/diagramProtocol';
import { AwsProtocolServer } from '../support/aws/awsProtocolServer';

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

function computeGraph(body: string): ArchitectureGraph {
  const result = computeDiagramGraph('deployed.json', body);
  assert.equal(result.kind, 'graph');
  return result.kind === 'graph' ? result.graph : { nodes: [], edges: [], groups: [] };
}

describe('live stack diagram against the local CloudFormation server', () => {
  let server: AwsProtocolServer;
  let factory: AwsClientFactory;
  let gateway: CloudFormationGateway;

  before(async () => {
    server = await AwsProtocolServer.start({});
    factory = new AwsClientFactory({ endpoint: server.endpoint, credentials: CREDENTIALS, maxAttempts: 2, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
    gateway = new CloudFormationGateway(factory.cloudFormation('us-east-1'));
  });
  afterEach(() => server.reset());
  after(async () => {
    factory.dispose();
    await server.close();
  });

  it('draws the processed template with CREATE_COMPLETE, drifted and deleted-drift badges', async () => {
    const stack = server.stack('web-app');
    const { body, stagesAvailable } = await gateway.getTemplate(stack.id, 'Processed');
    assert.ok(stagesAvailable.includes('Processed'));
    const result = computeDiagramGraph('web-app (deployed, processed).json', body);
    assert.equal(result.kind, 'graph');
    if (result.kind !== 'graph') return;
    const live = await readLiveResources(gateway, stack.id);
    assert.deepEqual(
      live.map((resource) => [resource.logicalId, resource.state, resource.drift]),
      [
        ['NetworkStack', 'CREATE_COMPLETE', 'NOT_CHECKED'],
        ['Bucket', 'CREATE_COMPLETE', 'IN_SYNC'],
        ['ApiFunction', 'CREATE_COMPLETE', 'MODIFIED'],
        ['ApiFunctionRole', 'CREATE_COMPLETE', 'DELETED'],
      ],
    );
    const graph = withLiveStatus(result.graph, live);
    const status = Object.fromEntries(graph.nodes.map((node) => [node.id, node.status && statusTone(node.status)]));
    // The processed template holds the function (as AWS::Lambda::Function) and its generated role.
    assert.deepEqual(status, { ApiFunction: 'drifted', ApiFunctionRole: 'drifted' });
    assert.deepEqual(graph.nodes.find((node) => node.id === 'ApiFunction')?.status, { state: 'CREATE_COMPLETE', drift: 'MODIFIED', tone: 'drifted' });
    // The webview accepts the graph with its statuses.
    const message = { type: 'diagram/graph/update', graph, template: { uri: 'archlens-stack:/us-east-1/web-app', name: 'web-app' }, hash: 'h', options: { showAuxiliary: false, collapsedGroups: [], direction: 'RIGHT' } };
    assert.deepEqual(validateDiagramHostMessage(message), { ok: true, message });
    assert.equal(visibleGraph(graph).nodes[0]?.status?.drift, 'MODIFIED');
    // Two calls per page kind, nothing else: the template, the resources, the drifts.
    assert.equal(server.requestsFor('ListStackResources').length, 1);
    assert.equal(server.requestsFor('DescribeStackResourceDrifts').length, 1);
  });

  it('a failed update reads failed, with its reason', async () => {
    const stack = server.stack('web-app');
    const resource = stack.resources.find((candidate) => candidate.logicalId === 'ApiFunction')!;
    resource.status = 'UPDATE_FAILED';
    const live = await readLiveResources(gateway, stack.id);
    const graph = withLiveStatus(computeGraph(stack.templateProcessed), live);
    const status = graph.nodes.find((node) => node.id === 'ApiFunction')!.status!;
    assert.equal(status.state, 'UPDATE_FAILED');
    assert.equal(statusTone(status), 'failed');
  });

  it('a failed resource reads failed, one in progress reads in progress', () => {
    assert.equal(statusTone({ state: 'UPDATE_FAILED', reason: 'Resource handler returned message: "Invalid request"' }), 'failed');
    assert.equal(statusTone({ state: 'CREATE_FAILED', drift: 'MODIFIED' }), 'failed');
    assert.equal(statusTone({ state: 'UPDATE_IN_PROGRESS' }), 'progress');
    assert.equal(statusTone({ state: 'CREATE_COMPLETE', drift: 'IN_SYNC' }), 'ok');
    assert.equal(statusTone({ state: 'DELETE_COMPLETE' }), 'deleted');
  });

  it('a stack that does not exist is NotFound, not a raw SDK error', async () => {
    await assert.rejects(readLiveResources(gateway, 'no-such-stack'), (error: unknown) => error instanceof Error && /not found|does not exist/i.test(error.message));
  });
});
