/**
 * The value formats of ids and ARNs that the resource provider schemas name with a
 * `format` keyword (`AWS::EC2::VPC.Id`, `AWS::IAM::Role.Arn`...), compiled into the
 * constraint data by scripts/buildConstraints.mjs: a person-readable label for each,
 * and for most a test of a literal value.
 *
 * The shapes are cfn-lint 1.51.0's (cfnlint/rules/formats/*.py, MIT-0), written here as
 * scanners instead of regular expressions: document values are hostile, and every test
 * is linear in the length of the value, which is bounded besides ({@link MAX_FORMAT_LENGTH}).
 */

/** Longest value tested: ids and ARNs are short (an ARN is at most 2,048 characters); longer values are not tested. */
export const MAX_FORMAT_LENGTH = 4096;

/** The pseudo format the data gives a property named for an ARN when its schema names no format (scripts/buildConstraints.mjs). */
export const ANY_ARN = 'arn';

/**
 * Stands for a `${...}` of an `Fn::Sub` template in the text given to an ARN test: a part of the
 * ARN that holds one could be anything, the literal parts are checked (`arn:${AWS::Partition}:iam::...`).
 */
export const HOLE = '\u0000';

/** One known format. */
export interface FormatInfo {
  /** What a person calls such a value: "a VPC id (vpc-…)". */
  readonly label: string;
  /** True when {@link problem} understands {@link HOLE}s (the ARN formats); other formats skip templates. */
  readonly holes?: true;
  /** Why a value is not of the format (a short sentence), or undefined when it is. Absent: literals are not tested. */
  readonly problem?: (text: string) => string | undefined;
}

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

function isLowerHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 102);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLowerAlnum(code: number): boolean {
  return isDigit(code) || (code >= 97 && code <= 122);
}

function isAlnum(code: number): boolean {
  return isLowerAlnum(code) || (code >= 65 && code <= 90);
}

/** Whether `text[from, to)` is made only of characters `test` accepts. */
function all(text: string, from: number, to: number, test: (code: number) => boolean): boolean {
  for (let i = from; i < to; i++) if (!test(text.charCodeAt(i))) return false;
  return true;
}

/** `<prefix>-` followed by 8 or 17 characters (`vpc-0a1b2c3d`, `subnet-0123456789abcdef0`). */
function resourceId(prefix: string, what: string, test: (code: number) => boolean, kind: string) {
  return (text: string): string | undefined => {
    const rest = text.length - prefix.length;
    if (!text.startsWith(prefix)) return `${what} starts with '${prefix}'`;
    if ((rest !== 8 && rest !== 17) || !all(text, prefix.length, text.length, test)) return `${what} is '${prefix}' followed by 8 or 17 ${kind}`;
    return undefined;
  };
}

/** The parts of an ARN: `arn:partition:service:region:account:resource`; undefined when it has fewer than six. */
function arnParts(text: string): { partition: string; service: string; region: string; account: string; resource: string } | undefined {
  const colons: number[] = [];
  for (let i = 0; i < text.length && colons.length < 5; i++) if (text.charCodeAt(i) === 58) colons.push(i);
  if (colons.length < 5 || text.slice(0, colons[0]) !== 'arn') return undefined;
  return {
    partition: text.slice(colons[0]! + 1, colons[1]),
    service: text.slice(colons[1]! + 1, colons[2]),
    region: text.slice(colons[2]! + 1, colons[3]),
    account: text.slice(colons[3]! + 1, colons[4]),
    resource: text.slice(colons[4]! + 1),
  };
}

/**
 * An ARN of one service, read part by part so the message names the part that is wrong:
 * partition `aws` (or `aws-cn`, `aws-us-gov`...), the service, a region (or none for IAM),
 * a 12-digit account, and a resource that starts as the service's resources do.
 */
