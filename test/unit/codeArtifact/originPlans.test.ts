// Bulk plans (CSV manifest with a typo, auto mode, exports) and the dependency-confusion check,
// through the real SDK client against the local CodeArtifact server (fixture domain `acme`:
// `npm-store` with an external connection, `internal` with upstream `npm-store`, group
// `/npm/acme/*` blocking external upstream).
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { codeArtifactService } from '../../../src/aws/services/codeArtifact';
import { runOperation } from '../../../src/operations/executor';
import { checkDependencies, type PackageVerdict } from '../../../src/operations/codeArtifact/dependencyConfusion';
import { readManifest } from '../../../src/operations/codeArtifact/manifests';
import { originTarget, type OriginPlanTarget } from '../../../src/operations/codeArtifact/originOperation';
import { ManifestError, originPlanAuto, originPlanFromManifest, parseManifestCsv, planFromJson, planRows, planToCsv, planToJson, planToMarkdown } from '../../../src/operations/codeArtifact/originPlans';
import { codeArtifactFixture } from '../../support/aws/services/codeArtifact';
import { useLocalAccountSession } from '../../support/localAccountSession';

const STORE: OriginPlanTarget = { account: '123456789012', region: 'us-east-1', domain: 'acme', repository: 'npm-store' };
const INTERNAL: OriginPlanTarget = { ...STORE, repository: 'internal' };

