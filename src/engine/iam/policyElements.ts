/**
 * Checks of single policy elements: action names, resource ARNs, principals and condition
 * blocks. Values made by functions (`!Sub`, `!GetAtt`, `!Ref`...) are accepted as they are;
 * each `Fn::If` branch is checked.
 */
import type { LocatedNode, ScalarNode } from '../document/located';
import { editDistance, suggest } from '../util/suggest';
import type { IamActionSource } from './iamActions';
import type { IssueSink } from './iamIssues';
import type { PolicyProfile } from './policyLocations';
import { possibleValues } from './policyLocations';

/** Longest literal value judged (longer ones are not real ARNs or actions; the work stays bounded). */
const MAX_VALUE = 2048;

/** Whether a mapping mixes in function keys (`Fn::Transform`, a `Ref` beside keys): its content is unknown. */
export function hasFunctionKeys(node: LocatedNode): boolean {
  return node.kind === 'mapping' && node.pairs.some((pair) => pair.key.text === 'Ref' || pair.key.text.startsWith('Fn::'));
}

/** The literal string scalars among the values a node may take (string or list of strings), skipping functions. */
export function literalStrings(node: LocatedNode): ScalarNode[] {
  const out: ScalarNode[] = [];
  for (const value of possibleValues(node)) {
    const items = value.kind === 'sequence' ? value.items.flatMap((item) => possibleValues(item)) : [value];
    for (const item of items) if (item.kind === 'scalar' && typeof item.value === 'string' && item.value.length <= MAX_VALUE) out.push(item);
  }
  return out;
}

/**
 * Whether `name` matches the IAM wildcard `pattern` (`*` any run, `?` one character). Greedy
 * with one backtrack point: O(n·m) at worst whatever the pattern, unlike a regular expression.
 */
export function wildcardMatch(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++resume;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/**
 * Gives a lower-case suggestion the capitals of what was typed where the letters agree
 * (`ReplicationTags` + `replicatetags` -> `ReplicateTags`), aligning both by their longest
 * common subsequence (names are short: at most 128 x 128 cells).
 */
export function restoreCase(typed: string, suggestion: string): string {
  if (typed.length > 128 || suggestion.length > 128) return suggestion;
  const a = typed.toLowerCase();
  const rows = a.length + 1;
  const cols = suggestion.length + 1;
  const lcs = new Uint8Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = suggestion.length - 1; j >= 0; j--) {
      lcs[i * cols + j] = a[i] === suggestion[j] ? lcs[(i + 1) * cols + j + 1]! + 1 : Math.max(lcs[(i + 1) * cols + j]!, lcs[i * cols + j + 1]!);
    }
  }
  let out = '';
  let i = 0;
  for (let j = 0; j < suggestion.length; ) {
    if (i < a.length && a[i] === suggestion[j]) {
      out += typed[i];
      i++;
      j++;
    } else if (i < a.length && lcs[(i + 1) * cols + j]! >= lcs[i * cols + j + 1]!) i++;
    else out += suggestion[j++];
  }
  return out;
}

/** Wildcard verdicts per service's name set: policies repeat their patterns (`logs:*`, `s3:Get*`). */
const wildcardVerdicts = new WeakMap<ReadonlySet<string>, Map<string, boolean>>();
/** Verdicts kept per service at most (patterns come from documents: the cache must stay bounded). */
const MAX_VERDICTS = 10_000;

/** Whether an action wildcard matches any name of the service. */
function matchesAny(known: ReadonlySet<string>, pattern: string): boolean {
  let verdicts = wildcardVerdicts.get(known);
  if (verdicts === undefined) {
    verdicts = new Map();
    wildcardVerdicts.set(known, verdicts);
  }
  const cached = verdicts.get(pattern);
  if (cached !== undefined) return cached;
  let matches = false;
  for (const candidate of known) {
    if (wildcardMatch(pattern, candidate)) {
      matches = true;
      break;
    }
  }
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(pattern, matches);
  return matches;
}