function arn(service: string, regional: boolean, resourceStarts: readonly string[], resourceShape: string) {
  const shape = `arn:aws:${service}:${regional ? '<region>' : ''}:<account>:${resourceShape}`;
  const known = (part: string): boolean => !part.includes(HOLE);
  return (text: string): string | undefined => {
    const parts = arnParts(text);
    // A template whose holes may hold colons (`${Prefix}:role/x`) cannot be split into parts.
    if (!parts) return text.includes(HOLE) ? undefined : `an ARN has the form ${shape}`;
    const { partition, region, account, resource } = parts;
    if (known(partition) && (!partition.startsWith('aws') || !all(partition, 3, partition.length, (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45))) return `its partition '${partition}' is not an AWS partition (aws, aws-cn, aws-us-gov...)`;
    if (known(parts.service) && parts.service !== service) return `its service is '${parts.service}', not '${service}'`;
    if (known(region) && regional && (region.length === 0 || !all(region, 0, region.length, (c) => isLowerAlnum(c) || c === 45))) return `its region '${region}' is not a region name`;
    if (known(region) && !regional && region.length > 0) return `${service} ARNs have no region (${shape})`;
    if (known(account) && (account.length !== 12 || !all(account, 0, 12, isDigit))) return `its account '${account}' is not a 12-digit account id`;
    // cfn-lint's `.+` stops at a line break: a resource part holding one is no ARN.
    if (resource.includes('\n')) return `its resource part must look like ${resourceShape}, on one line`;
    const hole = resource.indexOf(HOLE);
    const fits = hole < 0
      ? resourceStarts.some((start) => resource.startsWith(start) && resource.length > start.length)
      : resourceStarts.some((start) => start.startsWith(resource.slice(0, hole)) || resource.startsWith(start));
    if (!fits) return `its resource part must look like ${resourceShape}`;
    return undefined;
  };
}

/**
 * Ipv4 `a.b.c.d/n`. Host bits may be set (`10.0.0.1/16`): cfn-lint's `ipv4-network` refuses them
 * (Python's strict `IPv4Network`), but EC2 masks them in security group rules and the stack deploys.
 */
function ipv4Network(text: string): string | undefined {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const octets = address.split('.');
  if (octets.length !== 4 || octets.some((octet) => octet.length === 0 || octet.length > 3 || !all(octet, 0, octet.length, isDigit) || Number(octet) > 255 || (octet.length > 1 && octet[0] === '0'))) {
    return 'an IPv4 CIDR block is four numbers from 0 to 255 and a prefix length, like 10.0.0.0/16';
  }
  if (slash < 0) return undefined;
  const prefixText = text.slice(slash + 1);
  if (prefixText.length === 0 || prefixText.length > 2 || !all(prefixText, 0, prefixText.length, isDigit) || Number(prefixText) > 32) return `its prefix length '/${prefixText}' is not between /0 and /32`;
  return undefined;
}

/** Ipv6 `x:x::x/n`: hexadecimal groups with at most one `::`, a prefix from 0 to 128 (host bits are not checked). */
function ipv6Network(text: string): string | undefined {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const invalid = 'an IPv6 CIDR block is up to eight groups of hexadecimal digits and a prefix length, like 2001:db8::/56';
  if (address.length === 0 || address.length > 45) return invalid;
  const halves = address.split('::');
  if (halves.length > 2) return invalid;
  const groups = halves.flatMap((half) => (half.length === 0 ? [] : half.split(':')));
  const lastGroup = groups[groups.length - 1] ?? '';
  // An embedded IPv4 tail (`::ffff:10.0.0.1`) counts as two groups.
  const ipv4Tail = lastGroup.includes('.') ? ipv4Network(lastGroup) === undefined : false;
  const hexGroups = ipv4Tail ? groups.slice(0, -1) : groups;
  if (lastGroup.includes('.') && !ipv4Tail) return invalid;
  if (hexGroups.some((group) => group.length === 0 || group.length > 4 || !all(group, 0, group.length, isHex))) return invalid;
  const count = hexGroups.length + (ipv4Tail ? 2 : 0);
  if (halves.length === 1 ? count !== 8 : count > 7) return invalid;
  if (slash < 0) return undefined;
  const prefixText = text.slice(slash + 1);
  if (prefixText.length === 0 || prefixText.length > 3 || !all(prefixText, 0, prefixText.length, isDigit) || Number(prefixText) > 128) return `its prefix length '/${prefixText}' is not between /0 and /128`;
  return undefined;
}

const KMS_KEY_ID_SHAPE = 'a key id is a UUID (1234abcd-12ab-34cd-56ef-1234567890ab), a multi-Region key id (mrk-…) or an alias name (alias/…)';

function isUuid(text: string): boolean {
  if (text.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const code = text.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23 ? code !== 45 : !isLowerHex(code)) return false;
  }
  return true;
}

