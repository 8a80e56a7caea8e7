// A cloud assembly is workspace content: a staged asset that is a link to /dev/zero, or a FIFO,
// must not hang or exhaust the reader (issue 18's "files that are not files", for cdk.out).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { sameBytesIn } from '../../../src/node/cdk/stagedAssets';

test('a staged asset linked to /dev/zero or a FIFO matches nothing, at once', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-staged-'));
  fs.writeFileSync(path.join(dir, 'api.yaml'), 'openapi: 3.0.3\n');
  const linked = path.join(dir, 'asset.0123456789abcdef.yaml');
  try {
    fs.symlinkSync('/dev/zero', linked);
  } catch {
    t.skip('symlinks are not available here');
    return;
  }
  assert.equal(sameBytesIn(dir, linked), undefined);
  const fifo = path.join(dir, 'asset.fedcba9876543210.yaml');
  try {
    execFileSync('mkfifo', [fifo]);
  } catch {
    return; // no mkfifo (not Linux/macOS): the link case above was checked
  }
  assert.equal(sameBytesIn(dir, fifo), undefined);
});

test('a staged asset finds the project file with the same bytes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-staged-'));
  fs.mkdirSync(path.join(dir, 'api'));
  fs.writeFileSync(path.join(dir, 'api', 'openapi.yaml'), 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\n');
  fs.mkdirSync(path.join(dir, 'cdk.out'));
  const staged = path.join(dir, 'cdk.out', 'asset.0123456789abcdef.yaml');
  fs.copyFileSync(path.join(dir, 'api', 'openapi.yaml'), staged);
  assert.equal(sameBytesIn(dir, staged), path.join(dir, 'api', 'openapi.yaml'));
});
