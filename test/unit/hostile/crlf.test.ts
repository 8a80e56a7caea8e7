// In CRLF files a range ending at the line end stayed inside the line (issue 18: it reached
// one column past it, e.g. a JSON syntax error on a raw `\r` inside a string).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineIndex } from '../../../src/engine/document/lineIndex';
import { realAnalyzer } from '../../support/lintHelpers';

void describe('CRLF line ends', () => {
  test('the offset between \\r and \\n is the end of the line', () => {
    const index = new LineIndex('ab\r\ncd\r\n');
    assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(index.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(new LineIndex('ab\rcd').positionAt(3), { line: 1, character: 0 }, 'a lone \\r still ends a line');
  });

  test('no finding of a CRLF document reaches past its line', () => {
    const documents: Array<[string, string]> = [
      ['t.json', '{\r\n  "Resources": {\r\n    "B": {"Type": "abc\r\n"}}}'],
      ['t.yaml', 'Resources:\r\n  B:\r\n    Type: AWS::S3::Buckett\r\n    Properties:\r\n      Foo: 1\r\n'],
    ];
    for (const [file, text] of documents) {
      const lines = text.split(/\r\n/);
      const { findings } = realAnalyzer().lint(file, text);
      assert.ok(findings.length > 0, file);
      for (const finding of findings) {
        for (const end of [finding.range.start, finding.range.end]) {
          assert.ok(end.character <= (lines[end.line] ?? '').length, `${file}: ${finding.message} at ${JSON.stringify(finding.range)}`);
        }
      }
    }
  });
});