function aliasName(text: string, extra: (code: number) => boolean): boolean {
  return text.startsWith('alias/') && text.length > 6 && all(text, 6, text.length, (c) => isAlnum(c) || c === 47 || c === 95 || c === 45 || extra(c));
}

/** cfn-lint's S3 bucket name shape (E1161): 3-63 of `a-z0-9.-`, starting and ending with a letter or digit, no `..`, `.-` or `-.`. */
function bucketName(text: string): string | undefined {
  if (text.length < 3 || text.length > 63) return `a bucket name has 3 to 63 characters (this one has ${text.length})`;
  if (!all(text, 0, text.length, (c) => isLowerAlnum(c) || c === 46 || c === 45)) return 'a bucket name has only lowercase letters, digits, dots and hyphens';
  if (!isLowerAlnum(text.charCodeAt(0)) || !isLowerAlnum(text.charCodeAt(text.length - 1))) return 'a bucket name starts and ends with a letter or a digit';
  if (text.includes('..') || text.includes('.-') || text.includes('-.')) return "a bucket name has no '..', '.-' or '-.'";
  return undefined;
}

/** Characters EC2 accepts in a security group name (E1153). */
function isGroupNameChar(code: number): boolean {
  return isAlnum(code) || ' ._-:/()#,@[]+=&;{}!$*'.includes(String.fromCharCode(code));
}

function characters(test: (code: number) => boolean, min: number, max: number, message: string) {
  return (text: string): string | undefined => (text.length >= min && text.length <= max && all(text, 0, text.length, test) ? undefined : message);
}

