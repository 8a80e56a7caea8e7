// The CodeArtifact gateway through the real SDK client against the local server: listings as
// resumable pages, repository upstreams and external connections, server-side package filters, a
// missing package as a state (not an error), and errors through the taxonomy.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AwsError } from '../../../src/aws/errors';
import { codeArtifactService } from '../../../src/aws/services/codeArtifact';
import { useLocalAccountSession } from '../../support/localAccountSession';

async function all<T>(pages: AsyncIterable<{ items: readonly T[] }>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...page.items);
  return out;
}

void describe('CodeArtifactGateway through the real SDK', () => {
  const local = useLocalAccountSession();
  const npmStore = { domain: 'acme', repository: 'npm-store' };
  const gateway = () => local.session.gateway(codeArtifactService);

  void test('domains and repositories, with upstreams and external connections', async () => {
    assert.deepEqual((await all(gateway().domainPages())).map((d) => d.name), ['acme', 'sandbox']);
    assert.deepEqual((await all(gateway().repositoryPages({ domain: 'acme' }))).map((r) => r.name), ['internal', 'npm-store']);
    assert.deepEqual(await all(gateway().repositoryPages({ domain: 'sandbox' })), []);
    const internal = await gateway().describeRepository({ domain: 'acme', repository: 'internal' });
    assert.deepEqual(internal.upstreams, ['npm-store']);
    assert.deepEqual(internal.externalConnections, []);
    assert.equal(internal.description, 'Packages built here');
    const store = await gateway().describeRepository(npmStore);
    assert.deepEqual(store.externalConnections, [{ name: 'public:npmjs', packageFormat: 'npm', status: 'Available' }]);
  });

  void test('packages page by page with a resumable token, origins read, filters sent to the service', async () => {
    const pages = [];
    for await (const page of gateway().packagePages(npmStore, {}, { pageSize: 10 })) pages.push(page);
    assert.deepEqual(pages.map((p) => p.items.length), [10, 10, 5]);
    assert.equal(typeof pages[0]?.nextToken, 'string');
    const resumed = await all(gateway().packagePages(npmStore, {}, { pageSize: 10, startToken: pages[1]?.nextToken }));
    assert.deepEqual(resumed.map((p) => p.name), pages[2]?.items.map((p) => p.name));
    const first = pages.flatMap((p) => p.items).find((p) => p.name === 'pkg-00');
    assert.deepEqual(first, { format: 'npm', namespace: 'acme', name: 'pkg-00', origin: { publish: 'ALLOW', upstream: 'ALLOW' } });
    const risky = await all(gateway().packagePages(npmStore, { publish: 'ALLOW', upstream: 'ALLOW', prefix: 'pkg-1' }));
    assert.deepEqual(risky.map((p) => p.name).sort(), ['pkg-12', 'pkg-15', 'pkg-18']);
    const sent = local.account.server.log.of('ListPackages').at(-1)!.input;
    assert.deepEqual({ publish: sent.publish, upstream: sent.upstream, packagePrefix: sent.packagePrefix }, { publish: 'ALLOW', upstream: 'ALLOW', packagePrefix: 'pkg-1' });
  });

  void test('describePackage: a missing package is undefined; a missing repository is a NotFound AwsError', async () => {
    const internal = { domain: 'acme', repository: 'internal' };
    assert.deepEqual(await gateway().describePackage(internal, { format: 'pypi', name: 'acme-etl' }), { format: 'pypi', name: 'acme-etl', origin: { publish: 'ALLOW', upstream: 'BLOCK' } });
    assert.equal(await gateway().describePackage(internal, { format: 'pypi', name: 'acme-etI' }), undefined);
    const missingRepo = await gateway().describePackage({ domain: 'acme', repository: 'nope' }, { format: 'pypi', name: 'acme-etl' }).catch((e: unknown) => e);
    assert.ok(missingRepo instanceof AwsError);
    assert.equal(missingRepo.code, 'NotFound');
  });

  void test('putPackageOrigin writes and answers the new restrictions; throttling arrives as Throttling', async () => {
    const internal = { domain: 'acme', repository: 'internal' };
    const pkg = { format: 'maven' as const, namespace: 'com.acme', name: 'orders-core' };
    assert.deepEqual(await gateway().putPackageOrigin(internal, pkg, { publish: 'BLOCK', upstream: 'BLOCK' }), { publish: 'BLOCK', upstream: 'BLOCK' });
    assert.deepEqual((await gateway().describePackage(internal, pkg))?.origin, { publish: 'BLOCK', upstream: 'BLOCK' });
    local.account.server.faults.inject({ service: 'codeartifact', operation: 'PutPackageOriginConfiguration', kind: 'throttle' });
    const throttled = await gateway().putPackageOrigin(internal, pkg, { publish: 'ALLOW', upstream: 'BLOCK' }).catch((e: unknown) => e);
    assert.ok(throttled instanceof AwsError);
    assert.equal(throttled.code, 'Throttling');
  });

  void test('package groups: the root group and the domain own ones, with modes and effective modes', async () => {
    const groups = await all(gateway().packageGroupPages({ domain: 'acme' }));
    assert.deepEqual(groups.map((g) => g.pattern), ['/*', '/npm/acme/*']);
    const acme = groups[1]!;
    assert.deepEqual(acme.externalUpstream, { mode: 'BLOCK', effectiveMode: 'BLOCK' });
    assert.deepEqual(acme.internalUpstream, { mode: 'INHERIT', effectiveMode: 'ALLOW', inheritedFrom: '/*' });
    assert.equal(acme.description, 'Acme npm scope');
    const missing = await all(gateway().packageGroupPages({ domain: 'nope' })).catch((e: unknown) => e);
    assert.ok(missing instanceof AwsError && missing.code === 'NotFound');
  });

  void test('a cancelled listing sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await all(gateway().domainPages({ signal: controller.signal })).catch((e: unknown) => e);
    assert.ok(error instanceof AwsError);
    assert.equal(error.code, 'Cancelled');
    assert.equal(local.account.server.log.of('ListDomains').length, 0);
  });
});
