// Nested stacks whose child template is a local file (`TemplateURL: ./child.yaml`, which
// `aws cloudformation package` uploads): the `Parameters` passed must be exactly parameters of the
// child, and every child parameter without a `Default` must be passed. CloudFormation fails the
// parent's update otherwise ("Parameters: [X] do not exist in the template" / "Parameters: [Y]
// must have values"). The child is read through the host (`RuleContext.readFile`): no I/O here.
import type { ResourceEntry, TemplateModel } from '../cfn/template';
import type { LocatedNode, Span } from '../document/located';
import { getPair, getValue } from '../document/located';
import { parseDocument } from '../document/parseDocument';
import { resolveTemplateTag } from '../cfn/shortForms';
import { isAbsoluteLocation, resolveLocation } from '../apigateway/embedded';
import { literalString, referencedLogicalId, resourcesOf } from './resourceIndex';

export interface NestedStackProblem {
  readonly span: Span;
  readonly message: string;
}

/** How the rule may read files: the host's reader and its policy for absolute paths. */
export interface ChildReader {
  readonly fileName: string;
  readonly readFile: (path: string) => string | undefined;
  readonly followAbsolute: boolean;
}

/** Where each nested-stack type keeps its child location and its parameters. */
const NESTED_TYPES: readonly { type: string; location: string }[] = [
  { type: 'AWS::CloudFormation::Stack', location: 'TemplateURL' },
  { type: 'AWS::Serverless::Application', location: 'Location' },
];

/** A local file location: not a URL, not a dynamic reference, not an intrinsic. */
function localLocation(node: LocatedNode | undefined): string | undefined {
  const value = literalString(node)?.value as string | undefined;
  if (value === undefined || value.trim() === '') return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.includes('{{resolve:')) return undefined;
  return value;
}

/** The child's parameters (name -> has a Default), or undefined when it cannot be read or parsed. */
function childParameters(path: string, reader: ChildReader): Map<string, boolean> | undefined {
  let text: string | undefined;
  try {
    text = reader.readFile(path);
  } catch {
    // A missing child is the packaging step's to report; this rule judges parameters only.
    return undefined;
  }
  if (text === undefined) return undefined;
  const child = parseDocument(path, text, { resolveTag: resolveTemplateTag });
  if (child.root?.kind !== 'mapping' || child.problems.some((problem) => problem.severity === 'error')) return undefined;
  const section = getValue(child.root, 'Parameters');
  const out = new Map<string, boolean>();
  if (section === undefined) return out;
  if (section.kind !== 'mapping') return undefined;
  for (const pair of section.pairs) out.set(pair.key.text, getValue(pair.value, 'Default') !== undefined);
  return out;
}

function checkStack(stack: ResourceEntry, location: string, reader: ChildReader): NestedStackProblem[] {
  const locationNode = getValue(stack.properties, location)!;
  const raw = localLocation(locationNode)!;
  if (isAbsoluteLocation(raw) && !reader.followAbsolute) return [];
  const path = resolveLocation(reader.fileName, raw);
  const expected = childParameters(path, reader);
  if (expected === undefined) return [];
  const passedPair = getPair(stack.properties, 'Parameters');
  const passed = passedPair?.value;
  // Parameters from an intrinsic (`!If`, `!Ref`) cannot be judged.
  if (passed !== undefined && (passed.kind !== 'mapping' || passed.fromShortForm || passed.pairs.some((pair) => pair.key.text.startsWith('Fn::')))) return [];
  const problems: NestedStackProblem[] = [];
  const given = new Set<string>();
  for (const pair of passed?.kind === 'mapping' ? passed.pairs : []) {
    // `!Ref AWS::NoValue` passes nothing: the child's Default (or nothing) applies.
    if (referencedLogicalId(pair.value) === 'AWS::NoValue') continue;
    given.add(pair.key.text);
    if (expected.has(pair.key.text)) continue;
    const known = [...expected.keys()];
    problems.push({ span: pair.key.span, message: `${stack.name} passes '${pair.key.text}', which is not a parameter of ${raw} (${known.length > 0 ? known.join(', ') : 'it has none'}): CloudFormation fails the stack ("Parameters: [${pair.key.text}] do not exist in the template").` });
  }
  const missing = [...expected].filter(([name, hasDefault]) => !hasDefault && !given.has(name)).map(([name]) => name);
  if (missing.length > 0) {
    const anchor = passedPair?.key.span ?? locationNode.span;
    problems.push({ span: anchor, message: `${stack.name} does not pass ${missing.map((name) => `'${name}'`).join(', ')}, required by ${raw} (no Default there): CloudFormation fails the stack ("Parameters: [${missing.join(', ')}] must have values"). Add ${missing.length > 1 ? 'them' : 'it'} to Parameters.` });
  }
  return problems;
}

/** Parameter mismatches of every nested stack whose child is a readable local file. */
export function nestedStackProblems(template: TemplateModel | undefined, reader: ChildReader | undefined): NestedStackProblem[] {
  if (!reader) return [];
  const problems: NestedStackProblem[] = [];
  for (const { type, location } of NESTED_TYPES) {
    for (const stack of resourcesOf(template, type)) {
      if (localLocation(getValue(stack.properties, location)) === undefined) continue;
      problems.push(...checkStack(stack, location, reader));
    }
  }
  return problems.sort((a, b) => a.span.start - b.span.start);
}
