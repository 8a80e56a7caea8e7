// Manifest and lockfile readers, CodeArtifact name mapping and package-group matching: pure
// functions over text, with the exact place of each dependency name.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readManifest, manifestReader } from '../../../src/operations/codeArtifact/manifests';
import { coordinatesOf, normalizePackageName, packagePath } from '../../../src/operations/codeArtifact/packageNames';
import { associatedGroup, effectiveOrigin, parseGroupPattern, suggestGroupPatterns } from '../../../src/operations/codeArtifact/packageGroups';
import type { PackageGroupSummary } from '../../../src/aws/codeArtifactGateway';

/** The text a dependency's range covers. */
function at(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split(/\r?\n/);
  assert.equal(range.start.line, range.end.line);
  return lines[range.start.line]!.slice(range.start.character, range.end.character);
}

void describe('manifest readers', () => {
  void test('package.json: every dependency section, ranges on the name', () => {
    const text = '{\n  "name": "app",\n  "dependencies": {\n    "@acme/billing-client": "^1.0.0",\n    "lodash": "4"\n  },\n  "devDependencies": { "acme-orders-core-cli": "1" }\n}\n';
    const deps = readManifest('/w/package.json', text);
    assert.deepEqual(deps.map((d) => [d.written, d.coordinates.namespace ?? '', d.coordinates.name, d.range.start.line]), [
      ['@acme/billing-client', 'acme', 'billing-client', 3],
      ['lodash', '', 'lodash', 4],
      ['acme-orders-core-cli', '', 'acme-orders-core-cli', 6],
    ]);
    for (const d of deps) assert.equal(at(text, d.range), d.written);
  });

  void test('package-lock.json v3: nested node_modules paths give the last package, ranges on the name', () => {
    const text = '{\n  "lockfileVersion": 3,\n  "packages": {\n    "": { "name": "app" },\n    "node_modules/@acme/auth-core": { "version": "1.0.0" },\n    "node_modules/a/node_modules/left-pad": { "version": "1.3.0" }\n  }\n}\n';
    const deps = readManifest('package-lock.json', text);
    assert.deepEqual(deps.map((d) => d.written), ['@acme/auth-core', 'left-pad']);
    for (const d of deps) assert.equal(at(text, d.range), d.written);
  });

  void test('package-lock.json v1: nested dependencies', () => {
    const text = '{"lockfileVersion":1,"dependencies":{"a":{"version":"1","dependencies":{"b":{"version":"2"}}}}}';
    assert.deepEqual(readManifest('package-lock.json', text).map((d) => d.written).sort(), ['a', 'b']);
  });

  void test('requirements.txt: names normalised, options, URLs and comments skipped', () => {
    const text = '# tools\nAcme_ETL[extra]>=1.0 ; python_version > "3"\n-r other.txt\n--index-url https://x\nrequests==2.31\n  acme.ledger.core\nhttps://example.com/pkg.whl\n\n';
    const deps = readManifest('requirements-dev.txt', text);
    assert.deepEqual(deps.map((d) => [d.written, d.coordinates.name, d.range.start.line]), [
      ['Acme_ETL', 'acme-etl', 1],
      ['requests', 'requests', 4],
      ['acme.ledger.core', 'acme-ledger-core', 5],
    ]);
    for (const d of deps) assert.equal(at(text, d.range), d.written);
  });

  void test('yarn.lock, poetry.lock, Pipfile.lock, pom.xml, csproj, packages.lock.json', () => {
    const yarn = '# yarn lockfile v1\n\n"@acme/x@^1.0.0", "@acme/x@^1.2.0":\n  version "1.2.0"\n\nleft-pad@^1.3.0:\n  version "1.3.0"\n';
    assert.deepEqual(readManifest('yarn.lock', yarn).map((d) => [d.written, d.range.start.line]), [['@acme/x', 2], ['left-pad', 5]]);
    const poetry = '[[package]]\nname = "Acme-Ledger"\nversion = "1"\n\n[package.dependencies]\nname = "not-a-package"\n';
    assert.deepEqual(readManifest('poetry.lock', poetry).map((d) => d.coordinates.name), ['acme-ledger']);
    assert.deepEqual(readManifest('Pipfile.lock', '{"default":{"acme-etl":{}},"develop":{"pytest":{}}}').map((d) => d.written), ['acme-etl', 'pytest']);
    const pom = '<project>\n<dependencies>\n  <dependency>\n    <groupId>com.acme</groupId>\n    <artifactId>orders-core</artifactId>\n  </dependency>\n  <dependency><groupId>${x}</groupId><artifactId>skip</artifactId></dependency>\n</dependencies>\n</project>\n';
    const pomDeps = readManifest('pom.xml', pom);
    assert.deepEqual(pomDeps.map((d) => [d.coordinates.namespace, d.coordinates.name, d.range.start.line]), [['com.acme', 'orders-core', 4]]);
    assert.equal(at(pom, pomDeps[0]!.range), 'orders-core');
    const csproj = '<Project>\n  <ItemGroup>\n    <PackageReference Include="Acme.Billing" Version="1.0" />\n  </ItemGroup>\n</Project>\n';
    const cs = readManifest('App.csproj', csproj);
    assert.deepEqual(cs.map((d) => d.coordinates.name), ['acme.billing']);
    assert.equal(at(csproj, cs[0]!.range), 'Acme.Billing');
    assert.deepEqual(readManifest('packages.lock.json', '{"version":1,"dependencies":{"net8.0":{"Acme.Core":{}}}}').map((d) => d.coordinates.name), ['acme.core']);
  });

  void test('hostile input: prototype names are plain names, bad JSON and odd names read as nothing, unknown files have no reader', () => {
    const deps = readManifest('package.json', '{"dependencies":{"__proto__":"1","constructor":"2","a b":"3","@x":"4"}}');
    assert.deepEqual(deps.map((d) => d.written), ['__proto__', 'constructor']);
    assert.deepEqual(readManifest('package.json', '{"dependencies": {'), []);
    assert.equal(manifestReader('README.md'), undefined);
    assert.deepEqual(readManifest('requirements.txt', 'x'.repeat(300)), []);
  });
});

