// OperationSignal: a command's work stops on the user's cancel or when the connection moves to
// other services (the old session's clients are about to be destroyed), and says which.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AwsServices } from '../../../src/views/awsServices';
import { OperationSignal, type CancelToken, type ServicesSource } from '../../../src/views/operationSignal';
import { awsServicesFor } from '../../support/awsServicesFor';

/** No gateway is used here: the session never sends a request. */
function fakeServices(profile: string): AwsServices {
  return awsServicesFor({ profile });
}

/** A tiny event source with a count of live listeners (to check that dispose unsubscribes). */
function emitter(): { on(listener: () => void): { dispose(): void }; fire(): void; readonly listeners: number } {
  const listeners = new Set<() => void>();
  return {
    on: (listener) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    fire: () => {
      for (const listener of [...listeners]) listener();
    },
    get listeners() {
      return listeners.size;
    },
  };
}

function connection(initial: AwsServices | undefined): ServicesSource & { set(next: AwsServices | undefined): void; readonly listeners: number } {
  let current = initial;
  const changes = emitter();
  return {
    services: () => current,
    onDidChange: (listener) => changes.on(listener),
    set(next) {
      current = next;
      changes.fire();
    },
    get listeners() {
      return changes.listeners;
    },
  };
}

function token(): CancelToken & { cancel(): void } {
  const cancels = emitter();
  let requested = false;
  return {
    get isCancellationRequested() {
      return requested;
    },
    onCancellationRequested: (listener) => cancels.on(listener),
    cancel() {
      requested = true;
      cancels.fire();
    },
  };
}

void describe('OperationSignal', () => {
  void test('the user cancel aborts with reason "cancelled"; a token cancelled before the start aborts at once', () => {
    const cancel = token();
    const operation = new OperationSignal({ token: cancel, connection: connection(fakeServices('a')) });
    assert.equal(operation.signal.aborted, false);
    cancel.cancel();
    assert.equal(operation.signal.aborted, true);
    assert.equal(operation.reason, 'cancelled');

    const early = token();
    early.cancel();
    assert.equal(new OperationSignal({ token: early }).reason, 'cancelled');
  });

  void test('a change to other services (or none) aborts with "connectionChanged"; a change that keeps them does not', () => {
    const first = fakeServices('demo');
    const conn = connection(first);
    const operation = new OperationSignal({ connection: conn });
    conn.set(first);
    assert.equal(operation.signal.aborted, false, 'same session: e.g. a status refresh');
    conn.set(undefined);
    assert.equal(operation.reason, 'connectionChanged');

    const stale = new OperationSignal({ connection: connection(fakeServices('new')), services: first });
    assert.equal(stale.reason, 'connectionChanged', 'work on services the connection no longer serves stops at once');
  });

  void test('the first reason wins, and dispose unsubscribes from both sources', () => {
    const cancel = token();
    const conn = connection(fakeServices('a'));
    const operation = new OperationSignal({ token: cancel, connection: conn });
    conn.set(fakeServices('b'));
    cancel.cancel();
    assert.equal(operation.reason, 'connectionChanged');
    operation.dispose();
    assert.equal(conn.listeners, 0);
  });
});
