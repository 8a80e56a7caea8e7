/**
 * The extension must not evaluate the AWS SDK while it starts (issue 11: it activates on any JSON
 * or YAML file): service descriptors and credential providers `require` the SDK on first use.
 * Checked on the real bundle graph: esbuild's metafile of the extension entry, following only
 * static `import` edges (what is evaluated at load), must reach no `@aws-sdk/*` module, while
 * the bundle still holds the SDK behind `require` calls. And the stack statuses written out for
 * that reason must equal the SDK's enum.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { StackStatus } from '@aws-sdk/client-cloudformation';
import { build } from 'esbuild';
import { STACK_STATUSES } from '../../../src/aws/stackStatuses';

const repoRoot = path.join(__dirname, '..', '..', '..');

describe('the AWS SDK is loaded on first use', () => {
  test('no static import path from the extension entry reaches @aws-sdk', async () => {
    const entry = 'src/extension/extension.ts';
    const result = await build({ entryPoints: [entry], absWorkingDir: repoRoot, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], write: false, metafile: true, outfile: 'out.js', logLevel: 'silent' });
    const inputs = result.metafile.inputs;
    const importer = new Map<string, string | undefined>([[entry, undefined]]);
    const queue = [entry];
    while (queue.length > 0) {
      const file = queue.shift()!;
      for (const imported of inputs[file]?.imports ?? []) {
        if (imported.kind !== 'import-statement' || imported.external || importer.has(imported.path)) continue;
        importer.set(imported.path, file);
        queue.push(imported.path);
      }
    }
    const chain = (file: string): string => {
      const files: string[] = [];
      for (let at: string | undefined = file; at !== undefined; at = importer.get(at)) files.unshift(at);
      return files.join(' -> ');
    };
    const eager = [...importer.keys()].filter((file) => file.includes('node_modules/@aws-sdk/'));
    assert.deepEqual(eager.slice(0, 3).map(chain), [], 'SDK modules evaluated at start-up');
    assert.ok(Object.keys(inputs).some((file) => file.includes('node_modules/@aws-sdk/client-cloudformation/')), 'the SDK is still in the bundle, behind require');
  });

  test('the written-out stack statuses are the SDK enum', () => {
    assert.deepEqual([...STACK_STATUSES].sort(), Object.values(StackStatus).sort());
  });
});
