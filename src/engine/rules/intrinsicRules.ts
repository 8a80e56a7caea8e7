import type { Rule, RuleContext } from './rule';
import { TEMPLATE_KINDS } from './rule';
import type { LocatedNode, MappingNode, Span } from '../document/located';
import { asIntrinsic, INTRINSIC_FUNCTIONS } from '../cfn/intrinsics';
import type { IntrinsicCall } from '../cfn/intrinsics';
import { scanIntrinsics } from '../cfn/intrinsicSites';
import type { IntrinsicSite } from '../cfn/intrinsicSites';
import type { TemplateModel } from '../cfn/template';
import { hasCustomMacro } from '../cfn/transforms';
import { didYouMean, suggest } from '../util/suggest';
import { renameFixes } from '../util/edits';

/** The transform that enables Fn::ForEach, Fn::Length, Fn::ToJsonString and richer arguments. */
const LANGUAGE_EXTENSIONS = 'AWS::LanguageExtensions';

/** Functions of the `Rules` section only. */
const RULE_FUNCTIONS: ReadonlySet<string> = new Set(['Fn::Contains', 'Fn::EachMemberEquals', 'Fn::EachMemberIn', 'Fn::RefAll', 'Fn::ValueOf', 'Fn::ValueOfAll']);
const CONDITION_FUNCTIONS: ReadonlySet<string> = new Set(['Fn::And', 'Fn::Or', 'Fn::Not', 'Fn::Equals']);
/** What an item of Fn::And / Fn::Or / Fn::Not may be. */
const BOOLEAN_FUNCTIONS: ReadonlySet<string> = new Set([...CONDITION_FUNCTIONS, 'Condition', ...RULE_FUNCTIONS]);
/** Functions DeletionPolicy / UpdateReplacePolicy accept (they must resolve to a policy name). */
const POLICY_FUNCTIONS: ReadonlySet<string> = new Set(['Ref', 'Fn::If', 'Fn::FindInMap', 'Fn::Sub', 'Fn::Select']);

function hasLanguageExtensions(template: TemplateModel): boolean {
  return template.transforms.includes(LANGUAGE_EXTENSIONS);
}

/** A short description of a node for messages. */
function describe(node: LocatedNode): string {
  if (node.kind === 'sequence') return 'a list';
  if (node.kind === 'mapping') {
    const call = asIntrinsic(node);
    return call ? call.name : 'a mapping';
  }
  if (node.value === null) return 'an empty value';
  return typeof node.value === 'string' ? 'a string' : `a ${typeof node.value}`;
}

/** Where to report a problem with a whole argument: the function key when the argument has no text of its own. */
function argumentSpan(call: IntrinsicCall): Span {
  const argument = call.argument;
  return argument.kind === 'scalar' && argument.span.start === argument.span.end ? call.keyNode.span : argument.span;
}

const isCall = (node: LocatedNode | undefined): boolean => asIntrinsic(node) !== undefined;
/** `Rain::` directives are replaced by the Rain CLI before deployment: any shape may be right. */
const isOpaque = (node: LocatedNode | undefined): boolean => asIntrinsic(node)?.name.startsWith('Rain::') === true;
const isNonEmptyString = (node: LocatedNode | undefined): boolean => node?.kind === 'scalar' && typeof node.value === 'string' && node.value !== '';
const isValueScalar = (node: LocatedNode | undefined): boolean => node?.kind === 'scalar' && node.value !== null;
/** A literal non-negative integer, written as a number or a numeric string (CloudFormation accepts both). */
const isIndex = (node: LocatedNode | undefined): boolean => node?.kind === 'scalar' && /^\d+$/.test(node.text.trim());

/** Checks one call's argument shape; `report` receives the span and message. */
class ShapeChecker {
  constructor(
    private readonly template: TemplateModel,
    private readonly report: (span: Span, message: string) => void,
  ) {}

  private get extended(): boolean {
    return hasLanguageExtensions(this.template);
  }

