// Pure helpers of the logs views: document text, Insights tables, the live tail buffer, inputs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatBytes, formatEvents, formatRetention, insightsCsv, insightsMarkdown } from '../../../src/views/logs/logFormat';
import { filterPatternHint, givenTimeRange, parseIsoRange, presetRange, searchTitle, TIME_RANGE_PRESETS } from '../../../src/views/logs/logInputs';
import { unneededTokenPages } from '../../../src/views/logs/streamPages';
import { TailBuffer } from '../../../src/views/logs/tailBuffer';

const T0 = Date.UTC(2026, 0, 1);

void describe('logs formatting', () => {
  void test('events become ISO lines; multi-line messages are indented under their first line', () => {
    const text = formatEvents(
      [
        { timestamp: T0, message: 'START RequestId: 1\n' },
        { timestamp: T0 + 1500, message: 'Error: boom\n    at handler (index.js:3:9)\r\n    at run', stream: 's1' },
      ],
      { showStream: true },
    );
    assert.equal(
      text,
      [
        '2026-01-01T00:00:00.000Z START RequestId: 1',
        '2026-01-01T00:00:01.500Z [s1] Error: boom',
        '                             at handler (index.js:3:9)',
        '                             at run',
        '',
      ].join('\n'),
    );
    assert.equal(formatEvents([]), '');
  });

  void test('Insights rows as a Markdown table render as text: pipes, markup and HTML escaped', () => {
    const md = insightsMarkdown({
      fields: ['@timestamp', '@message'],
      rows: [
        { '@timestamp': '2026-01-01 00:00:00.000', '@message': 'a | b *bold* <img src=x onerror=alert(1)>' },
        { '@timestamp': '2026-01-01 00:00:01.000', '@message': 'line1\nline2' },
        { '@timestamp': '2026-01-01 00:00:02.000' },
      ],
    });
    assert.equal(
      md,
      [
        '| @timestamp | @message |',
        '| --- | --- |',
        '| 2026-01-01 00:00:00.000 | a \\| b \\*bold\\* &lt;img src=x onerror=alert(1)&gt; |',
        '| 2026-01-01 00:00:01.000 | line1 ↵ line2 |',
        '| 2026-01-01 00:00:02.000 |  |',
        '',
      ].join('\n'),
    );
    // Every row has exactly as many unescaped cell separators as the header.
    for (const line of md.trim().split('\n')) assert.equal(line.replace(/\\\|/g, '').split('|').length, 4);
    assert.equal(insightsMarkdown({ fields: [], rows: [] }), '_No rows._\n');
  });

  void test('Insights rows as CSV quote commas, quotes and newlines', () => {
    assert.equal(insightsCsv({ fields: ['a', 'b'], rows: [{ a: 'x,y', b: 'say "hi"' }, { a: 'multi\nline' }] }), 'a,b\r\n"x,y","say ""hi"""\r\n"multi\nline",\r\n');
  });

  void test('sizes and retention for descriptions', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(5 * 1024 ** 3), '5.0 GB');
    assert.equal(formatRetention(undefined), 'never expires');
    assert.equal(formatRetention(1), '1 day');
    assert.equal(formatRetention(30), '30 days');
  });
});

void describe('live tail buffer', () => {
  void test('keeps the newest lines up to capacity and counts what it dropped', () => {
    const buffer = new TailBuffer(3);
    buffer.push('a', 'b');
    assert.deepEqual(buffer.drain(), { added: ['a', 'b'], rewrite: false });
    buffer.push('c');
    assert.deepEqual(buffer.drain(), { added: ['c'], rewrite: false });
    buffer.push('d', 'e', 'f', 'g');
    assert.deepEqual(buffer.lines(), ['e', 'f', 'g']);
    assert.equal(buffer.dropped, 4);
    // Drops since the last drain ask for a rewrite; only lines still buffered are "added".
    assert.deepEqual(buffer.drain(), { added: ['e', 'f', 'g'], rewrite: true });
    assert.deepEqual(buffer.drain(), { added: [], rewrite: false });
    assert.equal(buffer.length, 3);
  });

  void test('memory stays bounded under a flood', () => {
    const buffer = new TailBuffer(100);
    for (let i = 0; i < 100_000; i++) buffer.push(`line ${i}`);
    assert.equal(buffer.length, 100);
    assert.equal(buffer.dropped, 99_900);
    assert.equal(buffer.lines()[0], 'line 99900');
    assert.throws(() => new TailBuffer(0), RangeError);
  });
});

