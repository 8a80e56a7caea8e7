import type { Rule, RuleContext } from './rule';
import { TEMPLATE_KINDS } from './rule';
import type { LocatedNode, MappingNode, ScalarNode } from '../document/located';
import { getPair } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import type { SectionEntry } from '../cfn/template';
import { didYouMean, suggest } from '../util/suggest';
import { renameFixes } from '../util/edits';
import { compileUserPattern, MAX_PATTERN_CHARS } from '../util/userPattern';
import { templateUsesRain } from '../cfn/rain';
import { groupDigits } from '../util/compareText';

/**
 * AWS-specific parameter types ("Supported AWS-specific parameter types" in the
 * CloudFormation User Guide, Parameters section syntax).
 */
const AWS_SPECIFIC_TYPES = [
  'AWS::EC2::AvailabilityZone::Name',
  'AWS::EC2::Image::Id',
  'AWS::EC2::Instance::Id',
  'AWS::EC2::KeyPair::KeyName',
  'AWS::EC2::SecurityGroup::GroupName',
  'AWS::EC2::SecurityGroup::Id',
  'AWS::EC2::Subnet::Id',
  'AWS::EC2::VPC::Id',
  'AWS::EC2::Volume::Id',
  'AWS::Route53::HostedZone::Id',
];
/** The AWS-specific types that also have a `List<...>` form (key pairs do not). */
const LISTABLE_AWS_TYPES = AWS_SPECIFIC_TYPES.filter((type) => type !== 'AWS::EC2::KeyPair::KeyName');
const SSM_NAME = 'AWS::SSM::Parameter::Name';
const SSM_VALUE = (inner: string): string => `AWS::SSM::Parameter::Value<${inner}>`;

/** Types whose value is a single string. */
const SCALAR_TYPES = ['String', 'Number', ...AWS_SPECIFIC_TYPES, SSM_NAME];
/**
 * Types whose value is a comma-separated list. `List<String>` is not in the user guide but
 * CloudFormation accepts it (and cfn-lint allows it): rejecting it would be a false error.
 */
const LIST_TYPES = ['CommaDelimitedList', 'List<Number>', 'List<String>', ...LISTABLE_AWS_TYPES.map((type) => `List<${type}>`)];
/** Types that resolve a Systems Manager parameter: `Default` is the SSM parameter's name. */
const SSM_VALUE_TYPES = [
  ...['String', 'Number', 'CommaDelimitedList', SSM_NAME, ...AWS_SPECIFIC_TYPES].map(SSM_VALUE),
  ...['Number', 'String', ...LISTABLE_AWS_TYPES].map((type) => SSM_VALUE(`List<${type}>`)),
];

/** Every valid parameter `Type`. */
export const PARAMETER_TYPES: readonly string[] = [...SCALAR_TYPES, ...LIST_TYPES, ...SSM_VALUE_TYPES];
const PARAMETER_TYPE_SET: ReadonlySet<string> = new Set(PARAMETER_TYPES);

/**
 * CloudFormation accepts any `List<...>` and `AWS::SSM::Parameter::Value<...>` type, documented
 * or not; it just does not validate values of undocumented ones (cfn-lint W2002 says the same).
 * Calling them errors would be false, so they pass.
 */
const OPEN_GENERIC_TYPE = /^(List|AWS::SSM::Parameter::Value)<.+>$/;

/** Attributes a parameter declaration may have. */
export const PARAMETER_ATTRIBUTES: readonly string[] = ['Type', 'Default', 'AllowedValues', 'AllowedPattern', 'ConstraintDescription', 'Description', 'MaxLength', 'MaxValue', 'MinLength', 'MinValue', 'NoEcho'];

/** The `Type` of a parameter when it is a literal string. */
function parameterType(node: MappingNode): string | undefined {
  const type = getPair(node, 'Type')?.value;
  return type?.kind === 'scalar' && typeof type.value === 'string' ? type.value : undefined;
}

function forEachParameter(context: RuleContext, visit: (entry: SectionEntry & { node: MappingNode }) => void): void {
  for (const entry of context.template?.parameters.values() ?? []) {
    if (entry.node.kind === 'mapping') visit(entry as SectionEntry & { node: MappingNode });
  }
}

