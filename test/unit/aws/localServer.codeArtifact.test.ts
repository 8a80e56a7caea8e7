// The restJson1 side of the local AWS-protocol server, through the real CodeArtifact client:
// REST paths and query strings in, JSON and `x-amzn-errortype` errors out, paging tokens, filters,
// the maxResults range, and ResourceNotFoundException for what does not exist.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  CodeartifactClient,
  DescribePackageCommand,
  ListDomainsCommand,
  ListPackagesCommand,
  PutPackageOriginConfigurationCommand,
  ResourceNotFoundException,
  paginateListPackages,
  type ListPackagesCommandInput,
} from '@aws-sdk/client-codeartifact';
import { sdkRejection } from '../../support/aws/awsRejection';
import { startLocalAccount, type LocalAccount } from '../../support/aws/localAccount';
import { testClientConfig } from '../../support/aws/jsonProtocolServer';

void describe('local server, restJson1: CodeArtifact through the real SDK client', () => {
  let account: LocalAccount;
  let client: CodeartifactClient;
  // A fresh object per call: the SDK's paginator writes nextToken into its input.
  const store = (): ListPackagesCommandInput => ({ domain: 'acme', repository: 'npm-store' });

  before(async () => {
    account = await startLocalAccount();
    client = new CodeartifactClient(testClientConfig(account.server, 1));
  });
  after(async () => {
    client.destroy();
    await account.server.close();
  });
  beforeEach(() => {
    account.server.log.clear();
    account.server.faults.clear();
  });

  void test('ListDomains: POST /v1/domains, pages of maxResults with a token, timestamps as dates', async () => {
    const first = await client.send(new ListDomainsCommand({ maxResults: 1 }));
    assert.deepEqual(first.domains?.map((d) => d.name), ['acme']);
    assert.equal(first.domains?.[0]?.owner, '123456789012');
    assert.equal(first.domains?.[0]?.arn, 'arn:aws:codeartifact:us-east-1:123456789012:domain/acme');
    assert.equal(first.domains?.[0]?.createdTime?.toISOString(), '2025-01-15T00:00:00.000Z');
    assert.equal(typeof first.nextToken, 'string');
    const second = await client.send(new ListDomainsCommand({ maxResults: 1, nextToken: first.nextToken }));
    assert.deepEqual(second.domains?.map((d) => d.name), ['sandbox']);
    assert.equal(second.nextToken, undefined);
    assert.deepEqual(account.server.log.summary(), ['codeartifact ListDomains 200', 'codeartifact ListDomains 200']);
    assert.equal(account.server.log.entries[1]?.input.nextToken, first.nextToken);
  });

  void test('ListPackages: query-string members reach the handler by name, 25 packages in 3 pages without duplicates', async () => {
    const names: string[] = [];
    for await (const page of paginateListPackages({ client, pageSize: 10 }, store())) names.push(...(page.packages ?? []).map((p) => `${p.namespace ?? ''}/${p.package}`));
    assert.equal(names.length, 25);
    assert.equal(new Set(names).size, 25);
    const sent = account.server.log.of('ListPackages').map((e) => e.input);
    assert.equal(sent.length, 3);
    assert.deepEqual({ domain: sent[0]?.domain, repository: sent[0]?.repository, maxResults: sent[0]?.maxResults, nextToken: sent[0]?.nextToken }, { domain: 'acme', repository: 'npm-store', maxResults: 10, nextToken: undefined });
    assert.equal(typeof sent[2]?.nextToken, 'string');
  });

  void test('ListPackages filters: format, namespace and package prefix, origin restrictions', async () => {
    const internal = { domain: 'acme', repository: 'internal' };
    const pypi = await client.send(new ListPackagesCommand({ ...internal, format: 'pypi' }));
    assert.deepEqual(pypi.packages?.map((p) => p.package), ['acme-etl']);
    const scoped = await client.send(new ListPackagesCommand({ ...store(), namespace: 'ac' }));
    assert.deepEqual(scoped.packages?.map((p) => p.package), ['pkg-00', 'pkg-05', 'pkg-10', 'pkg-15', 'pkg-20']);
    const prefixed = await client.send(new ListPackagesCommand({ ...store(), packagePrefix: 'pkg-2' }));
    assert.deepEqual(prefixed.packages?.map((p) => p.package).sort(), ['pkg-20', 'pkg-21', 'pkg-22', 'pkg-23', 'pkg-24']);
    const mixed = await client.send(new ListPackagesCommand({ ...store(), publish: 'ALLOW', upstream: 'ALLOW' }));
    assert.equal(mixed.packages?.length, 9, 'every third of 25 packages is ALLOW/ALLOW');
    assert.ok(mixed.packages?.every((p) => p.originConfiguration?.restrictions?.publish === 'ALLOW' && p.originConfiguration.restrictions.upstream === 'ALLOW'));
  });

  void test('maxResults must be 1 to 1000, format one of the enum: ValidationException (400) in AWS words', async () => {
    for (const maxResults of [1, 1000]) assert.ok((await client.send(new ListPackagesCommand({ ...store(), maxResults }))).packages);
    const tooMany = await sdkRejection(client.send(new ListPackagesCommand({ ...store(), maxResults: 1001 })));
    assert.equal(tooMany.name, 'ValidationException');
    assert.equal(tooMany.$metadata?.httpStatusCode, 400);
    assert.match(tooMany.message, /Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000/);
    const zero = await sdkRejection(client.send(new ListDomainsCommand({ maxResults: 0 })));
    assert.match(zero.message, /greater than or equal to 1/);
    const format = await sdkRejection(client.send(new ListPackagesCommand({ ...store(), format: 'rust' as 'npm' })));
    assert.equal(format.name, 'ValidationException');
    assert.match(format.message, /at 'format' failed to satisfy constraint: Member must satisfy enum value set: \[cargo, generic/);
  });

  void test('a missing required member or a bad domain name is rejected before the handler', async () => {
    const missing = await sdkRejection(client.send(new ListPackagesCommand({ domain: 'acme' } as ListPackagesCommandInput)));
    assert.equal(missing.name, 'ValidationException');
    assert.match(missing.message, /^1 validation error detected: Value null at 'repository'/);
    const both = await sdkRejection(client.send(new ListPackagesCommand({ domain: 'A', repository: 'x' })));
    assert.match(both.message, /^\d validation errors detected: .*'domain'.*; .*'repository'/);
  });

  void test('DescribePackage: GET /v1/package with namespace; an unknown repository or package is ResourceNotFoundException (404)', async () => {
    const found = await client.send(new DescribePackageCommand({ domain: 'acme', repository: 'internal', format: 'maven', namespace: 'com.acme', package: 'orders-core' }));
    assert.deepEqual(found.package, { format: 'maven', namespace: 'com.acme', name: 'orders-core', originConfiguration: { restrictions: { publish: 'ALLOW', upstream: 'BLOCK' } } });
    const noRepo = await sdkRejection(client.send(new ListPackagesCommand({ domain: 'acme', repository: 'no-such-repo' })));
    assert.ok(noRepo instanceof ResourceNotFoundException, noRepo.name);
    assert.equal(noRepo.$metadata?.httpStatusCode, 404);
    assert.equal(noRepo.resourceType, 'repository');
    const noPackage = await sdkRejection(client.send(new DescribePackageCommand({ domain: 'acme', repository: 'internal', format: 'npm', package: 'orders-core' })));
    assert.equal(noPackage.name, 'ResourceNotFoundException');
    assert.equal(noPackage.resourceType, 'package');
    const otherOwner = await sdkRejection(client.send(new ListPackagesCommand({ ...store(), domainOwner: '999999999999' })));
    assert.equal(otherOwner.resourceType, 'domain');
  });

  void test('PutPackageOriginConfiguration: POST /v1/package sets the restrictions; a name that does not exist becomes a phantom package, as on AWS', async () => {
    const location = { domain: 'acme', repository: 'internal', format: 'npm' as const, namespace: 'acme', package: 'billing-client' };
    const put = await client.send(new PutPackageOriginConfigurationCommand({ ...location, restrictions: { publish: 'BLOCK', upstream: 'BLOCK' } }));
    assert.deepEqual(put.originConfiguration, { restrictions: { publish: 'BLOCK', upstream: 'BLOCK' } });
    assert.deepEqual((await client.send(new DescribePackageCommand(location))).package?.originConfiguration?.restrictions, { publish: 'BLOCK', upstream: 'BLOCK' });
    const before = (await client.send(new ListPackagesCommand({ domain: 'acme', repository: 'internal' }))).packages?.length ?? 0;
    await client.send(new PutPackageOriginConfigurationCommand({ ...location, package: 'billing-clinet', restrictions: { publish: 'ALLOW', upstream: 'BLOCK' } }));
    const after = (await client.send(new ListPackagesCommand({ domain: 'acme', repository: 'internal' }))).packages ?? [];
    assert.equal(after.length, before + 1);
    assert.ok(after.some((p) => p.package === 'billing-clinet'));
    const wire = account.server.log.of('PutPackageOriginConfiguration')[0]!;
    assert.deepEqual(wire.input, { ...location, restrictions: { publish: 'BLOCK', upstream: 'BLOCK' } });
  });

  void test('PutPackageOriginConfiguration: restrictions are checked member by member', async () => {
    const location = { domain: 'acme', repository: 'internal', format: 'pypi' as const, package: 'acme-etl' };
    const half = await sdkRejection(client.send(new PutPackageOriginConfigurationCommand({ ...location, restrictions: { publish: 'ALLOW' } as never })));
    assert.equal(half.name, 'ValidationException');
    assert.match(half.message, /^1 validation error detected: Value null at 'restrictions.upstream'/);
    const wrong = await sdkRejection(client.send(new PutPackageOriginConfigurationCommand({ ...location, restrictions: { publish: 'MAYBE', upstream: 'ALLOW' } as never })));
    assert.match(wrong.message, /Value 'MAYBE' at 'restrictions.publish' failed to satisfy constraint: Member must satisfy enum value set: \[ALLOW, BLOCK\]/);
    assert.equal((await client.send(new DescribePackageCommand(location))).package?.originConfiguration?.restrictions?.publish, 'ALLOW', 'nothing was written');
  });

  void test('a token from another repository or a made-up one is rejected', async () => {
    const page = await client.send(new ListPackagesCommand({ ...store(), maxResults: 5 }));
    const reused = await sdkRejection(client.send(new ListPackagesCommand({ domain: 'acme', repository: 'internal', nextToken: page.nextToken })));
    assert.equal(reused.name, 'ValidationException');
    const madeUp = await sdkRejection(client.send(new ListPackagesCommand({ ...store(), nextToken: 'not-a-token' })));
    assert.equal(madeUp.name, 'ValidationException');
  });
});
