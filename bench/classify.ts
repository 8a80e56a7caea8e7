/**
 * Classifying a 5 MB file that is not a template, as the engine does on open and on every edit
 * (`analyzeDocument`), against `JSON.parse` of the same text. Two files: a CDK `tree.json`-shaped
 * JSON whose text mentions `Resources` (so the top-level key scan runs, not only the word
 * search), and a YAML of the same data. The full parse it replaces is shown beside.
 */
import { analyzeDocument } from '../src/engine/analyzedDocument';
import { parseDocument } from '../src/engine/document/parseDocument';
import { formatPairDetail, formatRatio, interleavedPairs, timeInProcess, type PairResult } from './pairs';

/** A CDK tree.json-like document of about `bytes` characters: constructs with resource types and properties. */
export function cdkTreeJson(bytes: number): string {
  // About 400 characters per construct pretty-printed; the text is trimmed to size by construct count.
  const first = treeOf(Math.ceil(bytes / 400));
  return treeOf(Math.floor((Math.ceil(bytes / 400) * bytes) / first.length));
}

function treeOf(constructs: number): string {
  const children: Record<string, unknown> = {};
  for (let i = 0; i < constructs; i++) {
    const construct = {
      id: `Construct${i}`,
      path: `Stack/Resources/Construct${i}/Resource`,
      children: {
        Resource: {
          id: 'Resource',
          path: `Stack/Construct${i}/Resource`,
          attributes: { 'aws:cdk:cloudformation:type': 'AWS::SQS::Queue', 'aws:cdk:cloudformation:props': { queueName: `queue-${i}`, visibilityTimeout: 30 + (i % 60), tags: [{ key: 'team', value: `t${i % 7}` }] } },
          constructInfo: { fqn: 'aws-cdk-lib.aws_sqs.CfnQueue', version: '2.150.0' },
        },
      },
    };
    children[`Construct${i}`] = construct;
  }
  return JSON.stringify({ version: 'tree-0.1', tree: { id: 'App', path: '', children: { Stack: { id: 'Stack', path: 'Stack', children } } } }, null, 1);
}

/** The same data as block YAML (JSON lines re-indented: a plain YAML a parser reads as block mappings). */
function asYaml(value: unknown, indent = ''): string {
  if (Array.isArray(value)) return value.map((item) => `\n${indent}- ${asYaml(item, `${indent}  `).trimStart()}`).join('');
  if (value && typeof value === 'object') return Object.entries(value).map(([key, item]) => `\n${indent}${JSON.stringify(key)}:${typeof item === 'object' && item !== null ? asYaml(item, `${indent}  `) : ` ${JSON.stringify(item)}`}`).join('');
  return JSON.stringify(value);
}

export interface ClassifyResult {
  readonly json: PairResult;
  readonly yaml: PairResult;
  readonly rows: { label: string; value: string; note: string }[];
}

export async function benchClassify(pairs: number): Promise<ClassifyResult> {
  const json = cdkTreeJson(5_000_000);
  const yaml = asYaml(JSON.parse(json)).trimStart() + '\n';
  const check = (file: string, text: string): void => {
    if (analyzeDocument(file, text).kind !== 'other') throw new Error(`${file} was not classified "other"`);
  };
  check('tree.json', json);
  check('tree.yaml', yaml);
  const parseFloor = (text: string) => () => timeInProcess(() => JSON.parse(text));
  const jsonPairs = await interleavedPairs(() => timeInProcess(() => analyzeDocument('tree.json', json)), parseFloor(json), pairs, 2);
  const yamlPairs = await interleavedPairs(() => timeInProcess(() => analyzeDocument('tree.yaml', yaml)), parseFloor(json), pairs, 2);
  const fullParse = await timeInProcess(() => parseDocument('tree.json', json));
  const mb = (text: string): string => `${(text.length / 1e6).toFixed(1)} MB`;
  return {
    json: jsonPairs,
    yaml: yamlPairs,
    rows: [
      { label: `classify tree.json (${mb(json)})`, value: formatRatio(jsonPairs.ratio), note: `${formatPairDetail(jsonPairs, 'classify', 'JSON.parse')}; the located parse it skips: ${fullParse.wallMs.toFixed(0)} ms (1 run)` },
      { label: `classify tree.yaml (${mb(yaml)})`, value: formatRatio(yamlPairs.ratio), note: `vs JSON.parse of the JSON; ${formatPairDetail(yamlPairs, 'classify', 'JSON.parse')}` },
    ],
  };
}
