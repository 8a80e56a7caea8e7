// The CodeArtifact tree through the real SDK against the local server: domains > repositories
// (upstreams and external connections) > packages with origin badges, the risky ALLOW/ALLOW
// state marked with an icon and text, paging with Load more, and a failed page that keeps the
// pages already shown.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CodeArtifactDomainNode, CodeArtifactPackageNode, CodeArtifactRepositoryNode } from '../../../src/views/codeArtifact/codeArtifactNodes';
import { CodeArtifactRoot } from '../../../src/views/codeArtifact/codeArtifactRoot';
import { ErrorNode, LoadMoreNode } from '../../../src/views/standardNodes';
import type { TreeChangeSink, ViewNode } from '../../../src/views/viewNode';
import { startLocalAccount } from '../../support/aws/localAccount';
import { awsServicesFor } from '../../support/awsServicesFor';
import { useLocalAccountSession } from '../../support/localAccountSession';

const sink: TreeChangeSink = { changed: () => undefined };
const signal = () => new AbortController().signal;

async function childrenOf(node: ViewNode): Promise<ViewNode[]> {
  assert.ok(typeof node.children === 'function', `${node.id} has children`);
  return node.children(signal());
}

void describe('CodeArtifact tree through the real SDK', () => {
  const local = useLocalAccountSession();

  async function repository(root: CodeArtifactRoot, name: string): Promise<CodeArtifactRepositoryNode> {
    const domains = await root.children(signal());
    const acme = domains.find((d): d is CodeArtifactDomainNode => d instanceof CodeArtifactDomainNode && d.summary.name === 'acme')!;
    const repos = await childrenOf(acme);
    return repos.find((r): r is CodeArtifactRepositoryNode => r instanceof CodeArtifactRepositoryNode && r.summary.name === name)!;
  }

  void test('domains > repositories > packages, with upstreams, external connections and origin badges', async () => {
    const root = new CodeArtifactRoot(local.session, sink);
    const domains = await root.children(signal());
    assert.deepEqual(domains.map((d) => d.item().label), ['acme', 'sandbox']);
    const internal = await repository(root, 'internal');
    const rows = await childrenOf(internal);
    assert.deepEqual(rows.slice(0, 2).map((r) => r.item().label), ['Upstream repositories: npm-store', 'External connections: none']);
    const packages = rows.filter((r): r is CodeArtifactPackageNode => r instanceof CodeArtifactPackageNode).map((r) => r.item());
    const labels = packages.map((p) => p.label);
    assert.ok(labels.includes('@acme/billing-client') && labels.includes('com.acme:orders-core') && labels.includes('acme-etl'), labels.join());
    const etl = packages.find((p) => p.label === 'acme-etl')!;
    assert.equal(etl.description, 'pypi · publish ALLOW · upstream BLOCK');
    assert.notEqual(etl.icon?.id, 'warning');
    const store = await repository(root, 'npm-store');
    assert.equal((await childrenOf(store))[1]?.item().label, 'External connections: public:npmjs');
  });

  void test('each domain starts with a Package groups folder: pattern and effective modes, inherited ones marked', async () => {
    const root = new CodeArtifactRoot(local.session, sink);
    const acme = (await root.children(signal()))[0] as CodeArtifactDomainNode;
    const [folder] = await childrenOf(acme);
    assert.equal(folder?.item().label, 'Package groups');
    const groups = (await childrenOf(folder!)).map((g) => g.item());
    assert.deepEqual(groups.map((g) => g.label), ['/*', '/npm/acme/*']);
    assert.equal(groups[1]?.description, 'publish ALLOW · external upstream BLOCK · internal upstream ALLOW (inherited)');
  });

  void test('the risky ALLOW/ALLOW state shows a warning icon and the word "risky" (not colour alone)', async () => {
    const root = new CodeArtifactRoot(local.session, sink);
    const kit = (await childrenOf(await repository(root, 'internal'))).map((n) => n.item()).find((i) => i.label === 'tools/deploy-kit')!;
    assert.equal(kit.icon?.id, 'warning');
    assert.match(kit.description ?? '', /^generic · ⚠ risky · publish ALLOW · upstream ALLOW$/);
    assert.match(kit.tooltip ?? '', /dependency confusion/);
  });

  void test('effective state: a package group that blocks external upstream wins over the package, and the tree says so', async () => {
    const root = new CodeArtifactRoot(local.session, sink);
    const store = await repository(root, 'npm-store');
    const items = (await childrenOf(store)).filter((n): n is CodeArtifactPackageNode => n instanceof CodeArtifactPackageNode);
    // @acme/pkg-00 is ALLOW/ALLOW itself, but /npm/acme/* blocks external upstream: not risky.
    const scoped = items.find((n) => n.summary.name === 'pkg-00' && n.summary.namespace === 'acme')!.item();
    assert.equal(scoped.description, 'npm · publish ALLOW · upstream BLOCK (group)');
    assert.notEqual(scoped.icon?.id, 'warning');
    assert.match(scoped.tooltip ?? '', /Own settings: publish ALLOW · upstream ALLOW/);
    // (Markdown escapes removed: the tooltip is Markdown.)
    assert.match((scoped.tooltip ?? '').replace(/\\/g, ''), /upstream BLOCK \(group \/npm\/acme\/\* wins\)/);
    // pkg-03 (no scope) falls under the root group /*, which allows: still risky.
    const plain = items.find((n) => n.summary.name === 'pkg-03')!.item();
    assert.equal(plain.icon?.id, 'warning');
    assert.match(plain.description ?? '', /⚠ risky/);
    assert.equal(local.account.server.log.of('ListPackageGroups').length, 1, 'groups are listed once per domain');
  });

  void test('filters run on the server: format, prefix and restriction; the repository row names the filter; clear shows all', async () => {
    const root = new CodeArtifactRoot(local.session, sink);
    const store = await repository(root, 'npm-store');
    await childrenOf(store);
    local.account.server.log.clear();
    store.setFilter({ format: 'npm', prefix: 'pkg-1', publish: 'ALLOW', upstream: 'ALLOW' });
    assert.equal(store.item().description, 'filtered: npm · prefix pkg-1 · publish ALLOW / upstream ALLOW');
    const names = (await childrenOf(store)).filter((n): n is CodeArtifactPackageNode => n instanceof CodeArtifactPackageNode).map((n) => n.summary.name);
    assert.deepEqual(names, ['pkg-12', 'pkg-18', 'pkg-15'], 'sorted by namespace: pkg-15 is @acme/pkg-15');
    const [call] = local.account.server.log.of('ListPackages');
    assert.deepEqual([call?.input.format, call?.input.packagePrefix, call?.input.publish, call?.input.upstream], ['npm', 'pkg-1', 'ALLOW', 'ALLOW']);
    store.setFilter({});
    assert.equal(store.item().description, undefined);
    assert.equal((await childrenOf(store)).filter((n) => n instanceof CodeArtifactPackageNode).length, 25);
  });

  void test('packages page by page: one ListPackages call per expand or Load more', async () => {
    const root = new CodeArtifactRoot(local.session, sink, { packagePageSize: 10 });
    const store = await repository(root, 'npm-store');
    local.account.server.log.clear();
    let rows = await childrenOf(store);
    assert.equal(rows.filter((r) => r instanceof CodeArtifactPackageNode).length, 10);
    assert.equal(local.account.server.log.of('ListPackages').length, 1);
    const more = rows.at(-1);
    assert.ok(more instanceof LoadMoreNode);
    more.loadMore();
    rows = await childrenOf(store);
    assert.equal(rows.filter((r) => r instanceof CodeArtifactPackageNode).length, 20);
    assert.equal(local.account.server.log.of('ListPackages').length, 2);
    assert.equal(local.account.server.log.of('DescribeRepository').length, 1, 'the repository detail is read once');
  });

  void test('a failed page keeps the pages shown and ends with a retry that resumes', async () => {
    const root = new CodeArtifactRoot(local.session, sink, { packagePageSize: 10 });
    const store = await repository(root, 'npm-store');
    let rows = await childrenOf(store);
    local.account.server.faults.inject({ service: 'codeartifact', operation: 'ListPackages', kind: 'serverError', times: 1 });
    (rows.at(-1) as LoadMoreNode).loadMore();
    rows = await childrenOf(store);
    assert.equal(rows.filter((r) => r instanceof CodeArtifactPackageNode).length, 10);
    const error = rows.at(-1);
    assert.ok(error instanceof ErrorNode);
    assert.doesNotMatch(error.item().label, /InternalServerException|<|\{/);
    error.retry();
    rows = await childrenOf(store);
    assert.equal(rows.filter((r) => r instanceof CodeArtifactPackageNode).length, 20);
  });

  void test('an account without domains gives no nodes (welcome content shows); refresh lists again', async () => {
    const empty = await startLocalAccount({ domains: [] });
    const emptySession = awsServicesFor({ endpoint: empty.server.endpoint, maxAttempts: 1 });
    try {
      const root = new CodeArtifactRoot(emptySession, sink);
      assert.deepEqual(await root.children(signal()), []);
      empty.codeArtifact.domains.push({ name: 'late', owner: '123456789012', createdTime: 0, repositories: [] });
      assert.deepEqual(await root.children(signal()), [], 'cached until refreshed');
      root.refresh();
      assert.deepEqual((await root.children(signal())).map((n) => n.item().label), ['late']);
    } finally {
      emptySession.dispose();
      await empty.server.close();
    }
  });
});

void describe('the demo account (npm start)', () => {
  void test('one domain, two repositories, 300 packages of npm, pypi and maven, some risky', async () => {
    const { demoDomains } = await import('../../support/aws/demoCodeArtifact');
    const demo = await startLocalAccount({ domains: demoDomains() });
    const session = awsServicesFor({ endpoint: demo.server.endpoint, maxAttempts: 1 });
    try {
      const root = new CodeArtifactRoot(session, sink, { packagePageSize: 1000 });
      const [domain, ...others] = await root.children(signal());
      assert.equal(others.length, 0);
      const repos = (await childrenOf(domain!)).filter((r): r is CodeArtifactRepositoryNode => r instanceof CodeArtifactRepositoryNode);
      assert.deepEqual(repos.map((r) => r.summary.name), ['internal', 'public-proxy']);
      const packages = [];
      for (const repo of repos) packages.push(...(await childrenOf(repo)).filter((n) => n instanceof CodeArtifactPackageNode).map((n) => n.item()));
      assert.equal(packages.length, 300);
      assert.deepEqual(new Set(packages.map((p) => p.description?.split(' · ')[0])), new Set(['npm', 'pypi', 'maven']));
      const risky = packages.filter((p) => p.icon?.id === 'warning').length;
      assert.ok(risky > 20 && risky < 100, `${risky} risky`);
    } finally {
      session.dispose();
      await demo.server.close();
    }
  });
});
