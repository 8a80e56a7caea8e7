/**
 * OpenAPI versions: the OAI schema test suites for 3.1 and 3.2 (test/fixtures/openapi/oai, from
 * OAI/OpenAPI-Specification, Apache-2.0; see data/openapi/SOURCE.md), version detection (no file
 * named as OpenAPI is passed over in silence) and the OpenAPI size limit.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { spawnSync } from 'node:child_process';
import { assertRuleCase, realAnalyzer } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';

const suites = path.join(__dirname, '..', 'fixtures', 'openapi', 'oai');

/**
 * Pass documents of the suites are schema-valid but some are spec excerpts with real semantic
 * defects, which our other rules report (rightly): each is listed with the reason.
 */
const SEMANTIC_FINDINGS: Readonly<Record<string, readonly string[]>> = {
  // `/pets/{id}` declares `petId`, and uses an undefined `petstore_auth` scheme.
  'operation-object-example.yaml': ['oas-path-parameters', 'oas-security-scheme-defined'],
  // `/user/{username}` declares `usernames`.
  'parameter-object-examples.yaml': ['oas-path-parameters'],
  // A path parameter without `required: true` (OpenAPI 3.x 4.8.12.2: it MUST be true).
  'style-defaults.yaml': ['oas-parameter-in'],
};
/** The 3.2 suite fixed the two excerpts above and style-defaults' path parameter. */
const FIXED_IN_32 = new Set(['style-defaults.yaml']);

for (const version of ['3.1', '3.2']) {
  describe(`OAI schema suite ${version}`, () => {
    const dir = (outcome: string): string => path.join(suites, version, outcome);
    for (const name of fs.readdirSync(dir('pass')).sort()) {
      test(`pass/${name}: no schema error, only the listed semantic findings`, () => {
        const result = realAnalyzer().lint(name, fs.readFileSync(path.join(dir('pass'), name), 'utf8'));
        assert.equal(result.kind, 'openapi');
        const errors = result.findings.filter((finding) => finding.severity === 'error');
        const allowed = version === '3.2' && FIXED_IN_32.has(name) ? [] : (SEMANTIC_FINDINGS[name] ?? []);
        const unexpected = errors.filter((finding) => !allowed.includes(finding.rule));
        assert.deepEqual(unexpected.map((f) => `${f.rule}: ${f.message}`), []);
        for (const rule of allowed) assert.ok(errors.some((f) => f.rule === rule), `${name}: expected a ${rule} finding`);
      });
    }
    for (const name of fs.readdirSync(dir('fail')).sort()) {
      test(`fail/${name}: at least one error`, () => {
        const result = realAnalyzer().lint(name, fs.readFileSync(path.join(dir('fail'), name), 'utf8'));
        assert.equal(result.kind, 'openapi');
        assert.ok(result.findings.some((finding) => finding.severity === 'error'), `${name}: no error among ${JSON.stringify(result.findings.map((f) => f.rule))}`);
      });
    }
  });
}

const info = "info: {title: T, version: '1'}\n";
const ok = "responses: {'200': {description: ok}}";

const table: Record<string, RuleCase[]> = {
  'oas-schema': [
    // The 2021-04-15 3.1 schema rejected these two valid documents.
    { name: '3.1 server variable with a description', doc: `openapi: 3.1.0\n${info}servers: [{url: 'https://{host}', variables: {host: {default: a, description: the host}}}]\npaths: {}\n` },
    { name: '3.1 link with a server', doc: `openapi: 3.1.0\n${info}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          links:\n            self: {operationId: x, server: {url: 'https://a'}}\n` },
    // ...and missed these two invalid ones.
    { name: '3.1 link with body', doc: `openapi: 3.1.0\n${info}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          links:\n            self: {operationId: x, «body»: {}}\n`, messages: ['unknown field `body`'] },
    { name: '3.1 parameter without name', doc: `openapi: 3.1.0\n${info}paths:\n  /a:\n    get:\n      parameters:\n        - «in»: query\n          schema: {type: string}\n      ${ok}\n`, messages: ['`name` is required'] },
    { name: '3.2 query method, additionalOperations, tag parent and kind', doc: `openapi: 3.2.0\n${info}tags: [{name: a, kind: nav}, {name: b, parent: a}]\npaths:\n  /search:\n    query: {${ok}}\n    additionalOperations:\n      COPY: {${ok}}\n` },
    { name: '3.2 itemSchema and querystring', doc: `openapi: 3.2.0\n${info}paths:\n  /events:\n    get:\n      parameters: [{name: q, in: querystring, content: {application/x-www-form-urlencoded: {schema: {type: object}}}}]\n      responses: {'200': {description: ok, content: {application/jsonl: {itemSchema: {type: object}}}}}\n` },
    { name: '3.2 field in a 3.1 document', doc: `openapi: 3.1.0\n${info}paths:\n  /search:\n    «query»: {${ok}}\n`, messages: ['unknown field `query`'] },
    { name: 'swagger 2.0.0 is linted as 2.0 and its version reported', doc: `swagger: «'2.0.0'»\n${info}paths: {}\n`, messages: ['`swagger`'] },
    { name: '3.1 with only servers', doc: `«openapi»: 3.1.0\n${info}servers: [{url: /}]\n`, messages: ['one of `paths`, `components` or `webhooks` is required'] },
  ],
  'oas-version': [
    { name: 'openapi 4.0.0', doc: `openapi: «4.0.0»\n${info}paths: {}\n`, messages: ['4.0.0 is not a version ArchLens can validate'] },
    { name: 'swagger 1.2', doc: `swagger: «'1.2'»\n${info}paths: {}\n`, messages: ['1.2 is not a version'] },
    { name: 'a later 3.x minor is checked as 3.2, with a warning', doc: `«openapi»: 3.3.0\n${info}paths: {}\n`, messages: ['checked against the 3.2 schema'] },
    { name: '3.2.0 is known', doc: `openapi: 3.2.0\n${info}paths: {}\n` },
  ],
};

