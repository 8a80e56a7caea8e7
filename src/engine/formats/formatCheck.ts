/**
 * The two format checks of a property value, called by the constraint checker from the
 * shared property walk (no walk of their own): a literal against the format(s) its schema
 * names, and the result of a `Ref` / `Fn::GetAtt` against them. Both return a message, or
 * undefined when the value fits (or cannot be judged).
 */

import type { FormatNames } from '../constraints/constraintTypes';
import { ANY_ARN, HOLE, MAX_FORMAT_LENGTH, formatInfo, formatLabel } from './formatCatalog';
import type { ReferenceFormat } from './referenceFormats';

/** Format names as a list. */
export function formatList(formats: FormatNames | undefined): readonly string[] {
  if (formats === undefined) return [];
  return typeof formats === 'string' ? [formats] : formats;
}

/** "a VPC id (vpc-…)" or "a KMS key ARN, a KMS key id or a KMS alias name (alias/…)". */
export function formatLabels(formats: readonly string[]): string {
  const labels = formats.map(formatLabel);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]!}`;
}

/** Values that are accepted whatever the format says. */
function exempt(text: string, format: string): boolean {
  // EC2 reads an SSM parameter in place of an AMI id (`resolve:ssm:/aws/service/...`), in launch templates and RunInstances.
  if (format === 'AWS::EC2::Image.Id' && text.startsWith('resolve:ssm:')) return true;
  // An empty BucketName lets CloudFormation generate the name (cfn-lint's E1161 accepts it too).
  return format === 'AWS::S3::Bucket.Name' && text === '';
}

/**
 * Why a literal value does not have any of the expected formats, or undefined when it has one,
 * is too long to test, holds a dynamic reference (`{{resolve:...}}`, resolved at deploy time),
 * or one of the formats has no test (then nothing can be said).
 */
export function literalFormatProblem(text: string, formats: FormatNames): string | undefined {
  const expected = formatList(formats);
  if (expected.length === 0 || text.length > MAX_FORMAT_LENGTH || text.includes('{{resolve:')) return undefined;
  const problems: string[] = [];
  const template = text.includes(HOLE);
  for (const format of expected) {
    const info = formatInfo(format);
    const problem = info?.problem;
    if (!problem || exempt(text, format)) return undefined;
    // Formats that know no holes judge a template with each hole as one letter: only ARN templates
    // (`arn:...`) get here, which no id, alias or name format accepts whatever the holes hold.
    const found = problem(template && !info.holes ? text.replaceAll(HOLE, 'x') : text);
    if (found === undefined) return undefined;
    problems.push(found);
  }
  // With several formats (a key id, a key ARN or an alias), explain the one the value was aiming at.
  const arnLike = text.startsWith('arn:');
  const index = expected.length === 1 ? 0 : Math.max(0, expected.findIndex((format) => format.endsWith('.Arn') === arnLike));
  return `is not ${formatLabels(expected)}: ${problems[index]!}`;
}

/** Pseudo parameters whose value has a known shape: a sample of it checks the part of the ARN it fills. */
const PSEUDO_VALUES: ReadonlyMap<string, string> = new Map([
  ['AWS::Partition', 'aws'],
  ['AWS::Region', 'us-east-1'],
  ['AWS::AccountId', '123456789012'],
]);

/**
 * An `Fn::Sub` template with each `${...}` (and `${!...}`) replaced by one {@link HOLE} (pseudo parameters
 * of a known shape by a sample value: `${AWS::Region}` is never empty), for the ARN
 * tests; undefined when it cannot be read (an unclosed `${`, a NUL already in it). Linear: each `${`
 * jumps to its `}`.
 */
export function subTemplateWithHoles(template: string): string | undefined {
  if (template.includes(HOLE)) return undefined;
  let out = '';
  let from = 0;
  for (let at = template.indexOf('${'); at >= 0; at = template.indexOf('${', from)) {
    const end = template.indexOf('}', at + 2);
    if (end < 0) return undefined;
    out += template.slice(from, at) + (PSEUDO_VALUES.get(template.slice(at + 2, end)) ?? HOLE);
    from = end + 1;
  }
  return out + template.slice(from);
}

/** The formats a value at this position must have: a list position takes a list format (`...Ids`) or the list of its items' format. */
export function expectedFormats(own: FormatNames | undefined, itemFormats: FormatNames | undefined, listPosition: boolean): readonly string[] {
  if (own !== undefined) return formatList(own);
  return listPosition ? formatList(itemFormats).filter((format) => format !== ANY_ARN).map((format) => `${format}s`) : [];
}

/**
 * Whether an attribute's name says it holds values of a format (`VpcId` of an
 * `AWS::EC2::InstanceConnectEndpoint`, `EncryptionConfigKeyArn` of an EKS cluster) although its schema
 * names none: such a GetAtt is given the benefit of the doubt (cfn-lint's E1040 reports it).
 */
function namesFormat(attribute: string, format: string): boolean {
  const parts = /^AWS::[A-Za-z0-9]+::([A-Za-z0-9]+)\.([A-Za-z]+)$/.exec(format);
  if (!parts) return false;
  const [, resource, property] = parts as unknown as [string, string, string];
  const tail = attribute.slice(attribute.lastIndexOf('.') + 1).toLowerCase();
  const name = property.toLowerCase();
  // `Alias.AliasName` reads `AliasName`; a security group's id is often just a `GroupId`.
  return tail.endsWith(name.startsWith(resource.toLowerCase()) ? name : `${resource.toLowerCase()}${name}`) || (resource === 'SecurityGroup' && tail.endsWith(`group${name}`));
}

/** Attribute names that say the value is an id or a name (`Id`, `GroupId`, `Name`), not an ARN. */
const ID_OR_NAME = /(^|[a-z0-9])(Id|ID|Name)$/;

/**
 * Whether a reference certainly returns something other than an ARN: a value of formats that are
 * not ARNs (a VPC id, a security group name), or a format-less attribute named for an id or a name
 * (`!GetAtt WebAcl.Id`). A format-less `Ref` may be an ARN (many are) and is not judged.
 */
function notAnArn(reference: ReferenceFormat): boolean {
  if (reference.formats.length > 0) return !reference.formats.some((format) => format.endsWith('.Arn') || format === ANY_ARN);
  return reference.attribute !== undefined && ID_OR_NAME.test(reference.attribute);
}

/**
 * Why what a reference returns does not fit the expected formats (and what to use instead), or
 * undefined when it does.
 * As cfn-lint's E1040/E1041: where one format is expected, a result without a format (a role
 * name where a role ARN is expected) is reported too; where several are accepted, only a result
 * whose format is none of them is.
 */
export function referenceFormatProblem(reference: ReferenceFormat, expected: readonly string[]): ReferenceProblem | undefined {
  if (expected.length === 0) return undefined;
  if (expected.includes(ANY_ARN) && !notAnArn(reference)) return undefined;
  if (reference.formats.some((format) => expected.includes(format))) return undefined;
  if (reference.formats.length === 0 && expected.length > 1) return undefined;
  if (reference.formats.length === 0 && reference.attribute !== undefined && expected.some((format) => namesFormat(reference.attribute!, format))) return undefined;
  const alternative = reference.alternative(expected);
  const use = alternative ? ` Use ${alternative}.` : '';
  if (reference.formats.length === 0 && expected.includes(ANY_ARN)) return { message: `expects an ARN, but ${reference.shown} returns ${reference.plain}, not an ARN.${use}`, alternative };
  const returns = reference.formats.length > 0 ? formatLabels(reference.formats) : reference.plain;
  return { message: `expects ${formatLabels(expected)}, but ${reference.shown} returns ${returns}.${use}`, alternative };
}

/** What is wrong with a reference, and the reading to use instead (`!GetAtt AppRole.Arn`) when there is one. */
export interface ReferenceProblem {
  readonly message: string;
  readonly alternative?: string | undefined;
}

/**
 * The text that replaces a `Ref` / `Fn::GetAtt` (`original`, as written) by `alternative` (a short form,
 * `!GetAtt AppRole.Arn`), in the style written: a short-form tag, or a flow / JSON object. Undefined for
 * a block mapping (`Ref: X` on its own line), whose rewrite would need its indentation.
 */
export function replacementText(original: string, alternative: string): string | undefined {
  if (original.startsWith('!')) return alternative;
  if (!original.startsWith('{')) return undefined;
  const ref = /^!Ref (.+)$/.exec(alternative);
  if (ref) return `{"Ref": ${JSON.stringify(ref[1])}}`;
  const getAtt = /^!GetAtt ([^.]+)\.(.+)$/.exec(alternative);
  return getAtt ? `{"Fn::GetAtt": [${JSON.stringify(getAtt[1])}, ${JSON.stringify(getAtt[2])}]}` : undefined;
}