/** Parameters need a valid `Type` and only known attributes. */
export const parameterTypeRule: Rule = {
  id: 'cfn-parameter-type',
  description: 'Every parameter needs a valid Type (String, Number, List<Number>, CommaDelimitedList, AWS-specific and SSM parameter types) and only known attributes.',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    const { template, document } = context;
    const report = context.report.bind(context);
    if (!template) return;
    for (const entry of template.parameters.values()) {
      if (entry.node.kind !== 'mapping') {
        const empty = entry.node.kind === 'scalar' && entry.node.text === '';
        report(empty ? entry.keyNode.span : entry.node.span, `Parameter '${entry.name}' must be a mapping with a Type.`);
      }
    }
    let rain: boolean | undefined;
    forEachParameter(context, ({ name, keyNode, node }) => {
      for (const pair of node.pairs) {
        const key = pair.key.text;
        if (PARAMETER_ATTRIBUTES.includes(key)) continue;
        const suggestions = suggest(key, PARAMETER_ATTRIBUTES);
        report(pair.key.span, `Unknown parameter attribute '${key}'.${didYouMean(suggestions)}`, renameFixes(document.text, pair.key.span, suggestions));
      }
      const typePair = getPair(node, 'Type');
      if (!typePair) {
        report(keyNode.span, `Parameter '${name}' has no Type; CloudFormation requires one (usually String).`);
        return;
      }
      const type = typePair.value;
      if (type.kind !== 'scalar' || typeof type.value !== 'string') {
        const empty = type.kind === 'scalar' && type.text === '';
        report(empty ? typePair.key.span : type.span, `The Type of parameter '${name}' must be a literal string such as String or Number.`);
        return;
      }
      if (PARAMETER_TYPE_SET.has(type.value) || OPEN_GENERIC_TYPE.test(type.value)) return;
      rain ??= templateUsesRain(template);
      if (rain) return;
      const suggestions = suggest(type.value, PARAMETER_TYPES);
      const hint = didYouMean(suggestions) || ' Valid types are String, Number, List<Number>, CommaDelimitedList, AWS-specific types such as AWS::EC2::VPC::Id and AWS::SSM::Parameter::Value<...>.';
      report(type.span, `Unknown parameter type '${type.value}'.${hint}`, renameFixes(document.text, type.span, suggestions));
    });
  },
};

/** What a parameter type means for checking its default. */
type TypeShape = 'string' | 'number' | 'list' | 'numberList' | 'unchecked';

function shapeOf(type: string | undefined): TypeShape {
  if (type === undefined || !PARAMETER_TYPE_SET.has(type)) return 'unchecked';
  // The default of an SSM value parameter is the name of the SSM parameter, not the value.
  if (type.startsWith('AWS::SSM::Parameter::Value<')) return 'unchecked';
  if (type === 'Number') return 'number';
  if (type === 'List<Number>') return 'numberList';
  if (LIST_TYPES.includes(type)) return 'list';
  return 'string';
}

const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const INTEGER = /^\s*\+?\d+\s*$/;

/** A scalar attribute's text, or undefined when absent, null or not a scalar. */
function scalarText(node: LocatedNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? node.text : undefined;
}

/**
 * Java constructs JavaScript lacks or reads differently (CloudFormation evaluates
 * AllowedPattern with Java's regex engine): with any of them we cannot judge a value.
 */
const JAVA_ONLY = /\\[pPQEAZzGhHRX]|\(\?[a-zA-Z>-]|[*+?}]\+|&&/;

/**
 * Compiled AllowedPattern: a full-match test, `invalid` with a message, `tooLong`, or `unknown`
 * (Java-only syntax, or constructs only a backtracking engine runs).
 */
type Pattern =
  | { kind: 'regexp'; test: (text: string) => boolean | undefined; source: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'tooLong'; length: number }
  | { kind: 'unknown' };

