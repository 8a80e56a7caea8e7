import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { DiagnosticsBook } from '../../../src/server/diagnosticsBook';

const diagnostic = (message: string): Diagnostic => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message, source: 'archlens' });

/** A book that records what it publishes. */
function recordingBook(): { book: DiagnosticsBook; latest: (uri: string) => PublishDiagnosticsParams | undefined; count: () => number } {
  const sent: PublishDiagnosticsParams[] = [];
  const book = new DiagnosticsBook((params) => sent.push(params));
  return { book, latest: (uri) => sent.filter((params) => params.uri === uri).at(-1), count: () => sent.length };
}

void describe('DiagnosticsBook: own diagnostics plus contributions per source', () => {
  void test('two sources contribute to one file next to its own diagnostics; each replaces only its part', () => {
    const { book, latest } = recordingBook();
    book.setOwn('file:///api.yaml', 3, [diagnostic('own')]);
    book.setContributions('file:///a.yaml', new Map([['file:///api.yaml', [diagnostic('from a')]]]));
    book.setContributions('file:///b.yaml', new Map([['file:///api.yaml', [diagnostic('from b')]]]));
    assert.deepEqual(latest('file:///api.yaml')?.diagnostics.map((d) => d.message), ['own', 'from a', 'from b']);
    assert.equal(latest('file:///api.yaml')?.version, 3);
    book.setContributions('file:///a.yaml', new Map());
    assert.deepEqual(latest('file:///api.yaml')?.diagnostics.map((d) => d.message), ['own', 'from b']);
    book.setOwn('file:///api.yaml', 4, []);
    assert.deepEqual(latest('file:///api.yaml')?.diagnostics.map((d) => d.message), ['from b']);
  });

  void test('a file never opened gets contributions without a version; closing keeps others\' contributions', () => {
    const { book, latest } = recordingBook();
    book.setContributions('file:///t.yaml', new Map([['file:///closed.yaml', [diagnostic('x')]]]));
    assert.deepEqual(latest('file:///closed.yaml'), { uri: 'file:///closed.yaml', diagnostics: [diagnostic('x')] });
    book.setOwn('file:///closed.yaml', 1, [diagnostic('own')]);
    book.clearOwn('file:///closed.yaml');
    assert.deepEqual(latest('file:///closed.yaml'), { uri: 'file:///closed.yaml', diagnostics: [diagnostic('x')] });
  });

  void test('an unchanged contribution is not published again; a moved one clears its old target', () => {
    const { book, latest, count } = recordingBook();
    book.setContributions('file:///t.yaml', new Map([['file:///one.yaml', [diagnostic('x')]]]));
    const before = count();
    book.setContributions('file:///t.yaml', new Map([['file:///one.yaml', [diagnostic('x')]]]));
    assert.equal(count(), before);
    book.setContributions('file:///t.yaml', new Map([['file:///two.yaml', [diagnostic('x')]]]));
    assert.deepEqual(latest('file:///one.yaml')?.diagnostics, []);
    assert.deepEqual(latest('file:///two.yaml')?.diagnostics.map((d) => d.message), ['x']);
    assert.deepEqual(book.targetsOf('file:///t.yaml'), ['file:///two.yaml']);
  });
});
