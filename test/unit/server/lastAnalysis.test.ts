// Hover and completion right after an edit answer from the last good analysis, never by
// re-analysing on the request path (issue 11): the offset mapping, DocumentAnalyses.forRequest
// with an analyzer that counts its parses, and the real server over stdio with validation pending.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../../../src/engine/analyzer';
import { textDelta } from '../../../src/server/analysisView';
import { DocumentAnalyses } from '../../../src/server/documentAnalyses';
import { realAnalyzer } from '../../support/lintHelpers';
import { TestLspClient } from '../../support/lspClient';

const TEMPLATE = [
  'Resources:', // 0
  '  Table:', // 1
  '    Type: AWS::DynamoDB::Table', // 2
  '    Properties:', // 3
  '      BillingMode: PAY_PER_REQUEST', // 4
  '  Topic:', // 5
  '    Type: AWS::SNS::Topic', // 6
  '    Properties:', // 7
  '      DisplayName: !Ref Table', // 8
  '',
].join('\n');

/** The real analyzer, counting the documents it analyses. */
function countingAnalyzer(): { analyzer: Analyzer; count: () => number } {
  const real = realAnalyzer();
  let analysed = 0;
  const analyzer: Analyzer = {
    ...real,
    analyze: (fileName, text) => {
      analysed++;
      return real.analyze(fileName, text);
    },
  };
  return { analyzer, count: () => analysed };
}

function edited(document: TextDocument, line: number, insert: string): TextDocument {
  return TextDocument.update(document, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: insert }], document.version + 1);
}

void describe('textDelta', () => {
  void test('finds the one changed region of an insertion, a deletion and a replacement', () => {
    assert.deepEqual(textDelta('abcdef', 'abXYcdef'), { prefix: 2, oldEnd: 2, newEnd: 4 });
    assert.deepEqual(textDelta('abcdef', 'abef'), { prefix: 2, oldEnd: 4, newEnd: 2 });
    assert.deepEqual(textDelta('abcdef', 'abZZZf'), { prefix: 2, oldEnd: 5, newEnd: 5 });
    assert.deepEqual(textDelta('same', 'same'), { prefix: 4, oldEnd: 4, newEnd: 4 });
    // Repeated text: prefix and suffix must not overlap.
    assert.deepEqual(textDelta('aaaa', 'aaaaaa'), { prefix: 4, oldEnd: 4, newEnd: 6 });
  });
});

void describe('DocumentAnalyses.forRequest', () => {
  void test('after an edit, answers from the last analysis with positions mapped, without analysing', () => {
    const { analyzer, count } = countingAnalyzer();
    const analyses = new DocumentAnalyses(analyzer);
    const v1 = TextDocument.create('file:///w/template.yaml', 'yaml', 1, TEMPLATE);
    analyses.get(v1);
    assert.equal(count(), 1);
    const v2 = edited(v1, 5, '  # a comment typed above Topic\n');
    const view = analyses.forRequest(v2);
    assert.equal(count(), 1, 'no analysis on the request path');
    assert.equal(view.stale, true);
    // Before the edit: the same offsets. After it: shifted by the inserted text.
    const table = view.offsetAt({ line: 2, character: 15 })!;
    assert.equal(view.analyzed.text.slice(table, table + 8), 'DynamoDB');
    const topic = view.offsetAt({ line: 7, character: 15 })!;
    assert.equal(view.analyzed.text.slice(topic, topic + 3), 'SNS');
    assert.deepEqual(view.rangeOf({ start: topic, end: topic + 3 }), { start: { line: 7, character: 15 }, end: { line: 7, character: 18 } });
    // Inside the text typed since, the old analysis has nothing to say.
    assert.equal(view.offsetAt({ line: 5, character: 6 }), undefined);
    assert.equal(analyses.forRequest(v2), view, 'one diff per version');
  });

  void test('a version that does not parse is answered from the last one that did', () => {
    const { analyzer } = countingAnalyzer();
    const analyses = new DocumentAnalyses(analyzer);
    const v1 = TextDocument.create('file:///w/template.yaml', 'yaml', 1, TEMPLATE);
    analyses.get(v1);
    const broken = edited(v1, 0, 'Broken: [unclosed\n');
    assert.equal(analyses.get(broken).document.root, undefined, 'the edit breaks the parse');
    const view = analyses.forRequest(broken);
    assert.equal(view.stale, true);
    assert.equal(view.analyzed.template?.resources.has('Topic'), true);
  });

  void test('a document never analysed is analysed once', () => {
    const { analyzer, count } = countingAnalyzer();
    const analyses = new DocumentAnalyses(analyzer);
    const view = analyses.forRequest(TextDocument.create('file:///w/template.yaml', 'yaml', 1, TEMPLATE));
    assert.equal(view.stale, false);
    assert.equal(count(), 1);
  });
});

void describe('language server: hover and completion while the edit is not validated yet', () => {
  const client = new TestLspClient();
  const uri = 'file:///tmp/archlens-last-analysis/template.yaml';
  before(async () => {
    await client.initialize();
    // A debounce far longer than the test: every edit's validation stays pending.
    client.settings = { debounceMs: 600_000 };
    await client.open(uri, TEMPLATE);
    await client.diagnosticsFor(uri, 1);
  });
  after(() => client.dispose());

  void test('hover below an edit answers from the last analysis, on the shifted line', async () => {
    // Two lines typed above the resources, and a line that breaks the YAML: a fresh analysis of
    // this text has no template at all, so only the last analysis can answer.
    await client.edit(uri, 2, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '# typed\nBroken: [unclosed\n');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 12 } })) as Hover;
    assert.match((hover.contents as { value: string }).value, /AWS::SNS::Topic/);
    assert.deepEqual(hover.range?.start.line, 8);
    assert.equal(client.publishedFor(uri).at(-1)?.version, 1, 'the edit was not validated (its answer did not wait for one)');
  });

  void test('completion of a Ref typed since offers the resources of the last analysis, replacing what was typed', async () => {
    // Line 10 of the current text is `      DisplayName: !Ref Table`: type a new property with a Ref below it.
    await client.edit(uri, 3, { start: { line: 11, character: 0 }, end: { line: 11, character: 0 } }, '      TopicName: !Ref Ta');
    const result = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 11, character: 24 } })) as CompletionItem[] | CompletionList;
    const items = Array.isArray(result) ? result : result.items;
    const table = items.find((item) => item.label === 'Table');
    assert.ok(table, `Table offered (got ${items.map((item) => item.label).join(', ')})`);
    assert.deepEqual((table.textEdit as { range: unknown }).range, { start: { line: 11, character: 22 }, end: { line: 11, character: 24 } });
    assert.equal(client.publishedFor(uri).at(-1)?.version, 1);
  });
});