function compilePattern(source: string): Pattern {
  // Checked first: the pattern is the document's, so even the inline-flag test below stays bounded.
  if (source.length > MAX_PATTERN_CHARS) return { kind: 'tooLong', length: source.length };
  let body = source;
  let flags = '';
  // Java's leading inline flags, e.g. `(?i)`, are JavaScript flags.
  const inline = /^\(\?([ims]+)\)/.exec(body);
  if (inline) {
    flags = [...new Set(inline[1])].join('');
    body = body.slice(inline[0].length);
  }
  if (JAVA_ONLY.test(body)) return { kind: 'unknown' };
  // CloudFormation requires the whole value to match (Java's Matcher.matches()); a linear-time
  // engine, because `(a+)+b` against a 40-character Default would backtrack for a minute.
  const compiled = compileUserPattern(body, flags, true);
  switch (compiled.kind) {
    case 'regexp':
      return { kind: 'regexp', test: compiled.test, source };
    case 'invalid':
    case 'tooLong':
      return compiled;
    default:
      return { kind: 'unknown' };
  }
}

function quote(text: string): string {
  return `'${text.length > 60 ? `${text.slice(0, 57)}...` : text}'`;
}

function listOf(values: readonly string[]): string {
  const shown = values.slice(0, 6).map(quote).join(', ');
  return values.length > 6 ? `${shown}, ...` : shown;
}

interface Bounds {
  readonly min?: { value: number; node: ScalarNode };
  readonly max?: { value: number; node: ScalarNode };
}

/** Reads a Min/Max pair, reporting values that are not numbers (or not non-negative integers) and min > max. */
function readBounds(context: RuleContext, node: MappingNode, names: readonly [string, string], integer: boolean): Bounds {
  const out: { min?: { value: number; node: ScalarNode }; max?: { value: number; node: ScalarNode } } = {};
  names.forEach((name, index) => {
    const pair = getPair(node, name);
    // Intrinsic functions in Parameters are cfn-intrinsic-context's finding.
    if (!pair || asIntrinsic(pair.value)) return;
    const value = pair.value;
    const text = scalarText(value);
    const valid = text !== undefined && (integer ? INTEGER : NUMBER).test(text);
    if (!valid || value.kind !== 'scalar') {
      const empty = value.kind === 'scalar' && value.text === '';
      context.report(empty ? pair.key.span : value.span, `${name} must be ${integer ? 'a non-negative integer' : 'a number'}.`);
      return;
    }
    if (index === 0) out.min = { value: Number(text), node: value };
    else out.max = { value: Number(text), node: value };
  });
  if (out.min && out.max && out.min.value > out.max.value) {
    context.report(out.min.node.span, `${names[0]} (${out.min.node.text}) is greater than ${names[1]} (${out.max.node.text}): no value can satisfy both.`);
  }
  return out;
}