void describe('CodeArtifact names', () => {
  void test('normalisation per format and coordinates of written names', () => {
    assert.equal(normalizePackageName('pypi', 'Acme__ETL.core-x'), 'acme-etl-core-x');
    assert.equal(normalizePackageName('nuget', 'Acme.Core'), 'acme.core');
    assert.equal(normalizePackageName('npm', 'Left-Pad'), 'Left-Pad');
    assert.deepEqual(coordinatesOf('npm', '@acme/ui'), { format: 'npm', namespace: 'acme', name: 'ui' });
    assert.deepEqual(coordinatesOf('maven', 'com.acme:orders-core'), { format: 'maven', namespace: 'com.acme', name: 'orders-core' });
    assert.equal(coordinatesOf('maven', 'a:b:c'), undefined);
    assert.equal(coordinatesOf('npm', '@acme'), undefined);
    assert.equal(packagePath({ format: 'pypi', name: 'acme-etl' }), '/pypi//acme-etl');
  });
});

void describe('package groups on the client', () => {
  const group = (pattern: string, external: 'ALLOW' | 'BLOCK' | 'INHERIT' = 'INHERIT'): PackageGroupSummary => ({
    pattern,
    externalUpstream: { mode: external, effectiveMode: external === 'INHERIT' ? 'ALLOW' : external },
    publish: { mode: 'INHERIT', effectiveMode: 'ALLOW' },
  });

  void test('pattern syntax: valid forms parse, others do not', () => {
    for (const p of ['/*', '/npm/*', '/maven/com.acme~', '/npm/acme/*', '/npm/acme/ui-~', '/maven/org.x/core$', '/pypi//acme-~']) assert.notEqual(parseGroupPattern(p), undefined, p);
    for (const p of ['npm/*', '/npm', '/npm/acme', '/NPM/*', '/npm/a/b/c$']) assert.equal(parseGroupPattern(p), undefined, p);
  });

  void test('the most specific group wins', () => {
    const groups = [group('/*'), group('/npm/*'), group('/npm/acme/*'), group('/npm/acme/ui-~'), group('/npm/acme/ui-kit$'), group('/maven/com.acme~')];
    assert.equal(associatedGroup(groups, { format: 'npm', namespace: 'acme', name: 'ui-kit' })?.pattern, '/npm/acme/ui-kit$');
    assert.equal(associatedGroup(groups, { format: 'npm', namespace: 'acme', name: 'ui-grid' })?.pattern, '/npm/acme/ui-~');
    assert.equal(associatedGroup(groups, { format: 'npm', namespace: 'acme', name: 'billing' })?.pattern, '/npm/acme/*');
    assert.equal(associatedGroup(groups, { format: 'npm', name: 'lodash' })?.pattern, '/npm/*');
    assert.equal(associatedGroup(groups, { format: 'maven', namespace: 'com.acme.orders', name: 'core' })?.pattern, '/maven/com.acme~');
    assert.equal(associatedGroup(groups, { format: 'pypi', name: 'x' })?.pattern, '/*');
  });

  void test('effective origin: BLOCK from either side wins, and says which', () => {
    const e = effectiveOrigin({ publish: 'ALLOW', upstream: 'ALLOW' }, group('/npm/acme/*', 'BLOCK'));
    assert.deepEqual([e.publish.value, e.publish.decidedBy, e.upstream.value, e.upstream.decidedBy, e.group], ['ALLOW', 'both', 'BLOCK', 'group', '/npm/acme/*']);
    const own = effectiveOrigin({ publish: 'ALLOW', upstream: 'BLOCK' }, group('/*'));
    assert.deepEqual([own.upstream.value, own.upstream.decidedBy], ['BLOCK', 'package']);
    assert.equal(effectiveOrigin({ publish: 'BLOCK', upstream: 'ALLOW' }, undefined).upstream.decidedBy, 'package');
  });

  void test('group suggestions: shared namespace or name prefix, with what else they would catch', () => {
    const targets = Array.from({ length: 8 }, (_, i) => ({ format: 'npm' as const, namespace: 'acme', name: `svc-${i}` }));
    const pypi = Array.from({ length: 6 }, (_, i) => ({ format: 'pypi' as const, name: `acme-${i}` }));
    const all = [...targets, ...pypi, { format: 'npm' as const, namespace: 'acme', name: 'other' }, { format: 'pypi' as const, name: 'acme-extra' }];
    const suggestions = suggestGroupPatterns([...targets, ...pypi], all);
    // Equal cover: the pattern that catches nothing else comes first.
    assert.deepEqual(suggestions.map((s) => [s.pattern, s.covers, s.alsoCovers]), [
      ['/npm/acme/svc-~', 8, 0],
      ['/npm/acme/*', 8, 1],
      ['/pypi//acme-~', 6, 1],
    ]);
    assert.deepEqual(suggestGroupPatterns(targets.slice(0, 2), all), []);
  });
});
