// A bad `Content-Length` from the client used to leave the stdio server running but deaf, so
// the client never restarted it (issue 18). Now it exits with code 1 and says why on stderr.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';

const serverPath = path.join(__dirname, '..', '..', '..', 'dist', 'server.js');

test('a malformed Content-Length ends the stdio server with exit code 1', async () => {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stdin.write('Content-Length: abc\r\n\r\n{}');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
  const outcome = await Promise.race([exited, timeout]);
  if (outcome === 'timeout') child.kill();
  assert.equal(outcome, 1, 'the server exits with code 1');
  assert.match(stderr, /unreadable message from the client \(Content-Length value must be a number/);
});
