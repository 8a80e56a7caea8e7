// From a live Glue table (read through the real @aws-sdk/client-glue from the local account) to
// the template that defines it: the demo template's AWS::Glue::Table found by its resolved name
// (`!Ref` to a parameter and to the AWS::Glue::Database, `!Sub` with a parameter), and the schema
// drift between them, as the demo shows it. Plus name resolution edge cases and hostile names.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { glueService } from '../../../src/aws/services/glue';
import { describeDifference, driftSummary, schemaDrift, schemaSide } from '../../../src/views/glue/schemaDrift';
import { definesTable, glueDatabasesInTemplate, glueTablesInTemplate, substitute } from '../../../src/views/glue/templateTables';
import { useLocalAccountSession } from '../../support/localAccountSession';

const local = useLocalAccountSession();
const demoFile = join(__dirname, '..', '..', '..', 'demo', 'templates', 'data-lake.yaml');

void describe('Glue tables in templates and their schema drift', () => {
  void test('the demo template defines raw.clickstream_events through !Ref and !Sub; the live table has drifted', async () => {
    const text = readFileSync(demoFile, 'utf8');
    const defined = glueTablesInTemplate(demoFile, text, { accountId: '123456789012', region: 'us-east-1' });
    assert.deepEqual(
      defined.map((t) => `${t.logicalId}=${t.databaseName ?? '?'}.${t.name ?? '?'}`),
      ['ClickstreamTable=raw.clickstream_events', 'AlbLogsTable=raw.alb_logs'],
    );
    const clicks = defined.find((t) => definesTable(t, 'raw', 'clickstream_events'))!;
    assert.equal(text.slice(clicks.span.start, clicks.span.end), 'ClickstreamTable');
    const live = await local.session.gateway(glueService).table({ databaseName: 'raw', tableName: 'clickstream_events' });
    const drift = schemaDrift(clicks, live);
    assert.deepEqual(drift.differences.map(describeDifference), [
      'column user_id: bigint in AWS, string in the template',
      'column referrer (string) is in the template but not in AWS',
      'column ts (timestamp) exists in AWS but not in the template',
    ]);
    assert.match(driftSummary('raw.clickstream_events', 'data-lake.yaml', drift), /differs from data-lake\.yaml in 3 places/);
    const albTemplate = defined.find((t) => definesTable(t, 'RAW', 'ALB_LOGS'))!;
    const alb = schemaDrift(albTemplate, await local.session.gateway(glueService).table({ databaseName: 'raw', tableName: 'alb_logs' }));
    assert.deepEqual(alb.differences, []);
    assert.match(driftSummary('raw.alb_logs', 'data-lake.yaml', alb), /matches its definition/);
    assert.match(schemaSide(clicks.columns, clicks.partitionKeys), /"Name": "referrer",\n\s+"Type": "string"/);
    const [database] = glueDatabasesInTemplate(demoFile, text);
    assert.equal(`${database!.logicalId}=${database!.name ?? '?'}`, 'RawDatabase=raw');
    assert.equal(text.slice(database!.span.start, database!.span.end), 'RawDatabase');
  });

  void test('a deployed stack parameter overrides the default; unresolvable names stay unknown; key order and Delta are said', () => {
    const text = readFileSync(demoFile, 'utf8');
    const renamed = glueTablesInTemplate(demoFile, text, { parameters: new Map([['Feed', 'clicks'], ['Zone', 'bronze']]) });
    assert.equal(`${renamed[0]!.databaseName}.${renamed[0]!.name}`, 'bronze.clickstream_clicks');
    const unknown = glueTablesInTemplate('t.yaml', 'Resources:\n  T:\n    Type: AWS::Glue::Table\n    Properties:\n      DatabaseName: !ImportValue lake-db\n      TableInput:\n        Name: !Sub "${Missing}_x"\n');
    assert.deepEqual(unknown.map((t) => [t.name, t.databaseName]), [[undefined, undefined]]);
    assert.equal(substitute('a_${!Literal}_${X}', (n) => (n === 'X' ? 'x' : undefined)), 'a_${Literal}_x');
    const moved = schemaDrift(
      { logicalId: 'T', span: { start: 0, end: 1 }, columns: [{ name: 'A', type: 'DECIMAL(10, 2)' }], partitionKeys: [{ name: 'day' }, { name: 'year' }] },
      { name: 't', databaseName: 'd', parameters: new Map([['spark.sql.sources.provider', 'delta']]), storage: { serdeParameters: new Map(), columns: [{ name: 'a', type: 'decimal(10,2)' }] }, partitionKeys: [{ name: 'year' }, { name: 'day' }] },
    );
    assert.deepEqual(moved.differences.map((d) => `${d.change} ${d.name}`), ['moved day', 'moved year']);
    assert.match(moved.caveat ?? '', /Delta table: Glue's columns are a placeholder/);
  });

  void test('hostile templates: __proto__ names, a parameter named constructor, no Resources', () => {
    const text = 'Parameters:\n  constructor: {Type: String, Default: c}\nResources:\n  __proto__:\n    Type: AWS::Glue::Table\n    Properties:\n      DatabaseName: !Ref toString\n      TableInput:\n        Name: !Ref constructor\n        StorageDescriptor:\n          Columns: [{Name: __proto__, Type: string}]\n';
    const [t] = glueTablesInTemplate('t.yaml', text);
    assert.equal(t!.logicalId, '__proto__');
    assert.equal(t!.name, 'c');
    assert.equal(t!.databaseName, undefined);
    assert.deepEqual(t!.columns, [{ name: '__proto__', type: 'string' }]);
    assert.deepEqual(glueTablesInTemplate('x.yaml', 'AWS::Glue::Table: 1\n'), []);
  });
});