  /** Checks a list argument's length; returns its items when the argument is a list. */
  private list(call: IntrinsicCall, min: number, max: number, form: string): readonly LocatedNode[] | undefined {
    const argument = call.argument;
    if (argument.kind !== 'sequence') {
      this.report(argumentSpan(call), `${call.name} takes a list ${form}, not ${describe(argument)}.`);
      return undefined;
    }
    const count = argument.items.length;
    if (count < min || count > max) {
      const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      this.report(call.keyNode.span, `${call.name} takes ${expected} ${max === 1 ? 'item' : 'items'} ${form}; found ${count}.`);
      return undefined;
    }
    return argument.items;
  }

  /** A value argument: a literal scalar or a function call; never a plain list or mapping. */
  private value(node: LocatedNode | undefined, call: IntrinsicCall, what: string, allowEmpty = false): void {
    if (!node || isCall(node)) return;
    if (node.kind === 'scalar' && (allowEmpty || node.value !== null)) return;
    const span = node.kind === 'scalar' ? call.keyNode.span : node.span;
    this.report(span, `The ${what} of ${call.name} must be a string or a function, not ${describe(node)}.`);
  }

  /** A list argument: a literal list or a function returning one. */
  private listValue(node: LocatedNode | undefined, call: IntrinsicCall, what: string): void {
    if (!node || node.kind === 'sequence' || isCall(node)) return;
    this.report(node.kind === 'scalar' && node.value === null ? call.keyNode.span : node.span, `The ${what} of ${call.name} must be a list or a function returning one, not ${describe(node)}.`);
  }

  /** A delimiter: a literal string, no functions. */
  private delimiter(node: LocatedNode | undefined, call: IntrinsicCall): void {
    if (!node || isValueScalar(node) || isOpaque(node)) return;
    this.report(node.kind === 'scalar' ? call.keyNode.span : node.span, `The delimiter of ${call.name} must be a literal string (functions are not allowed there), not ${describe(node)}.`);
  }

  private needsExtensions(call: IntrinsicCall, what = call.name): boolean {
    if (this.extended) return true;
    this.report(call.keyNode.span, `${what} needs the AWS::LanguageExtensions transform (Transform: AWS::LanguageExtensions).`);
    return false;
  }

  check(call: IntrinsicCall): void {
    if (call.name.startsWith('Rain::') || isOpaque(call.argument)) return;
    if (call.name.startsWith('Fn::ForEach::')) {
      this.forEach(call);
      return;
    }
    switch (call.name) {
      case 'Ref':
        return this.ref(call);
      case 'Condition':
        if (!isNonEmptyString(call.argument)) this.report(argumentSpan(call), `Condition takes the name of a condition, not ${describe(call.argument)}.`);
        return;
      case 'Fn::GetAtt':
        return this.getAtt(call);
      case 'Fn::Sub':
        return this.sub(call);
      case 'Fn::If':
        return this.if(call);
      case 'Fn::Equals':
        this.list(call, 2, 2, '[value1, value2]');
        return;
      case 'Fn::Not':
        this.booleanItems(call, this.list(call, 1, 1, '[condition]'));
        return;
      case 'Fn::And':
      case 'Fn::Or':
        this.booleanItems(call, this.list(call, 2, 10, '[condition, condition, ...]'));
        return;
      case 'Fn::FindInMap':
        return this.findInMap(call);
      case 'Fn::Select': {
        const items = this.list(call, 2, 2, '[index, list]');
        if (!items) return;
        const [index, list] = items;
        if (!isCall(index) && !isIndex(index)) this.report(index!.span, `The index of Fn::Select must be a non-negative integer or a function, not ${describe(index!)}${index!.kind === 'scalar' && index!.value !== null ? ` '${index!.text}'` : ''}.`);
        this.listValue(list, call, 'list');
        return;
      }
      case 'Fn::Split': {
        const items = this.list(call, 2, 2, '[delimiter, string]');
        if (!items) return;
        this.delimiter(items[0], call);
        this.value(items[1], call, 'source string');
        return;
      }
      case 'Fn::Join': {
        const items = this.list(call, 2, 2, '[delimiter, [values]]');
        if (!items) return;
        this.delimiter(items[0], call);
        this.listValue(items[1], call, 'list of values');
        return;
      }
      case 'Fn::GetAZs':
        // `!GetAZs ''` and a bare `!GetAZs` both mean the stack's region; a written null (JSON
        // `null`, YAML `null` or `~`) is refused by CloudFormation ("'null' values are not allowed").
        if (call.argument.kind === 'scalar' && call.argument.value === null && call.argument.text.trim() !== '') {
          this.report(call.argument.span, `The region of Fn::GetAZs cannot be null: CloudFormation refuses null values in templates. Write "" for the stack's region.`);
          return;
        }
        this.value(call.argument, call, 'region', true);
        return;
      case 'Fn::ImportValue':
        if (asIntrinsic(call.argument)?.name === 'Fn::ImportValue') this.report(call.argument.span, 'Fn::ImportValue cannot contain another Fn::ImportValue.');
        else this.value(call.argument, call, 'export name');
        return;
      case 'Fn::Base64':
        this.value(call.argument, call, 'argument');
        return;
      case 'Fn::Cidr':
        return this.cidr(call);
      case 'Fn::Transform':
        return this.transform(call);
      case 'Fn::Length':
        if (this.needsExtensions(call)) this.listValue(call.argument, call, 'argument');
        return;
      case 'Fn::ToJsonString': {
        if (!this.needsExtensions(call)) return;
        const argument = call.argument;
        if (argument.kind === 'scalar') this.report(argumentSpan(call), `Fn::ToJsonString takes a mapping or a list, not ${describe(argument)}.`);
        return;
      }
      default:
    }
  }