void describe('logs inputs', () => {
  void test('custom ISO ranges: zone-less times are UTC, errors are messages', () => {
    assert.deepEqual(parseIsoRange('2026-01-01T00:00Z/2026-01-01T06:00Z'), { startTime: T0, endTime: T0 + 6 * 3_600_000, label: '2026-01-01T00:00:00.000Z – 2026-01-01T06:00:00.000Z' });
    const local = parseIsoRange('2026-01-01T00:00 .. 2026-01-01T01:00');
    assert.ok(typeof local !== 'string' && local.startTime === T0);
    assert.equal(parseIsoRange('2026-01-02/2026-01-01'), 'The end must be after the start.');
    assert.match(parseIsoRange('yesterday/today') as string, /Not an ISO date-time: yesterday/);
    assert.match(parseIsoRange('2026-01-01') as string, /separated by "\/"/);
    const preset = presetRange(TIME_RANGE_PRESETS[1]!, T0);
    assert.deepEqual(preset, { startTime: T0 - 3_600_000, endTime: T0, label: 'last 1 h' });
  });

  void test('a range given with the command needs numbers with the end after the start; anything else asks', () => {
    assert.deepEqual(givenTimeRange({ group: 'g', startTime: 1000, endTime: 2000 }), { startTime: 1000, endTime: 2000, label: 'given range' });
    for (const arg of [undefined, 'g', { startTime: 2000, endTime: 1000 }, { startTime: '1000', endTime: 2000 }, { startTime: 1000 }]) assert.equal(givenTimeRange(arg), undefined);
  });

  void test('filter pattern hints catch structural mistakes only', () => {
    for (const ok of ['', 'ERROR', '"order failed"', '?ERROR ?WARN', '{ $.status = 500 }', '[ip, user, status=5*, size]', 'ERROR -DEBUG']) assert.equal(filterPatternHint(ok), undefined, ok);
    assert.match(filterPatternHint('"unclosed')!, /Unbalanced double quote/);
    assert.match(filterPatternHint('{ $.status = 500')!, /must end with }/);
    assert.match(filterPatternHint('{ status = 500 }')!, /\$\./);
    assert.match(filterPatternHint('[ip, user')!, /must end with ]/);
  });

  void test('search titles are file-name safe', () => {
    const title = searchTitle('/aws/lambda/orders-fn', '"a/b" | c', { startTime: 0, endTime: 1, label: 'last 1 h' });
    assert.equal(title, 'orders-fn search _a_b_ _ c (last 1 h).log');
    assert.ok(!title.includes('/'));
  });
});

void describe('stream page tokens after a document closes', () => {
  void test('a token goes once neither the page it reads nor the page linking to it is open', () => {
    // Pages 1-3 were opened: tokens for pages 2, 3 (and 4, from page 3's link) are known.
    assert.deepEqual(unneededTokenPages(3, [1, 2]), [4], "page 2's link still needs page 3's token");
    assert.deepEqual(unneededTokenPages(2, [1]), [3], "page 1's link still needs page 2's token");
    assert.deepEqual(unneededTokenPages(1, []), [2]);
    assert.deepEqual(unneededTokenPages(2, [3]), [2], 'page 3 is open: it still needs its own token');
    assert.deepEqual(unneededTokenPages(5, []), [5, 6]);
  });
});
