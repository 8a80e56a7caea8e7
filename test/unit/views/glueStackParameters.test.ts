// Reveal in Local Template / Show Schema Drift when a table's name comes from a parameter without
// a default: the templates are resolved with each deployed stack's parameters, read through the
// real SDK (DescribeStacks, paged) from the local CloudFormation server.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cloudFormationService } from '../../../src/aws/services/cloudFormation';
import { deployedStackParameters, tableDefinitions } from '../../../src/views/glue/stackParameters';
import { useLocalAccountSession } from '../../support/localAccountSession';

const local = useLocalAccountSession();

const BY_PARAMETER = `Parameters:
  Stage: {Type: String}
Resources:
  Events:
    Type: AWS::Glue::Table
    Properties:
      CatalogId: !Ref AWS::AccountId
      DatabaseName: analytics
      TableInput:
        Name: !Sub '\${Stage}_events'
`;
const BY_DEFAULT = BY_PARAMETER.replace('Stage: {Type: String}', 'Stage: {Type: String, Default: dev}');

void describe('Glue table definitions resolved with deployed stacks\' parameters', () => {
  test('the deployed stacks\' parameters come from DescribeStacks; NoEcho values are left out', async () => {
    const stacks = await deployedStackParameters(local.session.gateway(cloudFormationService));
    const webApp = stacks.find((s) => s.stackName === 'web-app');
    assert.deepEqual([...(webApp?.parameters ?? [])], [['Stage', 'prod']]);
  });

  test('a name from a parameter without a default is found with the stack that deployed it', async () => {
    const files = [{ path: '/ws/lake.yaml', text: BY_PARAMETER }];
    const found = await tableDefinitions(files, { databaseName: 'analytics', tableName: 'prod_events', region: 'us-east-1' }, () => deployedStackParameters(local.session.gateway(cloudFormationService)));
    assert.deepEqual(
      found.map((f) => [f.file.path, f.defined.logicalId, f.stackName]),
      [['/ws/lake.yaml', 'Events', 'web-app']],
    );
    assert.ok(local.account.server.log.entries.some((e) => e.operation === 'DescribeStacks'));
  });

  test('a name the defaults resolve is found without asking CloudFormation', async () => {
    const files = [{ path: '/ws/lake.yaml', text: BY_DEFAULT }, { path: '/ws/other.yaml', text: 'Resources: {}\n' }];
    let asked = 0;
    const found = await tableDefinitions(files, { databaseName: 'analytics', tableName: 'dev_events', region: 'us-east-1' }, () => {
      asked++;
      return deployedStackParameters(local.session.gateway(cloudFormationService));
    });
    assert.deepEqual(found.map((f) => f.defined.logicalId), ['Events']);
    assert.equal(asked, 0);
  });

  test('no template defining a Glue table: no CloudFormation call, nothing found', async () => {
    let asked = 0;
    const found = await tableDefinitions([{ path: '/ws/a.yaml', text: 'Resources: {T: {Type: AWS::SNS::Topic}}\n' }], { databaseName: 'analytics', tableName: 'prod_events', region: 'us-east-1' }, () => {
      asked++;
      return Promise.resolve([]);
    });
    assert.deepEqual(found, []);
    assert.equal(asked, 0);
  });
});