  private ref(call: IntrinsicCall): void {
    const argument = call.argument;
    if (isNonEmptyString(argument)) return;
    if (isCall(argument)) {
      // With the LanguageExtensions transform, Ref may take a function that resolves to a name.
      if (!this.extended) this.report(argument.span, `Ref takes a literal name; a function inside Ref (${describe(argument)}) needs the AWS::LanguageExtensions transform.`);
      return;
    }
    if (argument.kind === 'scalar' && argument.value !== null && argument.value !== '') return;
    this.report(argumentSpan(call), `Ref takes the name of a parameter, resource or pseudo parameter, not ${describe(argument)}.`);
  }

  private getAtt(call: IntrinsicCall): void {
    const argument = call.argument;
    if (argument.kind === 'scalar') {
      if (typeof argument.value === 'string' && /^[^.]+\.[^.].*$/.test(argument.value) && !argument.value.endsWith('.')) return;
      this.report(argumentSpan(call), `Fn::GetAtt takes 'LogicalId.AttributeName' or [LogicalId, AttributeName]${argument.value === null ? '' : `, not '${argument.text}'`}.`);
      return;
    }
    if (argument.kind === 'mapping') {
      this.report(argument.span, `Fn::GetAtt takes 'LogicalId.AttributeName' or [LogicalId, AttributeName], not ${describe(argument)}.`);
      return;
    }
    const items = this.list(call, 2, 2, '[LogicalId, AttributeName]');
    if (!items) return;
    const [resource, attribute] = items;
    if (!isNonEmptyString(resource) && !isOpaque(resource) && !(this.extended && isCall(resource))) {
      this.report(resource!.span, `The logical id in Fn::GetAtt must be a literal string${this.extended ? ' or a function' : ''}, not ${describe(resource!)}.`);
    }
    if (isNonEmptyString(attribute) || isOpaque(attribute)) return;
    const attributeCall = asIntrinsic(attribute);
    if (attributeCall && (attributeCall.name === 'Ref' || this.extended)) return;
    const allowed = this.extended ? 'a string or a function' : 'a string or a Ref';
    this.report(attribute!.span, `The attribute name in Fn::GetAtt must be ${allowed}, not ${describe(attribute!)}.`);
  }

  private sub(call: IntrinsicCall): void {
    const argument = call.argument;
    if (argument.kind === 'scalar') {
      if (argument.value === null) this.report(call.keyNode.span, 'Fn::Sub needs a string (or [string, {variables}]).');
      return;
    }
    if (argument.kind === 'mapping') {
      this.report(argument.span, `Fn::Sub takes a string or [string, {variables}], not ${describe(argument)}; the string itself cannot be a function.`);
      return;
    }
    // CloudFormation documents the variable map as optional, so a one-item list is accepted.
    const items = this.list(call, 1, 2, '[string, {variables}]');
    if (!items) return;
    const [text, variables] = items;
    if (!isValueScalar(text) && !isOpaque(text)) this.report(text!.kind === 'scalar' ? call.keyNode.span : text!.span, `The first item of Fn::Sub must be a literal string (functions are not allowed there), not ${describe(text!)}.`);
    if (variables && !isOpaque(variables) && (variables.kind !== 'mapping' || isCall(variables))) {
      this.report(variables.span, `The second item of Fn::Sub must be a mapping of variable names to values, not ${describe(variables)}.`);
    }
  }