/** Checks `Action` / `NotAction` names: `service:action` form, a service prefix that exists, an action it has. */
export function checkActions(sink: IssueSink, node: LocatedNode, element: string, profile: PolicyProfile, actions: IamActionSource | undefined): void {
  const prefixes = actions?.servicePrefixes() ?? [];
  for (const scalar of literalStrings(node)) {
    const text = scalar.value as string;
    if (text === '*') continue;
    const colon = text.indexOf(':');
    if (colon <= 0) {
      sink.report('action', scalar, `${element} '${text}' is not of the form 'service:action' (for example 's3:GetObject') or '*'.`);
      continue;
    }
    const service = text.slice(0, colon).toLowerCase();
    const name = text.slice(colon + 1).toLowerCase();
    if (/[*?]/.test(service)) continue;
    if (profile.actionServices && !profile.actionServices.includes(service)) {
      sink.report('action', scalar, `${element} '${text}' is not an action of ${profile.actionServices.join(' or ')}: this policy governs only ${profile.actionServices.join(', ')} actions, and the service refuses others.`, { severity: 'warning' });
      continue;
    }
    if (prefixes.length === 0) continue;
    const known = actions!.actionsOf(service);
    if (known === undefined) {
      const services = suggest(service, prefixes);
      sink.report('action', scalar, `'${text.slice(0, colon)}' in ${element} '${text}' is not an IAM service prefix.`, {
        suggestions: services.map((s) => `${s}:${text.slice(colon + 1)}`),
        replaceable: true,
      });
      continue;
    }
    if (name === '') {
      sink.report('action', scalar, `${element} '${text}' names no action after '${text.slice(0, colon)}:'; use '${text}*' for all of them.`);
      continue;
    }
    if (/[*?]/.test(name)) {
      if (!matchesAny(known, name)) sink.report('action', scalar, `${element} '${text}' matches no ${service} action.`, { severity: 'warning' });
      continue;
    }
    if (known.has(name)) continue;
    // Only close names: a long action name is within suggest()'s reach of many unrelated ones.
    const close = suggest(name, known).filter((s) => editDistance(name, s) <= Math.max(2, Math.floor(name.length / 4))).map((s) => `${text.slice(0, colon)}:${restoreCase(text.slice(colon + 1), s)}`);
    sink.report('action', scalar, `${element} '${text}' is not a known ${service} action.`, { severity: 'warning', suggestions: close, replaceable: true });
  }
}

/** cfn-lint's ARN shape for identity and other policies (`arn:*:` partitions allowed). */
const ARN = /^(arn:(aws[A-Za-z-]*?|\*):[^:]+:[^:]*(:(?:\d{12}|\*|aws)?:.+|)|\*)$/;
/** cfn-lint's E3514 shape for the resource policies it checks (a real partition). */
const RESOURCE_POLICY_ARN = /^(arn:aws[A-Za-z-]*?:[^:]+:[^:]*(:(?:\d{12}|\*|aws)?:.+|)|\*)$/;

/** Checks `Resource` / `NotResource` values: ARNs or `*` (S3 bucket policies: ARNs only). */
export function checkResources(sink: IssueSink, node: LocatedNode, element: string, profile: PolicyProfile, strictPartition: boolean): void {
  for (const scalar of literalStrings(node)) {
    const text = scalar.value as string;
    if (text === '*' && !profile.resourceWildcard) {
      sink.report('resource-arn', scalar, `${element} '*' is not accepted in an S3 bucket policy: name the bucket's ARNs (arn:aws:s3:::bucket and arn:aws:s3:::bucket/*).`);
      continue;
    }
    if ((strictPartition ? RESOURCE_POLICY_ARN : ARN).test(text)) continue;
    const hint = text.startsWith('arn:') ? ' Check the partition, the colons and the 12-digit account.' : ' An ARN reads arn:partition:service:region:account:resource.';
    sink.report('resource-arn', scalar, `${element} '${text}' is not an ARN or '*'.${hint}`);
  }
}

