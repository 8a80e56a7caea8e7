/**
 * Quick fixes for `oas-*` findings: declare a missing path parameter in the operations that
 * lack it (or once on the path item), add a `default` response to an operation without
 * responses, plus the finding's own fixes ("did you mean" for an unresolved `$ref`) and the
 * suppressions every finding gets. Insertions keep the document's indentation and line
 * endings; path parameters are only inserted into YAML block mappings.
 */
import type { AnalyzedDocument } from '../../analyzedDocument';
import type { MappingNode, ScalarNode } from '../../document/located';
import { getPair } from '../../document/located';
import type { Finding, Fix, FixEdit } from '../../findings';
import { codeActionsFor } from '../../language/codeActions';
import type { OpenApiModel } from '../model';
import type { OpenApiVersion } from '../version';
import type { OpenApiLanguageHost } from './languageModel';
import { languageModel } from './languageModel';
import { lineStartOf } from '../../document/lineIndex';

/** Fixes for a finding of an OpenAPI document: its own fixes, then ArchLens's, then suppressions. */
export function openApiCodeActionsFor(analyzed: AnalyzedDocument, finding: Finding, host?: OpenApiLanguageHost): Fix[] {
  const base = codeActionsFor(analyzed, finding);
  const model = languageModel(analyzed, host);
  if (!model) return base;
  let own: Fix[] = [];
  if (finding.rule === 'oas-path-parameters') own = pathParameterFixes(analyzed, model, finding);
  else if (finding.rule === 'oas-responses') own = responseFixes(analyzed, model, finding);
  const count = finding.fixes?.length ?? 0;
  return [...base.slice(0, count), ...own, ...base.slice(count)];
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The whitespace before a token when nothing else precedes it on its line, else undefined. */
function ownLineIndent(text: string, offset: number): string | undefined {
  const lineStart = lineStartOf(text, offset);
  const before = text.slice(lineStart, offset);
  return /^[ ]*$/.test(before) ? before : undefined;
}

function column(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** The end of the line holding the last character before `end` (before its line break). */
function endOfLine(text: string, end: number): number {
  let position = end;
  while (position > 0 && (text[position - 1] === '\n' || text[position - 1] === '\r')) position--;
  const newline = text.indexOf('\n', position);
  if (newline < 0) return text.length;
  return text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** Layout of a YAML block mapping: the indentation of its keys and one indentation step. */
interface BlockLayout {
  readonly indent: string;
  readonly unit: string;
}

function blockLayout(text: string, node: MappingNode, ownerKey: ScalarNode): BlockLayout | undefined {
  const first = node.pairs[0];
  if (!first) return undefined;
  const indent = ownLineIndent(text, first.key.span.start);
  if (indent === undefined) return undefined;
  const step = indent.length - column(text, ownerKey.span.start);
  return { indent, unit: ' '.repeat(step > 0 ? step : 2) };
}

function yamlScalar(value: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value) ? value : `'${value.replace(/'/g, "''")}'`;
}

function parameterLines(version: OpenApiVersion, name: string, dashIndent: string): string[] {
  const inner = `${dashIndent}  `;
  return [`${dashIndent}- name: ${yamlScalar(name)}`, `${inner}in: path`, `${inner}required: true`, version === '2.0' ? `${inner}type: string` : `${inner}schema: {type: string}`];
}

/** An edit adding an `in: path` parameter to the `parameters` list of an operation or path item (YAML block style). */
function insertParameter(text: string, version: OpenApiVersion, holder: MappingNode, ownerKey: ScalarNode, name: string): FixEdit | undefined {
  const layout = blockLayout(text, holder, ownerKey);
  if (!layout) return undefined;
  const eol = eolOf(text);
  const pair = getPair(holder, 'parameters');
  if (pair) {
    const list = pair.value;
    if (list.kind === 'sequence' && list.items.length > 0) {
      const first = list.items[0]!;
      const lineStart = text.lastIndexOf('\n', first.span.start - 1) + 1;
      const dash = /^( *)-[ ]+$/.exec(text.slice(lineStart, first.span.start));
      if (!dash) return undefined; // a flow list: left alone
      const at = endOfLine(text, list.items[list.items.length - 1]!.span.end);
      return { span: { start: at, end: at }, newText: eol + parameterLines(version, name, dash[1]!).join(eol) };
    }
    if (list.kind === 'scalar' && list.value === null && list.span.start === list.span.end) {
      const at = endOfLine(text, pair.key.span.end);
      return { span: { start: at, end: at }, newText: eol + parameterLines(version, name, layout.indent + layout.unit).join(eol) };
    }
    return undefined;
  }
  const lines = [`${layout.indent}parameters:`, ...parameterLines(version, name, layout.indent + layout.unit)];
  // Conventionally before the request body and responses.
  const before = holder.pairs.find((candidate) => (candidate.key.text === 'requestBody' || candidate.key.text === 'responses') && ownLineIndent(text, candidate.key.span.start) !== undefined);
  if (before) {
    const at = before.key.span.start - layout.indent.length;
    return { span: { start: at, end: at }, newText: lines.join(eol) + eol };
  }
  const last = holder.pairs[holder.pairs.length - 1]!;
  const at = endOfLine(text, Math.max(last.value.span.end, last.key.span.end));
  return { span: { start: at, end: at }, newText: eol + lines.join(eol) };
}

const MISSING_PARAMETER = /^Path parameter '([^']*)' is not declared(?: for ([A-Z, ]+))?:/;