  private if(call: IntrinsicCall): void {
    const items = this.list(call, 3, 3, '[condition name, value if true, value if false]');
    const condition = items?.[0];
    if (!condition || isNonEmptyString(condition) || isOpaque(condition)) return;
    const hint = asIntrinsic(condition, true)?.name === 'Condition' ? ' (write the name itself, without Condition)' : '';
    this.report(condition.span, `The first item of Fn::If must be the name of a condition${hint}, not ${describe(condition)}.`);
  }

  private booleanItems(call: IntrinsicCall, items: readonly LocatedNode[] | undefined): void {
    for (const item of items ?? []) {
      const inner = asIntrinsic(item, true);
      if (inner && BOOLEAN_FUNCTIONS.has(inner.name)) continue;
      if ((item.kind === 'scalar' && typeof item.value === 'boolean') || isOpaque(item)) continue;
      const hint = isNonEmptyString(item) ? ` To use the condition '${item.kind === 'scalar' ? item.text : ''}', write {Condition: ${item.kind === 'scalar' ? item.text : ''}} (or !Condition ${item.kind === 'scalar' ? item.text : ''}).` : '';
      this.report(item.kind === 'scalar' && item.value === null ? call.keyNode.span : item.span, `Each item of ${call.name} must be a condition function (Fn::Equals, Fn::And, Fn::Or, Fn::Not) or a Condition reference, not ${describe(item)}.${hint}`);
    }
  }

  private findInMap(call: IntrinsicCall): void {
    const items = this.list(call, 3, 4, '[MapName, TopLevelKey, SecondLevelKey]');
    if (!items) return;
    items.slice(0, 3).forEach((item, i) => this.value(item, call, ['map name', 'top-level key', 'second-level key'][i]!));
    const fallback = items[3];
    if (!fallback) return;
    if (!this.extended) {
      this.report(fallback.span, 'A fourth Fn::FindInMap item (DefaultValue) needs the AWS::LanguageExtensions transform.');
      return;
    }
    const valid = fallback.kind === 'mapping' && fallback.pairs.length === 1 && fallback.pairs[0]!.key.text === 'DefaultValue';
    if (!valid) this.report(fallback.span, `The fourth item of Fn::FindInMap must be {DefaultValue: value}, not ${describe(fallback)}.`);
  }

  private cidr(call: IntrinsicCall): void {
    // The documentation shows three arguments; cfn-lint accepts two, so do we.
    const items = this.list(call, 2, 3, '[ipBlock, count, cidrBits]');
    if (!items) return;
    const [block, ...numbers] = items;
    this.value(block, call, 'ipBlock');
    numbers.forEach((item, i) => {
      if (!isCall(item) && !isIndex(item)) this.report(item.span, `The ${i === 0 ? 'count' : 'cidrBits'} of Fn::Cidr must be a positive integer or a function, not ${describe(item)}.`);
    });
  }

  private transform(call: IntrinsicCall): void {
    const argument = call.argument;
    // A list runs several macros in turn (the macro examples of aws-cloudformation-templates do this).
    const transforms = argument.kind === 'sequence' ? argument.items : [argument];
    for (const transform of transforms) {
      if (transform.kind !== 'mapping' || isCall(transform)) {
        const span = transform === argument ? argumentSpan(call) : transform.span;
        this.report(span, `Fn::Transform takes {Name: MacroName, Parameters: {...}} (or a list of them), not ${describe(transform)}.`);
        continue;
      }
      this.transformSpec(call, transform);
    }
  }