const PRINCIPAL_KEYS = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
const AWS_PRINCIPAL = [
  /^\d{12}$/,
  /^arn:aws[A-Za-z-]*:iam::\d{12}:(?:root|user|group|role)/,
  /^arn:aws[A-Za-z-]*:sts::\d{12}:(?:assumed-role|federated-user)/,
  /^arn:aws[A-Za-z-]*:iam::cloudfront:user\/.+$/,
  // Unique ids (AIDA..., AROA...), which IAM shows in place of deleted principals.
  /^A[A-Z0-9]{15,127}$/,
];

/** Checks a `Principal` / `NotPrincipal`: `*` or a mapping of AWS / Service / Federated / CanonicalUser to values of their shapes. */
export function checkPrincipal(sink: IssueSink, node: LocatedNode, element: string): void {
  for (const value of possibleValues(node)) {
    if (value.kind === 'scalar') {
      if (value.value === '*') continue;
      const shown = value.text.length > 80 ? `${value.text.slice(0, 77)}...` : value.text;
      const hint = /^(arn:|\d{12}$)/.test(value.text) ? ` Write it as ${element}: { AWS: '${shown}' }.` : '';
      sink.report('principal', value, `${element} '${shown}' must be '*' or a mapping of AWS, Service, Federated or CanonicalUser to principals.${hint}`);
      continue;
    }
    if (value.kind === 'sequence') {
      sink.report('principal', value, `${element} must be '*' or a mapping of AWS, Service, Federated or CanonicalUser to principals, not a list.`);
      continue;
    }
    if (hasFunctionKeys(value)) continue;
    for (const pair of value.pairs) {
      const key = pair.key.text;
      if (!PRINCIPAL_KEYS.includes(key)) {
        sink.report('principal', pair.key, `'${key}' is not a kind of principal: ${element} takes AWS, Service, Federated and CanonicalUser.`, { suggestions: suggest(key, PRINCIPAL_KEYS), replaceable: true });
        continue;
      }
      for (const entry of possibleValues(pair.value)) {
        if (entry.kind === 'mapping') sink.report('principal', entry, `${element}.${key} must be a string or a list of strings.`);
        else if (entry.kind === 'sequence') {
          for (const item of entry.items.flatMap((i) => possibleValues(i))) {
            if (item.kind !== 'scalar') sink.report('principal', item, `${element}.${key} must be a string or a list of strings.`);
          }
        }
      }
      for (const scalar of literalStrings(pair.value)) checkPrincipalValue(sink, scalar, element, key);
    }
  }
}

function checkPrincipalValue(sink: IssueSink, scalar: ScalarNode, element: string, key: string): void {
  const text = scalar.value as string;
  if (key === 'AWS') {
    if (text !== '*' && /[*?]/.test(text)) {
      sink.report('principal', scalar, `${element}.AWS '${text}' uses a wildcard: principals cannot match part of a name or ARN. Use '*' with a Condition such as ArnLike: { 'aws:PrincipalArn': '${text}' }.`);
      return;
    }
    if (text === '*' || AWS_PRINCIPAL.some((pattern) => pattern.test(text))) return;
    sink.report('principal', scalar, `${element}.AWS '${text}' is not a principal: use a 12-digit account id, an IAM ARN (arn:aws:iam::123456789012:root, :user/..., :role/...), an assumed-role session ARN or '*'.`);
  } else if (key === 'Service') {
    if (text.includes('.') && !text.startsWith('arn:')) return;
    sink.report('principal', scalar, `${element}.Service '${text}' is not a service principal: those read like 'lambda.amazonaws.com'.`);
  } else if (key === 'CanonicalUser') {
    if (/^[0-9a-fA-F]{64}$/.test(text)) return;
    sink.report('principal', scalar, `${element}.CanonicalUser '${text}' is not a canonical user id (64 hexadecimal characters).`);
  }
}