/** Checks one parameter's constraints and its Default against them. */
function checkParameter(context: RuleContext, name: string, node: MappingNode): void {
  const report = context.report.bind(context);
  const shape = shapeOf(parameterType(node));

  let allowed: string[] | undefined;
  /** Allowed values written as plain YAML/JSON numbers: `1.0` and `1` may be the same value after parsing. */
  let allowedNumbers: number[] = [];
  const allowedPair = getPair(node, 'AllowedValues');
  if (allowedPair) {
    const value = allowedPair.value;
    if (value.kind === 'sequence') {
      const texts = value.items.map(scalarText);
      if (texts.every((text) => text !== undefined)) allowed = texts as string[];
      allowedNumbers = value.items.flatMap((item) => (item.kind === 'scalar' && typeof item.value === 'number' ? [item.value] : []));
    } else if (!asIntrinsic(value)) {
      const empty = value.kind === 'scalar' && value.text === '';
      report(empty ? allowedPair.key.span : value.span, `AllowedValues of parameter '${name}' must be a list of values.`);
    }
  }

  let pattern: Pattern | undefined;
  const patternPair = getPair(node, 'AllowedPattern');
  if (patternPair) {
    const source = scalarText(patternPair.value);
    if (source !== undefined) {
      pattern = compilePattern(source);
      if (pattern.kind === 'invalid') report(patternPair.value.span, `AllowedPattern of parameter '${name}' is not a valid regular expression: ${pattern.message}.`);
      if (pattern.kind === 'tooLong') {
        const message = `AllowedPattern of parameter '${name}' is too long to check (${groupDigits(pattern.length)} characters; ArchLens checks patterns up to ${groupDigits(MAX_PATTERN_CHARS)}), so its Default is not checked against it.`;
        report(patternPair.value.span, message, [], 'warning');
      }
    }
  }

  const lengths = readBounds(context, node, ['MinLength', 'MaxLength'], true);
  const values = readBounds(context, node, ['MinValue', 'MaxValue'], false);

  const defaultPair = getPair(node, 'Default');
  if (!defaultPair || shape === 'unchecked') return;
  const defaultNode = defaultPair.value;
  if (defaultNode.kind !== 'scalar') {
    // Intrinsic functions in Parameters are cfn-intrinsic-context's finding.
    if (asIntrinsic(defaultNode)) return;
    const listHint = shape === 'list' || shape === 'numberList' ? ' (a comma-separated string for list types)' : '';
    report(defaultNode.span, `The Default of parameter '${name}' must be a string${listHint}.`);
    return;
  }
  if (defaultNode.value === null) return;
  const text = defaultNode.text;
  const isList = shape === 'list' || shape === 'numberList';
  // An empty list default means "no items".
  if (isList && text.trim() === '') return;
  // CloudFormation trims each member of a comma-delimited list.
  const members = isList ? text.split(',').map((member) => member.trim()) : [text];
  const numeric = shape === 'number' || shape === 'numberList';
  const at = defaultNode.span;
  const label = (member: string): string => (isList ? `The default member ${quote(member)}` : `Default ${quote(member)}`);

  for (const member of members) {
    if (numeric && !NUMBER.test(member)) {
      report(at, `${label(member)} of parameter '${name}' is not a number, but the parameter's Type is ${shape === 'number' ? 'Number' : 'List<Number>'}.`);
      continue;
    }
    const sameNumber = (candidate: string): boolean => numeric && NUMBER.test(candidate) && Number(candidate) === Number(member);
    const plainNumber = !isList && typeof defaultNode.value === 'number' && allowedNumbers.includes(defaultNode.value);
    if (allowed && !plainNumber && !allowed.some((candidate) => candidate === member || sameNumber(candidate))) {
      report(at, `${label(member)} of parameter '${name}' is not one of its AllowedValues (${listOf(allowed)}).${member.length >= 3 ? didYouMean(suggest(member, allowed, 1)) : ''}`);
    }
    if (!numeric && pattern?.kind === 'regexp' && pattern.test(member) === false) {
      report(at, `${label(member)} of parameter '${name}' does not match its AllowedPattern ${quote(pattern.source)}.`);
    }
    if (shape === 'string') {
      if (lengths.min && member.length < lengths.min.value) report(at, `${label(member)} of parameter '${name}' is ${member.length} characters long; MinLength is ${lengths.min.value}.`);
      if (lengths.max && member.length > lengths.max.value) report(at, `${label(member)} of parameter '${name}' is ${member.length} characters long; MaxLength is ${lengths.max.value}.`);
    }
    if (shape === 'number') {
      const number = Number(member);
      if (values.min && number < values.min.value) report(at, `${label(member)} of parameter '${name}' is less than its MinValue ${values.min.node.text}.`);
      if (values.max && number > values.max.value) report(at, `${label(member)} of parameter '${name}' is greater than its MaxValue ${values.max.node.text}.`);
    }
  }
}

/** A parameter's Default must satisfy its own constraints, and the constraints must make sense. */
export const parameterDefaultRule: Rule = {
  id: 'cfn-parameter-default',
  description:
    "A parameter's Default must satisfy its Type (Number), AllowedValues, AllowedPattern, MinLength/MaxLength and MinValue/MaxValue; the constraints themselves must be well-formed.",
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    forEachParameter(context, ({ name, node }) => {
      if (node.pairs.length > 0) checkParameter(context, name, node);
    });
  },
};
