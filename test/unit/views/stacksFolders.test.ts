// What is under a stack, through the real SDK: resources (paged), events (newest first, live
// while an operation runs), outputs and parameters (copyable), and drift (badges, detection).
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { isCancelled } from '../../../src/aws/errors';
import { CONTEXT } from '../../../src/views/contextValues';
import { LoadMoreNode } from '../../../src/views/standardNodes';
import { type DriftFolderNode, type DriftResourceNode } from '../../../src/views/stacks/driftNodes';
import { type EventsFolderNode } from '../../../src/views/stacks/eventNodes';
import { type ResourceNode } from '../../../src/views/stacks/resourceNodes';
import type { StackNode } from '../../../src/views/stacks/stackNode';
import type { StacksRoot } from '../../../src/views/stacks/stacksRoot';
import { type OutputNode, type ParameterNode } from '../../../src/views/stacks/valueNodes';
import type { ViewNode } from '../../../src/views/viewNode';
import { DEPLOYING_ID, viewsFixture } from '../../support/aws/fixtures';
import { byLabel, expand, type Harness, labels, signal, startHarness } from './stacksHarness';

describe('stacks view: under a stack', () => {
  let h: Harness;
  let clock = 1_000_000;
  let root: StacksRoot;

  before(async () => {
    h = await startHarness({ stacks: viewsFixture(), driftPollsBeforeComplete: 2 });
  });
  afterEach(() => h.server.reset());
  after(() => h.close());

  async function stack(name: string): Promise<StackNode> {
    root = h.root({ now: () => clock });
    return byLabel(await root.children(signal()), name) as StackNode;
  }

  async function folder(name: string, label: string): Promise<ViewNode> {
    return byLabel(await expand(await stack(name)), label);
  }

  it('resources: logical id, type, status icon and physical id; a resource opens the stack resources tab', async () => {
    const nodes = await expand(await folder('web-app', 'Resources'));
    assert.deepEqual(labels(nodes), ['NetworkStack', 'Bucket', 'ApiFunction', 'ApiFunctionRole']);
    const bucket = nodes[1] as ResourceNode;
    const item = bucket.item();
    assert.deepEqual([item.description, item.icon?.id, item.contextValue], ['AWS::S3::Bucket', 'pass', CONTEXT.stackResource]);
    assert.match(item.tooltip!, /Physical id: web\\-app\\-bucket\\-1xyz/);
    assert.equal(bucket.physicalId, 'web-app-bucket-1xyz');
    assert.equal(
      bucket.consoleUrl(),
      'https://us-east-1.console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/resources?stackId=arn%3Aaws%3Acloudformation%3Aus-east-1%3A123456789012%3Astack%2Fweb-app%2F11111111-aaaa-4bbb-8ccc-000000000001',
    );
    // Calls use the stack ID, never the name (names are reused after a delete).
    assert.match(h.server.requestsFor('ListStackResources')[0]!.params.StackName!, /^arn:aws:cloudformation:/);
  });

  it('a 2,000-resource stack loads 100 at a time, without duplicates', async () => {
    const resources = await folder('huge', 'Resources');
    let nodes = await expand(resources);
    assert.equal(nodes.length, 101);
    for (let i = 0; i < 19; i++) {
      (nodes.at(-1) as LoadMoreNode).loadMore();
      nodes = await expand(resources);
    }
    assert.equal(nodes.length, 2000);
    assert.ok(!(nodes.at(-1) instanceof LoadMoreNode));
    assert.equal(new Set(labels(nodes)).size, 2000);
    assert.equal(h.server.requestsFor('ListStackResources').length, 20);
    assert.ok(h.sink.changes.includes(resources), 'load more re-renders the folder');
  });

  it('events: newest first across pages', async () => {
    const events = await folder('web-app', 'Events');
    let nodes = await expand(events);
    assert.equal(nodes.length, 101);
    (nodes.at(-1) as LoadMoreNode).loadMore();
    nodes = await expand(events);
    assert.equal(nodes.length, 130);
    const times = nodes.map((n) => /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/.exec(n.item().description ?? '')![0]);
    assert.deepEqual(times, [...times].sort().reverse());
    assert.equal(nodes[0]!.item().label, 'ApiFunction');
    assert.equal(nodes[0]!.item().contextValue, CONTEXT.stackEvent);
    assert.equal(nodes.at(-1)!.item().description, 'create in progress · 2026-01-10 10:00:00 UTC · User Initiated');
  });

  it('events refresh while an operation is in progress, and stop when it ends', async () => {
    const node = await stack('deploying');
    const events = byLabel(await expand(node), 'Events') as EventsFolderNode;
    assert.equal(events.item().description, 'live');
    assert.equal(events.refreshDue(clock + 10_000, 5000), false, 'nothing to refresh before the first load');
    assert.deepEqual(labels(await expand(events)), ['Queue', 'deploying']);
    assert.equal(events.refreshDue(clock + 1000, 5000), false);
    assert.equal(events.refreshDue(clock + 5000, 5000), true);

    const fixture = h.server.stack('deploying');
    fixture.status = 'UPDATE_COMPLETE';
    fixture.events.push(
      { eventId: 'e3', logicalId: 'Queue', physicalId: 'deploying-Queue', type: 'AWS::SQS::Queue', timestamp: '2026-06-02T00:00:02.000Z', status: 'UPDATE_COMPLETE' },
      { eventId: 'e4', logicalId: 'deploying', physicalId: DEPLOYING_ID, type: 'AWS::CloudFormation::Stack', timestamp: '2026-06-02T00:00:03.000Z', status: 'UPDATE_COMPLETE' },
    );
    clock += 5000;
    events.refresh();
    assert.equal(h.sink.changes.at(-1), events);
    assert.deepEqual(labels(await expand(events)), ['deploying', 'Queue', 'Queue', 'deploying']);
    // The newest stack event carries the new status: the stack re-renders and stops being live.
    assert.equal(h.sink.changes.at(-1), node);
    assert.deepEqual([node.item().description, node.item().icon?.id], ['update complete', 'pass']);
    assert.equal(events.refreshDue(clock + 60_000, 5000), false);
  });

  it('outputs and parameters: key, value, copyable value', async () => {
    const outputs = await expand(await folder('web-app', 'Outputs'));
    assert.deepEqual(labels(outputs), ['ApiUrl', 'BucketName']);
    const api = outputs[0] as OutputNode;
    assert.deepEqual([api.item().description, api.item().contextValue, api.value], ['https://abc123.execute-api.us-east-1.amazonaws.com/prod', CONTEXT.stackOutput, 'https://abc123.execute-api.us-east-1.amazonaws.com/prod']);
    assert.match(api.item().tooltip!, /Exported as `web-app-ApiUrl`/);
    const folders = await expand(await stack('web-app'));
    const params = await expand(byLabel(folders, 'Parameters'));
    await expand(byLabel(folders, 'Outputs'));
    assert.deepEqual(
      params.map((p) => [p.item().label, (p as ParameterNode).value, p.item().contextValue]),
      [
        ['Stage', 'prod', CONTEXT.stackParameter],
        ['DbPassword', '****', CONTEXT.stackParameter],
      ],
    );
    assert.equal(h.server.requestsFor('DescribeStacks').length, 2, 'one DescribeStacks per stack node feeds both folders');
    assert.deepEqual(labels(await expand(await folder('big-stack', 'Outputs'))), ['No outputs']);
  });

  it('drift: not checked, then detected with per-resource badges, drifted first', async () => {
    const node = await stack('web-app');
    const drift = byLabel(await expand(node), 'Drift') as DriftFolderNode;
    assert.equal(drift.item().description, 'not checked');
    assert.equal(drift.item().contextValue, CONTEXT.driftFolder);
    assert.deepEqual(labels(await expand(drift)), ['Not checked yet: run "Detect Drift"']);
    const progress: string[] = [];
    const result = await node.drift.detect(signal(), (m) => progress.push(m));
    assert.equal(result.stackDriftStatus, 'DRIFTED');
    assert.equal(progress.length, 2);
    assert.deepEqual(
      h.sink.changes.filter((c) => c === drift).length,
      2,
      'the folder re-renders when detection starts and when it ends',
    );
    assert.equal(drift.item().description, 'DRIFTED · 2 of 3 resources');
    assert.equal(drift.item().icon?.id, 'diff-modified');
    const rows = (await expand(drift)) as DriftResourceNode[];
    assert.deepEqual(
      rows.map((r) => [r.item().label, r.item().description, r.item().icon?.id, r.item().contextValue]),
      [
        ['ApiFunction', 'MODIFIED · 1 property', 'diff-modified', CONTEXT.driftedResource],
        ['ApiFunctionRole', 'DELETED', 'diff-removed', CONTEXT.driftedResource],
        ['Bucket', 'IN_SYNC', 'pass', undefined],
      ],
    );
    assert.deepEqual(rows[0]!.item().command?.command, 'archlens.stacks.showDriftDiff');
  });

  it('drift: shows the last detection kept by CloudFormation, NOT_CHECKED included, without detecting again', async () => {
    const drift = (await folder('checked', 'Drift')) as DriftFolderNode;
    assert.equal(drift.item().description, 'DRIFTED · 2026-06-05 00:00:00 UTC');
    const rows = await expand(drift);
    assert.deepEqual(
      rows.map((r) => [r.item().label, r.item().description, r.item().icon?.id]),
      [
        ['Key', 'DELETED', 'diff-removed'],
        ['Alarm', 'NOT_CHECKED', 'circle-slash'],
        ['Table', 'IN_SYNC', 'pass'],
      ],
    );
    assert.deepEqual(
      h.server.requests.map((r) => r.action),
      ['ListStacks', 'DescribeStackResourceDrifts'],
    );
  });

  it('drift: a cancelled detection stops polling and leaves the folder as it was', async () => {
    const drift = (await folder('big-stack', 'Drift')) as DriftFolderNode;
    const controller = new AbortController();
    await assert.rejects(
      drift.detect(controller.signal, () => controller.abort()),
      (error) => isCancelled(error),
    );
    assert.equal(drift.item().description, 'not checked');
    assert.deepEqual(
      h.server.requests.map((r) => r.action).filter((a) => a !== 'ListStacks'),
      ['DetectStackDrift', 'DescribeStackDriftDetectionStatus'],
    );
  });
});