  private transformSpec(call: IntrinsicCall, spec: MappingNode): void {
    let hasName = false;
    for (const pair of spec.pairs) {
      if (pair.key.text === 'Name') {
        hasName = true;
        if (!isNonEmptyString(pair.value) && !isOpaque(pair.value)) this.report(pair.value.span.start === pair.value.span.end ? pair.key.span : pair.value.span, 'The Name of Fn::Transform must be the macro name as a string.');
      } else if (pair.key.text === 'Parameters') {
        if (pair.value.kind !== 'mapping' && !(pair.value.kind === 'scalar' && pair.value.value === null)) this.report(pair.value.span, `The Parameters of Fn::Transform must be a mapping, not ${describe(pair.value)}.`);
      } else {
        this.report(pair.key.span, `Fn::Transform accepts only Name and Parameters, not '${pair.key.text}'.${didYouMean(suggest(pair.key.text, ['Name', 'Parameters']))}`);
      }
    }
    if (!hasName) this.report(spec === call.argument ? call.keyNode.span : spec.span, 'Fn::Transform needs a Name (the macro to run, e.g. AWS::Include).');
  }

  private forEach(call: IntrinsicCall): void {
    if (!this.needsExtensions(call, 'Fn::ForEach')) return;
    const loopName = call.name.slice('Fn::ForEach::'.length);
    if (!/^[A-Za-z0-9]+$/.test(loopName)) {
      this.report(call.keyNode.span, `The loop name in '${call.name}' must be alphanumeric (Fn::ForEach::LoopName).`);
    }
    const items = this.list(call, 3, 3, '[Identifier, Collection, {OutputKey: OutputValue}]');
    if (!items) return;
    const [identifier, collection, output] = items;
    const identifierOk = isNonEmptyString(identifier) || (identifier!.kind === 'sequence' && identifier!.items.length > 0 && identifier!.items.every(isNonEmptyString));
    if (!identifierOk) this.report(identifier!.span.start === identifier!.span.end ? call.keyNode.span : identifier!.span, `The identifier of ${call.name} must be a name such as 'Name', not ${describe(identifier!)}.`);
    this.listValue(collection, call, 'collection');
    const nested = asIntrinsic(output)?.name.startsWith('Fn::ForEach::') === true;
    if (output!.kind !== 'mapping' || (isCall(output) && !nested)) {
      this.report(output!.span.start === output!.span.end ? call.keyNode.span : output!.span, `The third item of ${call.name} must be a mapping {OutputKey: OutputValue}, not ${describe(output!)}.`);
    }
  }
}

/** Known function names for "did you mean". */
const KNOWN_NAMES = [...INTRINSIC_FUNCTIONS, 'Fn::ForEach::Name'];

/** Every intrinsic function call must have the argument shape CloudFormation expects. */
export const intrinsicShapeRule: Rule = {
  id: 'cfn-intrinsic-shape',
  description: 'Intrinsic functions must have the right argument shape and count (Ref, Fn::GetAtt, Fn::Sub, Fn::If, Fn::Join...), be the only key of their mapping, and exist.',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context: RuleContext) {
    const { document, template } = context;
    if (!template) return;
    const scan = scanIntrinsics(document, template);
    const checker = new ShapeChecker(template, (span, message) => context.report(span, message));
    for (const site of scan.sites) checker.check(site.call);
    for (const stray of scan.strayKeys) {
      const name = stray.key.text;
      if (stray.kind === 'mixed') {
        const others = stray.node.pairs.filter((pair) => pair.key !== stray.key).map((pair) => `'${pair.key.text}'`);
        context.report(stray.key.span, `${name} must be the only key of its mapping; this mapping also has ${others.slice(0, 3).join(', ')}${others.length > 3 ? ', ...' : ''}.`);
        continue;
      }
      if (name === 'Fn::ForEach') {
        context.report(stray.key.span, 'Fn::ForEach needs a loop name: write Fn::ForEach::LoopName.');
        continue;
      }
      // A custom macro may define `Fn::` functions of its own.
      if (hasCustomMacro(template)) continue;
      const suggestions = suggest(name, KNOWN_NAMES);
      context.report(stray.key.span, `Unknown intrinsic function '${name}'.${didYouMean(suggestions)}`, renameFixes(document.text, stray.key.span, suggestions.filter((s) => !s.endsWith('::Name'))));
    }
  },
};