function pathParameterFixes(analyzed: AnalyzedDocument, model: OpenApiModel, finding: Finding): Fix[] {
  if (analyzed.document.format !== 'yaml') return [];
  const match = MISSING_PARAMETER.exec(finding.message);
  if (!match) return [];
  const name = match[1]!;
  const methods = match[2]?.split(/,\s*/).map((method) => method.toLowerCase());
  const item = model.index.pathItems.find((candidate) => candidate.container === 'paths' && candidate.key.span.start <= finding.span.start && finding.span.end <= candidate.key.span.end);
  if (!item) return [];
  const text = analyzed.text;
  const operations = item.operations.filter((operation) => !methods || methods.includes(operation.method));
  const fixes: Fix[] = [];
  const edits = operations.map((operation) => insertParameter(text, model.version, operation.node, operation.methodKey, name));
  if (operations.length > 0 && edits.every((edit): edit is FixEdit => edit !== undefined)) {
    const where = operations.length === 1 ? `${operations[0]!.method.toUpperCase()} ${item.key.text}` : `${operations.length} operations of ${item.key.text}`;
    fixes.push({ title: `Declare path parameter '${name}' in ${where}`, edits });
  }
  // Missing everywhere: declaring it once on the path item covers every operation.
  if (!methods && item.operations.length > 1) {
    const edit = insertParameter(text, model.version, item.node, item.key, name);
    if (edit) fixes.push({ title: `Declare path parameter '${name}' for every operation of ${item.key.text}`, edits: [edit] });
  }
  return fixes;
}

function responseFixes(analyzed: AnalyzedDocument, model: OpenApiModel, finding: Finding): Fix[] {
  const text = analyzed.text;
  const eol = eolOf(text);
  const json = analyzed.document.format === 'json';
  const title = 'Add a default response';
  // `responses: {}`: fill the empty mapping in place.
  const emptyResponses = model.index.operations.map((operation) => getPair(operation.node, 'responses')).find((pair) => pair?.key.span.start === finding.span.start);
  if (emptyResponses) {
    const value = emptyResponses.value;
    if (value.kind !== 'mapping' || value.pairs.length > 0 || text[value.span.start] !== '{') return [];
    const newText = json ? '{"default": {"description": "Default response"}}' : '{default: {description: Default response}}';
    return [{ title, edits: [{ span: value.span, newText }] }];
  }
  const operation = model.index.operations.find((candidate) => candidate.methodKey.span.start === finding.span.start);
  if (!operation || getPair(operation.node, 'responses')) return [];
  const node = operation.node;
  if (json) {
    const last = node.pairs[node.pairs.length - 1];
    if (!last) {
      const at = node.span.start + 1;
      return text[node.span.start] === '{' ? [{ title, edits: [{ span: { start: at, end: at }, newText: '"responses": {"default": {"description": "Default response"}}' }] }] : [];
    }
    const indent = ownLineIndent(text, last.key.span.start);
    const separator = indent === undefined ? ' ' : eol + indent;
    const at = last.value.span.end;
    return [{ title, edits: [{ span: { start: at, end: at }, newText: `,${separator}"responses": {"default": {"description": "Default response"}}` }] }];
  }
  const layout = blockLayout(text, node, operation.methodKey);
  if (!layout) return [];
  const last = node.pairs[node.pairs.length - 1]!;
  const at = endOfLine(text, Math.max(last.value.span.end, last.key.span.end));
  const { indent, unit } = layout;
  const lines = [`${indent}responses:`, `${indent}${unit}default:`, `${indent}${unit}${unit}description: Default response`];
  return [{ title, edits: [{ span: { start: at, end: at }, newText: eol + lines.join(eol) }] }];
}