const FORMATS: ReadonlyMap<string, FormatInfo> = new Map<string, FormatInfo>([
  ['AWS::EC2::VPC.Id', { label: 'a VPC id (vpc-…)', problem: resourceId('vpc-', 'a VPC id', isHex, 'hexadecimal digits') }],
  ['AWS::EC2::Subnet.Id', { label: 'a subnet id (subnet-…)', problem: resourceId('subnet-', 'a subnet id', isHex, 'hexadecimal digits') }],
  ['AWS::EC2::SecurityGroup.Id', { label: 'a security group id (sg-…)', problem: resourceId('sg-', 'a security group id', isHex, 'hexadecimal digits') }],
  ['AWS::EC2::Image.Id', { label: 'an AMI id (ami-…)', problem: resourceId('ami-', 'an AMI id', isLowerAlnum, 'lowercase letters or digits') }],
  ['AWS::EC2::SecurityGroup.Name', { label: 'a security group name', problem: characters(isGroupNameChar, 1, Infinity, 'a security group name has only letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*') }],
  ['AWS::KMS::Key.Id', { label: 'a KMS key id', problem: (text) => (isUuid(text) || (text.startsWith('mrk-') && text.length === 36 && all(text, 4, 36, isLowerHex)) || aliasName(text, () => false) ? undefined : KMS_KEY_ID_SHAPE) }],
  ['AWS::KMS::Key.Arn', { label: 'a KMS key ARN', holes: true, problem: arn('kms', true, ['key/', 'alias/'], 'key/<key id> or alias/<name>') }],
  ['AWS::KMS::Alias.AliasName', { label: 'a KMS alias name (alias/…)', problem: (text) => (aliasName(text, (c) => c === 58) ? undefined : "an alias name is 'alias/' followed by letters, digits, '/', '_', '-' or ':'") }],
  ['AWS::IAM::Role.Arn', { label: 'an IAM role ARN', holes: true, problem: arn('iam', false, ['role/'], 'role/<name>') }],
  ['AWS::ACM::Certificate.Arn', { label: 'an ACM certificate ARN', holes: true, problem: arn('acm', true, ['certificate/'], 'certificate/<id>') }],
  ['AWS::SNS::Topic.Arn', { label: 'an SNS topic ARN', holes: true, problem: arn('sns', true, [''], '<topic name>') }],
  ['AWS::SQS::Queue.Arn', { label: 'an SQS queue ARN', holes: true, problem: arn('sqs', true, [''], '<queue name>') }],
  ['AWS::Lambda::Function.Arn', { label: 'a Lambda function ARN', holes: true, problem: arn('lambda', true, ['function:'], 'function:<name>') }],
  ['AWS::Lambda::Function.Name', { label: 'a Lambda function name', problem: characters((c) => isAlnum(c) || c === 95 || c === 45, 1, 140, 'a function name has 1 to 140 letters, digits, hyphens or underscores') }],
  ['AWS::S3::Bucket.Name', { label: 'an S3 bucket name', problem: bucketName }],
  ['AWS::Logs::LogGroup.Name', { label: 'a CloudWatch Logs log group name', problem: characters((c) => isAlnum(c) || '._-/#'.includes(String.fromCharCode(c)), 1, 512, 'a log group name has 1 to 512 letters, digits or ._-/#') }],
  ['ipv4-network', { label: 'an IPv4 CIDR block', problem: ipv4Network }],
  ['ipv6-network', { label: 'an IPv6 CIDR block', problem: ipv6Network }],
  // A property named for an ARN (`WebACLArn`) whose schema names no format: no literal test (the
  // schema's pattern, if any, does that); a GetAtt of an id or a name there is reported.
  [ANY_ARN, { label: 'an ARN' }],
  // What parameters of AWS-specific types hold (src/engine/formats/referenceFormats.ts); no schema asks for them.
  ['AWS::EC2::Instance.Id', { label: 'an EC2 instance id (i-…)' }],
  ['AWS::EC2::KeyPair.KeyName', { label: 'an EC2 key pair name' }],
  ['AWS::EC2::AvailabilityZone.Name', { label: 'an Availability Zone name' }],
  ['AWS::EC2::Volume.Id', { label: 'an EBS volume id (vol-…)' }],
  ['AWS::Route53::HostedZone.Id', { label: 'a Route 53 hosted zone id' }],
]);

/** What a format is, or undefined for a format this table does not know (the data may be newer). */
export function formatInfo(format: string): FormatInfo | undefined {
  if (FORMATS.has(format)) return FORMATS.get(format);
  // cfn-lint's list formats: `AWS::EC2::SecurityGroup.Ids` is a list of `AWS::EC2::SecurityGroup.Id`.
  const single = singularFormat(format);
  const item = single === undefined ? undefined : FORMATS.get(single);
  return item ? { label: `a list of ${item.label.replace(/^an? /, '').replace(/ \(.*\)$/, '')}s` } : undefined;
}

/** `AWS::EC2::Subnet.Ids` -> `AWS::EC2::Subnet.Id`; undefined when the format is not a list format. */
export function singularFormat(format: string): string | undefined {
  return format.endsWith('s') && FORMATS.has(format.slice(0, -1)) ? format.slice(0, -1) : undefined;
}

/** A person-readable label for a format: "a VPC id (vpc-…)"; the raw name when unknown. */
export function formatLabel(format: string): string {
  return formatInfo(format)?.label ?? `a value of format ${format}`;
}
