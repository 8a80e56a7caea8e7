import type { Rule } from './rule';
import { TEMPLATE_KINDS } from './rule';
import type { LocatedNode, MappingNode } from '../document/located';
import { getPair, toPlain } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import { didYouMean, suggest } from '../util/suggest';
import { renameFixes } from '../util/edits';

/** Keys an output may have. */
export const OUTPUT_KEYS: readonly string[] = ['Value', 'Description', 'Export', 'Condition'];
const EXPORT_KEYS = ['Name'];

interface ExportName {
  readonly output: string;
  readonly node: LocatedNode;
  readonly condition: string | undefined;
}

/**
 * A key under which two export names are certainly equal: the same literal, or the same
 * intrinsic expression (intrinsics are deterministic, so `!Sub '${AWS::StackName}-Vpc'`
 * twice is the same name twice).
 */
function canonical(node: LocatedNode): string | undefined {
  if (node.kind === 'scalar') return node.value === null ? undefined : `s:${node.text}`;
  if (node.kind === 'mapping' && !asIntrinsic(node)) return undefined;
  return `x:${JSON.stringify(toPlain(node))}`;
}

/** An export name for a message: a literal in quotes, an expression as written. */
function shown(text: string, node: LocatedNode): string {
  const source = node.kind === 'scalar' ? node.text : text.slice(node.span.start, node.span.end).replace(/\s+/g, ' ');
  const short = source.length > 80 ? `${source.slice(0, 77)}...` : source;
  return node.kind === 'scalar' ? `'${short}'` : short;
}

/** Outputs need a Value, known keys and unique export names. */
export const outputValueRule: Rule = {
  id: 'cfn-output-value',
  description: 'Every output needs a Value and only the keys Value, Description, Export (with a Name) and Condition; export names must be unique in the template.',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    const { template, document } = context;
    const report = context.report.bind(context);
    if (!template) return;
    const exports = new Map<string, ExportName[]>();
    for (const entry of template.outputs.values()) {
      // `Fn::ForEach::Loop` entries (AWS::LanguageExtensions) generate outputs; they are not outputs.
      if (entry.name.startsWith('Fn::ForEach::')) continue;
      const node = entry.node;
      if (node.kind !== 'mapping') {
        const empty = node.kind === 'scalar' && node.text === '';
        report(empty ? entry.keyNode.span : node.span, `Output '${entry.name}' must be a mapping with a Value.`);
        continue;
      }
      for (const pair of node.pairs) {
        const key = pair.key.text;
        if (OUTPUT_KEYS.includes(key)) continue;
        const suggestions = suggest(key, OUTPUT_KEYS);
        report(pair.key.span, `Unknown output key '${key}'.${didYouMean(suggestions)}`, renameFixes(document.text, pair.key.span, suggestions));
      }
      const valuePair = getPair(node, 'Value');
      if (!valuePair) report(entry.keyNode.span, `Output '${entry.name}' has no Value.`);
      else if (valuePair.value.kind === 'scalar' && valuePair.value.value === null) report(valuePair.key.span, `The Value of output '${entry.name}' is empty.`);
      else if (valuePair.value.kind !== 'scalar' && !asIntrinsic(valuePair.value)) {
        report(valuePair.value.span, `The Value of output '${entry.name}' must be a string or an intrinsic function, not a ${valuePair.value.kind === 'sequence' ? 'list' : 'mapping'}.`);
      }
      const exportName = readExport(node, entry.name, report);
      if (!exportName) continue;
      const key = canonical(exportName);
      if (key === undefined) continue;
      const condition = getPair(node, 'Condition')?.value;
      const list = exports.get(key) ?? [];
      list.push({ output: entry.name, node: exportName, condition: condition?.kind === 'scalar' ? condition.text : undefined });
      exports.set(key, list);
    }
    for (const list of exports.values()) {
      const [first, ...rest] = list;
      for (const duplicate of rest) {
        // Outputs under different conditions may never exist together: stay silent.
        if (first!.condition !== duplicate.condition) continue;
        report(duplicate.node.span, `Export name ${shown(document.text, duplicate.node)} is also exported by output '${first!.output}'; export names must be unique.`);
      }
    }
  },
};

/** Checks an output's `Export` and returns its `Name` node. */
function readExport(node: MappingNode, output: string, report: (span: { start: number; end: number }, message: string) => void): LocatedNode | undefined {
  const exportPair = getPair(node, 'Export');
  if (!exportPair) return undefined;
  const value = exportPair.value;
  if (value.kind !== 'mapping') {
    const empty = value.kind === 'scalar' && value.text === '';
    report(empty ? exportPair.key.span : value.span, `Export of output '${output}' must be a mapping with a Name.`);
    return undefined;
  }
  for (const pair of value.pairs) {
    if (!EXPORT_KEYS.includes(pair.key.text)) report(pair.key.span, `Unknown Export key '${pair.key.text}'; an Export has only a Name.${didYouMean(suggest(pair.key.text, EXPORT_KEYS))}`);
  }
  const name = getPair(value, 'Name');
  if (!name) {
    report(exportPair.key.span, `Export of output '${output}' has no Name.`);
    return undefined;
  }
  return name.value;
}
