/**
 * The incremental re-parse (src/engine/document/yamlEdit.ts) must build exactly the tree a full
 * parse builds: same kinds, values, texts, spans and parent links. Each case edits a template and
 * compares both; random edits on the 1,750-resource benchmark template cover the rest.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateTemplate } from '../../bench/generateTemplate';
import { resolveTemplateTag } from '../../src/engine/cfn/shortForms';
import type { LocatedNode, ParsedDocument } from '../../src/engine/document/located';
import { reparseYamlEdit } from '../../src/engine/document/yamlEdit';
import { parseYaml } from '../../src/engine/document/yamlParser';

const options = { resolveTag: resolveTemplateTag };

/** Every fact of the tree in one string, checking that each child's parent is its container. */
function describeTree(node: LocatedNode | undefined, parent: LocatedNode | undefined = undefined): string {
  if (!node) return '-';
  assert.equal(node.parent, parent, `parent link of the node at ${node.span.start}`);
  const head = `${node.kind}@${node.span.start}-${node.span.end}`;
  switch (node.kind) {
    case 'scalar':
      return `${head}:${JSON.stringify(node.value)}/${JSON.stringify(node.text)}${node.quoted ? 'q' : ''}`;
    case 'sequence':
      return `${head}[${node.items.map((item) => describeTree(item, node)).join(',')}]`;
    case 'mapping':
      return `${head}${node.fromShortForm ? '!' : ''}{${node.pairs.map((pair) => `${describeTree(pair.key, node)}${pair.merged ? '<<' : ''}=${describeTree(pair.value, node)}`).join(',')}}`;
  }
}

/** Applies the edit incrementally; when that is possible, asserts it equals the full parse. */
function editAndCompare(previous: ParsedDocument, next: string): boolean {
  const incremental = reparseYamlEdit(previous, next, options);
  if (!incremental) return false;
  const full = parseYaml(next, options);
  assert.deepEqual(full.problems, [], 'an incremental result exists only where the full parse has no problem');
  assert.equal(incremental.text, next);
  assert.equal(describeTree(incremental.root), describeTree(full.root));
  return true;
}

const TEMPLATE = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Parameters:',
  '  Stage:',
  '    Type: String',
  'Resources:',
  '  # the data',
  '  Bucket:',
  '    Type: AWS::S3::Bucket',
  '    Properties:',
  '      BucketName: !Sub "${Stage}-data"',
  '      Tags:',
  '        - Key: a',
  '          Value: b',
  '  Queue:',
  '    Type: AWS::SQS::Queue',
  '    Properties:',
  "      QueueName: 'q'",
  '      DelaySeconds: 5',
  '  Fn:',
  '    Type: AWS::Lambda::Function',
  '    Properties:',
  '      Role: !GetAtt Role.Arn',
  '      Code:',
  '        ZipFile: |',
  '          exports.handler = 1',
  '      Layers: [a, "b"]',
  'Outputs:',
  '  Out:',
  '    Value: !Ref Bucket',
  '',
].join('\n');

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0, `${from} is in the template`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

