// pnpm-lock.yaml in the dependency-confusion check: v5, v6 and v9 lockfiles as a table (name,
// namespace, line, and the range covering exactly the name), plus hostile input.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_DEPENDENCIES, MAX_MANIFEST_BYTES, manifestReader, readManifest } from '../../../src/operations/codeArtifact/manifests';
import type { Range } from '../../../src/engine/document/lineIndex';

function at(text: string, range: Range): string {
  const lines = text.split('\n');
  return lines[range.start.line]!.slice(range.start.character, range.end.character);
}

const V6 = `lockfileVersion: '6.0'

importers:

  .:
    dependencies:
      '@acme/billing-client':
        specifier: ^1.0.0
        version: 1.2.0
      left-pad:
        specifier: ^1.3.0
        version: 1.3.0
    devDependencies:
      typescript:
        specifier: 5.4.0
        version: 5.4.0

  packages/app:
    dependencies:
      '@acme/ui-kit':
        specifier: workspace:*
        version: link:../ui

packages:

  /@acme/billing-client@1.2.0:
    resolution: {integrity: sha512-x}
    dependencies:
      '@acme/ledger': 2.0.0
    dev: false

  /@acme/ledger@2.0.0(react@18.2.0):
    resolution: {integrity: sha512-y}

  /left-pad@1.3.0:
    resolution: {integrity: sha512-z}
`;

const V9 = `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      "@acme/x":
        specifier: ^1.0.0
        version: 1.0.0
      lodash:
        specifier: ^4
        version: 4.17.21

packages:

  '@acme/x@1.0.0':
    resolution: {integrity: sha512-a}

  '@acme/deep@3.0.0':
    resolution: {integrity: sha512-b}

  lodash@4.17.21:
    resolution: {integrity: sha512-c}

snapshots:

  '@acme/x@1.0.0':
    dependencies:
      '@acme/deep': 3.0.0
`;

const V5 = `lockfileVersion: 5.4

specifiers:
  left-pad: ^1.3.0

dependencies:
  left-pad: 1.3.0
  '@acme/core': 1.0.0

packages:

  /left-pad/1.3.0:
    resolution: {integrity: sha512-z}

  /@acme/core/1.0.0:
    resolution: {integrity: sha512-q}

  /@acme/transitive/2.0.0:
    resolution: {integrity: sha512-r}
`;

const CASES: readonly { readonly name: string; readonly text: string; readonly expected: readonly [written: string, namespace: string | undefined, name: string, line: number][] }[] = [
  {
    name: 'v6: importers (every importer, every dependency section), then transitive packages keys',
    text: V6,
    expected: [
      ['@acme/billing-client', 'acme', 'billing-client', 6],
      ['left-pad', undefined, 'left-pad', 9],
      ['typescript', undefined, 'typescript', 13],
      ['@acme/ui-kit', 'acme', 'ui-kit', 19],
      ['@acme/ledger', 'acme', 'ledger', 31],
    ],
  },
  {
    name: 'v9: double-quoted importer keys, packages keys without a leading slash, snapshots ignored',
    text: V9,
    expected: [
      ['@acme/x', 'acme', 'x', 6],
      ['lodash', undefined, 'lodash', 9],
      ['@acme/deep', 'acme', 'deep', 18],
    ],
  },
  {
    name: 'v5: top-level dependencies (specifiers ignored), packages keys /name/version',
    text: V5,
    expected: [
      ['left-pad', undefined, 'left-pad', 6],
      ['@acme/core', 'acme', 'core', 7],
      ['@acme/transitive', 'acme', 'transitive', 17],
    ],
  },
];

void describe('pnpm-lock.yaml', () => {
  for (const c of CASES) {
    void test(c.name, () => {
      const deps = readManifest('pnpm-lock.yaml', c.text);
      assert.deepEqual(
        deps.map((d) => [d.written, d.coordinates.namespace, d.coordinates.name, d.range.start.line]),
        c.expected,
      );
      // Each finding's range covers exactly the name on its line.
      for (const d of deps) assert.equal(at(c.text, d.range), d.written);
      for (const d of deps) assert.equal(d.format, 'npm');
    });
  }

  void test('the reader is chosen by base name, also in a subfolder and with Windows separators', () => {
    assert.ok(manifestReader('packages/app/pnpm-lock.yaml'));
    assert.ok(manifestReader('C:\\repo\\pnpm-lock.yaml'));
    assert.equal(manifestReader('pnpm-workspace.yaml'), undefined);
  });

  void test('hostile input: prototype names are plain names, junk reads as nothing, size and count are bounded', () => {
    const proto = "importers:\n  .:\n    dependencies:\n      __proto__:\n        version: 1.0.0\n      constructor:\n        version: 1.0.0\n      'a b':\n        version: 1\n";
    assert.deepEqual(readManifest('pnpm-lock.yaml', proto).map((d) => d.written), ['__proto__', 'constructor']);
    for (const junk of ['', ':::', 'importers: [1, 2]', '\u0000\u0001', "packages:\n  '@':\n  /@/1:\n  '':\n"]) assert.deepEqual(readManifest('pnpm-lock.yaml', junk), [], JSON.stringify(junk));
    // Too large to read: nothing, without splitting 50 MB into lines.
    assert.deepEqual(readManifest('pnpm-lock.yaml', `packages:\n  /a@1:\n${' '.repeat(MAX_MANIFEST_BYTES)}`), []);
    // At most MAX_DEPENDENCIES names from one file.
    const many = ['importers:', '  .:', '    dependencies:', ...Array.from({ length: MAX_DEPENDENCIES + 10 }, (_, i) => `      p${i}: 1.0.0`)].join('\n');
    assert.equal(readManifest('pnpm-lock.yaml', many).length, MAX_DEPENDENCIES);
    // A key line 100,000 characters long is not a name (bounded regex, no catastrophic backtracking).
    const started = Date.now();
    assert.deepEqual(readManifest('pnpm-lock.yaml', `importers:\n  .:\n    dependencies:\n      ${'a'.repeat(100_000)}:\n`), []);
    assert.ok(Date.now() - started < 2000);
  });
});