/** Condition operators cfn-lint accepts, plus `BinaryEquals` with the prefixes and `IfExists`. */
const OPERATORS = [
  /^(ForAnyValue:|ForAllValues:)?(Not)?IpAddress(Exists)?(IfExists)?$/,
  /^(ForAnyValue:|ForAllValues:)?Arn(Not)?(Equals|Like)(Exists)?(IfExists)?$/,
  /^(ForAnyValue:|ForAllValues:)?Bool(IfExists)?$/,
  /^(ForAnyValue:|ForAllValues:)?Date(Less|Greater)Than(Equals)?(IfExists)?$/,
  /^(ForAnyValue:|ForAllValues:)?Date(Not)?Equals(IfExists)?$/,
  /^(ForAnyValue:|ForAllValues:)?Null(IfExists)?$/,
  /^(ForAnyValue:|ForAllValues:)?Numeric(Less|Greater)Than(Equals)?(Exists)?(IfExists)?$/,
  /^(ForAnyValue:|ForAllValues:)?Numeric(Not)?Equals(Exists)?(IfExists)?$/,
  /^(ForAnyValue:|ForAllValues:)?String(Not)?Equals(IgnoreCase)?(Exists)?(IfExists)?$/,
  /^(ForAnyValue:|ForAllValues:)?String(Not)?Like(Exists)?(IfExists)?$/,
  /^(ForAnyValue:|ForAllValues:)?BinaryEquals(IfExists)?$/,
];
/** The documented operators, for "did you mean". */
const OPERATOR_NAMES = [
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null',
];

/** Splits `ForAnyValue:StringLikeIfExists` into prefix, operator and suffix, for suggestions that keep both. */
function operatorParts(key: string): { prefix: string; base: string; suffix: string } {
  const prefix = /^(ForAnyValue:|ForAllValues:)/.exec(key)?.[0] ?? '';
  const rest = key.slice(prefix.length);
  const suffix = rest.endsWith('IfExists') && rest.length > 8 ? 'IfExists' : '';
  return { prefix, base: rest.slice(0, rest.length - suffix.length), suffix };
}

/** Checks a `Condition` block: operators that exist, each mapping condition keys to a value or a list of values. */
export function checkCondition(sink: IssueSink, node: LocatedNode): void {
  for (const value of possibleValues(node)) {
    if (value.kind !== 'mapping') {
      sink.report('condition', value, 'Condition must be a mapping of condition operators (StringEquals, ArnLike...) to { condition key: value(s) }.');
      continue;
    }
    if (hasFunctionKeys(value)) continue;
    for (const pair of value.pairs) {
      const operator = pair.key.text;
      if (!OPERATORS.some((pattern) => pattern.test(operator))) {
        const { prefix, base, suffix } = operatorParts(operator);
        const suggestions = suggest(base, OPERATOR_NAMES).map((name) => prefix + name + suffix);
        sink.report('condition', pair.key, `'${operator}' is not a condition operator.`, { suggestions, replaceable: true });
        continue;
      }
      checkConditionValues(sink, pair.value, operator);
    }
  }
}

function checkConditionValues(sink: IssueSink, node: LocatedNode, operator: string): void {
  const isNull = operatorParts(operator).base === 'Null';
  for (const block of possibleValues(node)) {
    if (block.kind !== 'mapping') {
      sink.report('condition', block, `${operator} must map condition keys to values, e.g. ${operator}: { 'aws:SourceAccount': '123456789012' }.`);
      continue;
    }
    if (hasFunctionKeys(block)) continue;
    for (const pair of block.pairs) {
      for (const entry of possibleValues(pair.value)) {
        const items = entry.kind === 'sequence' ? entry.items.flatMap((item) => possibleValues(item)) : [entry];
        for (const item of items) {
          if (item.kind !== 'scalar') {
            sink.report('condition', item, `The value of condition key '${pair.key.text}' under ${operator} must be a string, number or boolean, or a list of them.`);
          } else if (isNull && !['true', 'false'].includes(String(item.value).toLowerCase())) {
            sink.report('condition', item, `Null takes true (the key is absent) or false (it is present), not '${item.text}'.`);
          }
        }
      }
    }
  }
}