describe('incremental YAML re-parse after an edit', () => {
  // A successful re-parse consumes the previous tree: each case starts from a parse of its own.
  const fresh = (): ParsedDocument => parseYaml(TEMPLATE, options);

  const inside: ReadonlyArray<[string, string, string]> = [
    ['a character typed in a value', 'DelaySeconds: 5', 'DelaySeconds: 57'],
    ['a value deleted', "QueueName: 'q'", 'QueueName: '],
    ['a property added', '      DelaySeconds: 5\n', '      DelaySeconds: 5\n      VisibilityTimeout: 30\n'],
    ['a short form changed', '!GetAtt Role.Arn', '!Ref Role'],
    ['a resource renamed', '  Queue:\n', '  Queue2:\n'],
    ['a resource added after another', '  Fn:\n', '  Topic:\n    Type: AWS::SNS::Topic\n  Fn:\n'],
    ['a resource deleted', '  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: \'q\'\n      DelaySeconds: 5\n', ''],
    ['the last resource edited', '          exports.handler = 1', '          exports.handler = 2'],
    ['a comment added between resources', '  Queue:\n', '  # the queue\n  Queue:\n'],
    ['a flow sequence typed', 'DelaySeconds: 5', 'DelaySeconds: [1, 2]'],
    ['a quoted key', '  Bucket:\n', "  'Bucket':\n"],
    ['an edit in Parameters', 'Type: String', 'Type: Number'],
    ['a comment typed at the end of the file (in the last output)', '    Value: !Ref Bucket\n', '    Value: !Ref Bucket\n# edit 2\n'],
    ['an edit across two resources', "DelaySeconds: 5\n  Fn:", "DelaySeconds: 5\n  Fn2:"],
  ];
  for (const [name, from, to] of inside) {
    test(`${name}: the same tree as a full parse`, () => {
      assert.equal(editAndCompare(fresh(), replaceOnce(TEMPLATE, from, to)), true, 'handled incrementally');
    });
  }

  const refused: ReadonlyArray<[string, string, string]> = [
        ['a top-level key edited', 'Outputs:', 'Output:'],
    ['a key typed at column 0 inside Resources', '  Queue:\n', 'Outputs2:\n  Queue:\n'],
    ['an entry dedented to the top level', '  Fn:\n', 'Fn:\n'],
    ['a syntax error', 'DelaySeconds: 5', 'DelaySeconds: [5'],
    ['a duplicate resource name', '  Queue:\n', '  Bucket:\n'],
    ['an anchor', 'DelaySeconds: 5', 'DelaySeconds: &d 5'],
    ['a second document', '  Fn:\n', '---\n  Fn:\n'],
    ['every resource deleted', TEMPLATE.slice(TEMPLATE.indexOf('  # the data'), TEMPLATE.indexOf('Outputs:')), ''],
  ];
  for (const [name, from, to] of refused) {
    test(`${name}: left to a full parse`, () => {
      const next = replaceOnce(TEMPLATE, from, to);
      const previous = fresh();
      const before = describeTree(previous.root);
      assert.equal(reparseYamlEdit(previous, next, options), undefined);
      assert.equal(describeTree(previous.root), before, 'a refused edit leaves the previous tree intact');
    });
  }

  test('a document with anchors anywhere, or with problems, is always parsed in full', () => {
    const anchored = parseYaml(replaceOnce(TEMPLATE, 'Type: String', 'Type: &t String'), options);
    assert.equal(reparseYamlEdit(anchored, replaceOnce(anchored.text, 'DelaySeconds: 5', 'DelaySeconds: 6'), options), undefined);
    const broken = parseYaml(replaceOnce(TEMPLATE, '  Queue:\n', '  Bucket:\n'), options);
    assert.ok(broken.problems.length > 0);
    assert.equal(reparseYamlEdit(broken, replaceOnce(broken.text, 'DelaySeconds: 5', 'DelaySeconds: 6'), options), undefined);
  });

  test('the same text gives the same tree under a new document (nothing cached per document is reused)', () => {
    const previous = fresh();
    const again = reparseYamlEdit(previous, TEMPLATE, options);
    assert.ok(again);
    assert.notEqual(again, previous);
    assert.equal(again.root, previous.root);
  });

  test('chained edits keep matching a full parse', () => {
    let current = fresh();
    for (const value of ['6', '60', '600', '6000']) {
      const next = current.text.replace(/DelaySeconds: \d+/, `DelaySeconds: ${value}`);
      const incremental = reparseYamlEdit(current, next, options);
      assert.ok(incremental);
      assert.equal(describeTree(incremental.root), describeTree(parseYaml(next, options).root));
      current = incremental;
    }
  });

  test('random single-character edits on the benchmark template match a full parse', () => {
    const text = generateTemplate({ services: 4 });
    let state = 12345;
    const random = (): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const characters = ['a', '1', ' ', '\n', ':', '-', '#', '"', "'", '!', '{', '[', ',', '|'];
    let handled = 0;
    for (let round = 0; round < 200; round++) {
      const at = Math.floor(random() * text.length);
      const next =
        random() < 0.5 ? text.slice(0, at) + characters[Math.floor(random() * characters.length)]! + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      if (editAndCompare(parseYaml(text, options), next)) handled++;
    }
    // Most edits of a template fall inside one resource; the point is that none differs.
    assert.ok(handled > 100, `${handled} of 200 edits handled incrementally`);
  });
});