void describe('CodeArtifact bulk plans and the dependency-confusion check (real SDK)', () => {
  const local = useLocalAccountSession();
  const gateway = () => local.session.gateway(codeArtifactService);
  const puts = () => local.account.server.log.of('PutPackageOriginConfiguration').length;
  beforeEach(() => {
    local.account.codeArtifact.domains.splice(0, Infinity, ...codeArtifactFixture());
  });

  void test('CSV manifest: header optional, bad rows named by line', () => {
    const rows = parseManifestCsv('format,namespace,package,publish,upstream\nnpm,acme,pkg-00,,BLOCK\npypi,,Acme_ETL,BLOCK,\n');
    assert.deepEqual(rows.map((r) => [r.coordinates.namespace ?? '', r.coordinates.name, r.intent]), [
      ['acme', 'pkg-00', { upstream: 'BLOCK' }],
      ['', 'acme-etl', { publish: 'BLOCK' }],
    ]);
    assert.throws(() => parseManifestCsv('npm,,x,MAYBE,\n'), (e: unknown) => e instanceof ManifestError && /Line 1: publish must be ALLOW, BLOCK/.test(e.message));
    assert.throws(() => parseManifestCsv('npm,,ok,BLOCK,\nrpm,,x,BLOCK,\n'), /Line 2: "rpm" is not a CodeArtifact format/);
    assert.throws(() => parseManifestCsv('npm,,x,,\n'), /both are empty/);
  });

  void test('a manifest with a typo: the typo is left out and reported, never written (no phantom package)', async () => {
    const before = local.account.codeArtifact.domains[0]!.repositories[0]!.packages.length;
    const built = await originPlanFromManifest(gateway(), STORE, 'npm,,pkg-03,,BLOCK\nnpm,,pkg-3,,BLOCK\nnpm,acme,pkg-05,BLOCK,BLOCK\n');
    assert.deepEqual(built.plan.items.map((i) => i.key), ['["npm","","pkg-03"]', '["npm","acme","pkg-05"]']);
    assert.equal(built.skipped.length, 1);
    assert.match(built.skipped[0]!.label + built.skipped[0]!.reason, /npm pkg-3not in the repository \(a typo\?\).*create it/);
    const report = await runOperation({ plan: built.plan, target: originTarget(gateway(), STORE) });
    assert.deepEqual([report.counts.ok, puts()], [2, 2]);
    assert.equal(local.account.codeArtifact.domains[0]!.repositories[0]!.packages.length, before, 'no package was created');
  });

  void test('auto mode: upstream blocked only where nothing upstream can supply it; publish blocked only where every version is external', async () => {
    const internal = await originPlanAuto(gateway(), INTERNAL);
    // internal: no external connection; upstream npm-store does not hold deploy-kit (ALLOW/ALLOW), others already block upstream.
    assert.deepEqual(internal.plan.items.map((i) => [i.key, i.intent]), [['["generic","tools","deploy-kit"]', { upstream: 'BLOCK' }]]);
    assert.match(internal.reasons.get('["generic","tools","deploy-kit"]')!, /no external connection, and no upstream repository holds it/);
    // npm-store has an external connection: upstream never blocked. pkg-03 (ALLOW/ALLOW) gets only external versions.
    const store = local.account.codeArtifact.domains[0]!.repositories[0]!;
    store.packages.find((p) => p.name === 'pkg-03')!.versions = [{ version: '1.0.0', origin: 'EXTERNAL' }, { version: '1.1.0', origin: 'EXTERNAL' }];
    store.packages.find((p) => p.name === 'pkg-06')!.versions = [{ version: '1.0.0', origin: 'EXTERNAL' }, { version: '2.0.0', origin: 'INTERNAL' }];
    const auto = await originPlanAuto(gateway(), STORE);
    assert.deepEqual(auto.plan.items.map((i) => [i.key, i.intent]), [['["npm","","pkg-03"]', { publish: 'BLOCK' }]]);
    assert.equal(puts(), 0, 'planning writes nothing');
  });

  void test('exports: CSV reads back as a manifest, JSON as the same plan; the Markdown table names target and counts', async () => {
    const built = await originPlanFromManifest(gateway(), STORE, 'npm,,pkg-03,,BLOCK\nnpm,,"=cmd|x",,BLOCK\nnpm,acme,pkg-05,BLOCK,BLOCK\n');
    const dryRun = await runOperation({ plan: built.plan, target: originTarget(gateway(), STORE), mode: 'dry-run' });
    const rows = planRows(built.plan, dryRun, built.reasons);
    const csv = planToCsv(rows);
    assert.deepEqual(parseManifestCsv(csv).map((r) => [r.coordinates.name, r.intent]), [['pkg-03', { upstream: 'BLOCK' }], ['pkg-05', { publish: 'BLOCK', upstream: 'BLOCK' }]]);
    assert.deepEqual(planFromJson(planToJson(built.plan, rows)), built.plan);
    assert.throws(() => planFromJson('{"operation":"codeartifact.originControl","target":{},"items":[{"key":"[\\"npm\\",\\"\\",\\"x\\"]","before":{"publish":"MAYBE"},"intent":{}}]}'), /Plan item 1 is not valid/);
    const md = planToMarkdown(built.plan, rows, built.skipped);
    assert.match(md, /Account \*\*123456789012\*\*, region \*\*us-east-1\*\*, 2 package\(s\) in the plan: 2 would-write/);
    assert.match(md, /\| 1 \| pkg-03 \| npm \| ALLOW\/ALLOW \| upstream BLOCK \| would-write \|/);
    assert.match(md, /## Left out \(1\)/);
    assert.equal(puts(), 0);
  });

  void test('dependency confusion: only internal packages whose effective origin allows upstream are flagged, on their line', async () => {
    const text = '{\n  "dependencies": {\n    "pkg-03": "1",\n    "@acme/pkg-00": "1",\n    "pkg-01": "1",\n    "lodash": "4"\n  }\n}\n';
    const deps = readManifest('package.json', text);
    const cache = new Map<string, PackageVerdict>();
    const result = await checkDependencies(deps, { gateway: gateway(), location: STORE, cache });
    // pkg-03: ALLOW/ALLOW, published here. @acme/pkg-00: ALLOW/ALLOW but group /npm/acme/* blocks external upstream.
    // pkg-01: BLOCK/ALLOW (came from upstream: not internal). lodash: not in the repository.
    assert.deepEqual(result.findings.map((f) => [f.dependency.written, f.dependency.range.start.line]), [['pkg-03', 2]]);
    assert.match(result.findings[0]!.message, /internal package of acme\/npm-store .* allow upstream.*dependency confusion/);
    assert.deepEqual([result.unique, result.asked, result.inRepository], [4, 4, 3]);
    const calls = local.account.server.log.entries.length;
    const again = await checkDependencies(deps, { gateway: gateway(), location: STORE, cache });
    assert.deepEqual([again.findings.length, again.asked, local.account.server.log.entries.length], [1, 0, calls], 'answered from the cache');
    // The fix: block upstream; the next check (fresh cache) is clean.
    local.account.codeArtifact.domains[0]!.repositories[0]!.packages.find((p) => p.name === 'pkg-03')!.origin.upstream = 'BLOCK';
    assert.equal((await checkDependencies(deps, { gateway: gateway(), location: STORE })).findings.length, 0);
  });

  void test('dependency confusion: cancel stops the check', async () => {
    const deps = readManifest('package.json', JSON.stringify({ dependencies: Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`pkg-${String(i).padStart(2, '0')}`, '1'])) }));
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(checkDependencies(deps, { gateway: gateway(), location: STORE, signal: controller.signal }));
  });
});