/** Whether a `{Condition: Name}` call sits where it names a condition. */
function isConditionPosition(site: IntrinsicSite): boolean {
  const parent = site.enclosing[site.enclosing.length - 1];
  // Inside Fn::Equals it is a misplaced value (reported below); as the first item of Fn::If, cfn-intrinsic-shape reports it.
  if (parent === 'Fn::And' || parent === 'Fn::Or' || parent === 'Fn::Not' || parent === 'Fn::Equals' || parent === 'Fn::If') return true;
  return (site.place.section === 'Conditions' && site.enclosing.length === 0) || site.place.section === 'Rules';
}

/** Where each kind of function may appear, as a message when it may not. */
function contextProblem(site: IntrinsicSite): string | undefined {
  const { call, place, enclosing } = site;
  const name = call.name;
  const parent = enclosing[enclosing.length - 1];
  if (name.startsWith('Rain::')) return undefined;
  switch (place.section) {
    case 'Parameters':
      return enclosing.length === 0 ? `Intrinsic functions cannot be used in Parameters (${name}${place.entry ? ` in '${place.entry}'` : ''}); parameter definitions must be literal values.` : undefined;
    case 'Mappings':
      return enclosing.length === 0 && name !== 'Fn::Transform' ? `Intrinsic functions cannot be used in Mappings (${name}${place.entry ? ` in '${place.entry}'` : ''}); mapping values must be literal strings or lists.` : undefined;
    case 'Description':
      return enclosing.length === 0 ? `The template Description must be a literal string, not ${name}.` : undefined;
    case 'Rules':
      return undefined;
    default:
  }
  if (RULE_FUNCTIONS.has(name)) return `${name} can only be used in the Rules section.`;
  if (name === 'Condition' && !isConditionPosition(site)) {
    return 'A !Condition reference only works inside Fn::And, Fn::Or and Fn::Not (or as a whole condition); to choose a value by condition, use Fn::If [ConditionName, ...].';
  }
  if (name === 'Condition' && parent === 'Fn::Equals') return 'Fn::Equals compares two values; a {Condition: Name} reference is not a value (combine conditions with Fn::And / Fn::Or).';
  if (place.section === 'Conditions') {
    if (name === 'Fn::If') return 'Fn::If cannot be used in Conditions; combine conditions with Fn::And, Fn::Or and Fn::Not.';
    if (name === 'Fn::GetAtt') return 'Fn::GetAtt cannot be used in Conditions: conditions are evaluated before any resource exists.';
    return undefined;
  }
  if (CONDITION_FUNCTIONS.has(name) && !enclosing.some((fn) => CONDITION_FUNCTIONS.has(fn))) {
    return `${name} is a condition function: it can only be used in Conditions (or Rules). Define a named condition and use Fn::If here.`;
  }
  if (enclosing.length > 0) return undefined;
  const attribute = place.attribute;
  if (place.section === 'Resources') {
    if (attribute === 'DependsOn') return `DependsOn must list logical ids literally; ${name} cannot be used here.`;
    if (attribute === 'Condition') return `A resource Condition must be the literal name of a condition, not ${name}.`;
    if ((attribute === 'DeletionPolicy' || attribute === 'UpdateReplacePolicy') && !POLICY_FUNCTIONS.has(name)) {
      return `${attribute} accepts only Ref, Fn::If, Fn::FindInMap, Fn::Sub or Fn::Select, not ${name}.`;
    }
  }
  if (place.section === 'Outputs') {
    if (attribute === 'Condition') return `An output Condition must be the literal name of a condition, not ${name}.`;
    if (attribute === 'Description') return `An output Description must be a literal string; CloudFormation rejects ${name} here ("Every Description member must be a string").`;
  }
  return undefined;
}

/** Functions may appear only where CloudFormation evaluates them. */
export const intrinsicContextRule: Rule = {
  id: 'cfn-intrinsic-context',
  description:
    'Intrinsic functions only where CloudFormation allows them: none in Parameters, Mappings, DependsOn or a Condition attribute; condition functions only in Conditions and Rules; Fn::If and Fn::GetAtt not in Conditions; Rules functions only in Rules.',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context: RuleContext) {
    const { document, template } = context;
    if (!template) return;
    for (const site of scanIntrinsics(document, template).sites) {
      const problem = contextProblem(site);
      if (problem) context.report(site.call.keyNode.span, problem);
    }
  },
};
