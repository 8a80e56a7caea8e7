/**
 * The CLI loader (src/cli/bootstrap.ts, dist/cli.js) runs the CLI bundle and the OpenAPI
 * validators' bundle with the V8 code caches the build made (dist/cliMain.cache,
 * dist/openapiValidators.cache): each cache belongs to its very bundle and V8 accepts it; a cache
 * that is garbage or made for another build never changes what the CLI does.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as vm from 'node:vm';

const dist = path.join(__dirname, '..', '..', 'dist');

function stampOf(file: string): string {
  const stat = fs.statSync(file);
  return `${stat.size}:${Math.trunc(stat.mtimeMs)}`;
}

describe('the CLI code cache', () => {
  for (const name of ['cliMain', 'openapiValidators']) {
    test(`the build made a cache for ${name}.js, and V8 accepts it`, () => {
      const bundle = path.join(dist, `${name}.js`);
      const data = fs.readFileSync(path.join(dist, `${name}.cache`));
      const newline = data.indexOf(10);
      assert.equal(data.subarray(0, newline).toString('utf8'), stampOf(bundle));
      const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), { filename: bundle, cachedData: data.subarray(newline + 1) });
      assert.equal(script.cachedDataRejected, false);
    });
  }

  test('a garbage cache or one for another build leaves the CLI working as without it', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-cache-'));
    try {
      for (const file of ['cli.js', 'cliMain.js', 'openapiValidators.js']) fs.copyFileSync(path.join(dist, file), path.join(folder, file));
      fs.symlinkSync(path.join(dist, 'catalog'), path.join(folder, 'catalog'));
      const template = path.join(folder, 't.yaml');
      fs.writeFileSync(template, 'Resources:\n  Q:\n    Type: AWS::SQS::Queu\n');
      // An OpenAPI document the official schema rejects: the validators' bundle is loaded and run.
      const api = path.join(folder, 'api.yaml');
      fs.writeFileSync(api, 'openapi: 3.0.3\ninfo:\n  title: t\n  version: 1\npaths:\n  /a:\n    get:\n      responses: {}\n');
      const lint = (): { status: number | null; stdout: string } => spawnSync(process.execPath, [path.join(folder, 'cli.js'), 'lint', '--format', 'json', template, api], { encoding: 'utf8' });
      const without = lint();
      assert.equal(without.status, 1, 'the typo is an error');
      assert.match(without.stdout, /cfn-unknown-resource-type/);
      assert.match(without.stdout, /oas-schema/);
      for (const name of ['cliMain', 'openapiValidators']) {
        const stamp = stampOf(path.join(folder, `${name}.js`));
        for (const cache of [Buffer.concat([Buffer.from(`${stamp}\n`), Buffer.from('not a cache')]), Buffer.concat([Buffer.from('1:2\n'), fs.readFileSync(path.join(dist, `${name}.cache`))])]) {
          fs.writeFileSync(path.join(folder, `${name}.cache`), cache);
          const withCache = lint();
          assert.equal(withCache.status, without.status);
          assert.equal(withCache.stdout, without.stdout);
        }
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