describe('OpenAPI version rules', () => {
  for (const [rule, cases] of Object.entries(table)) {
    for (const testCase of cases) test(`${rule}: ${testCase.name}`, () => assertRuleCase(rule, testCase));
  }
});

describe('OpenAPI detection', () => {
  const cases: ReadonlyArray<[string, string]> = [
    ['openapi 3.1.0 with only servers', `openapi: 3.1.0\nservers: [{url: /}]\n`],
    ['swagger 2.0.0', `swagger: '2.0.0'\n${info}paths: {}\n`],
    ['openapi 4.0.0', `openapi: 4.0.0\n${info}paths: {}\n`],
    ['openapi 3.0.3 alone', 'openapi: 3.0.3\n'],
  ];
  for (const [name, doc] of cases) {
    test(`${name}: detected as OpenAPI and never silent`, () => {
      const result = realAnalyzer().lint('api.yaml', doc);
      assert.equal(result.kind, 'openapi');
      assert.ok(result.findings.some((finding) => finding.severity === 'error'), JSON.stringify(result.findings));
    });
  }
  test('a config file with an `openapi:` path is not OpenAPI', () => {
    assert.equal(realAnalyzer().lint('config.yaml', 'openapi: ./spec.yaml\nport: 3\n').kind, 'other');
  });
});

describe('OpenAPI size limit', () => {
  /** A valid 3.0 document of about `chars` characters (many small schemas). */
  function bigSpec(chars: number): string {
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < chars; i++) {
      const part = `"S${i}": {"type": "object", "description": "${'x'.repeat(5000)}"}`;
      parts.push(part);
      size += part.length + 2;
    }
    return `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": {${parts.join(', ')}, "Last": {"type": "strin"}}}}`;
  }

  test('a 6 MB OpenAPI description is analysed (CloudFormation stops at 5 MB)', () => {
    const text = bigSpec(6_000_000);
    const result = realAnalyzer().lint('big.json', text);
    assert.equal(result.kind, 'openapi');
    assert.deepEqual(result.findings.filter((f) => f.rule === 'cfn-syntax' || f.rule === 'oas-size-limit'), []);
    // The defect at the very end is found: the rules ran over the whole document.
    assert.deepEqual(result.findings.filter((f) => f.rule === 'oas-schema-type').map((f) => text.slice(f.span.start, f.span.end)), ['"strin"']);
  });

  test('a 6 MB template is still a size error', () => {
    const text = `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}, "Metadata": {"x": "${'x'.repeat(6_000_000)}"}}`;
    const findings = realAnalyzer().lint('big.json', text).findings;
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.rule, 'cfn-syntax');
    assert.match(findings[0]!.message, /up to 5 MB/);
  });

  test('an OpenAPI file over 50 MB gets one oas-size-limit warning', () => {
    const text = `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\nx-padding: '${'x'.repeat(50_000_001)}'\n`;
    const findings = realAnalyzer().lint('huge.yaml', text).findings;
    assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [['oas-size-limit', 'warning']]);
    assert.match(findings[0]!.message, /up to 50 MB.*Split it/);
  });
});

describe('archlens lint on named OpenAPI files (dist/cli.js)', () => {
  const cli = path.join(__dirname, '..', '..', 'dist', 'cli.js');
  const lint = (name: string, text: string): { status: number | null; findings: { rule: string; severity: string }[] } => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-oas-'));
    try {
      fs.writeFileSync(path.join(dir, name), text);
      const result = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', path.join(dir, name)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      return { status: result.status, findings: JSON.parse(result.stdout || '[]') as { rule: string; severity: string }[] };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  test('openapi: 4.0.0 is reported and fails the run (it used to pass in silence)', () => {
    const { status, findings } = lint('api.yaml', `openapi: 4.0.0\n${info}paths: {}\n`);
    assert.equal(status, 1);
    assert.deepEqual(findings.map((f) => f.rule), ['oas-version']);
  });

  test('a 6 MB OpenAPI description is linted, not refused', () => {
    const schemas = Array.from({ length: 1200 }, (_, i) => `"S${i}": {"type": "object", "description": "${'x'.repeat(5000)}"}`).join(', ');
    const { status, findings } = lint('big.json', `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": {${schemas}}}}`);
    assert.equal(status, 0);
    assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
  });
});
