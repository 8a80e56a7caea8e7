// The ArchLens output channel masks secrets at the sink, for every writer and argument shape.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as vscode from 'vscode';
import { redactingLogChannel } from '../../../src/extension/redactingLog';
import { REDACTED } from '../../../src/aws/redact';

const PASSWORD = 'hunter2-correct-horse';

/** A minimal channel that records what reaches it (the real one is VS Code's; only its writers matter here). */
function recordingChannel(): { channel: vscode.LogOutputChannel; lines: string[] } {
  const lines: string[] = [];
  const write = (...args: unknown[]): void => {
    lines.push(args.map((a) => String(a)).join(' '));
  };
  const channel = { name: 'ArchLens', info: write, warn: write, error: write, debug: write, trace: write, append: write, appendLine: write, replace: write, show: () => lines.push('shown') };
  return { channel: channel as unknown as vscode.LogOutputChannel, lines };
}

void test('every writer of the wrapped channel masks secrets', () => {
  const { channel, lines } = recordingChannel();
  const log = redactingLogChannel(channel);
  log.info(`AWS: endpoint https://admin:${PASSWORD}@proxy.internal:8443/`);
  log.warn(`DB_PASS=${PASSWORD}`);
  log.error(new Error(`connect ECONNREFUSED postgres://app:${PASSWORD}@db:5432`));
  log.appendLine(`[server] API_KEY=${PASSWORD}`);
  log.append(`Password=${PASSWORD};`);
  assert.equal(lines.length, 5);
  for (const line of lines) {
    assert.ok(!line.includes(PASSWORD), line);
    assert.ok(line.includes(REDACTED), line);
  }
});

void test('other members pass through to the channel', () => {
  const { channel, lines } = recordingChannel();
  const log = redactingLogChannel(channel);
  assert.equal(log.name, 'ArchLens');
  log.show();
  assert.deepEqual(lines, ['shown']);
});
